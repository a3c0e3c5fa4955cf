#!/bin/sh
# Notifications over HTTP and the scheduler inside `luoshi serve` (SPEC
# §8): channels and notify settings under /api/v1/notify (201, 204, 400
# naming the field, 403, 404), the start-up pass delivering to a loopback
# receiver (tests/notify/sink.py), an urge made through the API reaching
# it without blocking the request, no duplicate after a restart, and two
# servers on one database sending each message once (the sender lease).
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

api_init
expect_ok "A" unit add A 区A --kind district
api_token admin
api_user zhang A staff 张三
# task 1: open since 11-20, due 11-25: red on 11-26, unanswered
expect_ok "task" --today 2026-11-20 task add 修路 --lead A --due 2026-11-25 \
	--owner zhang

is() {
	expect_eq "$(printf '%s' "$BODY" | jq -c "$1" 2>&1)" "$2" "$3: $1"
}

# hooks N DESC: waits up to 10 s for N requests at the receiver.
hooks() {
	_h_i=0
	while [ "$(wc -l <"$SINK/http.jsonl")" -lt "$1" ] && [ $_h_i -lt 200 ]
	do
		sleep 0.05
		_h_i=$((_h_i + 1))
	done
	expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" "$1" "$2"
}

server_start --no-scheduler
apij admin POST /api/v1/notify/channels \
	'{"user":"zhang","channel":"sms","target":"x"}'
expect_error 400 invalid channel "unknown channel kind"
apij admin POST /api/v1/notify/channels \
	'{"user":"zhang","channel":"webhook","target":"ftp://x"}'
expect_error 400 invalid target "bad URL"
apij admin POST /api/v1/notify/channels \
	'{"unit":"NOPE","channel":"webhook","target":"http://x/"}'
expect_error 404 not_found unit "unknown unit"
apij zhang POST /api/v1/notify/channels \
	'{"user":"zhang","channel":"webhook","target":"http://x/"}'
expect_error 403 forbidden role "staff may not"
api_as zhang GET /api/v1/notify/deliveries
expect_error 403 forbidden role "staff may not read the log"
apij admin POST /api/v1/notify/channels "{\"user\":\"zhang\",
	\"channel\":\"webhook\",\"target\":\"http://127.0.0.1:$HP/zhang\",
	\"secret\":\"k\"}"
expect_status 201 "channel created"
is '[.id, .user, .channel, .secret]' '[1,"zhang","webhook",true]' "shape"
expect_header Location /api/v1/notify/channels/1 "Location"
apij admin POST /api/v1/notify/channels \
	'{"unit":"A","channel":"email","target":"a@example.org"}'
expect_status 201 "second channel"
api_as admin GET /api/v1/notify/channels
is '[.[].id]' '[1,2]' "list"
expect_header X-Total-Count 2 "total"
api_as admin DELETE /api/v1/notify/channels/2
expect_status 204 "removed"
api_as admin DELETE /api/v1/notify/channels/2
expect_error 404 not_found id "removed twice"
apij admin PATCH /api/v1/notify/settings '{"remind_at":"7:00"}'
expect_error 400 invalid remind_at "bad time"
apij admin PATCH /api/v1/notify/settings '{"color":"red"}'
expect_error 400 invalid color "unknown key"
apij admin PATCH /api/v1/notify/settings \
	'{"remind_at":"06:45","notify_backoff":"1"}'
expect_status 200 "settings changed"
is '[.remind_at, .notify_backoff, .smtp_starttls]' '["06:45","1","yes"]' \
	"settings"
api_as admin GET /api/v1/notify/deliveries?failed=maybe
expect_error 400 invalid failed "bad failed"
server_stop
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 0 \
	"--no-scheduler: nothing sent"

# the scheduler's start-up pass: zhang's digest (red 1, ack 1)
server_start
hooks 1 "start-up pass delivered"
expect_eq "$(jq -r .body.subject "$SINK/http.jsonl")" \
	"落实提醒 2026-11-26 张三：2 项" "the digest"
api_as admin GET /api/v1/notify/deliveries
is '[.[] | [.kind, .status, .attempts]]' '[["digest","sent",1]]' "logged"

# an urge through the API answers at once; the message follows
apij admin POST /api/v1/tasks/1/urge '{"note":"请加快"}'
expect_status 200 "urge answered"
hooks 2 "urge delivered by the scheduler"
expect_eq "$(tail -1 "$SINK/http.jsonl" | jq -r .body.kind)" urge "kind"

# a restart: the start-up pass runs again, sends nothing new
server_stop
server_start
sleep 2
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 2 \
	"no duplicate after a restart"

# two servers on one database: each urge is sent once
S1=$SERVER_PID
server_start
apij admin POST /api/v1/tasks/1/urge '{"note":"再催"}'
expect_status 200 "second urge"
hooks 3 "one message for the urge"
sleep 2
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 3 \
	"two servers, sent once"
server_stop
server_stop "$S1"
api_done
