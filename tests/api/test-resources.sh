#!/bin/sh
# The resources besides tasks over HTTP (SPEC §1, §4, §7, §9 and
# docs/openapi.yaml): units, users, goals, indicators, milestones, the
# calendar, the audit trail, settings and evidence downloads. For each:
# the answer's shape and values (hand-computed), the same JSON as the
# CLI's --json where it has one, paging (X-Total-Count, Link keeping the
# filters), 403 for a role without the right, 404 for objects outside the
# caller's scope, and 400 naming the field for bad input.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
api_token admin
api_user wang HRB supervisor 王督查
api_user dl HRB-DL leader 道里区长
api_user li HRB-DL staff 李干事
api_user ng HRB-NG staff 南岗干事
api_user kan HRB-DL viewer 道里只读
server_start

# is JQ-FILTER WANT DESC: jq -c FILTER of the last body.
is() {
	expect_eq "$(printf '%s' "$BODY" | jq -c "$1" 2>&1)" "$2" "$3: $1"
}

# error_is STATUS CODE FIELD DESC: lib.sh's expect_error without its five
# jq runs (jq takes ~15 ms to start and this suite checks ~250 errors):
# the status, the body exactly {"error":{"code":CODE,"message":"…",
# "field":FIELD}} (FIELD null for none) with a message, and the JSON
# content type.
error_is() {
	expect_status "$1" "$4"
	if [ "$3" = null ]; then _ei_f=null; else _ei_f="\"$3\""; fi
	case $BODY in
	"{\"error\":{\"code\":\"$2\",\"message\":\"\","*)
		bad "$4: an empty error message" ;;
	"{\"error\":{\"code\":\"$2\",\"message\":\""?*"\",\"field\":$_ei_f}}")
		ok ;;
	*)	bad "$4: want error $2 naming $3, got $BODY" ;;
	esac
	if grep -qi '^Content-Type: application/json' "$HDRS"; then ok; else
		bad "$4: Content-Type '$(header Content-Type)'"
	fi
}

# cli_is DESC CLI-ARGS...: the last body is `luoshi --json CLI-ARGS`.
cli_is() {
	_ci_d=$1
	_ci_b=$BODY
	shift
	ls_run --json "$@"
	if [ "$RC" -eq 0 ]; then ok; else bad "$_ci_d: luoshi $* exit $RC"; fi
	expect_eq "$_ci_b" "$OUT" "$_ci_d: the CLI's JSON (luoshi --json $*)"
	BODY=$_ci_b
	OUT=$_ci_b
}

# bad400 LOGIN METHOD PATH JSON FIELD DESC: 400 invalid naming FIELD.
bad400() {
	apij "$1" "$2" "$3" "$4"
	error_is 400 invalid "$5" "$6"
}

# link_is PATH PER_PAGE RELS DESC: the Link header of the last answer (a
# list without filters), RELS listing "rel=page" items in the order of
# the header, e.g. "first=1 last=3 next=2".
link_is() {
	_li_p=$1
	_li_q=$2
	_li_w=""
	for _li_x in $3; do
		_li_w="$_li_w${_li_w:+, }<$_li_p?page=${_li_x#*=}&per_page=$_li_q>; rel=\"${_li_x%%=*}\""
	done
	expect_header Link "$_li_w" "$4"
}

NOW=2026-11-26T00:00:00Z
UNIT_HRB='{"code":"HRB","name":"哈尔滨市","parent":null,"kind":"city"}'
UNIT_DL='{"code":"HRB-DL","name":"道里区","parent":"HRB","kind":"district"}'
UNIT_NG='{"code":"HRB-NG","name":"南岗区","parent":"HRB","kind":"district"}'
UNIT_DL01='{"code":"HRB-DL-01","name":"新阳路街道","parent":"HRB-DL","kind":"street"}'

# === units ===================================================================
api_as admin GET /api/v1/units
expect_status 200 "admin lists units"
expect_out "[$UNIT_HRB,$UNIT_DL,$UNIT_NG]" "every unit, by code"
expect_header X-Total-Count 3 "units"
cli_is "units" unit list
api_as dl GET /api/v1/units
expect_out "[$UNIT_DL]" "the leader's units"
expect_header X-Total-Count 1 "the leader's units"
cli_is "the leader's units" --as dl unit list
api_as wang GET "/api/v1/units?per_page=2&page=2"
expect_out "[$UNIT_NG]" "page 2 of the units"
expect_header X-Total-Count 3 "page 2 of the units"
link_is /api/v1/units 2 "first=1 last=2 prev=1" "page 2 of the units"
api_as wang GET "/api/v1/units?per_page=201"
error_is 400 invalid per_page "per_page 201"

n=$(audit_count)
apij wang POST /api/v1/units "$UNIT_DL01"
error_is 403 forbidden role "a supervisor creates a unit"
apij li POST /api/v1/units "$UNIT_DL01"
error_is 403 forbidden role "staff creates a unit"
expect_eq "$(audit_count)" "$n" "nothing recorded by the 403s"
apij admin POST /api/v1/units "$UNIT_DL01"
expect_status 201 "create a unit"
expect_out "$UNIT_DL01" "the new unit"
expect_header Location /api/v1/units/HRB-DL-01 "create a unit"
expect_eq "$(audit_count)" $((n + 1)) "the creation is audited"
apij admin POST /api/v1/units '{"code":"TMP","name":"临时"}'
expect_status 201 "a unit without parent and kind"
expect_out '{"code":"TMP","name":"临时","parent":null,"kind":"department"}' \
	"default kind department"
expect_header Location /api/v1/units/TMP "a root unit"
api_as dl GET /api/v1/units/HRB-DL-01
expect_status 200 "the leader gets a unit below"
expect_out "$UNIT_DL01" "GET the new unit"
api_as dl GET /api/v1/units
expect_out "[$UNIT_DL,$UNIT_DL01]" "the leader's units now"
api_as admin GET /api/v1/units/HRB-DL-01
expect_out "$UNIT_DL01" "admin gets the new unit"
api_as ng GET /api/v1/units/NOPE
error_is 404 not_found code "an unknown unit"
jq_is .error.message "unit 'NOPE' not found" "unknown unit message"
for pair in ng:HRB-DL-01 ng:HRB-DL ng:HRB dl:HRB dl:HRB-NG kan:TMP; do
	api_as "${pair%%:*}" GET "/api/v1/units/${pair#*:}"
	error_is 404 not_found code "${pair%%:*} GETs unit ${pair#*:}"
	jq_is .error.message "unit '${pair#*:}' not found" \
		"${pair#*:} out of scope reads like an unknown unit"
done
api_as ng GET /api/v1/units/HRB-NG
expect_out "$UNIT_NG" "staff gets their own unit"

n=$(audit_count)
bad400 admin POST /api/v1/units '{"code":"X1","name":"x","colour":"red"}' \
	colour "unit with an unknown field"
jq_is .error.message "unknown field 'colour'" "unknown field message"
bad400 admin POST /api/v1/units '{"code":5,"name":"x"}' code "code as a number"
bad400 admin POST /api/v1/units '{"code":"X1"}' name "unit without a name"
bad400 admin POST /api/v1/units '{"name":"x"}' code "unit without a code"
bad400 admin POST /api/v1/units '{"code":"a b","name":"x"}' code \
	"a code with a space"
bad400 admin POST /api/v1/units '{"code":"X1","name":"x","kind":"Big Kind"}' \
	kind "an invalid kind"
bad400 admin POST /api/v1/units '{"code":"X1","name":"x","parent":["HRB"]}' \
	parent "parent as an array"
apij admin POST /api/v1/units '{"code":"X1","name":"x","parent":"NOPE"}'
error_is 404 not_found parent "an unknown parent"
apij admin POST /api/v1/units '{"code":"HRB-DL","name":"again"}'
error_is 409 conflict code "a duplicate unit code"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused units"
api_as admin GET /api/v1/units
expect_header X-Total-Count 5 "five units"
cli_is "units after the creations" unit list

