#!/bin/sh
# Authentication over HTTP (SPEC §7): 401 without credentials; the session
# cookie (HttpOnly, SameSite=Strict, Path=/) with its CSRF token on
# writes; bearer tokens without CSRF, revoked ones refused; logout; one
# message for a wrong password and an unknown login; and, last, the limit
# of 5 failed logins per login and per address within 15 minutes (429
# with Retry-After), which would lock 127.0.0.1 out of logging in.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
api_user wang HRB supervisor 王督查
api_user li HRB-DL staff 李干事
api_user zhao HRB-DL staff 赵干事
server_start

J='Content-Type: application/json'
JAR="$TMP/jar"
NEW='{"title":"t","lead":"HRB-DL","due":"2026-12-20"}'

# --- no credentials ---------------------------------------------------------
n0=$(audit_count)
for p in /api/v1/me /api/v1/tasks /api/v1/tasks/1 /api/v1/board \
	/api/v1/tokens; do
	api GET "$p"
	expect_error 401 unauthenticated Authorization "GET $p without auth"
done
api POST /api/v1/tasks -H "$J" --data-binary "$NEW"
expect_error 401 unauthenticated Authorization "POST without auth"
api GET /api/v1/me -H "Authorization: Bearer 0123456789abcdef"
expect_error 401 unauthenticated token "unknown bearer token"
api GET /api/v1/me -H "Authorization: Basic d2FuZzpzZWNyZXQ="
expect_error 401 unauthenticated Authorization "Basic auth is refused"
api GET /api/v1/me -b "luoshi_session=deadbeef"
expect_error 401 unauthenticated session "unknown session cookie"
expect_eq "$(audit_count)" "$n0" "failed auth writes no audit entry"

# --- login with the cookie ---------------------------------------------------
api POST /api/v1/login -c "$JAR" -H "$J" \
	--data-binary "{\"login\":\"wang\",\"password\":\"$PASSWORD\"}"
expect_status 200 "login"
expect_eq "$(printf '%s' "$BODY" | jq -c 'keys_unsorted')" \
	'["user","csrf_token"]' "login answer keys"
expect_eq "$(printf '%s' "$BODY" | jq -c .user)" \
	'{"login":"wang","name":"王督查","unit":"HRB","role":"supervisor"}' \
	"login answers the user"
CSRF=$(printf '%s' "$BODY" | jq -r .csrf_token)
case $CSRF in
????????????????????????????????*) ok ;;
*) bad "csrf_token '$CSRF' is too short" ;;
esac
COOKIE=$(header Set-Cookie)
case $COOKIE in
luoshi_session=?*) ok ;;
*) bad "Set-Cookie '$COOKIE' does not set luoshi_session" ;;
esac
SID=$(printf '%s' "$COOKIE" | sed 's/^luoshi_session=\([^;]*\).*/\1/')
expect_eq "${#SID}" 64 "session id length"
for attr in HttpOnly SameSite=Strict Path=/; do
	case "; $COOKIE;" in
	*"; $attr;"*) ok ;;
	*) bad "Set-Cookie '$COOKIE' lacks $attr" ;;
	esac
done
case $COOKIE in
*Secure*) bad "Secure cookie on plain HTTP: '$COOKIE'" ;;
*) ok ;;
esac
expect_eq "$(grep -c 'luoshi_session' "$JAR")" 1 "curl keeps the cookie"

api GET /api/v1/me -b "$JAR"
expect_status 200 "GET /me with the cookie"
expect_out '{"login":"wang","name":"王督查","unit":"HRB","role":"supervisor"}' \
	"GET /me answers the user"
api GET /api/v1/tasks -b "$JAR"
expect_status 200 "reads need no CSRF token"

# writes with the cookie need X-CSRF-Token
api POST /api/v1/tasks -b "$JAR" -H "$J" --data-binary "$NEW"
expect_error 403 forbidden X-CSRF-Token "cookie write without CSRF token"
api POST /api/v1/tasks -b "$JAR" -H "$J" -H "X-CSRF-Token: nope" \
	--data-binary "$NEW"
