#!/bin/sh
# The practice library over HTTP: /practices (list with search, tag,
# unit and promoted filters, paging; create; show), promote and
# /commendations/{id}/practice. Objects are the CLI's --json byte for
# byte; search finds a Chinese word of 3+ characters (index) and of 2
# (fallback), not an absent one (also URL-encoded); 400 naming the field,
# 403 for a role without the right or a practice outside the subtree,
# 404 out of scope, 409 when done twice.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "DL" unit add DL 道里区 --parent HRB --kind district
expect_ok "NG" unit add NG 南岗区 --parent HRB --kind district
api_token admin
api_user wang HRB supervisor 王督查
api_user dsup DL supervisor 道里督查
api_user dlead DL leader 道里领导
api_user li DL staff 李干事
expect_ok "task" task add 河道清淤 --lead DL --due 2026-12-31
expect_ok "task NG" task add 网格巡查 --lead NG --due 2026-12-31
expect_ok "goal" goal add 生态优先 --unit DL --year 2026
expect_ok "commend" commend add --unit NG --on 2026-11-03 --points 2 \
	--reason 接诉即办成效显著
expect_ok "account" account add --unit NG --on 2026-11-04 --points 1 \
	--reason 迟报
server_start

apij dlead POST /api/v1/practices '{"title":"河长制落实经验","unit":"DL",
	"body":"推行河长制，每条河流有人管","tags":["生态","河湖"],
	"tasks":[1],"goals":[1]}'
expect_status 201 "leader creates"
expect_header Location /api/v1/practices/1 "Location"
jq_is '[.id, .unit, (.tags | join(",")), .tasks[0], .goals[0],
	.promoted] | map(tostring) | join("|")' "1|DL|生态,河湖|1|1|false" \
	"created object"
api_as li GET /api/v1/practices/1
expect_status 200 "staff reads"
expect_eq "$BODY" "$("$LUOSHI_BIN" --json practice show 1)" \
	"show = CLI --json"
apij wang POST /api/v1/practices '{"title":"网格化管理","unit":"NG",
	"body":"社区网格员包片入户","tags":["民生"]}'
expect_status 201 "supervisor creates"

# Errors, each naming its field.
apij li POST /api/v1/practices '{"title":"t","unit":"DL","body":"b"}'
expect_error 403 forbidden role "staff cannot create"
apij dlead POST /api/v1/practices '{"title":"t","unit":"NG","body":"b"}'
expect_error 404 not_found unit "unit out of scope"
apij dlead POST /api/v1/practices \
	'{"title":"t","unit":"DL","body":"b","tasks":[2]}'
expect_error 404 not_found tasks "task out of scope"
apij wang POST /api/v1/practices '{"title":"t","unit":"DL"}'
expect_error 400 invalid body "missing body"
apij wang POST /api/v1/practices \
	'{"title":"t","unit":"DL","body":"b","tags":"民生"}'
expect_error 400 invalid tags "tags not an array"
apij wang POST /api/v1/practices \
	'{"title":"t","unit":"DL","body":"b","tags":["a,b"]}'
expect_error 400 invalid tags "comma in a tag"
apij wang POST /api/v1/practices \
	'{"title":"t","unit":"DL","body":"b","tasks":["1"]}'
expect_error 400 invalid tasks "task ids are integers"
apij wang POST /api/v1/practices \
	'{"title":"t","unit":"DL","body":"b","colour":1}'
expect_error 400 invalid colour "unknown field"
api_as wang GET /api/v1/practices/9
expect_error 404 not_found id "missing practice"

# Search and filters; ?search= URL-encoded.
api_as li GET "/api/v1/practices?search=%E6%B2%B3%E9%95%BF%E5%88%B6"
expect_status 200 "search 河长制"
expect_body_ids 1 "search 河长制 (index)"
api_as li GET "/api/v1/practices?search=%E6%B2%B3%E9%95%BF"
expect_body_ids 1 "search 河长 (fallback)"
api_as li GET "/api/v1/practices?search=网格员"
expect_body_ids 2 "search in body"
api_as li GET "/api/v1/practices?search=招商引资"
expect_body_ids "" "absent word"
expect_header X-Total-Count 0 "no match counted"
api_as li GET "/api/v1/practices?tag=民生"
expect_body_ids 2 "tag"
api_as li GET "/api/v1/practices?unit=DL"
expect_body_ids 1 "unit"
api_as li GET "/api/v1/practices?per_page=1&page=2"
expect_body_ids 2 "page 2"
expect_header X-Total-Count 2 "total"
api_as li GET "/api/v1/practices?promoted=yes"
expect_error 400 invalid promoted "bad promoted"
api_as li GET "/api/v1/practices?unit=NOPE"
expect_error 404 not_found unit "unknown unit"
api_as li GET "/api/v1/practices?search=%E6%B2%B3%E9%95%BF%E5%88%B6"
expect_eq "$BODY" "$("$LUOSHI_BIN" --json practice list --search 河长制)" \
	"list = CLI --json"

# Promote.
api_as dlead POST /api/v1/practices/1/promote
expect_error 403 forbidden role "leader cannot promote"
apij dsup POST /api/v1/practices/2/promote '{}'
expect_error 403 forbidden id "outside the subtree"
api_as dsup POST /api/v1/practices/1/promote
expect_status 200 "promote without a body"
jq_is '[.promoted, .promoted_by, .promoted_note] | map(tostring) |
	join("|")' "true|dsup|null" "promoted"
apij wang POST /api/v1/practices/2/promote '{"note":"纳入制度"}'
expect_status 200 "promote with a note"
jq_is '.promoted_note' "纳入制度" "note kept"
apij wang POST /api/v1/practices/2/promote '{"note":"again"}'
expect_error 409 conflict id "twice"
apij wang POST /api/v1/practices/2/promote '{"notes":"x"}'
expect_error 400 invalid notes "unknown field"
api_as wang POST /api/v1/practices/9/promote
expect_error 404 not_found id "promote missing"
api_as li GET "/api/v1/practices?promoted=true"
expect_body_ids 1,2 "promoted only"

# From a commendation.
api_as dlead POST /api/v1/commendations/1/practice
expect_error 404 not_found id "commendation out of the leader's scope"
api_as li POST /api/v1/commendations/1/practice
expect_error 403 forbidden role "staff cannot"
api_as wang POST /api/v1/commendations/2/practice
expect_error 404 not_found id "an accountability is no commendation"
apij wang POST /api/v1/commendations/1/practice '{"tags":["民生"]}'
expect_status 201 "from a commendation"
expect_header Location /api/v1/practices/3 "Location"
jq_is '[.title, .body, .unit, .merit_id, (.tags | join(","))] |
	map(tostring) | join("|")' "接诉即办成效显著|接诉即办成效显著|NG|1|民生" \
	"title, body, unit from the commendation"
api_as wang POST /api/v1/commendations/1/practice
expect_error 409 conflict id "twice"
api_as wang GET "/api/v1/practices?tag=民生"
expect_body_ids 2,3 "tagged"
api_done
