#!/bin/sh
# The practice library (经验) from the command line: add with tags and
# links, full-text search (a 3+ character Chinese word through the
# trigram index, a 2-character one through the LIKE fallback, absent
# words find nothing), tag/unit/promoted filters, show, promote (once,
# rights, scope), from-commendation (title, body, unit from it, linked
# back, once), every error exit status, and the audit entries.
. "$(dirname "$0")/lib.sh"

L() { "$LUOSHI_BIN" "$@"; }

L init >/dev/null 2>&1
L unit add HRB 哈尔滨市 --kind city >/dev/null
L unit add DL 道里区 --parent HRB --kind district >/dev/null
L unit add DLA 安静街道 --parent DL --kind street >/dev/null
L unit add NG 南岗区 --parent HRB --kind district >/dev/null
L user add sup --name 督查 --unit HRB --role supervisor >/dev/null
L user add dsup --name 道里督查 --unit DL --role supervisor >/dev/null
L user add dlead --name 道里领导 --unit DL --role leader >/dev/null
L user add zhang --name 张 --unit DL --role staff >/dev/null
L user add ngv --name 看 --unit NG --role viewer >/dev/null
L task add 河道清淤 --lead DL --due 2026-12-31 >/dev/null	# task 1
L task add 网格巡查 --lead NG --due 2026-12-31 >/dev/null	# task 2
L goal add 生态优先 --unit DL --year 2026 >/dev/null		# goal 1
L goal add 民生改善 --unit NG --year 2026 >/dev/null		# goal 2

# Adding: the new id; tags kept in order without duplicates; links
# sorted without duplicates.
ls_run --as dlead practice add 河长制落实经验 --unit DL \
	--body "推行河长制，每条河流有人管，every river has a Keeper" \
	--tag 生态 --tag 河湖 --tag 生态 --task 1 --goal 1 --task 1
expect_out 1 "leader adds a practice of their unit"
ls_run --json practice show 1
jq_is '[.id, .title, .unit] | join("|")' "1|河长制落实经验|DL" "show"
jq_is '.tags | join(",")' "生态,河湖" "tags in order, once"
jq_is '.tasks | map(tostring) | join(",")' "1" "tasks once"
jq_is '.goals | map(tostring) | join(",")' "1" "goals"
jq_is '[.merit_id, .promoted, .promoted_at] | tostring' \
	'[null,false,null]' "not promoted, not from a commendation"
jq_is '[.by, .at] | join(" ")' "dlead 2026-11-26T00:00:00Z" "who, when"
jq_is 'keys_unsorted | join(",")' \
	"id,title,body,unit,tags,tasks,goals,merit_id,promoted,promoted_at,promoted_by,promoted_note,by,at" \
	"practice keys in order"
ls_run --as sup --json practice add 网格化管理 --unit NG \
	--body "社区网格员包片入户，群众诉求当日办结" --tag 民生 --task 2
jq_is '.id' 2 "add --json prints the object"
jq_is '.tasks[0]' 2 "linked task"
expect_ok "street practice" --as dsup practice add 街道议事会 --unit DLA \
	--body "居民议事，河长 patrols on Fridays" --tag 民生 --tag 生态

# Search: 河长制 (3 characters, trigram index) only in practice 1;
# 河长 (2 characters, LIKE) in 1's title and 3's body; 网格员 in 2's
# body; absent words, long and short, find nothing; ASCII folds case.
expect_ids "1" "search 河长制 (index)" practice list --search 河长制
expect_ids "1,3" "search 河长 (fallback)" practice list --search 河长
expect_ids "2" "search in body" practice list --search 网格员
expect_ids "" "absent word" practice list --search 招商引资
expect_ids "" "absent 2-character word" practice list --search 招商
expect_ids "1" "case-insensitive (index)" practice list --search KEEPER
expect_ids "3" "case-insensitive (fallback)" practice list --search FR
expect_ids "1,2,3" "everyone reads every practice" --as ngv practice list
expect_ids "2,3" "tag" practice list --tag 民生
expect_ids "3" "tag and search" practice list --tag 生态 --search 议事
expect_ids "1,3" "unit and below" practice list --unit DL
expect_ids "" "promoted only, none yet" practice list --promoted
ls_run practice list --search 河长
expect_contains "河长制落实经验" "table lists the title"
expect_contains "生态,河湖" "table lists the tags"
ls_run practice show 2
expect_contains "#2 网格化管理" "show, human"
expect_contains "tags: 民生" "show tags"
expect_contains "promoted: no" "show not promoted"

# Errors: usage 2, invalid 2, not found 3, forbidden 4; nothing stored.
n=$(audit_count)
expect_fail 2 "no title" practice add --unit DL --body x
expect_fail 2 "no body" practice add t --unit DL
expect_fail 2 "bad task id" practice add t --unit DL --body x --task x
expect_fail 2 "bad tag" practice add t --unit DL --body x --tag "a,b"
expect_err "invalid tag 'a,b'" "bad tag named"
expect_fail 2 "long tag" practice add t --unit DL --body x \
	--tag 一二三四五六七八九十一二三四五六七八九十一
expect_fail 2 "empty title" practice add "" --unit DL --body x
expect_fail 3 "unknown unit" practice add t --unit NOPE --body x
expect_err "unit 'NOPE' not found" "unit named"
expect_fail 3 "unit out of scope" --as dlead practice add t --unit NG \
	--body x
