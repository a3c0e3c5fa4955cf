#!/bin/sh
# Security checks over HTTP, driven by the route table itself (`luoshi
# serve --routes`), so a new route is checked the day it is added: every
# route without credentials answers 401 (but the public ones, listed
# here); out of the caller's scope it answers exactly as for an object
# that does not exist (404, or 403 when the role lacks the route's right
# whatever the object); every POST/PATCH answers 413 to a body over the
# limit and 400 naming the problem to malformed JSON; SQL- and
# script-looking text comes back verbatim; evidence downloads refuse path
# traversal and read no file outside the store; a login brute force hits
# 429.
. "$(dirname "$0")/lib.sh"

# The routes answered without credentials (SPEC §7).
PUBLIC="GET /healthz
GET /metrics
POST /api/v1/login"

SQLI="'); DROP TABLE tasks;--"
XSS1='<script>alert(1)</script>'
XSS2='<img src=x onerror=alert(1)>'

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
api_token admin
api_user dl HRB-DL leader 道里区长
api_user ng HRB-NG staff 南岗干事
# a user whose token the routes that end sessions may spend
api_user spare HRB admin 备用
server_start --max-body 65536 --max-upload 262144

# --- data: one object of each kind, all of HRB-DL -------------------------
body() {	# jq program with $a $b $c bound to SQLI XSS1 XSS2
	jq -nc --arg a "$SQLI" --arg b "$XSS1" --arg c "$XSS2" "$1"
}
apij admin POST /api/v1/tasks "$(body '{title: ($a + " " + $b),
	description: $c, lead: "HRB-DL", due: "2026-12-20"}')"
expect_status 201 "task with SQL- and script-looking text"
printf 'evidence kept\n' >"$TMP/ev.txt"
EV=$(sha256sum "$TMP/ev.txt" | cut -d' ' -f1)
api_as dl POST /api/v1/tasks/1/report -F percent=10 --form-string "note=$XSS1" \
	-F "evidence=@$TMP/ev.txt"
expect_status 200 "report with script-looking note and evidence"
apij admin POST /api/v1/goals '{"title":"g","unit":"HRB-DL","year":2026}'
expect_status 201 "goal"
apij admin POST /api/v1/indicators '{"goal_id":1,"name":"i","measure":"%",
	"baseline":0,"target":10,"direction":"up"}'
expect_status 201 "indicator"
apij admin POST /api/v1/milestones \
	'{"task_id":1,"title":"m","due":"2026-11-25"}'
expect_status 201 "milestone"
apij admin POST /api/v1/inspections \
	'{"unit":"HRB-DL","on":"2026-11-03","score":90}'
expect_status 201 "inspection"
apij admin POST /api/v1/commendations \
	'{"unit":"HRB-DL","on":"2026-11-03","points":2,"reason":"r"}'
expect_status 201 "commendation"
apij admin POST /api/v1/policies "$(body '{title: $a, issuer: $b,
	level: "municipal", issued_on: "2026-01-05", unit: "HRB-DL",
	window_open: "2026-01-10", window_close: "2026-12-31"}')"
expect_status 201 "policy"
apij admin POST /api/v1/practices "$(body '{title: $c, body: $a,
	unit: "HRB-DL"}')"
expect_status 201 "practice"
apij admin POST /api/v1/notify/channels \
	'{"unit":"HRB-DL","channel":"webhook","target":"http://127.0.0.1:9/"}'
expect_status 201 "notify channel"
apij admin POST /api/v1/units "$(body '{code: "HRB-XS", name: $c,
	parent: "HRB", kind: "district"}')"
expect_status 201 "unit with a script-looking name"

# --- stored and returned verbatim --------------------------------------------
api_as admin GET /api/v1/tasks/1
jq_is .title "$SQLI $XSS1" "a SQL- and script-looking title, verbatim"
jq_is .description "$XSS2" "a script-looking description, verbatim"
api_as admin GET /api/v1/tasks/1/timeline
jq_is '.reports[0].note' "$XSS1" "a script-looking report note, verbatim"
api_as admin GET /api/v1/units/HRB-XS
jq_is .name "$XSS2" "a script-looking unit name, verbatim"
api_as admin GET /api/v1/policies/1
jq_is .title "$SQLI" "a SQL-looking policy title, verbatim"
jq_is .issuer "$XSS1" "a script-looking policy issuer, verbatim"
api_as admin GET /api/v1/practices/1
jq_is .title "$XSS2" "a script-looking practice title, verbatim"
jq_is .body "$SQLI" "a SQL-looking practice body, verbatim"
api_as admin GET "/api/v1/tasks?search=$(jq -rn --arg a "$SQLI" \
	'$a|@uri')"
