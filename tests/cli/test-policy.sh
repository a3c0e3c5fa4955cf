#!/bin/sh
# The policy system (政策, SPEC §2 and §7) through the real binary:
# validation naming field and value (and changing nothing), who may write
# (role.c's PERM_POLICY_EDIT) and who sees (scope: 404 / exit 3), the
# effective status and the closing alert on fixed --today dates around a
# window's close (day before, close day, day after), filters, updates
# with --if-version, and links to goals and tasks.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "HRB-DL-01" unit add HRB-DL-01 新阳路街道 --parent HRB-DL \
	--kind street
expect_ok "sup" user add sup --name 督查室 --unit HRB --role supervisor
expect_ok "dl" user add dl --name 道里区长 --unit HRB-DL --role leader
expect_ok "li" user add li --name 李干事 --unit HRB-DL --role staff
expect_ok "kan" user add kan --name 道里只读 --unit HRB-DL --role viewer
expect_ok "ng" user add ng --name 南岗区长 --unit HRB-NG --role leader

# T = 2026-11-26 (lib.sh). Policy 1's window closes 2026-12-10: 14 days
# left, exactly policy_warn_days (14), so it is closing.
P1="专项债券项目 --issuer 财政部 --level national --issued 2026-10-01 \
--open 2026-11-01 --close 2026-12-10 --unit HRB-DL"

# --- validation: exit 2 naming field and value, nothing recorded -------
n=$(audit_count)
expect_fail 2 "unknown level" policy add x --issuer y --level county \
	--issued 2026-10-01 --open 2026-11-01 --close 2026-12-10 --unit HRB
expect_err "invalid level 'county' (national, provincial or municipal)" \
	"level named"
expect_fail 2 "open after close" policy add x --issuer y --level national \
	--issued 2026-10-01 --open 2026-12-11 --close 2026-12-10 --unit HRB
expect_err "window_open 2026-12-11 is after window_close 2026-12-10" \
	"open after close named"
expect_fail 2 "issued after close" policy add x --issuer y \
	--level national --issued 2026-12-11 --open 2026-11-01 \
	--close 2026-12-10 --unit HRB
expect_err "issued_on 2026-12-11 is after window_close 2026-12-10" \
	"issued after close named"
expect_fail 2 "bad date" policy add x --issuer y --level national \
	--issued 2026-10-01 --open 2026-11-31 --close 2026-12-10 --unit HRB
expect_err "'2026-11-31'" "bad date named"
expect_fail 2 "bad status" policy add x --issuer y --level national \
	--issued 2026-10-01 --open 2026-11-01 --close 2026-12-10 --unit HRB \
	--status done
expect_err "invalid status 'done' (watching, applying, landed or missed)" \
	"status named"
expect_fail 2 "empty title" policy add "" --issuer y --level national \
	--issued 2026-10-01 --open 2026-11-01 --close 2026-12-10 --unit HRB
expect_fail 2 "no --close" policy add x --issuer y --level national \
	--issued 2026-10-01 --open 2026-11-01 --unit HRB
expect_err "policy add needs --issuer, --level, --issued, --open, --close \
and --unit" "missing option named"
expect_fail 3 "unknown unit" policy add x --issuer y --level national \
	--issued 2026-10-01 --open 2026-11-01 --close 2026-12-10 --unit XX
expect_err "unit 'XX' not found" "unit named"
expect_fail 5 "applying a closed window" policy add x --issuer y \
	--level national --issued 2026-10-01 --open 2026-11-01 \
	--close 2026-11-25 --unit HRB --status applying
expect_err "the window closed on 2026-11-25: status 'applying' is no \
longer possible (landed or missed)" "closed window named"
expect_fail 4 "staff may not add" --as li policy add $P1
expect_err "user 'li' (role staff) may not edit policies" "staff refused"
expect_fail 4 "viewer may not add" --as kan policy add $P1
expect_fail 3 "a leader's policy for another district" --as ng policy add \
	$P1
expect_err "unit 'HRB-DL' not found" "outside unit is not found"
expect_eq "$(audit_count)" "$n" "nothing recorded by refused adds"

