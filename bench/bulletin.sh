#!/bin/sh
# The bulletin at SPEC §7's scale: a year's bulletin over the database of
# bench/eval.sh (10,000 units, 1,000,000 tasks, 10,000,000 reports; built
# by it when missing), timed once per format with its peak RSS
# (/usr/bin/time -v). The target is under 10 s and 1 GiB. Not part of make
# check: run it by hand,
#   sh bench/bulletin.sh [BUILD_DIR] [FORMATS]     (default "md xlsx")
# e.g. FORMATS "md xlsx pdf"; PDF_TIMEOUT (default 600 s) bounds the PDF.
set -eu
build=${1:-build}
formats=${2:-md xlsx}
bin="$PWD/$build/luoshi"
db=${EVAL_DB:-$PWD/build/bench/eval.db}
export LUOSHI_TODAY=2026-12-31

[ -f "$db" ] || EVAL_DB=$db sh bench/eval.sh "$build"
for f in $formats; do
	out="$db.bulletin.$f"
	rm -f "$out"
	lim=""
	[ "$f" = pdf ] && lim="timeout ${PDF_TIMEOUT:-600}"
	if ! $lim /usr/bin/time -v "$bin" --db "$db" bulletin --period 2026 \
		--format "$f" -o "$out" >"$db.bulletin.out" 2>"$db.time"; then
		echo "bulletin --format $f: failed or over the time limit"
		tail -3 "$db.time"
		continue
	fi
	wall=$(sed -n \
		's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' \
		"$db.time")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' \
		"$db.time")
	size=$(wc -c <"$out" | tr -d ' ')
	echo "bulletin --period 2026 --format $f: wall $wall, peak RSS" \
		"$rss KiB, $size bytes; $(cat "$db.bulletin.out")"
done