expect_body_ids 1 "a SQL-looking search finds the task, no more"
expect_eq "$(db_sql 'SELECT count(*) FROM tasks')" 1 \
	"the tasks table is still there"

# --- every route, from the route table ----------------------------------------
"$LUOSHI_BIN" serve --routes | awk '{print $1, $2}' >"$TMP/routes"
n=$(wc -l <"$TMP/routes")
if [ "$n" -ge 90 ]; then ok; else bad "only $n routes listed"; fi

TOKID=$(api_as admin GET /api/v1/tokens; printf '%s' "$BODY" |
	jq -r '[.[] | select(.login == "admin")][0].id')

# param PATTERN WHICH: the value of the pattern's {x} parts: an object of
# HRB-DL (WHICH=in) or one that does not exist (WHICH=none).
param() {
	case $1 in
	*/tokens/*) v=$TOKID; nv=999999 ;;
	*/units/*|*/eval/*) v=HRB-DL; nv=NOPE ;;
	*/users/*|*/cadre/*) v=dl; nv=nope ;;
	*/evidence/*) v=$EV; nv=$(printf '%064d' 0) ;;
	*/export/*|*/import/*) v=tasks; nv=nope ;;
	*) v=1; nv=999999 ;;
	esac
	if [ "$2" = in ]; then printf '%s' "$v"; else printf '%s' "$nv"; fi
}

# fill PATTERN WHICH: the pattern with its {x} parts filled by param.
fill() {
	printf '%s' "$1" | sed "s/{[a-z0-9_]*}/$(param "$1" "$2")/g"
}

# valid PATTERN: a body (or query) that passes the route's own checks, so
# that only the object decides the answer.
valid() {
	case $1 in
	*/tasks/*/report) echo '{"percent":10}' ;;
	*/tasks/*/risk) echo '{"description":"d","plan":"p"}' ;;
	*/tasks/*/extend) echo '{"to":"2026-12-31","reason":"r"}' ;;
	*/users/*/password) echo '{"password":"long-enough-1"}' ;;
	*/indicators/*/plan|*/indicators/*/report)
		echo '{"period":"2026-11","value":1}' ;;
	*) echo '{}' ;;
	esac
}

is_public() {
	printf '%s\n' "$PUBLIC" | grep -qx "$1 $2"
}

# 1. no credentials: 401 with the error object, on every route but the
# public ones (which answer without asking for any)
while read -r m p; do
	path=$(fill "$p" in)
	api "$m" "$path"
	if is_public "$m" "$p"; then
		if [ "$STATUS" != 401 ]; then ok; else
			bad "public $m $p answers 401"
		fi
	else
		expect_error 401 unauthenticated Authorization \
			"$m $p without credentials"
	fi
	# a cookie that is no session is no better
	api "$m" "$path" -b "luoshi_session=forged"
	is_public "$m" "$p" || expect_status 401 "$m $p with a forged cookie"
done <"$TMP/routes"

# 2. out of scope: staff of HRB-NG on HRB-DL's objects gets what an
# unknown object gets (the value blanked), a 404 or a 403 (the role
# lacks the right, whatever the object); never anything else.
# Shared by design, not scoped: policies and practices (SPEC §6: every
# unit reads them); export/import kinds and the logged-in user are not
# objects of a unit.
while read -r m p; do
	case $p in
	*'{'*) ;;
	*) continue ;;
	esac
	case $p in
	*/policies/*|*/practices/*|*/export/*|*/import/*) continue ;;
	esac
	q=""
	case $p in */eval/*|*/cadre/*) q="?period=2026" ;; esac
	api_as ng "$m" "$(fill "$p" none)$q" \
		-H 'Content-Type: application/json' -d "$(valid "$p")"
	want_status=$STATUS
	want=$(printf '%s' "$BODY" | sed "s|'$(param "$p" none)'|'X'|g")
	api_as ng "$m" "$(fill "$p" in)$q" \
		-H 'Content-Type: application/json' -d "$(valid "$p")"
	got=$(printf '%s' "$BODY" | sed "s|'$(param "$p" in)'|'X'|g")
	case $STATUS in
	404|403) ok ;;
	*) bad "staff $m $p out of scope: status $STATUS ($BODY)" ;;
	esac
	expect_eq "$STATUS $got" "$want_status $want" \
		"staff $m $p: out of scope is answered as unknown"
	if [ "$m" = GET ]; then
		case $p in
		*/notify/*|*/audit*) ;;
		*) expect_status 404 "staff GET $p out of scope" ;;
		esac
	fi
done <"$TMP/routes"