expect_error 403 forbidden X-CSRF-Token "cookie write with a wrong token"
api POST /api/v1/tasks -b "$JAR" -H "$J" -H "X-CSRF-Token: " \
	--data-binary "$NEW"
expect_error 403 forbidden X-CSRF-Token "cookie write with an empty token"
api POST /api/v1/tasks -b "$JAR" -H "$J" -H "X-CSRF-Token: ${CSRF}x" \
	--data-binary "$NEW"
expect_error 403 forbidden X-CSRF-Token "CSRF token with a suffix"
ls_run --json task list
expect_out "[]" "no task created by the refused writes"
api POST /api/v1/tasks -b "$JAR" -H "$J" -H "X-CSRF-Token: $CSRF" \
	--data-binary "$NEW"
expect_status 201 "cookie write with the CSRF token"
jq_is .id 1 "task 1 created"
api POST /api/v1/tasks/1/ack -b "$JAR" -H "X-CSRF-Token: $CSRF"
expect_status 200 "cookie action with the CSRF token"
jq_is .status doing "acknowledged"
api POST /api/v1/tasks/1/submit -b "$JAR"
expect_error 403 forbidden X-CSRF-Token "cookie action without CSRF"
jq_is '.error.message | test("X-CSRF-Token")' true "message names the header"

# a second login gets its own session and CSRF token
api POST /api/v1/login -c "$TMP/jar2" -H "$J" \
	--data-binary "{\"login\":\"li\",\"password\":\"$PASSWORD\"}"
expect_status 200 "second login"
CSRF2=$(printf '%s' "$BODY" | jq -r .csrf_token)
if [ "$CSRF2" != "$CSRF" ]; then ok; else bad "CSRF tokens are equal"; fi
api POST /api/v1/tasks/1/report -b "$TMP/jar2" -H "$J" \
	-H "X-CSRF-Token: $CSRF" --data-binary '{"percent":10}'
expect_error 403 forbidden X-CSRF-Token "another session's CSRF token"
api POST /api/v1/tasks/1/report -b "$TMP/jar2" -H "$J" \
	-H "X-CSRF-Token: $CSRF2" --data-binary '{"percent":10}'
expect_status 200 "li reports with her own CSRF token"
jq_is .percent 10 "li's report"
api GET /api/v1/me -b "$TMP/jar2"
jq_is .login li "li's session is li"

# --- bearer tokens -----------------------------------------------------------
apij wang POST /api/v1/tasks "$NEW"
expect_status 201 "bearer write needs no CSRF token"
jq_is .id 2 "task 2 created"
api_as wang GET /api/v1/me
jq_is .login wang "bearer token is wang's"
# a bearer token wins over a cookie of another user, and needs no CSRF
api_as li POST /api/v1/tasks/2/ack -b "$JAR"
expect_status 200 "bearer with a foreign cookie"
api_as li GET /api/v1/me -b "$JAR"
jq_is .login li "the bearer token decides who it is"

# tokens through the API
apij li POST /api/v1/tokens '{"name":"ci"}'
expect_status 201 "POST /tokens"
expect_eq "$(printf '%s' "$BODY" | jq -c 'keys_unsorted')" \
	'["id","login","name","token"]' "token answer keys"
jq_is .login li "token for oneself"
jq_is .name ci "token name"
TID=$(printf '%s' "$BODY" | jq -r .id)
NEWTOK=$(printf '%s' "$BODY" | jq -r .token)
expect_eq "${#NEWTOK}" 64 "token length"
api GET /api/v1/me -H "Authorization: Bearer $NEWTOK"
expect_status 200 "the new token works"
jq_is .login li "the new token is li's"
api_as li GET /api/v1/tokens
expect_status 200 "GET /tokens"
jq_is '[.[].login] | unique | join(",")' li "staff lists only her tokens"
jq_is "map(select(.id == $TID)) | .[0].name" ci "the new token is listed"
jq_is "map(select(.id == $TID)) | .[0].revoked_at" null "not revoked yet"
apij li POST /api/v1/tokens '{"login":"wang"}'
expect_error 403 forbidden role "staff cannot create a token for wang"
apij li POST /api/v1/tokens '{"login":"wang","extra":1}'
expect_error 400 invalid extra "unknown field in POST /tokens"
ls_run --json token list
_wang_tid=$(printf '%s' "$OUT" | jq -r \
	'map(select(.login == "wang")) | .[0].id')