# === users ===================================================================
U_ADMIN='{"login":"admin","name":"系统管理员","unit":null,"role":"admin"}'
U_DL='{"login":"dl","name":"道里区长","unit":"HRB-DL","role":"leader"}'
U_KAN='{"login":"kan","name":"道里只读","unit":"HRB-DL","role":"viewer"}'
U_LI='{"login":"li","name":"李干事","unit":"HRB-DL","role":"staff"}'
U_NG='{"login":"ng","name":"南岗干事","unit":"HRB-NG","role":"staff"}'
U_WANG='{"login":"wang","name":"王督查","unit":"HRB","role":"supervisor"}'
U_ZHAO='{"login":"zhao","name":"赵六","unit":"HRB-DL-01","role":"staff"}'
api_as admin GET /api/v1/users
expect_status 200 "admin lists users"
expect_out "[$U_ADMIN,$U_DL,$U_KAN,$U_LI,$U_NG,$U_WANG]" "every user, by login"
expect_header X-Total-Count 6 "users"
cli_is "users" user list
api_as dl GET /api/v1/users
expect_out "[$U_DL,$U_KAN,$U_LI]" "the leader's users"
cli_is "the leader's users" --as dl user list
api_as wang GET /api/v1/users
expect_out "[$U_DL,$U_KAN,$U_LI,$U_NG,$U_WANG]" "the supervisor's users"
cli_is "the supervisor's users" --as wang user list
api_as admin GET "/api/v1/users?per_page=4&page=2"
expect_out "[$U_NG,$U_WANG]" "page 2 of the users"
expect_header X-Total-Count 6 "page 2 of the users"
link_is /api/v1/users 4 "first=1 last=2 prev=1" "page 2 of the users"

n=$(audit_count)
NEWU='{"login":"zhao","name":"赵六","unit":"HRB-DL-01","role":"staff","password":"zhao-pass-1"}'
apij wang POST /api/v1/users "$NEWU"
error_is 403 forbidden role "a supervisor creates a user"
apij dl POST /api/v1/users "$NEWU"
error_is 403 forbidden role "a leader creates a user"
bad400 admin POST /api/v1/users '{"login":"x1","name":"x","unit":"HRB","role":"staff","pass":"x"}' \
	pass "user with an unknown field"
bad400 admin POST /api/v1/users '{"login":"x1","name":"x","unit":"HRB","role":"boss"}' \
	role "an unknown role"
bad400 admin POST /api/v1/users '{"login":"x1","name":"x","role":"staff"}' \
	unit "staff without a unit"
bad400 admin POST /api/v1/users '{"login":"x1","name":"x","unit":"HRB","role":"staff","password":"short"}' \
	password "a password under 8 characters"
bad400 admin POST /api/v1/users '{"login":"x1","name":"x","unit":"HRB","role":"staff","password":12345678}' \
	password "a password as a number"
bad400 admin POST /api/v1/users '{"login":"x 1","name":"x","unit":"HRB","role":"staff"}' \
	login "a login with a space"
bad400 admin POST /api/v1/users '{"login":"x1","unit":"HRB","role":"staff"}' \
	name "a user without a name"
bad400 admin POST /api/v1/users '{"login":"x1","name":"x","unit":"HRB"}' \
	role "a user without a role"
apij admin POST /api/v1/users '{"login":"x1","name":"x","unit":"NOPE","role":"staff"}'
error_is 404 not_found unit "a user of an unknown unit"
apij admin POST /api/v1/users '{"login":"li","name":"x","unit":"HRB","role":"staff"}'
error_is 409 conflict login "a duplicate login"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused users"
apij admin POST /api/v1/users "$NEWU"
expect_status 201 "create a user"
expect_out "$U_ZHAO" "the new user (no password in it)"
expect_header Location /api/v1/users/zhao "create a user"
expect_eq "$(audit_count)" $((n + 1)) "the new user is audited"
expect_eq "$(db_dump | grep -c 'zhao-pass-1')" 0 \
	"the password is not stored in clear"

login_as() {	# LOGIN PASSWORD: POST /login
	api POST /api/v1/login -H 'Content-Type: application/json' \
		--data-binary "{\"login\":\"$1\",\"password\":\"$2\"}"
}
login_as zhao zhao-pass-1
expect_status 200 "the new user logs in"
is .user "$U_ZHAO" "the new user's login"
has_header Set-Cookie "the new user's login"
api_token zhao
api_as zhao GET /api/v1/me
expect_out "$U_ZHAO" "the new user's /me"

api_as dl GET /api/v1/users/zhao
expect_status 200 "the leader gets a user below"
expect_out "$U_ZHAO" "GET /users/zhao"
api_as zhao GET /api/v1/users/zhao
expect_out "$U_ZHAO" "a user gets themself"
api_as ng GET /api/v1/users/ng
expect_out "$U_NG" "staff get themself"
api_as ng GET /api/v1/users/nobody
error_is 404 not_found login "an unknown user"
jq_is .error.message "user 'nobody' not found" "unknown user message"
for pair in ng:zhao ng:li ng:wang dl:ng dl:wang dl:admin zhao:li kan:ng; do
	api_as "${pair%%:*}" GET "/api/v1/users/${pair#*:}"
	error_is 404 not_found login "${pair%%:*} GETs user ${pair#*:}"
	jq_is .error.message "user '${pair#*:}' not found" \
		"${pair#*:} out of scope reads like an unknown user"
done
api_as wang GET /api/v1/users/zhao
expect_out "$U_ZHAO" "the supervisor gets a user two levels below"

# passwords
n=$(audit_count)
bad400 zhao POST /api/v1/users/zhao/password '{"password":"short"}' password \
	"a short new password"
bad400 zhao POST /api/v1/users/zhao/password '{}' password \
	"no new password"
bad400 zhao POST /api/v1/users/zhao/password '{"password":"zhao-pass-2","old":"x"}' \
	old "password change with an unknown field"
bad400 zhao POST /api/v1/users/zhao/password '{"password":true}' password \
	"a password as a boolean"
apij li POST /api/v1/users/zhao/password '{"password":"li-sets-this"}'
error_is 403 forbidden role "staff change another's password"
apij dl POST /api/v1/users/zhao/password '{"password":"dl-sets-this"}'
error_is 403 forbidden role "a leader changes another's password"
apij admin POST /api/v1/users/nobody/password '{"password":"whatever-1"}'
error_is 404 not_found login "the password of an unknown user"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused changes"
login_as zhao zhao-pass-1
expect_status 200 "the old password still works after the refusals"
apij zhao POST /api/v1/users/zhao/password '{"password":"zhao-pass-2"}'
expect_status 204 "a user changes their own password"
expect_eq "$BODY" "" "204 has no body"
expect_eq "$(audit_count)" $((n + 1)) "the change is audited"
ls_run --json audit log --entity user --id zhao
expect_eq "$(printf '%s' "$OUT" | jq -c '[.[] | [.action, .actor, .after]]')" \
	'[["user.add","admin",'"$U_ZHAO"'],["user.passwd","zhao",null]]' \
	"zhao's audit trail has no hash"
login_as zhao zhao-pass-1
error_is 401 unauthenticated password "the old password stops working"
login_as zhao zhao-pass-2
expect_status 200 "the new password works"
apij admin POST /api/v1/users/zhao/password '{"password":"zhao-pass-3"}'
expect_status 204 "the administrator sets anyone's password"
login_as zhao zhao-pass-2
expect_status 401 "the replaced password stops working"
login_as zhao zhao-pass-3
expect_status 200 "the administrator's password works"
api_as zhao GET /api/v1/me
expect_status 200 "a token outlives a password change"

api_as admin GET /api/v1/users
expect_header X-Total-Count 7 "seven users"
cli_is "users after the creation" user list

# === goals and indicators ====================================================
# goal 1 经济发展 (HRB), children 2 道里区经济 (HRB-DL, weight 2) and
# 3 南岗区项目 (HRB-NG); goal 4 (HRB-DL-01) below 2, with no data.
G1='{"id":1,"title":"经济发展","parent_id":null,"unit":"HRB","year":2026,"weight":1}'
n=$(audit_count)
apij li POST /api/v1/goals '{"title":"x","unit":"HRB-DL","year":2026}'
error_is 403 forbidden role "staff create a goal"
apij kan POST /api/v1/goals '{"title":"x","unit":"HRB-DL","year":2026}'
error_is 403 forbidden role "a viewer creates a goal"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":2026,"owner":"x"}' \
	owner "a goal with an unknown field"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":"2026"}' \
	year "year as a string"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB"}' year \
	"a goal without a year"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":1999}' year \
	"year 1999"
bad400 wang POST /api/v1/goals '{"unit":"HRB","year":2026}' title \
	"a goal without a title"
bad400 wang POST /api/v1/goals '{"title":"x","year":2026}' unit \
	"a goal without a unit"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":2026,"weight":0}' \
	weight "weight 0"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":2026,"weight":"2"}' \
	weight "weight as a string"
bad400 wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":2026,"parent_id":0}' \
	parent_id "parent_id 0"
