#!/bin/sh
# Two servers on PostgreSQL against one on SQLite (issue 7): the same
# demo city (SCALE tasks, 100,000 by default) in a SQLite file and in a
# throwaway PostgreSQL cluster (tests/pg.sh), the same wrk load as
# bench/api.sh (its Lua scripts, 16 connections in all) against one
# server on SQLite, one server on PostgreSQL, and two servers on
# PostgreSQL (two wrk at once, 8 connections each, one per server: a
# round-robin without a proxy in the way; their requests/s summed, the
# worse p99 kept). Prints one table side by side and writes
# build/bench/multi.json. Run by hand, once: it takes a while at 100,000.
#   sh bench/multi.sh [BUILD_DIR]     SCALE=, SECS= (per endpoint),
#                                     BENCH_DB= (a demo made before)
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
out="$PWD/build/bench"
scale=${SCALE:-100000}
secs=${SECS:-10}
mkdir -p "$out"
tmp=$(mktemp -d)
db="$tmp/multi.db"
pids=""
pg_dir=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	[ -z "$pg_dir" ] || sh tests/pg.sh stop "$pg_dir"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM	# the cleanup on a signal too
export LUOSHI_TODAY=2026-11-26
export LUOSHI_FILES="$tmp/files"	# the PostgreSQL servers' evidence

t0=$(date +%s)
# BENCH_DB: a demo database made before (copied, never changed)
if [ -n "${BENCH_DB:-}" ]; then
	"$bin" --db "$BENCH_DB" backup "$db" >/dev/null
else
	"$bin" --db "$db" demo --scale "$scale" >/dev/null
fi
t1=$(date +%s)
set -- $(sh tests/pg.sh start)
pg_dir=$1
url=$2
# rows_to_pg: the SQLite file's rows into the PostgreSQL database, table
# by table as CSV (sqlite3 -csv: NULL unquoted, '' quoted, as COPY reads
# them), foreign keys off while loading (session_replication_role), the
# identity sequences set past the rows, then `audit verify`. A bench's
# stopgap until `luoshi copy` (another engineer's) lands: playing the
# demo into PostgreSQL instead takes hours at 100,000 tasks.
pgq() {	# SQL: one value a line
	psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1" "$url"
}
rows_to_pg() {
	"$bin" --db "$url" init >/dev/null
	tables=$(pgq "SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
		AND table_name <> 'schema_version' ORDER BY 1")
	{
		echo "SET session_replication_role = replica;"
		echo "TRUNCATE $(echo $tables | tr ' ' ',');"
		for t in $tables; do
			cols=$(pgq "SELECT string_agg(quote_ident(column_name),
				',' ORDER BY ordinal_position) FROM
				information_schema.columns WHERE table_schema =
				'public' AND table_name = '$t'")
			sqlite3 -csv "$db" "SELECT $cols FROM $t" \
				>"$tmp/$t.csv" || exit 1
			# (printf: dash's echo would end at "\c")
			printf '%s\n' "\\copy $t ($cols) FROM '$tmp/$t.csv' CSV"
			for c in $(pgq "SELECT column_name FROM
				information_schema.columns WHERE table_schema =
				'public' AND table_name = '$t' AND
				is_identity = 'YES'"); do
				echo "SELECT setval(pg_get_serial_sequence('$t'," \
					"'$c'), (SELECT coalesce(max($c), 0) + 1" \
					"FROM $t), false);"
			done
		done
	} >"$tmp/load.sql"
	psql -X -q -v ON_ERROR_STOP=1 -f "$tmp/load.sql" "$url" >/dev/null
	pgq "ANALYZE" >/dev/null
	"$bin" --db "$url" audit verify >/dev/null
}
if "$bin" copy --help >/dev/null 2>&1; then
	"$bin" copy --from "$db" --to "$url" >/dev/null
	how="luoshi copy"
else
	rows_to_pg
	how="rows as CSV, audit verified"
fi
t2=$(date +%s)
n_sqlite=$("$bin" --db "$db" --json task list --limit 1000000 | jq length)
n_pg=$("$bin" --db "$url" --json task list --limit 1000000 | jq length)
printf 'seeded: SQLite %s tasks in %s s; PostgreSQL %s tasks (%s) in %s s\n' \
	"$n_sqlite" $((t1 - t0)) "$n_pg" "$how" $((t2 - t1))

free_port() {
	python3 -c 'import socket; s = socket.socket(); \
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# serve DB: a server on a free port (no scheduler: the API alone), the
# port in $port (not printed: $(...) would wait for the server's end).
serve() {
	port=$(free_port)
	"$bin" --db "$1" serve --listen "127.0.0.1:$port" --quiet \
		--no-scheduler >/dev/null 2>>"$tmp/serve.log" &
	pids="$pids $!"
	i=0
	until curl -sf "127.0.0.1:$port/healthz" >/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "server did not start" >&2; exit 1; }
		sleep 0.1
	done
}
serve "$db"
p_sqlite=$port
serve "$url"
p_pg1=$port
serve "$url"
p_pg2=$port
tok_sqlite=$("$bin" --db "$db" token create wang)
tok_pg=$("$bin" --db "$url" token create wang)

# wrk1 TOKEN PORT PATH SCRIPT THREADS CONNS FILE: one wrk run into FILE.
wrk1() {
	TOKEN=$1 wrk -t"$5" -c"$6" -d"${secs}s" --latency -s "$4" \
		"http://127.0.0.1:$2$3" >"$7" 2>&1
}

rps_of() { awk '/^Requests\/sec/ { print $2 }' "$1"; }
p99_of() {
	awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u);
		sub(/[a-z]+$/, "", v);
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		print v }' "$1"
}
bad_of() { awk '/Non-2xx|Socket errors/ { print }' "$1" | tr '\n' ' '; }

