#!/bin/sh
# Runs every test suite against each build directory given (the normal
# build and the ASan+UBSan one) and ends with one line "N passed, N failed"
# over all of them. Each suite prints its own counts: cmocka's
# "[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)" or a final
# "N passed, N failed" line from the shell suites.
set -u
total_pass=0
total_fail=0
log=$(mktemp)

count() {	# suite-name exit-status output-file
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p; s/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$3" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p; s/^[0-9]* passed, \([0-9]*\) failed.*/\1/p' "$3" | tail -1)
	p=${p:-0}
	f=${f:-0}
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# crashed or failed without counting: one failure
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	printf '%-40s %4d passed, %d failed\n' "$1" "$p" "$f"
	if [ "$f" -ne 0 ]; then
		sed 's/^/    /' "$3" | grep -v '^\s*\[ \(RUN\|  OK\) ' | tail -40
	fi
}

# PostgreSQL (issue 7): a throwaway cluster (tests/pg.sh) for the same
# suites; one that cannot be started is a failure, not a skip.
pg_dir=""
if out=$(sh tests/pg.sh start 2>"$log"); then
	pg_dir=${out%% *}
	trap 'sh tests/pg.sh stop "$pg_dir"' EXIT
else
	echo "0 passed, 1 failed" >>"$log"
	count "postgresql: cluster (tests/pg.sh)" 1 "$log"
fi

# CLI and API suites that also run on PostgreSQL: all but those that
# open the SQLite file itself (sqlite3 tampering, file backups) and those
# with no database in what they check (the route table against
# docs/openapi.yaml; the embedded web UI's files; the binary's modules,
# which it moves away from the pg module on purpose).
pg_skip() {
	case $1 in
	*/test-audit.sh | */test-backup.sh | */test-exitcodes.sh | \
	*/test-bench-gen.sh | */test-modules.sh) return 0 ;;
	*/api/test-openapi.sh | */api/test-web.sh) return 0 ;;
	esac
	return 1
}

# Suites only for PostgreSQL: the database server going away and coming
# back (a SQLite file cannot).
pg_only() {
	case $1 in
	*/api/test-pgdown.sh) return 0 ;;
	esac
	return 1
}

for build in "$@"; do
	[ -x "$build/luoshi" ] || { echo "missing $build/luoshi" >&2; exit 1; }
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
	export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	for t in "$build"/tests/unit/test-* "$build"/tests/store/test-*; do
		[ -x "$t" ] || continue
		"$t" >"$log" 2>&1
		count "$build: $(basename "$t")" $? "$log"
	done
	for t in tests/cli/test-*.sh tests/api/test-*.sh \
	    tests/crash/test-*.sh; do
		[ -f "$t" ] || continue
		pg_only "$t" && continue
		LUOSHI_BIN="$PWD/$build/luoshi" sh "$t" >"$log" 2>&1
		count "$build: ${t#tests/}" $? "$log"
	done
	[ -n "$pg_dir" ] || continue
	# The same store suite on PostgreSQL, then the CLI and API suites,
	# each on a new database (the cluster's directory in LUOSHI_TEST_PG_DIR
	# for the suites that stop and start it).
	for t in "$build"/tests/store/test-*; do
		[ -x "$t" ] || continue
		url=$(sh tests/pg.sh createdb "$pg_dir") || url=unavailable
		LUOSHI_TEST_PG_URL=$url "$t" >"$log" 2>&1
		count "$build: pg: $(basename "$t")" $? "$log"
	done
	for t in tests/cli/test-*.sh tests/api/test-*.sh; do
		pg_skip "$t" && continue
		url=$(sh tests/pg.sh createdb "$pg_dir") || url=unavailable
		LUOSHI_TEST_PG_URL=$url LUOSHI_TEST_PG_DIR=$pg_dir \
			LUOSHI_BIN="$PWD/$build/luoshi" sh "$t" >"$log" 2>&1
		count "$build: pg: ${t#tests/}" $? "$log"
	done
done
# Front-end unit tests (vitest), once.
if [ -x web/node_modules/.bin/vitest ]; then
	(cd web && NO_COLOR=1 npx vitest run) >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^ *Tests .* \([0-9][0-9]*\) passed.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^ *Tests *\([0-9][0-9]*\) failed.*/\1/p' "$log" | tail -1)
	echo "${p:-0} passed, ${f:-0} failed" >>"$log"
	count "web: vitest" $rc "$log"
fi

# Front-end lint (ESLint with eslint-plugin-vue), once: each file with a
# problem counts as one failure, a clean tree as one pass.
if [ -x web/node_modules/.bin/eslint ]; then
	(cd web && npx eslint --max-warnings 0 .) >"$log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "1 passed, 0 failed" >>"$log"
	else
		echo "0 passed, $(grep -c "^/" "$log") failed" >>"$log"
	fi
	count "web: eslint" $rc "$log"
fi

# Browser tests: once, against the first build (the UI is the same in all).
if [ -f web/dist/index.html ] && ls tests/e2e/*.mjs >/dev/null 2>&1; then
	LUOSHI_BIN="$PWD/$1/luoshi" sh tests/e2e/run.sh >"$log" 2>&1
	count "$1: e2e" $? "$log"
fi

# Fuzzers: a short run each over the committed corpus (new finds go to a
# scratch folder, not into the repository); a crash is one failure.
for f in build/fuzz/fuzz-*; do
	[ -x "$f" ] || continue
	n=${f#build/fuzz/fuzz-}
	scratch=$(mktemp -d)
	"$f" -max_total_time="${FUZZ_CHECK_SECONDS:-5}" "$scratch" \
		"tests/fuzz/corpus/$n" >"$log" 2>&1
	rc=$?
	rm -rf "$scratch"
	if [ $rc -eq 0 ]; then
		runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log")
		printf '%-40s %s runs, no crash\n' "fuzz: $n" "${runs:-?}"
		total_pass=$((total_pass + 1))
	else
		printf '%-40s FAILED\n' "fuzz: $n"
		tail -30 "$log"
		total_fail=$((total_fail + 1))
	fi
done
if [ -f tools/checksrc.sh ]; then
	sh tools/checksrc.sh >"$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then echo "checksrc: clean"; total_pass=$((total_pass + 1)); else cat "$log"; total_fail=$((total_fail + 1)); fi
fi
rm -f "$log"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
