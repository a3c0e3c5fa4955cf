#!/bin/sh
# Style checks that tools, not reviewers, enforce (curl's checksrc): banned
# functions, raw allocation outside xmalloc.c, SQL assembled at run time,
# a header comment atop every C file, and 80-column lines.
set -u
status=0
files=$(find src tests -name '*.[ch]' | sort)

fail() {
	echo "checksrc: $1"
	status=1
}

for f in $files; do
	# banned calls
	grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|atof)\s*\(' "$f" |
		grep -v '^\s*//' | while IFS= read -r line; do
			echo "checksrc: $f:$line: banned function"
		done | grep . && status=1
	case "$f" in
	src/util/xmalloc.c|tests/*) ;;
	*)
		grep -nE '(^|[^x_a-z])(malloc|calloc|realloc|strdup|strndup)\s*\(' "$f" |
			grep -v 'sqlite3_' | while IFS= read -r line; do
				echo "checksrc: $f:$line: use xmalloc.h"
			done | grep . && status=1
		;;
	esac
	# SQL must be a constant: no formatting of SELECT/INSERT/UPDATE/DELETE
	grep -nE '(printf|buf_addf|xasprintf)\s*\(.*"[^"]*\b(SELECT|INSERT|UPDATE|DELETE)\b' "$f" |
		while IFS= read -r line; do
			echo "checksrc: $f:$line: SQL built at run time"
		done | grep . && status=1
	# a comment on what the file is for, first thing in the file
	head -1 "$f" | grep -q '^/\*' || fail "$f: no header comment on line 1"
	# 80 columns (characters, tabs counted as 8)
	expand "$f" | LC_ALL=C.UTF-8 grep -n '.\{81,\}' | cut -d: -f1 |
		while read -r n; do
			echo "checksrc: $f:$n: line longer than 80 columns"
		done | grep . && status=1
done
exit $status