expect_fail 3 "task out of scope" --as dlead practice add t --unit DL \
	--body x --task 2
expect_err "task '2' not found" "task named"
expect_fail 3 "goal out of scope" --as dlead practice add t --unit DL \
	--body x --goal 2
expect_err "goal '2' not found" "goal named"
expect_fail 3 "missing task" practice add t --unit DL --body x --task 9
expect_fail 4 "staff cannot add" --as zhang practice add t --unit DL \
	--body x
expect_fail 4 "viewer cannot add" --as ngv practice add t --unit NG \
	--body x
expect_fail 3 "show missing" practice show 9
expect_err "practice '9' not found" "missing practice named"
expect_fail 2 "bad id" practice show x
expect_fail 3 "list unknown unit" practice list --unit NOPE
expect_fail 2 "list bad tag" practice list --tag " x"
expect_eq "$(audit_count)" "$n" "failures leave no audit entry"
expect_ids "1,2,3" "failures store nothing" practice list

# Promote: supervisors and administrators of the practice's unit, once.
expect_fail 4 "leader cannot promote" --as dlead practice promote 1
expect_fail 4 "out of subtree" --as dsup practice promote 2
expect_err "practice 2 is of unit 'NG', outside the scope of 'dsup'" \
	"scope named"
ls_run --as dsup --today 2026-11-27 practice promote 3 \
	--note 纳入街道议事规则
expect_out "#3 街道议事会 [DLA] promoted at 2026-11-27T00:00:00Z by dsup" \
	"promote prints the practice"
expect_fail 5 "promote twice" --as sup practice promote 3
expect_err "practice 3 was already promoted at 2026-11-27T00:00:00Z by dsup" \
	"conflict named"
expect_fail 3 "promote missing" practice promote 9
ls_run --json practice show 3
jq_is '[.promoted, .promoted_at, .promoted_by, .promoted_note] |
	map(tostring) | join("|")' \
	"true|2026-11-27T00:00:00Z|dsup|纳入街道议事规则" "promoted fields"
expect_ids "3" "promoted only" practice list --promoted
expect_ids "3" "promoted, by tag" practice list --promoted --tag 民生
ls_run practice list --promoted
expect_contains "yes" "promoted column"

# From a commendation: title from the first line of the reason (30
# characters and "…" when longer), body the reason, the commended unit
# (a person's unit for a person), linked back, once.
L commend add --unit NG --on 2026-11-03 --points 2 \
	--reason "接诉即办成效显著，群众满意度位列全市第一，经验做法值得全市推广学习
附：具体做法" >/dev/null	# merit 1
L commend add --person zhang --on 2026-11-04 --points 1 \
	--reason 河湖巡查 >/dev/null					# merit 2
L account add --unit NG --on 2026-11-05 --points 1 --reason 迟报 \
	>/dev/null							# merit 3
ls_run --as sup --json practice from-commendation 1
jq_is '.id' 4 "practice 4 from commendation 1"
# 接诉即办成效显著 (8), ， (9), 群众满意度位列全市第一 (20), ， (21),
# 经验做法值得全市推 (30): cut there, 广学习 dropped
jq_is '.title' "接诉即办成效显著，群众满意度位列全市第一，经验做法值得全市推…" \
	"title from the reason"
jq_is '.body' "接诉即办成效显著，群众满意度位列全市第一，经验做法值得全市推广学习
附：具体做法" "body is the reason"
jq_is '[.unit, .merit_id] | map(tostring) | join("|")' "NG|1" \
	"unit and link back"
expect_fail 5 "twice" --as sup practice from-commendation 1
expect_err "commendation 1 is already practice 4" "conflict names it"
ls_run --as dlead practice from-commendation 2 --title 河湖巡查经验 \
	--tag 生态
expect_out 5 "leader turns a person's commendation into a practice"
ls_run --json practice show 5
jq_is '[.title, .body, .unit, (.tags | join(",")), .merit_id] |
	map(tostring) | join("|")' "河湖巡查经验|河湖巡查|DL|生态|2" \
	"a person's commendation: their unit, title given"
expect_fail 3 "an accountability is no commendation" practice \
	from-commendation 3
expect_err "commendation '3' not found" "named as not found"
expect_fail 3 "missing commendation" practice from-commendation 9
L commend add --unit NG --on 2026-11-06 --points 1 --reason 好 \
	>/dev/null							# merit 4
expect_fail 3 "commendation out of scope" --as dlead practice \
	from-commendation 4
expect_fail 4 "staff cannot" --as zhang practice from-commendation 4
expect_ids "1,2,3,4,5" "all practices" practice list

# Audit: one entry per write, promote with before and after.
ls_run --json audit log
jq_is '[.[] | select(.entity == "practice") | .action] | join(",")' \
	"practice.add,practice.add,practice.add,practice.promote,practice.add,practice.add" \
	"audit actions"
jq_is '[.[] | select(.action == "practice.promote")][0] |
	[.before.promoted, .after.promoted] |
	map(tostring) | join(",")' "false,true" "promote before/after"
expect_ok "audit verify" audit verify

ls_run practice --help
expect_contains "luoshi practice from-commendation MERIT_ID" "help"
done_testing
