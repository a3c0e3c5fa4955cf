#!/bin/sh
# `make valgrind`: the unit and store suites and a few CLI suites under
# valgrind --leak-check=full, on the -O1 -g build without sanitizers
# (build-vg). Each run of a program writes its own report; any error or
# leak in any of them is a failure (third-party suppressions only, each
# explained, in tests/valgrind.supp). Usage: tests/valgrind.sh [BUILD_DIR]
# VG_CLI_SUITES overrides the CLI suites run.
set -u
build=${1:-build-vg}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
suites=${VG_CLI_SUITES:-"test-lifecycle.sh test-json.sh test-audit.sh"}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pass=0
fail=0
start=$(date +%s)

# The wrapper the CLI suites run as LUOSHI_BIN: the real binary under
# valgrind, its report in a file of its own. --error-exitcode is not used
# there: the suites check exit statuses, the reports are read afterwards.
cat >"$logs/luoshi" <<EOF
#!/bin/sh
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible \\
	--suppressions="$here/valgrind.supp" --log-file="$logs/cli.%p.vg" \\
	"$root/$build/luoshi" "\$@"
EOF
chmod +x "$logs/luoshi"

# reports NAME: counts a failure per report with an error or leak
reports() {
	for r in "$logs"/*.vg; do
		[ -e "$r" ] || continue
		if [ -s "$r" ]; then
			echo "FAIL: $1: valgrind report $(basename "$r"):"
			head -60 "$r" | sed 's/^/  /'
			fail=$((fail + 1))
		fi
		rm -f "$r"
	done
}

for t in "$build"/tests/unit/test-* "$build"/tests/store/test-*; do
	case $t in *.d) continue ;; esac
	[ -x "$t" ] || continue
	name=${t#"$build"/tests/}
	t0=$(date +%s)
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible \
		--error-exitcode=1 --suppressions="$here/valgrind.supp" \
		--log-file="$logs/unit.%p.vg" "$t" >"$logs/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: $name exited $rc"
		tail -20 "$logs/out" | sed 's/^/  /'
		fail=$((fail + 1))
	fi
	reports "$name"
	printf '%-40s %4d s\n' "$name" $(($(date +%s) - t0))
done
for s in $suites; do
	t0=$(date +%s)
	LUOSHI_BIN="$logs/luoshi" sh "$root/tests/cli/$s" >"$logs/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: cli/$s exited $rc"
		grep -e '^FAIL' -e 'passed,' "$logs/out" | head -20 | \
			sed 's/^/  /'
		fail=$((fail + 1))
	fi
	reports "cli/$s"
	printf '%-40s %4d s\n' "cli/$s" $(($(date +%s) - t0))
done
echo "valgrind: $(($(date +%s) - start)) s"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
