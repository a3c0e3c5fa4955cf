#!/bin/sh
# make bench: seeds demo cities of growing size and times the daily CLI
# commands as cold processes (median of RUNS runs), printing one table and
# writing build/bench/results.json. Usage: bench/run.sh BUILD_DIR
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
out="$PWD/build/bench"
runs=${RUNS:-5}
scales=${SCALES:-"1000 5000"}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LUOSHI_TODAY=2026-11-26

# median_ms CMD...: runs CMD $runs times, prints the median wall time in ms
median_ms() {
	i=0
	: >"$tmp/times"
	while [ "$i" -lt "$runs" ]; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000)) >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

json="["
printf '%-8s %-28s %10s\n' tasks command median_ms
for n in $scales; do
	db="$tmp/bench-$n.db"
	t0=$(date +%s%N)
	"$bin" --db "$db" demo --scale "$n" >/dev/null
	t1=$(date +%s%N)
	printf '%-8s %-28s %10.1f\n' "$n" "demo --scale $n (seed)" "$(((t1 - t0) / 1000000))"
	for cmd in "board" "today" "next" "task list --light red" \
		"task list --unit HRB-DL" "task show 1" "goal tree" \
		"task add bench --lead HRB-DL --due 2026-12-31"; do
		# shellcheck disable=SC2086
		ms=$(median_ms "$bin" --db "$db" $cmd)
		printf '%-8s %-28s %10s\n' "$n" "$cmd" "$ms"
		json="$json{\"tasks\":$n,\"command\":\"$cmd\",\"median_ms\":$ms},"
	done
done
json="${json%,}]"
echo "$json" >"$out/results.json"
echo "results: $out/results.json"