# --- add: 1 by the district's leader, 2..4 by the supervisor -----------
expect_ok "policy 1" --as dl policy add $P1
expect_out 1 "policy 1's id"
expect_eq "$(audit_count)" $((n + 1)) "policy 1 audited"
# 2: closes on T itself; 3: closed on 11-25 (recorded as applying on
# 11-01); 4: a street's, landed with its value; 5: HRB-NG's, far off.
expect_ok "policy 2" --as sup policy add 老旧小区改造 --issuer 省住建厅 \
	--level provincial --issued 2026-09-01 --open 2026-09-15 \
	--close 2026-11-26 --unit HRB-DL --status applying
expect_ok "policy 3" --as sup --today 2026-11-01 policy add 就业补贴 \
	--issuer 市人社局 --level municipal --issued 2026-09-01 \
	--open 2026-09-01 --close 2026-11-25 --unit HRB-DL --status applying
expect_ok "policy 4" --as sup policy add 社区养老 --issuer 省民政厅 \
	--level provincial --issued 2026-08-01 --open 2026-08-01 \
	--close 2026-11-27 --unit HRB-DL-01 --status landed \
	--value "争取资金 300 万元"
expect_ok "policy 5" --as sup policy add 南岗科创 --issuer 科技部 \
	--level national --issued 2026-11-01 --open 2026-11-01 \
	--close 2027-03-31 --unit HRB-NG
expect_out 5 "policy 5's id"

# --- show: the object, status effective on the reference day -----------
ls_run --json policy show 1
expect_out '{"id":1,"title":"专项债券项目","issuer":"财政部","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-10","unit":"HRB-DL","status":"watching","recorded_status":"watching","closing":true,"days_left":14,"value":null,"goals":[],"tasks":[],"created_at":"2026-11-26T00:00:00Z","version":1}' \
	"policy 1 as JSON"
ls_run --json --today 2026-11-25 policy show 1
jq_is '[.closing, .days_left]|tostring' '[false,15]' \
	"15 days before the close: not closing yet"
ls_run --json policy show 3
jq_is '[.status, .recorded_status, .closing, .days_left]|tostring' \
	'["missed","applying",false,-1]' "the day after close: missed"
ls_run --json --today 2026-11-25 policy show 3
jq_is '[.status, .closing, .days_left]|tostring' '["applying",true,0]' \
	"the close day: applying and closing"
ls_run --json --today 2026-11-24 policy show 3
jq_is '[.status, .closing, .days_left]|tostring' '["applying",true,1]' \
	"the day before close: closing"
ls_run --json policy show 4
jq_is '[.status, .closing, .value]|tostring' \
	'["landed",false,"争取资金 300 万元"]' "landed: no alert"
ls_run policy show 3
expect_out "policy #3 就业补贴
issuer: 市人社局 (municipal), issued 2026-09-01
window: 2026-09-01 .. 2026-11-25, closed 1 days ago
unit: HRB-DL
status: missed (recorded applying)" "show as text"

# --- list: order (close, id), filters, scope ---------------------------
expect_ids "3,2,4,1,5" "admin: every policy by close" policy list
expect_ids "2,1" "closing within policy_warn_days" policy list --closing
expect_ids "2" "closing within 0 days: the close day only" policy list \
	--closing-within 0
expect_ids "2,1" "closing within 14" policy list --closing-within 14
expect_ids "2" "closing within 13" policy list --closing-within 13
expect_ids "3" "missed (effective)" policy list --status missed
expect_ids "2" "applying (effective): 3 is missed" policy list \
	--status applying
expect_ids "3,2" "on the close day of 3 it still applies" \
	--today 2026-11-25 policy list --status applying
expect_ids "4" "--unit is a subtree" policy list --unit HRB-DL-01
expect_ids "3,2,4,1" "a leader sees the district" --as dl policy list
expect_ids "3,2,4,1" "a viewer sees the district" --as kan policy list
expect_ids "5" "the other district sees its own" --as ng policy list
expect_fail 3 "a policy outside scope" --as ng policy show 1
expect_err "policy '1' not found" "not found, not forbidden"
expect_fail 3 "--unit outside scope" --as ng policy list --unit HRB-DL
expect_fail 2 "bad --status filter" policy list --status late
expect_fail 2 "negative --closing-within" policy list --closing-within -1
ls_run policy list --closing
expect_out "   ID  UNIT        LEVEL       OPEN        CLOSE        DAYS  STATUS     ALERT    TITLE
    2  HRB-DL      provincial  2026-09-15  2026-11-26      0  applying   closing  老旧小区改造
    1  HRB-DL      national    2026-11-01  2026-12-10     14  watching   closing  专项债券项目" \
	"the closing list as a table"