apij wang POST /api/v1/goals '{"title":"x","unit":"HRB","year":2026,"parent_id":9}'
error_is 404 not_found parent_id "an unknown parent goal"
apij dl POST /api/v1/goals '{"title":"x","unit":"HRB-NG","year":2026}'
error_is 404 not_found unit "a leader's goal for an outside unit"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused goals"
apij wang POST /api/v1/goals '{"title":"经济发展","unit":"HRB","year":2026}'
expect_status 201 "create goal 1"
expect_out "$G1" "goal 1"
expect_header Location /api/v1/goals/1 "goal 1"
expect_header ETag '"1"' "goal 1 starts at version 1"
expect_eq "$(audit_count)" $((n + 1)) "goal 1 is audited"
apij dl POST /api/v1/goals '{"title":"x","unit":"HRB-DL","year":2026,"parent_id":1}'
error_is 404 not_found parent_id "a leader's goal below an invisible goal"
apij wang POST /api/v1/goals '{"title":"道里区经济","unit":"HRB-DL","year":2026,"parent_id":1,"weight":2}'
expect_status 201 "create goal 2"
expect_out '{"id":2,"title":"道里区经济","parent_id":1,"unit":"HRB-DL","year":2026,"weight":2}' \
	"goal 2"
expect_header Location /api/v1/goals/2 "goal 2"
expect_header ETag '"1"' "goal 2 starts at version 1"
apij wang POST /api/v1/goals '{"title":"南岗区项目","unit":"HRB-NG","year":2026,"parent_id":1,"weight":1}'
expect_status 201 "create goal 3"
apij dl POST /api/v1/goals '{"title":"新阳路街道整治","unit":"HRB-DL-01","year":2026,"parent_id":2}'
expect_status 201 "a leader creates goal 4 below"
expect_out '{"id":4,"title":"新阳路街道整治","parent_id":2,"unit":"HRB-DL-01","year":2026,"weight":1}' \
	"goal 4"

# indicators: 1 and 2 of goal 2, 3 of goal 3. An indicator's version is
# in its JSON and its ETag; every change, a month's value included, adds 1.
IREC1='{"id":1,"goal_id":2,"name":"地区生产总值","measure":"亿元","baseline":100,"target":200,"direction":"up","weight":1,"version":1}'
n=$(audit_count)
I1='{"goal_id":2,"name":"地区生产总值","measure":"亿元","baseline":100,"target":200}'
apij li POST /api/v1/indicators "$I1"
error_is 403 forbidden role "staff create an indicator"
apij kan POST /api/v1/indicators "$I1"
error_is 403 forbidden role "a viewer creates an indicator"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"name":"x","measure":"m","baseline":1,"target":2,"unit":"HRB"}' \
	unit "an indicator with an unknown field"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"name":"x","measure":"m","baseline":"1","target":2}' \
	baseline "baseline as a string"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"name":"x","measure":"m","baseline":1}' \
	target "an indicator without a target"
bad400 wang POST /api/v1/indicators '{"name":"x","measure":"m","baseline":1,"target":2}' \
	goal_id "an indicator without a goal"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"measure":"m","baseline":1,"target":2}' \
	name "an indicator without a name"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"name":"x","baseline":1,"target":2}' \
	measure "an indicator without a measure"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"name":"x","measure":"m","baseline":1,"target":2,"direction":"sideways"}' \
	direction "an unknown direction"
bad400 wang POST /api/v1/indicators '{"goal_id":2,"name":"x","measure":"m","baseline":1,"target":2,"weight":-1}' \
	weight "a negative weight"
apij wang POST /api/v1/indicators '{"goal_id":9,"name":"x","measure":"m","baseline":1,"target":2}'
error_is 404 not_found goal_id "an indicator of an unknown goal"
apij dl POST /api/v1/indicators '{"goal_id":3,"name":"x","measure":"m","baseline":1,"target":2}'
error_is 404 not_found goal_id "an indicator of an invisible goal"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused indicators"
apij wang POST /api/v1/indicators "$I1"
expect_status 201 "create indicator 1"
expect_out "$IREC1" "indicator 1"
expect_header Location /api/v1/indicators/1 "indicator 1"
expect_header ETag '"1"' "indicator 1 starts at version 1"
expect_eq "$(audit_count)" $((n + 1)) "indicator 1 is audited"
apij dl POST /api/v1/indicators '{"goal_id":2,"name":"单位能耗","measure":"吨标煤","baseline":50,"target":40,"direction":"down"}'
expect_status 201 "a leader creates indicator 2"
expect_out '{"id":2,"goal_id":2,"name":"单位能耗","measure":"吨标煤","baseline":50,"target":40,"direction":"down","weight":1,"version":1}' \
	"indicator 2"
apij wang POST /api/v1/indicators '{"goal_id":3,"name":"新开工项目","measure":"个","baseline":0,"target":10,"direction":"up","weight":1}'
expect_status 201 "create indicator 3"
expect_header ETag '"1"' "indicator 3"
expect_eq "$(db_sql "SELECT version FROM indicators ORDER BY id" |
	paste -sd,)" "1,1,1" "indicators are stored with version 1"

# plan and actuals
value() {	# LOGIN plan|report ID PERIOD VALUE WANT-KEY WANT-ETAG [ARGS]
	_v_l=$1 _v_a=$2 _v_i=$3 _v_p=$4 _v_v=$5 _v_k=$6 _v_e=$7
	shift 7
	apij "$_v_l" POST "/api/v1/indicators/$_v_i/$_v_a" \
		"{\"period\":\"$_v_p\",\"value\":$_v_v}" "$@"
	expect_status 200 "$_v_l: indicator $_v_i $_v_a $_v_p = $_v_v"
	expect_out "{\"indicator_id\":$_v_i,\"month\":\"$_v_p\",\"$_v_k\":$_v_v}" \
		"$_v_l: indicator $_v_i $_v_a $_v_p"
	expect_header ETag "\"$_v_e\"" \
		"$_v_l: indicator $_v_i $_v_a $_v_p moves the version"
}
n=$(audit_count)
apij kan POST /api/v1/indicators/1/report '{"period":"2026-11","value":150}'
error_is 403 forbidden role "a viewer reports an actual"
apij li POST /api/v1/indicators/1/plan '{"period":"2026-11","value":150}'
error_is 403 forbidden role "staff plan"
apij ng POST /api/v1/indicators/1/report '{"period":"2026-11","value":150}'
error_is 404 not_found id "staff report on an invisible indicator"
apij dl POST /api/v1/indicators/3/plan '{"period":"2026-11","value":5}'
error_is 404 not_found id "a leader plans an invisible indicator"
apij wang POST /api/v1/indicators/99/report '{"period":"2026-11","value":1}'
error_is 404 not_found id "an unknown indicator"
for p in plan report; do
	P=/api/v1/indicators/1/$p
	bad400 wang POST $P '{"period":"2026-13","value":1}' period "$p 2026-13"
	jq_is '.error.message | contains("2026-13")' true "$p: the value named"
	bad400 wang POST $P '{"period":"2026-1","value":1}' period "$p 2026-1"
	bad400 wang POST $P '{"period":202611,"value":1}' period \
		"$p: period as a number"
	bad400 wang POST $P '{"value":1}' period "$p without a period"
	bad400 wang POST $P '{"period":"2026-11"}' value "$p without a value"
	bad400 wang POST $P '{"period":"2026-11","value":"1"}' value \
		"$p: value as a string"
	bad400 wang POST $P '{"period":"2026-11","value":1,"note":"x"}' note \
		"$p with an unknown field"
done
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused values"
value wang plan 1 2026-10 140 plan 2
value wang plan 1 2026-11 160 plan 3 -H 'If-Match: "2"'
value li report 1 2026-10 150 actual 4
value li report 1 2026-11 120 actual 5 -H 'If-Match: W/"4"'
value dl report 1 2026-11 150 actual 6	# replaces 120
value dl plan 2 2026-11 45 plan 2
value li report 2 2026-11 44 actual 3
value ng report 3 2026-11 15 actual 2
expect_eq "$(audit_count)" $((n + 8)) "each value is audited"
# a stale If-Match (indicator 1 is at 6): 412, no value, no version, no
# audit entry
values_now() {	# every stored month as "month=plan/actual"
	db_sql "SELECT month || '=' || coalesce(CAST(plan AS TEXT), '-') ||
		'/' || coalesce(CAST(actual AS TEXT), '-')
		FROM indicator_values ORDER BY indicator_id, month" |
		paste -sd' '
}
VALUES=$(values_now)
for p in plan report; do
	apij wang POST /api/v1/indicators/1/$p '{"period":"2026-09","value":1}' \
		-H 'If-Match: "5"'
	error_is 412 version_mismatch version "$p with a stale If-Match"
	is .error.message '"indicator 1 has version 6, not 5"' \
		"$p: the stale message"