api_as li DELETE "/api/v1/tokens/$_wang_tid"
expect_error 404 not_found id "staff cannot revoke wang's token"
api GET /api/v1/me -H "Authorization: Bearer $(tok wang)"
expect_status 200 "wang's token still works"

n=$(audit_count)
api DELETE "/api/v1/tokens/$TID" -H "Authorization: Bearer $NEWTOK"
expect_status 204 "DELETE /tokens/ID revokes"
expect_eq "$BODY" "" "204 has no body"
expect_eq "$(audit_count)" $((n + 1)) "the revocation is audited"
api GET /api/v1/me -H "Authorization: Bearer $NEWTOK"
expect_error 401 unauthenticated token "a revoked token is refused"
api POST /api/v1/tasks/2/report -H "Authorization: Bearer $NEWTOK" \
	-H "$J" --data-binary '{"percent":5}'
expect_error 401 unauthenticated token "a revoked token cannot write"
api_as li GET /api/v1/tokens
jq_is "map(select(.id == $TID)) | .[0].revoked_at | type" string \
	"revoked_at is set"
api_as li GET /api/v1/me
expect_status 200 "li's other token still works"

# A token revoked by another process (the CLI) is refused at once, on a
# write as on a read: writes authenticate on the writer's connection,
# whose cache must not hold the token from before.
ZT=$("$LUOSHI_BIN" token create zhao)
expect_eq "${#ZT}" 64 "the CLI creates zhao's token"
api POST /api/v1/tasks/2/report -H "Authorization: Bearer $ZT" \
	-H "$J" --data-binary '{"percent":6}'
expect_status 200 "zhao's new token writes"
ls_run --json token list
ZTID=$(printf '%s' "$OUT" | jq -r 'map(select(.login == "zhao")) |
	max_by(.id) | .id')
expect_ok "" token revoke "$ZTID"
api POST /api/v1/tasks/2/report -H "Authorization: Bearer $ZT" \
	-H "$J" --data-binary '{"percent":7}'
expect_error 401 unauthenticated token \
	"a token revoked by the CLI cannot write"
api GET /api/v1/me -H "Authorization: Bearer $ZT"
expect_error 401 unauthenticated token "nor read"
api_as li DELETE /api/v1/tokens/9999
expect_error 404 not_found id "revoking an unknown token"

# --- logout ------------------------------------------------------------------
api POST /api/v1/logout -b "$JAR"
expect_error 403 forbidden X-CSRF-Token "logout needs the CSRF token"
api GET /api/v1/me -b "$JAR"
expect_status 200 "still logged in after the refused logout"
api POST /api/v1/logout -b "$JAR" -c "$JAR" -H "X-CSRF-Token: $CSRF"
expect_status 204 "logout"
case "; $(header Set-Cookie);" in
*"luoshi_session=;"*"; Max-Age=0;"*) ok ;;
*) bad "logout does not clear the cookie: '$(header Set-Cookie)'" ;;
esac
api GET /api/v1/me -b "luoshi_session=$SID"
expect_error 401 unauthenticated session "the old session is gone"
api POST /api/v1/tasks -b "luoshi_session=$SID" -H "X-CSRF-Token: $CSRF" \
	-H "$J" --data-binary "$NEW"
expect_error 401 unauthenticated session "no write with the old session"
api GET /api/v1/me -b "$TMP/jar2"
jq_is .login li "the other session is still alive"

# --- bad logins (2 failures from 127.0.0.1) -------------------------------
api POST /api/v1/login -H "$J" \
	--data-binary '{"login":"wang","password":"wrong-pass"}'
