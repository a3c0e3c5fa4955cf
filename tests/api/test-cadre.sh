#!/bin/sh
# Cadre assessment over HTTP (SPEC §6, §7, §9): /api/v1/cadre/ratings,
# /cadre/grades and /cadre/{login} answer exactly the CLI's --json
# objects; 201 for a new ballot and 200 for a replaced one; 403 rating
# oneself or for another rater without the right; 404 out of scope;
# staff never see the ballots on them; 400 naming the field for bad
# scores, types and periods, and nothing recorded by refused requests.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
api_token admin
api_user wang HRB supervisor 王督查
api_user dl HRB-DL leader 道里区长
api_user li HRB-DL staff 李干事
api_user zhao HRB-DL staff 赵干事
api_user ng HRB-NG staff 南岗干事
api_user ngsup HRB-NG supervisor 南岗督查
api_user kan HRB-DL viewer 道里只读
server_start

# error_is STATUS CODE FIELD DESC: the error object naming FIELD.
error_is() {
	expect_status "$1" "$4"
	expect_eq "$(printf '%s' "$BODY" | jq -r '[.error.code,
		.error.field] | join(",")' 2>&1)" "$2,$3" "$4: code and field"
	jq_is '.error.message | length > 0' true "$4: a message"
}

# cli_is DESC CLI-ARGS...: the last body is `luoshi --json CLI-ARGS`.
cli_is() {
	_ci_d=$1
	_ci_b=$BODY
	shift
	ls_run --json "$@"
	expect_eq "$RC" 0 "$_ci_d: luoshi $* exits 0"
	expect_eq "$_ci_b" "$OUT" "$_ci_d: the CLI's JSON (luoshi --json $*)"
	BODY=$_ci_b
	OUT=$_ci_b
}

# ballot LOGIN TYPE SCORE [EXTRA JSON]: a 2026-Q4 body with five equal
# scores.
ballot() {
	printf '{"login":"%s","period":"2026-Q4","type":"%s","political":%s,"competence":%s,"responsibility":%s,"struggle":%s,"conduct":%s%s}' \
		"$1" "$2" "$3" "$3" "$3" "$3" "$3" "${4:-}"
}

R=/api/v1/cadre/ratings

# --- recording ----------------------------------------------------------------
apij wang POST $R "$(ballot li superior 90)"
expect_status 201 "a new ballot"
expect_eq "$(printf '%s' "$BODY" | jq -c 'keys_unsorted')" \
	'["id","login","period","rater","type","political","competence","responsibility","struggle","conduct","score","veto","recorded_by","at"]' \
	"the ballot's keys"
jq_is '[.rater, .recorded_by, .score, .at] | map(tostring) | join(",")' \
	"wang,wang,90,2026-11-26T00:00:00Z" "the rater is the caller"
api_as wang GET "$R?period=2026-Q4"
expect_status 200 "wang's ballots"
cli_is "wang's ballots" --as wang cadre ratings --period 2026-Q4
expect_header X-Total-Count 1 "wang's ballots"

apij zhao POST $R "$(ballot li peer 50)"
expect_status 201 "zhao's ballot"
apij zhao POST $R "$(ballot li peer 80 ',"veto":"廉洁"')"
expect_status 200 "a replaced ballot"
jq_is '[.political, .veto] | map(tostring) | join(",")' "80,廉洁" \
	"the replacement's values"
api_as zhao GET "$R?period=2026-Q4"
jq_is 'length' 1 "still one ballot of zhao on li"
cli_is "zhao's ballots" --as zhao cadre ratings --period 2026-Q4
api_as li GET "$R?period=2026-Q4"
expect_out "[]" "li cast no ballot and sees none on them"

# paper ballot: wang records dl's ballot on li (both in wang's scope)
apij wang POST $R "$(ballot li superior 70 ',"rater":"dl"')"
expect_status 201 "a paper ballot"
jq_is '[.rater, .recorded_by] | join(",")' "dl,wang" "recorded by wang"
apij wang POST $R "$(ballot zhao superior 95)"
expect_status 201 "zhao rated"
apij wang POST $R "$(ballot ng superior 88)"
expect_status 201 "ng rated"

# --- refused: nothing recorded -----------------------------------------------
n=$(audit_count)
apij li POST $R "$(ballot li peer 90)"
error_is 403 forbidden login "rating oneself"
apij li POST $R "$(ballot zhao peer 90 ',"rater":"dl"')"
error_is 403 forbidden role "staff record for another rater"
apij kan POST $R "$(ballot li public 90)"
error_is 403 forbidden role "a viewer rates"
apij ngsup POST $R "$(ballot li public 90 ',"rater":"ng"')"
error_is 404 not_found login "a supervisor records on a person out of scope"
apij ngsup POST $R "$(ballot ng public 90 ',"rater":"li"')"
error_is 404 not_found rater "a supervisor records a rater out of scope"
apij li POST $R "$(ballot nobody peer 90)"
error_is 404 not_found login "an unknown person"
apij li POST $R '{"login":"zhao","period":"2026-Q4","type":"peer","political":101,"competence":90,"responsibility":90,"struggle":90,"conduct":90}'
error_is 400 invalid political "score 101"
jq_is .error.message "invalid score '101' for political (an integer 0..100)" \
	"score 101: the message names field and value"