# the setting moves the horizon: 13 days leave policy 1 out
expect_ok "warn 13" settings set policy_warn_days 13
expect_ids "2" "policy_warn_days 13" policy list --closing
ls_run --json policy show 1
jq_is .closing false "policy 1 no longer closing with 13 days"
expect_ok "warn 14" settings set policy_warn_days 14

# --- update -----------------------------------------------------------
n=$(audit_count)
expect_fail 4 "staff may not update" --as li policy update 1 \
	--status applying
expect_fail 3 "another district may not update" --as ng policy update 1 \
	--status applying
expect_fail 2 "nothing to update" policy update 1
expect_fail 2 "bad status" policy update 1 --status done
expect_err "invalid status 'done'" "update status named"
expect_fail 5 "stale version" policy update 1 --status applying \
	--if-version 2
expect_err "policy 1 has version 1, not 2" "version named"
expect_fail 5 "applying after the close" policy update 3 --status applying
expect_err "the window of policy 3 closed on 2026-11-25: status \
'applying' is no longer possible (landed or missed)" "closed window"
expect_eq "$(audit_count)" "$n" "nothing recorded by refused updates"
expect_ok "leader updates" --as dl --json policy update 1 \
	--status applying --value "申报 2 亿元" --if-version 1
jq_is '[.status, .value, .version]|tostring' '["applying","申报 2 亿元",2]' \
	"status, value and version"
expect_eq "$(audit_count)" $((n + 1)) "the update is audited"
"$LUOSHI_BIN" --json audit log | jq -c '.[-1] | [.action, .entity,
	.entity_id, .before.status, .after.status, .after.value]' >"$TMP/a"
expect_eq "$(cat "$TMP/a")" \
	'["policy.update","policy","1","watching","applying","申报 2 亿元"]' \
	"audit before and after"
expect_ok "landed after the close" --as dl policy update 3 \
	--status landed --value "到位 80 万元"
ls_run --json policy show 3
jq_is '[.status, .recorded_status]|tostring' '["landed","landed"]' \
	"landed late: no longer missed"
expect_ok "clear the value" --json policy update 1 --value ""
jq_is '[.value, .version]|tostring' '[null,3]' "value cleared"

# --- link -------------------------------------------------------------
expect_ok "goal 1" goal add 经济发展 --unit HRB-DL --year 2026
expect_ok "goal 2" goal add 南岗创新 --unit HRB-NG --year 2026
expect_ok "task 1" task add 申报专项债 --lead HRB-DL --due 2026-12-05
expect_ok "task 2" task add 南岗申报 --lead HRB-NG --due 2026-12-05
n=$(audit_count)
expect_fail 2 "link needs one target" policy link 1
expect_fail 2 "link takes one target" policy link 1 --goal 1 --task 1
expect_fail 3 "unknown goal" policy link 1 --goal 9
expect_err "goal '9' not found" "goal named"
expect_fail 3 "a goal outside the leader's scope" --as dl policy link 1 \
	--goal 2
expect_err "goal '2' not found" "outside goal not found"
expect_fail 3 "a task outside the leader's scope" --as dl policy link 1 \
	--task 2
expect_err "task '2' not found" "outside task not found"
expect_fail 4 "staff may not link" --as li policy link 1 --goal 1
expect_fail 5 "stale link" policy link 1 --goal 1 --if-version 1
expect_eq "$(audit_count)" "$n" "nothing recorded by refused links"
expect_ok "link goal 1" --as dl policy link 1 --goal 1
expect_ok "link task 1" --as dl --json policy link 1 --task 1
jq_is '[.goals, .tasks, .version]|tostring' '[[1],[1],5]' \
	"links and version"
expect_fail 5 "linked twice" policy link 1 --goal 1
expect_err "policy 1 is already linked to goal 1" "duplicate named"
expect_eq "$(audit_count)" $((n + 2)) "two links audited"
ls_run policy show 1
expect_contains "goals: #1
tasks: #1" "links in the text"

# --- help -------------------------------------------------------------
expect_ok "help" policy --help
expect_contains "policy_warn_days" "help names the setting"
expect_ok "add help" policy add --help

done_testing