done
apij li POST /api/v1/indicators/1/report '{"period":"2026-09","value":1}' \
	-H 'If-Match: "x"'
error_is 400 invalid If-Match "an If-Match that is no version"
expect_eq "$(audit_count)" $((n + 8)) "nothing recorded by the stale values"
expect_eq "$(values_now)" "$VALUES" "no value stored by the stale requests"
expect_eq "$(db_sql "SELECT version FROM indicators
	WHERE id = 1")" 6 "indicator 1 still at version 6"
value wang report 1 2026-09 90.5 actual 7 -H 'If-Match: "6"'	# older month
expect_eq "$(audit_count)" $((n + 9)) "each value is audited"

# up: (150-100)/(200-100) = 0.5, below the plan 160; down: (50-44)/(50-40)
# = 0.6, meeting the plan 45; 3: 15/10 = 1.5 clamped to 1.2, no plan
IND1='{"id":1,"goal_id":2,"name":"地区生产总值","measure":"亿元","baseline":100,"target":200,"direction":"up","weight":1,"version":7,"month":"2026-11","actual":150,"plan":160,"achievement":0.5,"on_trajectory":false,"trajectory":[{"month":"2026-09","plan":null,"actual":90.5},{"month":"2026-10","plan":140,"actual":150},{"month":"2026-11","plan":160,"actual":150}]}'
IND2='{"id":2,"goal_id":2,"name":"单位能耗","measure":"吨标煤","baseline":50,"target":40,"direction":"down","weight":1,"version":3,"month":"2026-11","actual":44,"plan":45,"achievement":0.6,"on_trajectory":true,"trajectory":[{"month":"2026-11","plan":45,"actual":44}]}'
IND3='{"id":3,"goal_id":3,"name":"新开工项目","measure":"个","baseline":0,"target":10,"direction":"up","weight":1,"version":2,"month":"2026-11","actual":15,"plan":null,"achievement":1.2,"on_trajectory":null,"trajectory":[{"month":"2026-11","plan":null,"actual":15}]}'
api_as wang GET /api/v1/indicators/1
expect_status 200 "GET indicator 1"
expect_out "$IND1" "indicator 1 with its figures"
expect_header ETag '"7"' "indicator 1: created, 2 plans, 4 actuals"
api_as li GET /api/v1/indicators/2
expect_out "$IND2" "indicator 2 (down) with its figures"
expect_header ETag '"3"' "indicator 2: created, a plan, an actual"
api_as ng GET /api/v1/indicators/3
expect_out "$IND3" "indicator 3, achievement clamped"
expect_header ETag '"2"' "indicator 3: created, an actual"
api_as admin GET /api/v1/indicators
expect_out "[$IND1,$IND2,$IND3]" "every indicator"
expect_header X-Total-Count 3 "every indicator"
api_as admin GET "/api/v1/indicators?goal=2"
expect_out "[$IND1,$IND2]" "goal 2's indicators"
expect_header X-Total-Count 2 "goal 2's indicators"
api_as admin GET "/api/v1/indicators?goal=2&per_page=1"
expect_out "[$IND1]" "page 1 of goal 2's indicators"
expect_header X-Total-Count 2 "page 1 of goal 2's indicators"
L=/api/v1/indicators
expect_header Link "<$L?page=1&per_page=1&goal=2>; rel=\"first\", <$L?page=2&per_page=1&goal=2>; rel=\"last\", <$L?page=2&per_page=1&goal=2>; rel=\"next\"" \
	"goal 2's indicators: the links keep the filter"
next=$(header Link | sed 's/.*<\([^>]*\)>; rel="next".*/\1/')
api_as admin GET "$next"
expect_out "[$IND2]" "following rel=next"
# the dashboard's warning list: 1 misses its plan, 2 meets it, 3 has none
api_as admin GET "/api/v1/indicators?on_trajectory=false"
expect_out "[$IND1]" "indicators off their trajectory"
expect_header X-Total-Count 1 "indicators off their trajectory"
api_as admin GET "/api/v1/indicators?on_trajectory=true&goal=2"
expect_out "[$IND2]" "goal 2's indicators on their trajectory"
api_as admin GET "/api/v1/indicators?on_trajectory=no"
error_is 400 invalid on_trajectory "on_trajectory=no"
api_as admin GET "/api/v1/indicators?goal=1"
expect_out "[]" "goal 1 has no indicators of its own"
expect_header X-Total-Count 0 "goal 1's indicators"
api_as dl GET /api/v1/indicators
expect_out "[$IND1,$IND2]" "the leader's indicators"
api_as ng GET /api/v1/indicators
expect_out "[$IND3]" "HRB-NG staff's indicators"
api_as ng GET "/api/v1/indicators?goal=2"
error_is 404 not_found goal "indicators of an invisible goal"
api_as ng GET "/api/v1/indicators?goal=99"
error_is 404 not_found goal "indicators of an unknown goal"
api_as ng GET "/api/v1/indicators?goal=x"
error_is 400 invalid goal "goal=x"
for pair in ng:1 ng:2 dl:3 zhao:1 li:3; do
	api_as "${pair%%:*}" GET "/api/v1/indicators/${pair#*:}"
	error_is 404 not_found id "${pair%%:*} GETs indicator ${pair#*:}"
	jq_is .error.message "indicator '${pair#*:}' not found" \
		"an invisible indicator reads like an unknown one"
done
api_as wang GET /api/v1/indicators/99
error_is 404 not_found id "an unknown indicator"

# the tree: a linked task of goal 2 at 40%
apij wang POST /api/v1/tasks '{"title":"道里区招商","lead":"HRB-DL","owner":"li","due":"2026-12-20","goal_id":2}'
expect_status 201 "task 1 linked to goal 2"
apij wang POST /api/v1/tasks '{"title":"x","lead":"HRB","due":"2026-12-20","goal_id":99}'
error_is 404 not_found goal_id "a task of an unknown goal"
apij wang PATCH /api/v1/tasks/1 '{"goal_id":99}'
error_is 404 not_found goal_id "a task moved to an unknown goal"
apij li POST /api/v1/tasks/1/report '{"percent":40}'
expect_status 200 "task 1 at 40%"
is '[.light,.percent]' '["green",40]' "task 1"
# goal 2: (0.5 + 0.6 + 0.4) / 3 = 50%; goal 4 has no data and is ignored
# goal 3: min(1.2, 1) = 100%; goal 1: (2 x 50% + 1 x 100%) / 3 = 66.67%
node() {	# ID TITLE UNIT WEIGHT PROGRESS LIGHT CHILDREN INDICATORS
	printf '{"id":%s,"title":"%s","unit":"%s","year":2026,"weight":%s,"progress":%s,"light":%s,"children":[%s],"indicators":[%s]}' \
		"$@"
}
GN4=$(node 4 新阳路街道整治 HRB-DL-01 1 null null "" "")
GN2=$(node 2 道里区经济 HRB-DL 2 50 '"green"' "$GN4" "$IND1,$IND2")
GN3=$(node 3 南岗区项目 HRB-NG 1 100 null "" "$IND3")
GN1=$(node 1 经济发展 HRB 1 66.67 '"green"' "$GN2,$GN3" "")
api_as wang GET /api/v1/goals
expect_status 200 "the goal tree"
expect_out "[$GN1]" "the goal tree with hand-computed progress"
cli_is "the goal tree" goal tree
api_as admin GET /api/v1/goals
cli_is "admin's goal tree" goal tree
api_as dl GET /api/v1/goals
expect_out "[$GN2]" "the leader's tree starts at goal 2"
cli_is "the leader's goal tree" --as dl goal tree
api_as ng GET /api/v1/goals
expect_out "[$GN3]" "HRB-NG's tree"
api_as zhao GET /api/v1/goals
expect_out "[$GN4]" "HRB-DL-01's tree"
cli_is "HRB-DL-01's goal tree" --as zhao goal tree
api_as wang GET /api/v1/goals/1
expect_status 200 "GET goal 1"
expect_out "$GN1" "goal 1's node"
expect_header ETag '"1"' "GET goal 1"
cli_is "goal 1's node" goal show 1
api_as wang GET /api/v1/goals/1/tree
expect_status 200 "GET goal 1's tree"
expect_out "$GN1" "goal 1's tree"
expect_header ETag '"1"' "GET goal 1's tree"
cli_is "goal 1's tree" goal tree 1
api_as dl GET /api/v1/goals/2/tree
expect_out "$GN2" "goal 2's tree"
expect_header ETag '"1"' "GET goal 2's tree"
cli_is "goal 2's tree for the leader" --as dl goal tree 2
api_as li GET /api/v1/goals/4
expect_out "$GN4" "goal 4"
for pair in ng:1 ng:2 ng:4 dl:1 dl:3 zhao:2 kan:3; do
	for s in "" /tree; do
		api_as "${pair%%:*}" GET "/api/v1/goals/${pair#*:}$s"
		error_is 404 not_found id \
			"${pair%%:*} GETs goal ${pair#*:}$s"
		jq_is .error.message "goal '${pair#*:}' not found" \
			"an invisible goal reads like an unknown one"
	done
