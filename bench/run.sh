#!/bin/sh
# make bench: a province at each scale of BENCH_SCALES (bench/gen.sh, kept
# in build/bench/ and reused), timed as cold processes (median of RUNS
# runs, wall and CPU), the API driven by wrk (bench/api.sh, beside the
# same run's /healthz ceiling), eval and the bulletin of the year, and the
# import (bench/import.sh, once); peak RSS of each. Prints ONE table and
# writes build/bench/results.json, an array of rows
#   {scale, what, median_ms, cpu_ms, rss_kib, target, met, met_cpu}
# (target in ms for timings, "rss<64MiB" for the server; null when the
# issue sets none; met and met_cpu, wall and CPU against it, null then
# too). Usage: bench/run.sh BUILD_DIR
# Knobs: BENCH_SCALES (default "10000 100000 1000000"; the first
# generation of 1,000,000 takes 1.5 min of CPU, 2–6 min of wall on the
# shared 2-core machine), RUNS (5), SECS (wrk seconds, 5),
# BENCH_API=0 / BENCH_EVAL=0 / BENCH_IMPORT=0 to leave parts out.
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
rusage="$PWD/$build/rusage"
out="$PWD/build/bench"
runs=${RUNS:-5}
scales=${BENCH_SCALES:-"10000 100000 1000000"}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LUOSHI_TODAY=2026-11-26

: >"$tmp/rows"
# row SCALE WHAT MEDIAN_MS CPU_MS RSS_KIB TARGET: one line of the table
# and of the JSON; met compares the wall median with the target, met_cpu
# the CPU median (wall times suffer from whatever else the machine runs)
row() {
	met=$(cmp_target "$3" "$6")
	metc=$(cmp_target "$4" "$6")
	case $6 in rss*) met=$(cmp_target "$5" "$6"); metc=$met ;; esac
	printf '%-8s %-46s %9s %8s %8s %7s %3s %3s\n' "$1" "$2" "$3" "$4" \
		"$5" "$(echo "$6" | sed 's/^null$/-/; s/^rss<\(.*\)/<\1M/')" \
		"$(yes_no "$met")" "$(yes_no "$metc")" | sed 's/ null/    -/g'
	t=$6
	case $t in null) ;; rss*) t="\"${t}MiB\"" ;; esac
	printf '{"scale":%s,"what":"%s","median_ms":%s,"cpu_ms":%s,' \
		"$1" "$2" "$3" "$4" >>"$tmp/rows"
	printf '"rss_kib":%s,"target":%s,"met":%s,"met_cpu":%s}\n' "$5" \
		"$t" "$met" "$metc" >>"$tmp/rows"
}

# cmp_target VALUE TARGET: true, false, or null when either is null
cmp_target() {
	case $1/$2 in
	null/*|*/null) echo null ;;
	*/rss*) awk -v a="$1" -v b="${2#rss<}" \
		'BEGIN { print a < b * 1024 ? "true" : "false" }' ;;
	*) awk -v a="$1" -v b="$2" 'BEGIN { print a < b ? "true" : "false" }' ;;
	esac
}

yes_no() {
	case $1 in true) echo yes ;; false) echo NO ;; *) echo - ;; esac
}

# measure CMD...: runs CMD $runs times; sets ms and cpu (the medians of
# wall and of user+sys CPU time, ms) and rss (the largest peak RSS, KiB)
measure() {
	: >"$tmp/w"
	: >"$tmp/c"
	rss=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$rusage" "$tmp/ru" "$@" >/dev/null 2>"$tmp/err" || {
			echo "failed: $*" >&2
			cat "$tmp/err" >&2
			exit 1
		}
		read -r w c r <"$tmp/ru"
		echo "$w" >>"$tmp/w"
		echo "$c" >>"$tmp/c"
		[ "$r" -le "$rss" ] || rss=$r
		i=$((i + 1))
	done
	ms=$(median "$tmp/w")
	cpu=$(median "$tmp/c")
}