# run NAME PATH [LUA]: one line of the table, one JSON object.
run() {
	script=${3:-bench/auth.lua}
	for p in "$p_sqlite:$tok_sqlite" "$p_pg1:$tok_pg" "$p_pg2:$tok_pg"; do
		[ -n "${3:-}" ] || curl -s -o /dev/null \
			-H "Authorization: Bearer ${p#*:}" \
			"http://127.0.0.1:${p%%:*}$2"
	done
	wrk1 "$tok_sqlite" "$p_sqlite" "$2" "$script" 2 16 "$tmp/s.txt"
	wrk1 "$tok_pg" "$p_pg1" "$2" "$script" 2 16 "$tmp/p.txt"
	wrk1 "$tok_pg" "$p_pg1" "$2" "$script" 1 8 "$tmp/a.txt" &
	wa=$!
	wrk1 "$tok_pg" "$p_pg2" "$2" "$script" 1 8 "$tmp/b.txt"
	wait "$wa"
	s=$(rps_of "$tmp/s.txt")
	p=$(rps_of "$tmp/p.txt")
	two=$(awk -v a="$(rps_of "$tmp/a.txt")" -v b="$(rps_of "$tmp/b.txt")" \
		'BEGIN { printf "%.2f", a + b }')
	sp=$(p99_of "$tmp/s.txt")
	pp=$(p99_of "$tmp/p.txt")
	tp=$(awk -v a="$(p99_of "$tmp/a.txt")" -v b="$(p99_of "$tmp/b.txt")" \
		'BEGIN { print (a > b ? a : b) }')
	printf '%-44s %9s %7s  %9s %7s  %9s %7s\n' "$1" "$s" "$sp" "$p" "$pp" \
		"$two" "$tp"
	for f in s p a b; do
		e=$(bad_of "$tmp/$f.txt")
		[ -z "$e" ] || echo "    ($f) $e"
	done
	echo "{\"endpoint\":\"$1\",\"sqlite_rps\":$s,\"sqlite_p99_ms\":$sp,\
\"pg1_rps\":$p,\"pg1_p99_ms\":$pp,\"pg2_rps\":$two,\"pg2_p99_ms\":$tp}," \
		>>"$tmp/json"
}

printf 'tasks: %s, %s s per run, 16 connections in all, %s cores\n' \
	"$n_sqlite" "$secs" "$(nproc)"
printf '%-44s %17s  %17s  %17s\n' "" "SQLite, 1 server" "PG, 1 server" \
	"PG, 2 servers"
printf '%-44s %9s %7s  %9s %7s  %9s %7s\n' endpoint req/s p99_ms req/s \
	p99_ms req/s p99_ms
: >"$tmp/json"
run "GET /healthz (ceiling)" /healthz
run "GET /api/v1/tasks/{id}" /api/v1/tasks/100
run "GET /api/v1/tasks?per_page=25&status=doing" \
	"/api/v1/tasks?per_page=25&status=doing"
run "GET /api/v1/board" /api/v1/board
run "POST /api/v1/tasks" /api/v1/tasks bench/create.lua
{ echo "["; sed '$ s/,$//' "$tmp/json"; echo "]"; } >"$out/multi.json"
echo "results: $out/multi.json"
