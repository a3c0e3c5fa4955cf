#!/bin/sh
# The web UI served by luoshi: index.html at / and at app routes (history
# routing), hashed assets cached for a year and gzip-compressed when the
# client accepts it, index.html revalidated, unknown files 404, and the API
# untouched by the fallback.
. "$(dirname "$0")/lib.sh"

api_init
server_start

api GET /
expect_status 200 "GET / serves the app"
case "$BODY" in *'<div id="app"'*) ok ;; *) bad "index.html has the app's mount point" ;; esac
expect_eq "$(header Content-Type)" "text/html; charset=utf-8" "index.html type"
expect_eq "$(header Cache-Control)" "no-cache" "index.html is revalidated"
index=$BODY

api GET /tasks/7
expect_status 200 "an app route gets the app"
expect_eq "$BODY" "$index" "the same index.html for /tasks/7"

asset=$(printf '%s' "$index" | sed -n 's/.*src="\(\/assets\/[^"]*\.js\)".*/\1/p' | head -1)
[ -n "$asset" ] && ok || bad "index.html names a script under /assets/"
api GET "$asset"
expect_status 200 "the app's script"
expect_eq "$(header Cache-Control)" "public, max-age=31536000, immutable" \
	"hashed assets are immutable"
expect_eq "$(header Content-Type)" "text/javascript; charset=utf-8" "script type"
plain_len=$(printf '%s' "$BODY" | wc -c)
api GET "$asset" -H 'Accept-Encoding: gzip'
expect_eq "$(header Content-Encoding)" "gzip" "gzip when accepted"
gz_len=$(header Content-Length)
[ "${gz_len:-0}" -gt 0 ] && [ "$gz_len" -lt "$plain_len" ] && ok ||
	bad "compressed script is smaller ($gz_len < $plain_len)"

api GET /assets/nope-123.js
expect_status 404 "unknown asset"
api GET /api/v1/nope
expect_status 404 "the API keeps its 404"
case "$BODY" in *'"not_found"'*) ok ;; *) bad "API 404 is JSON" ;; esac

api_done