done
for p in /api/v1/goals/99 /api/v1/goals/99/tree /api/v1/goals/x \
	/api/v1/goals/0/tree; do
	api_as wang GET "$p"
	error_is 404 not_found id "GET $p"
done

# PATCH /goals/{id}: the weight, with a reason kept in the history
n=$(audit_count)
apij li PATCH /api/v1/goals/2 '{"weight":1}'
error_is 403 forbidden role "staff change a goal's weight"
apij dl PATCH /api/v1/goals/3 '{"weight":1}'
error_is 404 not_found id "a leader changes an invisible goal"
apij wang PATCH /api/v1/goals/99 '{"weight":1}'
error_is 404 not_found id "the weight of an unknown goal"
bad400 wang PATCH /api/v1/goals/2 '{"reason":"x"}' weight "PATCH without weight"
bad400 wang PATCH /api/v1/goals/2 '{"weight":0,"reason":"x"}' weight \
	"PATCH weight 0"
bad400 wang PATCH /api/v1/goals/2 '{"weight":"1"}' weight \
	"PATCH weight as a string"
bad400 wang PATCH /api/v1/goals/2 '{"weight":1,"title":"x"}' title \
	"PATCH a goal's title"
bad400 wang PATCH /api/v1/goals/2 '{"weight":1,"reason":5}' reason \
	"PATCH reason as a number"
apij wang PATCH /api/v1/goals/2 '{"weight":1,"reason":"统筹调整"}' \
	-H 'If-Match: "2"'
error_is 412 version_mismatch version "PATCH a goal with a stale If-Match"
is .error.message '"goal 2 has version 1, not 2"' "the stale goal message"
apij wang PATCH /api/v1/goals/2 '{"weight":1,"reason":"统筹调整"}' \
	-H 'If-Match: two'
error_is 400 invalid If-Match "PATCH a goal with a bad If-Match"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused PATCHes"
expect_eq "$(db_sql "SELECT count(*) FROM revisions")" 0 \
	"no revision kept by the refused PATCHes"
api_as wang GET /api/v1/goals/2
is .weight 2 "goal 2's weight unchanged by the stale PATCH"
expect_header ETag '"1"' "goal 2 still at version 1"
apij wang PATCH /api/v1/goals/2 '{"weight":1,"reason":"统筹调整"}' \
	-H 'If-Match: "1"'
expect_status 200 "PATCH goal 2's weight"
expect_header ETag '"2"' "the weight change makes version 2"
GN2=$(node 2 道里区经济 HRB-DL 1 50 '"green"' "$GN4" "$IND1,$IND2")
expect_out "$GN2" "goal 2 after the change"
expect_eq "$(audit_count)" $((n + 1)) "the weight change is audited"
api_as admin GET "/api/v1/audit?entity=goal&entity_id=2"
is '[.[] | [.action, .actor, .before.weight, .after.weight]]' \
	'[["goal.add","wang",null,2],["goal.weight","wang",2,1]]' \
	"goal 2's audit trail"
cli_is "goal 2's audit trail" audit log --entity goal --id 2
# goal 1: (1 x 50% + 1 x 100%) / 2 = 75%
api_as wang GET /api/v1/goals/1
is '[.progress, .children[0].weight]' '[75,1]' "goal 1 after the change"

# PATCH /indicators/{id}: lowering a target needs a reason (不降标准)
n=$(audit_count)
apij li PATCH /api/v1/indicators/1 '{"target":180,"reason":"x"}'
error_is 403 forbidden role "staff change a target"
apij ng PATCH /api/v1/indicators/99 '{"target":180,"reason":"x"}'
error_is 403 forbidden role "staff change an unknown target"
apij dl PATCH /api/v1/indicators/3 '{"target":5,"reason":"x"}'
error_is 404 not_found id "a leader changes an invisible indicator"
bad400 wang PATCH /api/v1/indicators/1 '{"target":180}' reason \
	"lowering an up target without a reason"
jq_is .error.message \
	"lowering the target of indicator 1 from 200 to 180 needs --reason" \
	"the lowering message"
bad400 wang PATCH /api/v1/indicators/1 '{"target":180,"reason":""}' reason \
	"lowering a target with an empty reason"
bad400 wang PATCH /api/v1/indicators/2 '{"target":42}' reason \
	"lowering a down target (raising it) without a reason"
bad400 wang PATCH /api/v1/indicators/1 '{"target":"180","reason":"x"}' \
	target "target as a string"
bad400 wang PATCH /api/v1/indicators/1 '{"goal":"2"}' goal \
	"PATCH an indicator's goal"
bad400 wang PATCH /api/v1/indicators/1 '{"weight":0}' weight \
	"PATCH an indicator's weight to 0"
bad400 wang PATCH /api/v1/indicators/1 '{}' target "an empty PATCH"
apij wang PATCH /api/v1/indicators/1 '{"target":180,"reason":"市场变化"}' \
	-H 'If-Match: "6"'
error_is 412 version_mismatch version \
	"PATCH an indicator with a stale If-Match"
is .error.message '"indicator 1 has version 7, not 6"' \
	"the stale indicator message"
apij wang PATCH /api/v1/indicators/1 '{"target":180,"reason":"市场变化"}' \
	-H 'If-Match: "0"'
error_is 400 invalid If-Match "If-Match version 0"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused PATCHes"
expect_eq "$(db_sql "SELECT count(*) FROM revisions")" 1 \
	"only goal 2's revision after the refused PATCHes"
api_as wang GET /api/v1/indicators/1
expect_out "$IND1" "indicator 1 unchanged"
expect_header ETag '"7"' "indicator 1 still at version 7"
apij wang PATCH /api/v1/indicators/1 '{"target":180,"reason":"市场变化"}' \
	-H 'If-Match: "7"'