apij li POST $R '{"login":"zhao","period":"2026-Q4","type":"peer","political":90,"competence":-5,"responsibility":90,"struggle":90,"conduct":90}'
error_is 400 invalid competence "score -5"
apij li POST $R '{"login":"zhao","period":"2026-Q4","type":"peer","political":90,"competence":90,"responsibility":"high","struggle":90,"conduct":90}'
error_is 400 invalid responsibility "a score that is not a number"
apij li POST $R '{"login":"zhao","period":"2026-Q4","type":"peer","political":90,"competence":90,"responsibility":90,"struggle":90.5,"conduct":90}'
error_is 400 invalid struggle "a fractional score"
apij li POST $R '{"login":"zhao","period":"2026-Q4","type":"peer","political":90,"competence":90,"responsibility":90,"struggle":90}'
error_is 400 invalid conduct "a missing score"
apij li POST $R "$(ballot zhao boss 90)"
error_is 400 invalid type "a bad type"
apij li POST $R '{"login":"zhao","period":"2026-Q5","type":"peer","political":90,"competence":90,"responsibility":90,"struggle":90,"conduct":90}'
error_is 400 invalid period "a bad period"
apij li POST $R "$(ballot zhao peer 90 ',"mood":"good"')"
error_is 400 invalid mood "an unknown field"
expect_eq "$(audit_count)" "$n" "nothing recorded by refused ballots"

# --- grades -------------------------------------------------------------------
# li: superiors wang 90 and dl 70 (mean 80), peer zhao 80 with a veto:
#     (40·80 + 30·80) / 70 = 80, no tasks: 80, vetoed → incompetent.
# zhao: superior 95 → 95; HRB-DL has 2 assessed, quota floor(0.4) = 0:
#     competent. ng (HRB-NG): 88, competent.
G=/api/v1/cadre/grades
api_as wang GET "$G?period=2026-Q4"
expect_status 200 "grades"
expect_out '[{"login":"zhao","name":"赵干事","unit":"HRB-DL","rating":95,"performance":null,"score":95,"grade":"competent","veto":null},{"login":"li","name":"李干事","unit":"HRB-DL","rating":80,"performance":null,"score":80,"grade":"incompetent","veto":"廉洁"},{"login":"ng","name":"南岗干事","unit":"HRB-NG","rating":88,"performance":null,"score":88,"grade":"competent","veto":null}]' \
	"the cadre rows"
expect_header X-Total-Count 3 "grades"
cli_is "grades" --as wang cadre grade --period 2026-Q4
api_as wang GET "$G?period=2026-Q4&per_page=1&page=2"
jq_is '[.[].login] | join(",")' li "page 2 of 1"
expect_header X-Total-Count 3 "page 2"
api_as dl GET "$G?period=2026-Q4"
cli_is "the leader's grades" --as dl cadre grade --period 2026-Q4
jq_is '[.[].login] | join(",")' "zhao,li" "the leader's scope"
api_as wang GET "$G?period=2026-Q4&unit=HRB-NG"
cli_is "grades of a unit" --as wang cadre grade --period 2026-Q4 --unit HRB-NG
api_as dl GET "$G?period=2026-Q4&unit=HRB-NG"
error_is 404 not_found unit "a unit out of scope"
api_as li GET "$G?period=2026-Q4"
expect_out '[{"login":"li","name":"李干事","unit":"HRB-DL","rating":80,"performance":null,"score":80,"grade":"incompetent","veto":"廉洁"}]' \
	"staff see their own row only"
cli_is "staff's grades" --as li cadre grade --period 2026-Q4
api_as kan GET "$G?period=2026-Q4"
expect_out "[]" "a viewer not assessed"
api_as wang GET "$G?period=2025"
expect_status 200 "a period nobody was rated in"
expect_out "[]" "a period nobody was rated in"
api_as wang GET "$G"
error_is 400 invalid period "grades without a period"
api_as wang GET "$G?period=2026-13"
error_is 400 invalid period "grades of a bad period"

# --- one person's page ------------------------------------------------------
api_as wang GET "/api/v1/cadre/li?period=2026-Q4"
expect_status 200 "li's page"
cli_is "li's page" --as wang cadre show li --period 2026-Q4
jq_is '[.grade, .basis, .unit_assessed, .unit_quota, (.raters | length),
	.raters[0].raters, .raters[0].mean, .raters[0].share] |
	map(tostring) | join(",")' "incompetent,veto,2,0,4,2,80,57.14" \
	"the inputs: superior share 40/70 = 57.14%"
api_as li GET "/api/v1/cadre/li?period=2026-Q4"
expect_status 200 "li's own page"
cli_is "li's own page" --as li cadre show li --period 2026-Q4
jq_is '[.score, .grade, .raters] | map(tostring) | join(",")' \
	"80,incompetent,null" "the person sees score and grade, no ballots"
api_as li GET "/api/v1/cadre/zhao?period=2026-Q4"
error_is 403 forbidden role "staff read a colleague's page"
api_as li GET "/api/v1/cadre/ng?period=2026-Q4"
error_is 404 not_found login "staff read a page out of scope"
api_as dl GET "/api/v1/cadre/ng?period=2026-Q4"
error_is 404 not_found login "a leader reads a page out of scope"
api_as wang GET "/api/v1/cadre/kan?period=2026-Q4"
error_is 404 not_found login "nobody rated kan"
api_as wang GET "/api/v1/cadre/nobody?period=2026-Q4"
error_is 404 not_found login "an unknown login"
api_as wang GET "/api/v1/cadre/li"
error_is 400 invalid period "a page without a period"
api GET "/api/v1/cadre/li?period=2026-Q4"
error_is 401 unauthenticated Authorization "no credentials"

api_done
