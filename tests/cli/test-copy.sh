#!/bin/sh
# luoshi copy and luoshi migrate (issue 7). A demo city in SQLite is
# copied to a middle database — the suite's PostgreSQL database when
# LUOSHI_TEST_PG_URL is set, else another SQLite file — and from there
# to a new SQLite file, which must equal the first table by table, with
# the evidence files and a verified audit chain on all three. Refusals
# (target not empty, other schema version, same database, bad URL) change
# nothing. migrate: a new database, an up-to-date one, --check, and two
# runs at once applying each migration once.
. "$(dirname "$0")/lib.sh"

A="$TMP/a.db"
C="$TMP/c.db"
if [ -n "${LUOSHI_TEST_PG_URL:-}" ]; then
	MID=$LUOSHI_TEST_PG_URL
	MID_FILES=$LUOSHI_FILES
else
	MID="$TMP/b.db"
	MID_FILES="$TMP/b.db.files"
fi

# The schema's tables, from SQLite's catalogue (not the FTS index).
tables() {
	sqlite3 "$1" "SELECT s.name FROM sqlite_schema s
		JOIN pragma_table_list l ON l.name = s.name
		AND l.schema = 'main' WHERE s.type = 'table'
		AND l.type = 'table' AND s.name NOT LIKE 'sqlite%'
		AND s.name <> 'schema_version' ORDER BY s.name"
}

# One table's rows, every value quoted with its type, sorted.
rows() {
	sqlite3 -quote "$1" "SELECT * FROM \"$2\"" | LC_ALL=C sort
}

# schema_version: count, distinct versions, lowest, highest.
versions() {
	case $1 in
	postgres*)
		psql "$1" -Atc "SELECT count(*), count(DISTINCT version),
			min(version), max(version) FROM schema_version" ;;
	*)
		sqlite3 "$1" "SELECT count(*), count(DISTINCT version),
			min(version), max(version) FROM schema_version" ;;
	esac
}

expect_rc 0 "copy --help" copy --help
expect_contains "usage: luoshi copy --from DB --to DB" "copy --help text"
expect_rc 0 "migrate --help" migrate --help
expect_contains "usage: luoshi migrate [--check]" "migrate --help text"

# --- migrate -------------------------------------------------------------

expect_fail 5 "--check on a database not made yet" --db "$MID" migrate \
	--check
expect_err "pending" "--check says migrations are pending"
case $MID in
postgres*) ;;
*) [ ! -e "$MID" ] && ok || bad "--check created '$MID'" ;;
esac