expect_status 200 "lowering a target with a reason"
expect_header ETag '"8"' "the target change makes version 8"
# (150-100)/(180-100) = 0.625
IND1=$(printf '%s' "$IND1" | sed 's/"target":200/"target":180/;
	s/"version":7/"version":8/; s/"achievement":0.5/"achievement":0.625/')
expect_out "$IND1" "indicator 1 after the change"
apij wang PATCH /api/v1/indicators/2 '{"target":38}'
expect_status 200 "a more ambitious down target needs no reason"
expect_header ETag '"4"' "no If-Match: no check, version 4"
# (50-44)/(50-38) = 0.5
IND2=$(printf '%s' "$IND2" | sed 's/"target":40/"target":38/;
	s/"version":3/"version":4/; s/"achievement":0.6/"achievement":0.5/')
expect_out "$IND2" "indicator 2 after the change"
expect_eq "$(audit_count)" $((n + 2)) "both changes are audited"
# add, 2 plans, 4 actuals, the update: 8 entries, the last two on page 3
api_as admin GET "/api/v1/audit?entity=indicator&entity_id=1&per_page=3&page=3"
is '[.[] | [.action, .before.target, .after.target, .after.month]]' \
	'[["indicator.report",null,null,"2026-09"],["indicator.update",200,180,null]]' \
	"indicator 1's last audit entries"
expect_header X-Total-Count 8 "indicator 1's audit entries"
L=/api/v1/audit
Q='entity=indicator&entity_id=1'
expect_header Link "<$L?page=1&per_page=3&$Q>; rel=\"first\", <$L?page=3&per_page=3&$Q>; rel=\"last\", <$L?page=2&per_page=3&$Q>; rel=\"prev\"" \
	"the audit links keep the filters"
# (the values with one decimal: SQLite prints a REAL so, PostgreSQL not)
expect_eq "$(db_sql "SELECT entity || ' ' || entity_id || ' ' ||
	field || ' ' || old_value || '>' || new_value || ' ' ||
	coalesce(reason, '-') || ' ' || by || ' ' || at FROM revisions
	ORDER BY id" "SELECT entity || ' ' || entity_id || ' ' || field ||
	' ' || to_char(old_value, 'FM999990.0') || '>' ||
	to_char(new_value, 'FM999990.0') || ' ' || coalesce(reason, '-') ||
	' ' || by || ' ' || at FROM revisions ORDER BY id" | tr '\n' ';')" \
	"goal 2 weight 2.0>1.0 统筹调整 wang $NOW;indicator 1 target 200.0>180.0 市场变化 wang $NOW;indicator 2 target 40.0>38.0 - wang $NOW;" \
	"the history keeps who, when and why"
# goal 2: (0.625 + 0.5 + 0.4) / 3 = 50.83%; goal 1: (50.83% + 100%) / 2
# = 75.42%
GN2=$(node 2 道里区经济 HRB-DL 1 50.83 '"green"' "$GN4" "$IND1,$IND2")
GN1=$(node 1 经济发展 HRB 1 75.42 '"green"' "$GN2,$GN3" "")
api_as wang GET /api/v1/goals
expect_out "[$GN1]" "the goal tree after the changes"
cli_is "the goal tree after the changes" goal tree

# === milestones ==============================================================
apij wang POST /api/v1/tasks '{"title":"老旧小区改造","lead":"HRB-DL","owner":"li","due":"2026-12-20"}'
expect_status 201 "task 2"
is '[.id,.light,.quadrant,.version]' '[2,"green","Q4",1]' "task 2"
apij wang POST /api/v1/tasks '{"title":"南岗区任务","lead":"HRB-NG","due":"2026-12-20"}'
expect_status 201 "task 3"
apij wang POST /api/v1/tasks/3/cancel '{"reason":"撤销"}'
expect_status 200 "cancel task 3"
M1='{"id":1,"task_id":2,"title":"完成方案","due":"2026-11-25","done_on":null}'
M2='{"id":2,"task_id":2,"title":"完成施工","due":"2026-12-10","done_on":null}'
n=$(audit_count)
apij li POST /api/v1/milestones '{"task_id":2,"title":"完成方案","due":"2026-11-25"}'
error_is 403 forbidden role "staff add a milestone"
apij kan POST /api/v1/milestones '{"task_id":2,"title":"完成方案","due":"2026-11-25"}'
error_is 403 forbidden role "a viewer adds a milestone"
bad400 wang POST /api/v1/milestones '{"task_id":2,"title":"x"}' due \
	"a milestone without a due date"
bad400 wang POST /api/v1/milestones '{"task_id":2,"title":"x","due":"2026-13-01"}' \
	due "a milestone due 2026-13-01"
bad400 wang POST /api/v1/milestones '{"task_id":2,"title":"x","due":"2026-11-31"}' \
	due "a milestone due 2026-11-31"
bad400 wang POST /api/v1/milestones '{"task_id":"2","title":"x","due":"2026-12-01"}' \
	task_id "task_id as a string"
bad400 wang POST /api/v1/milestones '{"title":"x","due":"2026-12-01"}' \
	task_id "a milestone without a task"
bad400 wang POST /api/v1/milestones '{"task_id":2,"due":"2026-12-01"}' \
	title "a milestone without a title"
bad400 wang POST /api/v1/milestones '{"task_id":2,"title":"x","due":"2026-12-01","done_on":null}' \
	done_on "a milestone with an unknown field"
apij wang POST /api/v1/milestones '{"task_id":99,"title":"x","due":"2026-12-01"}'
error_is 404 not_found task_id "a milestone of an unknown task"
NOTASK=$(printf '%s' "$BODY" | sed "s/'99'/'N'/")
apij dl POST /api/v1/milestones '{"task_id":3,"title":"x","due":"2026-12-01"}'
error_is 404 not_found task_id "a milestone of an invisible task"
expect_eq "$(printf '%s' "$BODY" | sed "s/'3'/'N'/")" "$NOTASK" \
	"an invisible task reads like an unknown one"
apij wang POST /api/v1/milestones '{"task_id":3,"title":"x","due":"2026-12-01"}'
error_is 409 conflict status "a milestone of a cancelled task"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused milestones"
apij wang POST /api/v1/milestones '{"task_id":2,"title":"完成方案","due":"2026-11-25"}'
expect_status 201 "add milestone 1, due yesterday"
expect_out "$M1" "milestone 1"
expect_eq "$(audit_count)" $((n + 1)) "milestone 1 is audited"
# an unfinished milestone due before today turns the task red (urgent: Q3)
api_as li GET /api/v1/tasks/2
is '[.light,.quadrant,.version]' '["red","Q3",2]' "task 2 with an overdue milestone"
apij dl POST /api/v1/milestones '{"task_id":2,"title":"完成施工","due":"2026-12-10"}'
expect_status 201 "a leader adds milestone 2"
expect_out "$M2" "milestone 2"
api_as kan GET "/api/v1/milestones?task_id=2"
expect_status 200 "a viewer lists the milestones"
expect_out "[$M1,$M2]" "task 2's milestones"
expect_header X-Total-Count 2 "task 2's milestones"
api_as li GET "/api/v1/milestones?task_id=2&per_page=1&page=2"
expect_out "[$M2]" "page 2 of task 2's milestones"
expect_header X-Total-Count 2 "page 2 of task 2's milestones"
L=/api/v1/milestones
expect_header Link "<$L?page=1&per_page=1&task_id=2>; rel=\"first\", <$L?page=2&per_page=1&task_id=2>; rel=\"last\", <$L?page=1&per_page=1&task_id=2>; rel=\"prev\"" \
	"the milestone links keep task_id"
api_as li GET /api/v1/tasks/2/timeline
is .milestones "[$M1,$M2]" "the timeline's milestones"
api_as li GET "/api/v1/milestones?task_id=1"
expect_out "[]" "task 1 has no milestones"
expect_header X-Total-Count 0 "task 1's milestones"
api_as ng GET "/api/v1/milestones?task_id=2"
error_is 404 not_found task_id "milestones of an invisible task"
NOTSEEN=$(printf '%s' "$BODY" | sed "s/'2'/'N'/")
api_as ng GET "/api/v1/milestones?task_id=99"
error_is 404 not_found task_id "milestones of an unknown task"
expect_eq "$(printf '%s' "$BODY" | sed "s/'99'/'N'/")" "$NOTSEEN" \
	"an invisible task reads like an unknown one"
api_as li GET /api/v1/milestones
error_is 400 invalid task_id "milestones without task_id"
api_as li GET "/api/v1/milestones?task_id=x"
error_is 400 invalid task_id "milestones of task x"

n=$(audit_count)
api_as kan POST /api/v1/milestones/1/done
error_is 403 forbidden role "a viewer finishes a milestone"
api_as ng POST /api/v1/milestones/1/done
error_is 404 not_found id "staff finish a milestone of an invisible task"
jq_is .error.message "milestone '1' not found" "invisible milestone message"
api_as ng POST /api/v1/milestones/99/done
error_is 404 not_found id "an unknown milestone"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refusals"
api_as li POST /api/v1/milestones/1/done
expect_status 200 "the owner finishes milestone 1"
expect_out '{"id":1,"task_id":2,"title":"完成方案","due":"2026-11-25","done_on":"2026-11-26"}' \
	"milestone 1 done today"
expect_eq "$(audit_count)" $((n + 1)) "finishing is audited"
api_as li GET /api/v1/tasks/2
is '[.light,.quadrant,.version]' '["green","Q4",3]' \
	"task 2 is green again (milestone 2 is due 2026-12-10)"
api_as li POST /api/v1/milestones/1/done
error_is 409 conflict id "finishing a milestone twice"
api_as li GET "/api/v1/milestones?task_id=2"
expect_out "[$(printf '%s' "$M1" | sed 's/"done_on":null/"done_on":"2026-11-26"/'),$M2]" \
	"the list after milestone 1 is done"

# === calendar ================================================================
api_as kan GET /api/v1/calendar
expect_status 200 "the empty calendar"
expect_out "[]" "no marked days"
expect_header X-Total-Count 0 "no marked days"
cli_is "the empty calendar" calendar list
n=$(audit_count)
apij wang POST /api/v1/calendar '{"kind":"holiday","from":"2026-11-30"}'
error_is 403 forbidden role "a supervisor marks a holiday"
apij li POST /api/v1/calendar '{"kind":"workday","from":"2026-12-05"}'
error_is 403 forbidden role "staff mark a workday"
bad400 admin POST /api/v1/calendar '{"kind":"vacation","from":"2026-11-30"}' \
	kind "an unknown kind of day"
bad400 admin POST /api/v1/calendar '{"from":"2026-11-30"}' kind \
	"a day without a kind"
bad400 admin POST /api/v1/calendar '{"kind":"holiday"}' from \
	"a holiday without a day"
bad400 admin POST /api/v1/calendar '{"kind":"holiday","from":"2026-13-01"}' \
	from "a holiday on 2026-13-01"
jq_is .error.message \
	"invalid date '2026-13-01' for from (expected YYYY-MM-DD)" \
	"the invalid date message"
bad400 admin POST /api/v1/calendar '{"kind":"holiday","from":"2026-12-02","to":"2026-11-30"}' \
	to "a range ending before it starts"
bad400 admin POST /api/v1/calendar '{"kind":"holiday","from":"2026-01-01","to":"2027-01-02"}' \
	to "a range of 367 days"
bad400 admin POST /api/v1/calendar '{"kind":"holiday","from":"2026-11-30","name":5}' \
	name "a name as a number"
bad400 admin POST /api/v1/calendar '{"kind":"holiday","from":"2026-11-30","days":3}' \
	days "a day with an unknown field"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused days"
apij admin POST /api/v1/calendar '{"kind":"holiday","from":"2026-11-30","to":"2026-12-02","name":"测试假期"}'
expect_status 201 "three holidays"
expect_out '{"days":3}' "three days marked"
expect_eq "$(audit_count)" $((n + 3)) "each day is audited"
apij admin POST /api/v1/calendar '{"kind":"workday","from":"2026-12-05","name":"调休上班"}'
expect_status 201 "a make-up working day"
expect_out '{"days":1}' "one day marked"
CAL='[{"day":"2026-11-30","kind":"holiday","name":"测试假期"},{"day":"2026-12-01","kind":"holiday","name":"测试假期"},{"day":"2026-12-02","kind":"holiday","name":"测试假期"},{"day":"2026-12-05","kind":"workday","name":"调休上班"}]'
api_as kan GET /api/v1/calendar
expect_out "$CAL" "the marked days, in order"
expect_header X-Total-Count 4 "the marked days"
cli_is "the calendar" calendar list
api_as kan GET "/api/v1/calendar?per_page=3&page=2"
is . "$(printf '%s' "$CAL" | jq -c '.[3:]')" "page 2 of the calendar"
link_is /api/v1/calendar 3 "first=1 last=2 prev=1" "page 2 of the calendar"
api_as kan GET "/api/v1/calendar?page=x"
error_is 400 invalid page "calendar page x"
# Thursday 2026-11-26 + 5 working days: Fri 27 (1), Mon 30 - Wed 2
# holidays, Thu 3 (2), Fri 4 (3), Sat 5 make-up day (4), Mon 7 (5)
apij wang POST /api/v1/tasks '{"title":"五个工作日内办结","lead":"HRB-DL","within":5}'
expect_status 201 "a task due within 5 working days"
is '[.id,.due]' '[4,"2026-12-07"]' "task 4 within 5 working days"
apij wang POST /api/v1/tasks '{"title":"五日内办结","lead":"HRB-DL","within":5,"within_unit":"d"}'
expect_status 201 "a task due within 5 days"
is '[.id,.due]' '[5,"2026-12-01"]' "task 5 within 5 calendar days"
apij admin POST /api/v1/calendar '{"kind":"workday","from":"2026-11-30","to":"2026-12-01","name":"取消放假"}'
expect_out '{"days":2}' "marking days again replaces them"
api_as kan GET /api/v1/calendar
is '[.[] | .day + " " + .kind]' \
	'["2026-11-30 workday","2026-12-01 workday","2026-12-02 holiday","2026-12-05 workday"]' \
	"the calendar after the change"
cli_is "the calendar after the change" calendar list
# Fri 27 (1), Mon 30 (2), Tue 1 (3), Thu 3 (4), Fri 4 (5)
apij wang POST /api/v1/tasks '{"title":"再算一次","lead":"HRB-DL","within":5}'
is '[.id,.due]' '[6,"2026-12-04"]' "task 6 within 5 working days"

# === settings ================================================================
SET0='{"warn_days":3,"lag":25,"report_days":7,"ack_hours":24,"evidence_max":20971520,"inspection_cap":4,"policy_warn_days":14}'
api_as kan GET /api/v1/settings
expect_status 200 "a viewer reads the settings"
expect_out "$SET0" "the default settings"
cli_is "the settings" settings list
# task 5 is due 2026-12-01: 5 days away, more than warn_days 3
api_as li GET /api/v1/tasks/5
is '[.light,.quadrant]' '["green","Q3"]' "task 5 with warn_days 3"
n=$(audit_count)
apij wang PATCH /api/v1/settings '{"warn_days":5}'
error_is 403 forbidden role "a supervisor changes a setting"
apij li PATCH /api/v1/settings '{"warn_days":5}'
error_is 403 forbidden role "staff change a setting"
bad400 admin PATCH /api/v1/settings '{"warn_days":5,"lag":500}' lag \
	"one bad value among good ones"
bad400 admin PATCH /api/v1/settings '{"warn_days":"5"}' warn_days \
	"warn_days as a string"
bad400 admin PATCH /api/v1/settings '{"warn_days":4.5}' warn_days \
	"warn_days 4.5"
bad400 admin PATCH /api/v1/settings '{"report_days":0}' report_days \
	"report_days 0"
bad400 admin PATCH /api/v1/settings '{"warn_days":5,"colour":1}' colour \
	"an unknown setting"
bad400 admin PATCH /api/v1/settings '{}' body "an empty PATCH"
api_as admin PATCH /api/v1/settings -H 'Content-Type: text/plain' \
	--data-binary '{"warn_days":5}'
error_is 415 unsupported_media_type Content-Type "settings as text/plain"
expect_eq "$(audit_count)" "$n" "nothing recorded by the refused changes"
api_as admin GET /api/v1/settings
expect_out "$SET0" "nothing changed"
api_as li GET /api/v1/tasks/5
jq_is .light green "task 5 still green"
apij admin PATCH /api/v1/settings '{"warn_days":5}'
expect_status 200 "PATCH warn_days 5"
SET5=$(printf '%s' "$SET0" | sed 's/"warn_days":3/"warn_days":5/')
expect_out "$SET5" "every setting after the change"
expect_eq "$(audit_count)" $((n + 1)) "the change is audited"
api_as admin GET "/api/v1/audit?entity=settings"
is '[.[] | [.action,.actor,.entity_id,.before,.after]]' \
	'[["settings.set","admin","warn_days",{"warn_days":3},{"warn_days":5}]]' \
	"the settings' audit trail"
cli_is "the settings' audit trail" audit log --entity settings
api_as kan GET /api/v1/settings
expect_out "$SET5" "the new settings for everyone"
cli_is "the new settings" settings list
api_as li GET /api/v1/tasks/5
is '[.light,.quadrant]' '["yellow","Q3"]' "task 5 with warn_days 5"
ls_run --json task show 5
expect_eq "$(printf '%s' "$OUT" | jq -r .light)" yellow "task 5 in the CLI"
apij admin PATCH /api/v1/settings '{"warn_days":4,"lag":30}'
expect_status 200 "PATCH two settings"
expect_out '{"warn_days":4,"lag":30,"report_days":7,"ack_hours":24,"evidence_max":20971520,"inspection_cap":4,"policy_warn_days":14}' \
	"both settings changed"
expect_eq "$(audit_count)" $((n + 3)) "each change is audited"
api_as li GET /api/v1/tasks/5
jq_is .light green "task 5 with warn_days 4"
apij admin PATCH /api/v1/settings '{"warn_days":3,"lag":25}'
expect_out "$SET0" "the defaults again"

# === evidence ================================================================
head -c 3000 /dev/urandom >"$TMP/报告.bin"
printf 'plain evidence\r\n' >"$TMP/plain.txt"
EVA=$(sha256sum "$TMP/报告.bin" | cut -d' ' -f1)
EVB=$(sha256sum "$TMP/plain.txt" | cut -d' ' -f1)
api_as li POST /api/v1/tasks/2/report -F percent=30 -F 'note=附件' \
	-F "evidence=@$TMP/报告.bin" -F "evidence=@$TMP/plain.txt"
expect_status 200 "a report with two files"
is '[.status,.percent]' '["doing",30]' "task 2 after the report"
api_as li GET /api/v1/tasks/2/timeline
is '[.evidence[] | [.name, .size, .sha256]]' \
	"[[\"报告.bin\",3000,\"$EVA\"],[\"plain.txt\",16,\"$EVB\"]]" \
	"the evidence in the timeline"
SHA=$(printf '%s' "$BODY" | jq -r '.evidence[0].sha256')
for u in li dl kan wang admin; do
	api_as "$u" GET "/api/v1/evidence/$SHA"
	expect_status 200 "$u downloads the evidence"
	if cmp -s "$BODYF" "$TMP/报告.bin"; then ok; else
		bad "$u: the downloaded bytes differ from the upload"
	fi
done
expect_header Content-Type application/octet-stream "the download"
expect_header Content-Disposition \
	"attachment; filename=\"__.bin\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.bin" \
	"the download"
expect_header ETag "\"$EVA\"" "the download"
expect_header Content-Length 3000 "the download"
api_as li GET "/api/v1/evidence/$EVB"
expect_status 200 "the second file"
expect_eq "$(cat "$BODYF")" "$(cat "$TMP/plain.txt")" "the second file's bytes"
expect_header Content-Disposition \
	"attachment; filename=\"plain.txt\"; filename*=UTF-8''plain.txt" \
	"an ASCII name"
UNKNOWN=ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
api_as li GET "/api/v1/evidence/$UNKNOWN"
error_is 404 not_found sha256 "an unknown hash"
NOEV=$(printf '%s' "$BODY" | sed "s/$UNKNOWN/H/")
for u in ng zhao; do
	api_as "$u" GET "/api/v1/evidence/$EVA"
	error_is 404 not_found sha256 "$u cannot see task 2's evidence"
	expect_eq "$(printf '%s' "$BODY" | sed "s/$EVA/H/")" "$NOEV" \
		"$u: the same answer as for an unknown hash"
done
UPPER=$(printf '%s' "$EVA" | tr a-f A-F)
for h in abc "$UPPER" "${EVA}0"; do
	api_as li GET "/api/v1/evidence/$h"
	error_is 404 not_found sha256 "evidence '$h'"
done
# a stored file that no longer matches its hash is refused, not sent
STORED="$(files_dir)/$(printf '%.2s' "$EVB")/$EVB"
if [ -f "$STORED" ]; then ok; else bad "no stored file $STORED"; fi
cp "$STORED" "$TMP/stored"
printf 'PLAIN evidence\r\n' >"$STORED"
api_as li GET "/api/v1/evidence/$EVB"
error_is 500 failure sha256 "a damaged stored file"
cp "$TMP/stored" "$STORED"
api_as li GET "/api/v1/evidence/$EVB"
expect_status 200 "the file once repaired"
# a co-unit sees the task, so the evidence too
apij wang PATCH /api/v1/tasks/2 '{"co":["HRB-NG"]}'
expect_status 200 "HRB-NG becomes a co-unit of task 2"
api_as ng GET "/api/v1/evidence/$EVA"
expect_status 200 "a co-unit's staff download the evidence"
if cmp -s "$BODYF" "$TMP/报告.bin"; then ok; else
	bad "the co-unit's download differs"
fi

# === goal lights =============================================================
# a red task of goal 3 (due 2026-11-20, 0%): goal 3 = (1 + 0) / 2 = 50%,
# red; goal 1 = (50.83% + 50%) / 2 = 50.42%, red (the worst below);
# goal 2 keeps its green
apij wang POST /api/v1/tasks '{"title":"南岗区逾期","lead":"HRB-NG","due":"2026-11-20","goal_id":3}'
expect_status 201 "a late task of goal 3"
is '[.id,.light]' '[7,"red"]' "task 7"
GN3=$(node 3 南岗区项目 HRB-NG 1 50 '"red"' "" "$IND3")
GN1=$(node 1 经济发展 HRB 1 50.42 '"red"' "$GN2,$GN3" "")
api_as wang GET /api/v1/goals
expect_out "[$GN1]" "the goal tree with a red task"
cli_is "the goal tree with a red task" goal tree
api_as ng GET /api/v1/goals/3/tree
expect_out "$GN3" "goal 3 with its red task"
api_as dl GET /api/v1/goals/2
expect_out "$GN2" "goal 2 is still green"

# === audit ===================================================================
for u in wang dl li kan; do
	api_as "$u" GET /api/v1/audit
	error_is 403 forbidden role "$u reads the audit log"
	api_as "$u" GET /api/v1/audit/verify
	error_is 403 forbidden role "$u verifies the audit log"
done
N=$(audit_count)
api_as admin GET "/api/v1/audit?per_page=200"
expect_status 200 "the whole audit log"
expect_header X-Total-Count "$N" "the whole audit log"
cli_is "the audit log" audit log
is '[.[0] | keys_unsorted, .action, .entity, .entity_id, .prev]' \
	'[["id","at","actor","action","entity","entity_id","before","after","prev","hash"],"init","user","admin","0000000000000000000000000000000000000000000000000000000000000000"]' \
	"the first entry"
is '[.[] | .id] == [range(1; '"$N"' + 1)]' true "ids 1..N, oldest first"
is '[.[1:][] | .prev] == [.[:-1][] | .hash]' true "each entry chains the one before"
api_as admin GET /api/v1/audit
expect_header X-Total-Count "$N" "the first page of the audit log"
is length 50 "50 entries a page by default"
PAGES=$(((N + 49) / 50))
link_is /api/v1/audit 50 "first=1 last=$PAGES next=2" "the first audit page"
api_as admin GET "/api/v1/audit?entity=calendar&entity_id=2026-12-01"
is '[.[] | [.action, .after.kind]]' \
	'[["calendar.set","holiday"],["calendar.set","workday"]]' \
	"a calendar day's audit trail"
cli_is "a calendar day's audit trail" audit log --entity calendar --id 2026-12-01
api_as admin GET "/api/v1/audit?entity=milestone"
expect_out "[]" "no entity 'milestone' (milestones are recorded on tasks)"
expect_header X-Total-Count 0 "no entity 'milestone'"
api_as admin GET "/api/v1/audit?entity=task&entity_id=2"
is '[.[] | .action]' \
	'["task.add","milestone.add","milestone.add","milestone.done","task.report","task.edit"]' \
	"task 2's audit trail"
cli_is "task 2's audit trail" audit log --entity task --id 2
api_as admin GET "/api/v1/audit?per_page=0"
error_is 400 invalid per_page "audit per_page 0"

VERIFY_OK="{\"ok\":true,\"checked\":$N,\"bad_id\":null,\"problem\":null}"
api_as admin GET /api/v1/audit/verify
expect_status 200 "verify the chain"
expect_out "$VERIFY_OK" "an intact chain"
cli_is "an intact chain" audit verify

# tampering: the goal weight change of goal 2 claims 5, not 1
api_as admin GET "/api/v1/audit?entity=goal&entity_id=2"
K=$(printf '%s' "$BODY" | jq '.[1].id')
AFTER=$(db_sql "SELECT after FROM audit WHERE id = $K")
expect_eq "$AFTER" '{"id":2,"title":"道里区经济","parent_id":1,"unit":"HRB-DL","year":2026,"weight":1}' \
	"entry $K as stored"
db_sql "UPDATE audit SET after = replace(after, '\"weight\":1', '\"weight\":5') WHERE id = $K"
api_as admin GET /api/v1/audit/verify
expect_status 200 "verify a tampered chain"
expect_out "{\"ok\":false,\"checked\":$((K - 1)),\"bad_id\":$K,\"problem\":\"entry $K was changed (hash mismatch)\"}" \
	"the tampered entry is named"
BROKEN=$BODY
ls_run --json audit verify
expect_eq "$RC" 1 "luoshi audit verify exits 1"
expect_eq "$OUT" "$BROKEN" "the CLI's verdict is the API's"
expect_err "audit chain broken at entry $K" "the CLI names the entry"
api_as admin GET "/api/v1/audit?entity=goal&entity_id=2"
jq_is '.[1].after.weight' 5 "the log shows what is stored"
db_sql "UPDATE audit SET after = '$AFTER' WHERE id = $K"
api_as admin GET /api/v1/audit/verify
expect_out "$VERIFY_OK" "intact again once restored"
# deleting an entry
M=$((N - 3))
db_sql "DELETE FROM audit WHERE id = $M"
api_as admin GET /api/v1/audit/verify
expect_status 200 "verify a chain with a hole"
expect_out "{\"ok\":false,\"checked\":$((M - 1)),\"bad_id\":$M,\"problem\":\"entry $M is missing (deleted)\"}" \
	"the deleted entry is named"
api_as wang GET /api/v1/audit/verify
error_is 403 forbidden role "a broken chain is still not the supervisor's"

api_done