# median FILE: the median of FILE's numbers (microseconds), in ms
median() {
	sort -n "$1" | awk '{ a[NR] = $1 }
		END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

# target SCALE: the issue's limit for the daily commands at SCALE
target() {
	if [ "$1" -le 100000 ]; then echo 50; else echo 500; fi
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' \
	/proc/cpuinfo | head -1); load average $(cut -d' ' -f1-3 \
	/proc/loadavg) at the start"
printf '%-8s %-46s %9s %8s %8s %7s %3s %3s\n' tasks what wall_ms cpu_ms \
	rss_kib target met cpu
for n in $scales; do
	[ "$n" -gt 0 ] || continue	# BENCH_SCALES=0: none
	src=$(sh bench/gen.sh "$build" "$n")
	# the runs write (task add): on a copy, the kept database stays as made
	db="$tmp/bench.db"
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$src" "$db"
	lim=$(target "$n")
	# Who runs each: a person's daily commands (today, next, my tasks)
	# as hrb-dl-001, staff of a street (224 tasks at any scale);
	# the board and the whole-province lists as wang, supervisor of the
	# city (everything); district-wide ones as zhang, staff of 道里区
	# (16 % of the province: its 1 + N/1,600 streets and communities).
	for c in "board|wang|board" \
		"today|hrb-dl-001|today" "next|hrb-dl-001|next" \
		"task list --owner hrb-dl-001|hrb-dl-001|task list --owner hrb-dl-001" \
		"task list --light red --unit HRB-DL-XY|zhang|task list --light red --unit HRB-DL-XY" \
		"task list --status doing --unit HRB-DL|zhang|task list --status doing --unit HRB-DL" \
		"task show 100|wang|task show 100" \
		"task add|wang|task add bench --lead HRB-DL --due 2026-12-31" \
		"today (district)|zhang|today" \
		"next (district)|zhang|next" \
		"today (province)|wang|today" \
		"next (province)|wang|next"; do
		name=${c%%|*}
		rest=${c#*|}
		who=${rest%%|*}
		args=${rest#*|}
		t=$lim
		case $name in *"(district)"|*"(province)"|"task show"*) t=null ;;
		esac
		# shellcheck disable=SC2086
		measure "$bin" --db "$db" --as "$who" $args
		row "$n" "CLI $name ($who)" "$ms" "$cpu" "$rss" "$t"
	done
	if [ "${BENCH_EVAL:-1}" = 1 ]; then
		runs_was=$runs
		runs=1
		measure "$bin" --db "$db" eval --period 2026
		row "$n" "CLI eval --period 2026" "$ms" "$cpu" "$rss" null
		measure "$bin" --db "$db" bulletin --period 2026 --format md \
			-o "$tmp/bulletin.md"
		row "$n" "CLI bulletin --period 2026 --format md" "$ms" \
			"$cpu" "$rss" null
		runs=$runs_was
	fi
	if [ "${BENCH_API:-1}" = 1 ]; then
		BENCH_DB="$src" SCALE="$n" sh bench/api.sh "$build" \
			>"$tmp/api.txt" 2>&1 || { cat "$tmp/api.txt"; exit 1; }
		# api.json: [{endpoint, rps, p99_ms, ratio}], server RSS
		# a row per endpoint: p50 as the median, req/s, p99 and the
		# ratio to /healthz's req/s in the name
		jq -r '.endpoints[] | [.endpoint, .rps, .p50_ms, .p99_ms,
			.ratio] | @tsv' "$out/api.json" >"$tmp/api.tsv"
		while IFS="$(printf '\t')" read -r ep rps p50 p99 ratio; do
			row "$n" "API $ep $rps/s p99 $p99 x$ratio" \
				"$p50" null null null
		done <"$tmp/api.tsv"
		row "$n" "API server RSS after the run" null null \
			"$(jq .server_rss_kib "$out/api.json")" \
			"$([ "$n" -ge 1000000 ] && echo 'rss<64' || echo null)"
	fi
	rm -f "$db" "$db-wal" "$db-shm"
done
if [ "${BENCH_IMPORT:-1}" = 1 ]; then
	rows=${ROWS:-100000}
	ROWS=$rows sh bench/import.sh "$build" >"$tmp/import.txt" 2>&1 ||
		{ cat "$tmp/import.txt"; exit 1; }
	# "  12.3 s wall (10.1 s user, 0.4 s sys), 81234 KiB peak RSS": the
	# CSV's line first, then the XLSX's
	grep ' s wall (' "$tmp/import.txt" | tr -d '(),' >"$tmp/import.t"
	for f in CSV XLSX; do
		line=$(sed -n "$([ $f = CSV ] && echo 1 || echo 2)p" \
			"$tmp/import.t")
		# shellcheck disable=SC2086
		set -- $line
		ms=$(awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }')
		cpu=$(awk -v u="$4" -v s="$7" \
			'BEGIN { printf "%d", (u + s) * 1000 }')
		rate=$(awk -v s="$1" -v n="$rows" \
			'BEGIN { printf "%d", n / s }')
		# the target: 20,000 tasks/s
		row "$rows" "import $f ($rate tasks/s)" "$ms" "$cpu" "${10}" \
			$((rows * 1000 / 20000))
	done
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
{ echo "["; sed '$! s/$/,/' "$tmp/rows"; echo "]"; } >"$out/results.json"
echo "results: $out/results.json"