# Two migrate runs at once on the new database: both succeed, and the
# migrations are applied once between them.
"$LUOSHI_BIN" --db "$MID" --json migrate >"$TMP/m1" 2>&1 &
p1=$!
"$LUOSHI_BIN" --db "$MID" --json migrate >"$TMP/m2" 2>&1 &
p2=$!
wait "$p1"
r1=$?
wait "$p2"
r2=$?
expect_eq "$r1 $r2" "0 0" "two migrate runs at once both succeed"
LATEST=$(jq -r .latest "$TMP/m1" 2>/dev/null)
case $LATEST in
'' | *[!0-9]*) bad "migrate --json gives latest: '$(cat "$TMP/m1")'" ;;
*) ok ;;
esac
applied=$(cat "$TMP/m1" "$TMP/m2" | jq -s 'map(.applied) | add')
expect_eq "$applied" "$LATEST" "the two runs applied $LATEST migrations \
between them"
pair=$(cat "$TMP/m1" "$TMP/m2" | jq -s -r 'map(.applied) | sort |
	map(tostring) | join(" ")')
expect_eq "$pair" "0 $LATEST" "one run applied all, the other none"
expect_eq "$(versions "$MID")" "$LATEST|$LATEST|1|$LATEST" \
	"schema_version holds each migration once"

expect_rc 0 "migrate an up-to-date database" --db "$MID" migrate
expect_out "$MID: schema version $LATEST, up to date (nothing applied)" \
	"migrate on an up-to-date database is a no-op"
expect_eq "$(versions "$MID")" "$LATEST|$LATEST|1|$LATEST" \
	"the no-op run recorded nothing"
expect_rc 0 "migrate --check up to date" --db "$MID" migrate --check
expect_out "$MID: schema version $LATEST, up to date" "--check says so"

expect_rc 0 "migrate a new SQLite file" --db "$TMP/f.db" --json migrate
jq_is '[.before, .after, .applied, .pending] | map(tostring) | join(" ")' \
	"0 $LATEST $LATEST 0" "migrate on a new file: 0 to latest"
expect_eq "$(versions "$TMP/f.db")" "$LATEST|$LATEST|1|$LATEST" \
	"the new file's schema_version"

# One version behind: --check exits 5 naming both versions.
expect_rc 0 "an older database" --db "$TMP/old.db" migrate
sqlite3 "$TMP/old.db" "DELETE FROM schema_version WHERE version = $LATEST"
expect_fail 5 "--check one behind" --db "$TMP/old.db" migrate --check
expect_err "has schema version $((LATEST - 1)), this luoshi's is \
$LATEST: 1 migrations pending" "--check names the versions"

# --- copy ------------------------------------------------------------------

expect_rc 0 "demo city in SQLite" --db "$A" demo --scale 50
AUDIT=$("$LUOSHI_BIN" --db "$A" --json audit log | jq length)
UNITS=$(sqlite3 "$A" "SELECT count(*) FROM units")
FILES=$(find "$A.files" -type f | wc -l)
[ "$FILES" -gt 0 ] && ok || bad "the demo stored no evidence file"

expect_rc 0 "copy SQLite -> middle" copy --from "$A" --to "$MID"
expect_contains "audit chain verified ($AUDIT entries)" \
	"copy verifies the target's chain"
expect_contains "$(printf '  %-20s %10s' units "$UNITS")" \
	"copy prints the rows of each table"
expect_rc 0 "audit verify on the middle" --db "$MID" audit verify
expect_out "audit trail intact: $AUDIT entries verified" \
	"the middle's chain is intact"
expect_eq "$(find "$MID_FILES" -type f | wc -l)" "$FILES" \
	"the evidence files reached the middle's folder"

expect_rc 0 "copy middle -> new SQLite" --json copy --from "$MID" --to "$C"
jq_is '.audit_verified' true "--json: audit verified"
jq_is '.audit_entries' "$AUDIT" "--json: audit entries"
jq_is '.tables[] | select(.table == "units") | .rows' "$UNITS" \
	"--json: rows of units"
jq_is '.files' "$FILES" "--json: evidence files"
jq_is '([.tables[].rows] | add) == .rows' true "--json: rows add up"
expect_rc 0 "audit verify on the copy" --db "$C" audit verify
expect_rc 0 "audit verify on the original" --db "$A" audit verify

# The round trip: every table equal, value by value with its type.
expect_eq "$(tables "$C")" "$(tables "$A")" "the same tables"
ntables=0
for t in $(tables "$A"); do
	ntables=$((ntables + 1))
	if [ "$(rows "$A" "$t")" = "$(rows "$C" "$t")" ]; then ok; else
		bad "table $t differs after the round trip"
	fi
done
[ "$ntables" -ge 30 ] && ok || bad "only $ntables tables compared"
if diff -r "$A.files" "$C.files" >/dev/null; then ok; else
	bad "evidence folders differ after the round trip"
fi
# The practices' search index was filled as the rows went in.
ls_run --db "$A" --json practice list --search 河长制
want=$(printf '%s' "$OUT" | jq -c 'map(.id)')
expect_rc 0 "search on the copy" --db "$C" --json practice list \
	--search 河长制
jq_is 'map(.id) | tostring' "$want" "the copy's search finds the same"
[ "$want" != "[]" ] && ok || bad "the search found nothing to compare"

# Ids go on after the largest copied one (PostgreSQL: setval).
maxid=$(sqlite3 "$A" "SELECT max(id) FROM tasks")
expect_rc 0 "a task on the middle" --db "$MID" --json task add "复制后新任务" \
	--lead HRB --due 2026-12-31
jq_is .id $((maxid + 1)) "the next id follows the copied ones"

# --- refusals: nothing changes ------------------------------------------

n_before=$("$LUOSHI_BIN" --db "$MID" --json audit log | jq length)
expect_fail 5 "copy onto a database that is not empty" copy --from "$A" \
	--to "$MID"
expect_err "is not empty (table 'units' has rows)" "names the table"
expect_eq "$("$LUOSHI_BIN" --db "$MID" --json audit log | jq length)" \
	"$n_before" "the refused target is unchanged"

expect_fail 2 "copy onto itself" copy --from "$A" --to "$A"
expect_err "--to '$A' is the same database as --from" "same path"
expect_fail 2 "copy onto itself by another path" copy --from "$A" \
	--to "$TMP/./a.db"
expect_err "is the same database" "same file, other path"
expect_eq "$("$LUOSHI_BIN" --db "$A" --json audit log | jq length)" \
	"$AUDIT" "the source is unchanged"

expect_fail 1 "copy to an unreachable URL" copy --from "$A" \
	--to "postgresql://nobody@127.0.0.1:1/none"
expect_err "cannot connect to database \
'postgresql://nobody@127.0.0.1:1/none'" "names the URL"
expect_fail 1 "copy from an unreachable URL" copy \
	--from "postgresql://nobody:secret@127.0.0.1:1/none" --to "$TMP/n.db"
expect_err "postgresql://nobody@127.0.0.1:1/none" "names it, not the password"
expect_lacks secret "no password on stdout"
case $ERR in *secret*) bad "the password is on stderr" ;; *) ok ;; esac
[ ! -e "$TMP/n.db" ] && ok || bad "a failed copy left '$TMP/n.db'"
expect_fail 1 "copy from a missing file" copy --from "$TMP/none.db" \
	--to "$TMP/n.db"
expect_err "database '$TMP/none.db' does not exist" "names the file"
expect_fail 2 "copy without --to" copy --from "$A"
expect_err "copy needs --from DB and --to DB" "names the options"

# Schema versions differ: an older target, an older source.
expect_rc 0 "an older target" --db "$TMP/old2.db" migrate
sqlite3 "$TMP/old2.db" "DELETE FROM schema_version WHERE version = $LATEST"
expect_fail 5 "copy onto an older target" copy --from "$A" \
	--to "$TMP/old2.db"
expect_err "target database '$TMP/old2.db' has schema version \
$((LATEST - 1)), the source $LATEST" "names both versions"
expect_eq "$(sqlite3 "$TMP/old2.db" "SELECT count(*) FROM units")" 0 \
	"the older target is unchanged"
expect_fail 5 "copy from an older source" copy --from "$TMP/old2.db" \
	--to "$TMP/n.db"
expect_err "run 'luoshi migrate' on it first" "says what to do"
[ ! -e "$TMP/n.db" ] && ok || bad "a refused copy left '$TMP/n.db'"

done_testing