expect_error 401 unauthenticated password "wrong password"
WRONG=$BODY
expect_eq "$(header Set-Cookie)" "" "no cookie for a wrong password"
api POST /api/v1/login -H "$J" \
	--data-binary '{"login":"nobody","password":"wrong-pass"}'
expect_error 401 unauthenticated password "unknown login"
expect_eq "$BODY" "$WRONG" "same answer for an unknown login"
api POST /api/v1/login -H "$J" --data-binary '{"login":"wang"}'
expect_error 400 invalid password "login without password"
api POST /api/v1/login -H "$J" --data-binary '{"password":"x"}'
expect_error 400 invalid login "login without login"
api POST /api/v1/login -H "$J" --data-binary '{"login":"wang","pw":"x"}'
expect_error 400 invalid pw "unknown field in login"
api POST /api/v1/login -H "$J" --data-binary '{"login":1,"password":"x"}'
expect_error 400 invalid login "login of the wrong type"
api POST /api/v1/login -H 'Content-Type: text/plain' \
	--data-binary "{\"login\":\"wang\",\"password\":\"$PASSWORD\"}"
expect_error 415 unsupported_media_type Content-Type "login as text/plain"
api POST /api/v1/login -H "$J" --data-binary '{"login":'
expect_error 400 invalid body "login with broken JSON"

# --- Secure behind a TLS proxy ----------------------------------------------
api POST /api/v1/login -H "$J" -H "X-Forwarded-Proto: https" \
	--data-binary "{\"login\":\"zhao\",\"password\":\"$PASSWORD\"}"
expect_status 200 "login behind TLS"
case "; $(header Set-Cookie);" in
*"; Secure;"*) ok ;;
*) bad "no Secure behind TLS: '$(header Set-Cookie)'" ;;
esac

# --- an unknown login takes as long as a wrong password ---------------------
# (else the time tells which logins exist): the fastest of 3 tries each
login_time() {	# LOGIN ADDRESS: seconds for a failed login
	curl -s -o /dev/null -w '%{time_total}' --interface "$2" -H "$J" \
		--data-binary "{\"login\":\"$1\",\"password\":\"wrong-pass\"}" \
		"$BASE/api/v1/login"
}
tw=9
tu=9
for i in 1 2 3; do
	tw=$(awk -v a="$tw" -v b="$(login_time li "127.0.0.3$i")" \
		'BEGIN { print (b < a ? b : a) }')
	tu=$(awk -v a="$tu" -v b="$(login_time "nobody$i" "127.0.0.4$i")" \
		'BEGIN { print (b < a ? b : a) }')
done
if awk -v w="$tw" -v u="$tu" 'BEGIN { exit !(u >= w / 2) }'; then ok; else
	bad "an unknown login answers in ${tu}s, a wrong password in ${tw}s"
fi

# --- the limit per login: 5 failures from 5 addresses ------------------------
# (127.0.0.0/8 is all loopback: curl --interface picks the source address)
for i in 11 12 13 14; do
	api POST /api/v1/login --interface "127.0.0.$i" -H "$J" \
		--data-binary '{"login":"zhao","password":"wrong-pass"}'
	expect_error 401 unauthenticated password "zhao failure from .$i"
done
api POST /api/v1/login --interface 127.0.0.15 -H "$J" \
	--data-binary "{\"login\":\"zhao\",\"password\":\"$PASSWORD\"}"
expect_status 200 "4 failures still let zhao in"
api POST /api/v1/login --interface 127.0.0.15 -H "$J" \
	--data-binary '{"login":"zhao","password":"wrong-pass"}'
expect_error 401 unauthenticated password "zhao's 5th failure"
for pw in "$PASSWORD" wrong-pass; do
	api POST /api/v1/login --interface 127.0.0.16 -H "$J" \
		--data-binary "{\"login\":\"zhao\",\"password\":\"$pw\"}"
	expect_error 429 too_many_requests login "zhao limited ($pw)"
	RA=$(header Retry-After)
	case $RA in
	'' | *[!0-9]*) bad "Retry-After '$RA' is not a number of seconds" ;;
	*)
		if [ "$RA" -ge 1 ] && [ "$RA" -le 900 ]; then ok; else
			bad "Retry-After $RA not in 1..900"
		fi
		;;
	esac
	expect_eq "$(header Set-Cookie)" "" "no cookie when limited"
