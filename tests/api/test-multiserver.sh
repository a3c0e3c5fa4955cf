#!/bin/sh
# Two `luoshi serve` on one database (issue 7; SPEC §8): what is written
# through one is read through the other; two PATCHes with the same
# If-Match through different servers give exactly one 200 and one 412; a
# session cookie from one server works on the other (sessions live in the
# database); and the scheduler: both servers run it, one holds the sender
# lease, it is killed with SIGKILL, the other takes over within the
# lease (LUOSHI_LEASE_TTL=4 here: 4 s, plus 5 s between tries), its
# start-up pass sends the next digest exactly once and no reminder
# already sent is sent again. Backend-neutral: on PostgreSQL (tests/run.sh's
# second pass) and on one SQLite file (WAL: several processes may share
# it; the writers queue on its lock as they do on PostgreSQL's).
. "$(dirname "$0")/lib.sh"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

SINK="$TMP/sink"
mkdir -p "$SINK"
python3 "$(dirname "$0")/../notify/sink.py" "$SINK" 2>"$TMP/sink.log" &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null; _api_cleanup' EXIT
i=0
while [ ! -f "$SINK/ports" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
read -r HP SP <"$SINK/ports"
touch "$SINK/http.jsonl"
J='Content-Type: application/json'

# hooks N SECONDS DESC: waits up to SECONDS for N requests at the sink.
hooks() {
	_h_i=0
	while [ "$(wc -l <"$SINK/http.jsonl")" -lt "$1" ] &&
	    [ $_h_i -lt $(($2 * 20)) ]; do
		sleep 0.05
		_h_i=$((_h_i + 1))
	done
	expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" "$1" "$3"
}

api_init
expect_ok "A" unit add A 区A --kind district
api_token admin
api_user zhang A staff 张三
# task 1: open since 11-20, due 11-25: red on 11-26 and unanswered, two
# reminders in zhang's digest
expect_ok "task 1" --today 2026-11-20 task add 修路 --lead A \
	--due 2026-11-25 --owner zhang
expect_ok "zhang's webhook" notify add --user zhang --channel webhook \
	--target "http://127.0.0.1:$HP/zhang"

LUOSHI_LEASE_TTL=1 expect_fail 2 "a lease of 1 s" serve --listen 127.0.0.1:1
expect_err "invalid LUOSHI_LEASE_TTL '1' (seconds, 2 to 3600)" \
	"the lease setting named"
export LUOSHI_LEASE_TTL=4
server_start
S1=$SERVER_PID
B1=$BASE
server_start
S2=$SERVER_PID
B2=$BASE
on() {	# on 1|2: the next requests go to server 1 or 2
	eval "BASE=\$B$1"
}
hooks 1 10 "the start-up pass of the lease holder: one digest"
expect_eq "$(jq -r .body.subject "$SINK/http.jsonl")" \
	"落实提醒 2026-11-26 张三：2 项" "the first digest"

# --- writes through one, reads through the other -----------------------------
on 1
apij admin POST /api/v1/tasks \
	'{"title":"修桥","lead":"A","due":"2026-12-31","owner":"zhang"}'
expect_status 201 "a task created through server 1"
T2=$BODY
on 2
api_as admin GET /api/v1/tasks/2
expect_status 200 "read through server 2"
expect_out "$T2" "server 2 reads what server 1 wrote"
apij admin PATCH /api/v1/tasks/2 '{"title":"修大桥"}' -H 'If-Match: "1"'
expect_status 200 "a change through server 2"
expect_header ETag '"2"' "version 2"
on 1
api_as admin GET /api/v1/tasks/2
jq_is '[.title, .version] | @json' '["修大桥",2]' \
	"server 1 reads server 2's change"
expect_header ETag '"2"' "server 1's ETag"

# --- the same If-Match through both at once: one 200, one 412 ----------------
race() {	# N: PATCH task 2 at version N through both servers at once
	for _r_s in 1 2; do
		eval "_r_b=\$B$_r_s"
		curl -s -o "$TMP/race.body.$_r_s" -w '%{http_code}' \
			--max-time "$CURL_MAX" -X PATCH -H "$J" \
			-H "Authorization: Bearer $(tok admin)" \
			-H "If-Match: \"$1\"" \
			--data-binary "{\"title\":\"round $1 server $_r_s\"}" \
			"$_r_b/api/v1/tasks/2" >"$TMP/race.$_r_s" &
		eval "_r_p$_r_s=\$!"
	done
	wait "$_r_p1" "$_r_p2"
}
v=2
for round in 1 2 3 4 5; do
	race $v
	got="$(cat "$TMP/race.1") $(cat "$TMP/race.2")"
	case $got in
	"200 412") win=1 ;;
	"412 200") win=2 ;;
	*) win="" ;;
	esac
	if [ -n "$win" ]; then ok; else
		bad "round $round: statuses '$got', want one 200 and one 412"
	fi
	lose=$((3 - ${win:-1}))
	expect_eq "$(jq -r .error.message "$TMP/race.body.$lose")" \
		"task 2 has version $((v + 1)), not $v" \
		"round $round: the loser is told the version"
	on 2
	api_as admin GET /api/v1/tasks/2
	jq_is '[.title, .version] | @json' \
		"[\"round $v server ${win:-?}\",$((v + 1))]" \
		"round $round: the winner's change, once"
	v=$((v + 1))
