#!/bin/sh
# Chinese text end to end: titles, unit names, notes with quotes and
# newlines round-trip byte for byte through add/show/list/--json; human
# tables line up by display width (a CJK character is two columns); co-units
# may be separated by '、' and ';' as well as ','.
. "$(dirname "$0")/lib.sh"

# same_bytes DESC FILE1 FILE2
same_bytes() {
	if cmp -s "$2" "$3"; then ok; else
		bad "$1: bytes differ: $(od -c "$2" | head -3) vs $(od -c "$3" |
			head -3)"
	fi
}

# columns FROM HEADER: checks that, in the last stdout, every line from
# line 2 on starts its last column (the one titled HEADER) at the display
# column where the header line has HEADER, and prints what follows it.
# Display width: ASCII 1, a 3- or 4-byte UTF-8 character (CJK, emoji) 2.
columns() {
	printf '%s\n' "$OUT" | LC_ALL=C awk -v h="$1" '
	BEGIN {	# display width of a byte: lead of a 3/4-byte sequence 2
		for (i = 128; i < 256; i++)
			cw[sprintf("%c", i)] = i < 192 ? 0 : (i >= 224 ? 2 : 1)
	}
	function width(c) { return (c in cw) ? cw[c] : 1 }
	NR == 1 { w = index($0, h) - 1; next }
	{
		d = 0
		for (i = 1; i <= length($0) && d < w; i++)
			d += width(substr($0, i, 1))
		while (i <= length($0) && width(substr($0, i, 1)) == 0)
			i++
		if (d != w || substr($0, i - 1, 1) != " " ||
		    substr($0, i, 1) == " ")
			print "BAD:" $0
		else
			print substr($0, i)
	}'
}

expect_ok "init" init
expect_ok "city" unit add HRB 哈尔滨市 --kind city
expect_ok "district" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "district 2" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "street" unit add HRB-DL-01 新阳路街道办事处 --parent HRB-DL \
	--kind street
expect_ok "user" user add zhang --name 张三丰 --unit HRB-DL --role staff

# --- round trips ---------------------------------------------------------------
title='关于"背街小巷"整治的 ‘通知’（第1号）'
desc=$(printf '第一行：他说"马上就办"。\n第二行\t制表符 \\ 反斜杠\n第三行 emoji 🚀')
note=$(printf '已完成 50%%；\n明日继续"攻坚"')
printf '%s' "$title" >"$TMP/title.want"
printf '%s' "$desc" >"$TMP/desc.want"
expect_fail 3 "co by name is not a code" task add "$title" --lead HRB-DL \
	--due 2026-12-20 --co 哈尔滨
expect_err "unit '哈尔滨' not found" "Chinese value named in the error"
expect_ok "add" task add "$title" --lead HRB-DL --due 2026-12-20 \
	--description "$desc" --source 市委常委会 --owner zhang
expect_out "1" "id"
expect_ok "show --json" --json task show 1
printf '%s' "$OUT" | jq -j .title >"$TMP/title.got"
printf '%s' "$OUT" | jq -j .description >"$TMP/desc.got"
same_bytes "title round-trips through --json" "$TMP/title.want" "$TMP/title.got"
same_bytes "description round-trips" "$TMP/desc.want" "$TMP/desc.got"
jq_is .source 市委常委会 "source"
expect_ok "list --json" --json task list
printf '%s' "$OUT" | jq -j '.[0].title' >"$TMP/title.got"
same_bytes "title round-trips through list" "$TMP/title.want" "$TMP/title.got"
expect_ok "show text" task show 1
expect_contains "#1 $title" "title in show"
expect_contains "description  $desc" "multi-line description in show"
expect_ok "report" --as zhang task report 1 --percent 50 --note "$note"
expect_ok "show text" task show 1
expect_contains "zhang  50%  $note" "note with newline and quotes in show"
expect_ok "audit" --json audit log
printf '%s' "$OUT" | jq -j '[.[] | select(.action == "task.add")][0].after.title' \
	>"$TMP/title.got"
same_bytes "title round-trips through the audit trail" "$TMP/title.want" \
	"$TMP/title.got"
expect_ids "1" "search by Chinese words" task list --search 背街小巷
expect_ids "1" "search in the description" task list --search 马上就办
expect_ids "" "search without match" task list --search 南岗
printf '\377\376bad' >"$TMP/bad"
expect_fail 2 "invalid UTF-8 title" task add "$(cat "$TMP/bad")" --lead HRB-DL \
	--due 2026-12-20
expect_err "UTF-8" "invalid UTF-8 explained"

# --- unit names ------------------------------------------------------------------
expect_ok "unit list --json" --json unit list
jq_is '[.[].name] | join(",")' "哈尔滨市,道里区,新阳路街道办事处,南岗区" \
	"unit names round-trip"
expect_ok "user list --json" --json user list
jq_is '[.[] | select(.login == "zhang") | .name][0]' 张三丰 "user name"

# --- co-units separated by 、 ; and , ----------------------------------------------
expect_ok "co with 、" --json task add "顿号" --lead HRB --co "HRB-DL、HRB-NG" \
	--due 2026-12-20
jq_is '.co | join(" ")' "HRB-DL HRB-NG" "co split on 、"
expect_ok "co with ;" --json task add "分号" --lead HRB --co "HRB-DL;HRB-NG" \
	--due 2026-12-20
jq_is '.co | join(" ")' "HRB-DL HRB-NG" "co split on ;"
expect_ok "co mixed" --json task add "混合" --lead HRB-NG \
	--co "HRB-DL、 HRB-DL-01 ; HRB" --due 2026-12-20
jq_is '.co | join(" ")' "HRB-DL HRB-DL-01 HRB" "co split on mixed separators"
expect_fail 2 "co listed twice" task add "重复" --lead HRB \
	--co "HRB-DL、HRB-DL" --due 2026-12-20
expect_err "HRB-DL" "duplicate co-unit named"
expect_ids "1,2,3,4" "staff of HRB-DL sees tasks co-led by it" --as zhang \
	task list

# --- columns line up ----------------------------------------------------------------
expect_ok "more titles" task add "短" --lead HRB-DL-01 --due 2026-12-21 \
	--owner zhang
expect_ok "ascii title" task add "plain ascii title" --lead HRB-NG --due 2026-12-22
expect_ok "task list" task list
got=$(columns TITLE)
want=$(printf '%s\n' "$title" 顿号 分号 混合 短 "plain ascii title")
expect_eq "$got" "$want" "task list: TITLE column starts at one display column"
expect_ok "unit list" unit list
got=$(columns NAME)
want=$(printf '%s\n' 哈尔滨市 道里区 新阳路街道办事处 南岗区)
expect_eq "$got" "$want" "unit list: NAME column aligned"
expect_ok "user list" user list
got=$(columns NAME)
want=$(printf '%s\n' 系统管理员 张三丰)
expect_eq "$got" "$want" "user list: NAME column aligned"
expect_ok "board" board
got=$(columns NAME)
want=$(printf '%s\n' 哈尔滨市 道里区 新阳路街道办事处 南岗区)
expect_eq "$got" "$want" "board: NAME column aligned"
expect_ok "task show" task show 1
got=$(printf '%s\n' "$OUT" | sed -n 's/^source       //p')
expect_eq "$got" 市委常委会 "show: values after 13 columns"

# --- calendar names ----------------------------------------------------------------
expect_ok "holiday" calendar holiday 2026-10-01 --name 国庆节
expect_ok "calendar list" --json calendar list
jq_is '.[0].name' 国庆节 "calendar name"

done_testing