done
api POST /api/v1/login --interface 127.0.0.16 -H "$J" \
	--data-binary "{\"login\":\"li\",\"password\":\"$PASSWORD\"}"
expect_status 200 "another login from that address is not limited"
api_as zhao GET /api/v1/me
expect_status 200 "zhao's bearer token is not limited"

# --- the limit per address: 5 failures of 5 logins ---------------------------
for u in ghost1 ghost2 ghost3 ghost4 ghost5; do
	api POST /api/v1/login --interface 127.0.0.20 -H "$J" \
		--data-binary "{\"login\":\"$u\",\"password\":\"wrong-pass\"}"
	expect_error 401 unauthenticated password "$u from .20"
done
api POST /api/v1/login --interface 127.0.0.20 -H "$J" \
	--data-binary "{\"login\":\"li\",\"password\":\"$PASSWORD\"}"
expect_error 429 too_many_requests login "address .20 is limited"
has_header Retry-After "address limit"
api POST /api/v1/login --interface 127.0.0.21 -H "$J" \
	--data-binary "{\"login\":\"li\",\"password\":\"$PASSWORD\"}"
expect_status 200 "li from another address"

# --- and the limit for 127.0.0.1 (2 failures above; 3 more) -----------------
for i in 3 4 5; do
	api POST /api/v1/login -H "$J" \
		--data-binary '{"login":"wang","password":"wrong-pass"}'
	expect_error 401 unauthenticated password "failure $i from 127.0.0.1"
done
api POST /api/v1/login -H "$J" \
	--data-binary "{\"login\":\"wang\",\"password\":\"$PASSWORD\"}"
expect_error 429 too_many_requests login "the right password is limited too"
has_header Retry-After "429 from 127.0.0.1"
api POST /api/v1/login -H "$J" \
	--data-binary "{\"login\":\"li\",\"password\":\"$PASSWORD\"}"
expect_error 429 too_many_requests login "every login from 127.0.0.1"
api_as wang GET /api/v1/me
expect_status 200 "bearer tokens still work from 127.0.0.1"

# --- behind a proxy on 127.0.0.1: the last X-Forwarded-For entry counts ------
XFF="X-Forwarded-For"
api POST /api/v1/login -H "$J" -H "$XFF: 203.0.113.7" \
	--data-binary "{\"login\":\"wang\",\"password\":\"$PASSWORD\"}"
expect_status 200 "a proxied client is not 127.0.0.1"
for i in 1 2 3 4 5; do
	api POST /api/v1/login -H "$J" -H "$XFF: 10.9.9.9, 198.51.100.1" \
		--data-binary "{\"login\":\"ghost$i\",\"password\":\"x\"}"
	expect_error 401 unauthenticated password "proxied failure $i"
done
api POST /api/v1/login -H "$J" -H "$XFF: 198.51.100.1" \
	--data-binary "{\"login\":\"wang\",\"password\":\"$PASSWORD\"}"
expect_error 429 too_many_requests login "the proxied address is limited"
api POST /api/v1/login -H "$J" -H "$XFF: 198.51.100.1, 198.51.100.2" \
	--data-binary "{\"login\":\"wang\",\"password\":\"$PASSWORD\"}"
expect_status 200 "the proxy's last entry names the client"
# from any other peer the header is ignored: no escaping the limit
api POST /api/v1/login --interface 127.0.0.20 -H "$J" -H "$XFF: 203.0.113.9" \
	--data-binary "{\"login\":\"li\",\"password\":\"$PASSWORD\"}"
expect_error 429 too_many_requests login "a forged X-Forwarded-For"
api GET /api/v1/me -b "$TMP/jar2"
expect_status 200 "existing sessions still work from 127.0.0.1"

api_done