# 3. bodies over the limit (65536 here, 262144 for uploads and imports):
# 413 before anything else, also without credentials
head -c 300000 /dev/zero | tr '\0' 'a' >"$TMP/big"
while read -r m p; do
	case $m in POST|PATCH) ;; *) continue ;; esac
	path=$(fill "$p" in)
	api_as admin "$m" "$path" -H 'Content-Type: application/json' \
		--data-binary "@$TMP/big"
	expect_error 413 too_large body "$m $p with a body over the limit"
	api "$m" "$path" -H 'Content-Type: application/json' \
		--data-binary "@$TMP/big"
	expect_status 413 "$m $p over the limit without credentials"
done <"$TMP/routes"
api_as admin POST /api/v1/tasks/1/report -F "evidence=@$TMP/big"
expect_error 413 too_large body "an upload over the limit"
# headers: 20 KB of them are read, 40 KB are refused with 431 (the
# server's 32 KiB per connection, server.c)
h=$(head -c 20000 "$TMP/big")
api_as admin GET /api/v1/me -H "X-Padding: $h"
expect_status 200 "20 KB of headers"
h=$(head -c 40000 "$TMP/big")
api_as admin GET /api/v1/me -H "X-Padding: $h"
expect_status 431 "40 KB of headers: 431"

# 4. malformed JSON: 400 naming the body and where it broke, on every
# route that reads a JSON body; the rest ignore or refuse it otherwise
# (listed: they read no JSON)
NOJSON="POST /api/v1/logout
POST /api/v1/import/{kind}
POST /api/v1/milestones/{id}/done
POST /api/v1/commendations/{id}/practice"
while read -r m p; do
	case $m in POST|PATCH) ;; *) continue ;; esac
	printf '%s\n' "$NOJSON" | grep -qx "$m $p" && continue
	api_as spare "$m" "$(fill "$p" in)" \
		-H 'Content-Type: application/json' -d '{"title": "x",'
	expect_error 400 invalid body "$m $p with malformed JSON"
	case $(printf '%s' "$BODY" | jq -r .error.message) in
	"invalid JSON at line 1 column "*) ok ;;
	*) bad "$m $p: message '$(printf '%s' "$BODY" |
		jq -r .error.message)'" ;;
	esac
	api_as spare "$m" "$(fill "$p" in)" \
		-H 'Content-Type: application/json' -d '{"":1}'
	expect_error 400 invalid body "$m $p with an empty key"
done <"$TMP/routes"

# 5. evidence downloads: a stored file is served; traversal, absolute
# paths and NUL never read a file outside the store
api_as admin GET "/api/v1/evidence/$EV"
expect_status 200 "a stored evidence file"
expect_eq "$BODY" "evidence kept" "the evidence file's content"
printf 'SECRET-OUTSIDE\n' >"$TMP/secret.txt"
FILES=$(files_dir)
for t in "../../secret.txt" "..%2f..%2fsecret.txt" \
	"%2e%2e%2f%2e%2e%2fsecret.txt" "%2e%2e/%2e%2e/secret.txt" \
	"..%252f..%252fsecret.txt" "$TMP/secret.txt" \
	"$(printf '%s' "$TMP/secret.txt" | sed 's|/|%2f|g')" \
	"$EV%00" "$EV%00../../secret.txt" "../${EV%??????}/$EV" \
	"..%5c..%5csecret.txt" "%2fetc%2fpasswd" "....//....//etc/passwd" \
	"$(printf '%s' "$EV" | cut -c1-2)%2f$EV"; do
	for who in admin dl; do
		api_as "$who" GET "/api/v1/evidence/$t" --path-as-is
		case $STATUS in
		400|404) ok ;;
		*) bad "evidence '$t' as $who: status $STATUS" ;;
		esac
		case $BODY in
		*SECRET-OUTSIDE*|*root:*) bad "evidence '$t' read $BODY" ;;
		*) ok ;;
		esac
	done
done
[ -d "$FILES" ] && ok || bad "evidence store $FILES not found"

# 6. a login brute force is cut off with 429
i=0
while [ $i -lt 8 ]; do
	i=$((i + 1))
	api POST /api/v1/login -H 'Content-Type: application/json' \
		-d '{"login":"ng","password":"guess-'$i'"}'
	[ "$STATUS" = 429 ] && break
	expect_status 401 "wrong password $i"
done
expect_error 429 too_many_requests login "the brute force is cut off"
api POST /api/v1/login -H 'Content-Type: application/json' \
	-d "{\"login\":\"ng\",\"password\":\"$PASSWORD\"}"
expect_status 429 "the right password is refused while limited"

api_done