done
on 1
api_as admin GET "/api/v1/audit?entity=task&entity_id=2&per_page=100"
expect_header X-Total-Count 7 "task 2: created, changed, 5 race winners"

# --- a session from one server works on the other ----------------------------
on 1
api POST /api/v1/login -c "$TMP/jar" -H "$J" \
	--data-binary "{\"login\":\"zhang\",\"password\":\"$PASSWORD\"}"
expect_status 200 "login on server 1"
CSRF=$(printf '%s' "$BODY" | jq -r .csrf_token)
on 2
api GET /api/v1/me -b "$TMP/jar"
expect_status 200 "server 1's cookie on server 2"
jq_is .login zhang "the session is zhang's on server 2"
api POST /api/v1/tasks/1/ack -b "$TMP/jar" -H "$J" -H "X-CSRF-Token: $CSRF" \
	--data-binary '{}'
expect_status 200 "a write on server 2 with server 1's session"
api POST /api/v1/logout -b "$TMP/jar" -H "X-CSRF-Token: $CSRF"
expect_status 204 "logout on server 2"
on 1
api GET /api/v1/me -b "$TMP/jar"
expect_error 401 unauthenticated session "server 1 after logout on server 2"

# --- the lease holder dies: the other server takes over ----------------------
holder=$(db_sql "SELECT holder FROM notify_lease WHERE name = 'sender'")
hpid=$(printf '%s' "$holder" | cut -d: -f2)
case $hpid in
"$S1") other=2 ;;
"$S2") other=1 ;;
*) other="" ;;
esac
if [ -n "$other" ]; then ok; else
	bad "lease holder '$holder' is neither server ($S1, $S2)"
fi
server_kill "$hpid"
killed=$(date +%s)
# task 3 for zhang, red and unanswered: the next digest's only content
# (task 1's reminders are sent already; its ack stopped one anyway)
expect_ok "task 3" --today 2026-11-20 task add 修渠 --lead A \
	--due 2026-11-25 --owner zhang
hooks 2 20 "the next digest, from the server that took over"
took=$(($(date +%s) - killed))
if [ "$took" -le 12 ]; then ok; else
	bad "takeover after $took s, want at most 4 + 5 s (+ slack)"
fi
expect_eq "$(tail -1 "$SINK/http.jsonl" | jq -r .body.subject)" \
	"落实提醒 2026-11-26 张三：2 项" "the next digest: task 3's two"
case $(tail -1 "$SINK/http.jsonl" | jq -r .body.text) in
*修渠*修路* | *修路*修渠* | *修路*) bad "task 1 reminded twice" ;;
*修渠*) ok ;;
*) bad "task 3 not in the next digest" ;;
esac
sleep 3
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 2 \
	"the next digest arrived exactly once"
holder=$(db_sql "SELECT holder FROM notify_lease WHERE name = 'sender'")
eval "want=\$S$other"
expect_eq "$(printf '%s' "$holder" | cut -d: -f2)" "$want" \
	"the surviving server holds the lease"
on "$other"
api_as admin GET /api/v1/notify/deliveries
jq_is '[.[] | [.kind, .status, .attempts, .items]] | @json' \
	'[["digest","sent",1,2],["digest","sent",1,2]]' \
	"two digests in the log, each sent once"
# an urge now goes out through the survivor, once
apij admin POST /api/v1/tasks/3/urge '{"note":"快"}'
expect_status 200 "an urge through the survivor"
hooks 3 10 "the urge delivered"
sleep 2
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 3 "the urge sent once"
api_done
