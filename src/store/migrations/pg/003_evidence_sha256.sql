-- luoshi schema, version 3: find evidence by its hash (downloads).
CREATE INDEX evidence_sha256 ON evidence(sha256);
