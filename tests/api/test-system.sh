#!/bin/sh
# The server itself (SPEC §7): /healthz, /metrics in Prometheus text with
# a counter per route and status and the latency histogram, the security
# headers on every answer, 404 and 405 as JSON errors, and SIGTERM while
# requests are running: the server exits 0 and every answer it gave is
# whole.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
api_user wang HRB supervisor 王督查
server_start
J='Content-Type: application/json'

# sec_headers DESC: the last answer carries the security headers.
sec_headers() {
	case $(header Content-Security-Policy) in
	*"frame-ancestors 'none'"*) ok ;;
	*) bad "$1: Content-Security-Policy '$(header \
Content-Security-Policy)' lacks frame-ancestors 'none'" ;;
	esac
	expect_header X-Content-Type-Options nosniff "$1"
	expect_header Referrer-Policy no-referrer "$1"
}

# --- /healthz ----------------------------------------------------------------
api GET /healthz
expect_status 200 "GET /healthz"
expect_out '{"status":"ok"}' "healthz body"
expect_header Content-Type "application/json; charset=utf-8" "healthz"
sec_headers "healthz"

# --- traffic for the metrics, each answer with the security headers ---------
for i in 1 2 3; do
	api_as wang GET /api/v1/tasks
	expect_status 200 "list $i"
	sec_headers "200 list"
done
for i in 1 2; do
	api_as wang GET /api/v1/tasks/99
	expect_error 404 not_found id "unknown task $i"
	sec_headers "404 unknown task"
done
apij wang POST /api/v1/tasks '{"title":"t","lead":"HRB","due":"2026-12-20"}'
expect_status 201 "create"
sec_headers "201 create"
api GET /api/v1/tasks
expect_error 401 unauthenticated Authorization "no credentials"
sec_headers "401"
apij wang POST /api/v1/tasks '{"title":"t"'
expect_error 400 invalid body "broken JSON"
sec_headers "400"
api_as wang POST /api/v1/tasks -H 'Content-Type: text/plain' --data 'x'
expect_error 415 unsupported_media_type Content-Type "text/plain"
sec_headers "415"
apij wang POST /api/v1/tasks/1/close '{}'
expect_error 409 conflict status "close an open task"
sec_headers "409"
apij wang PATCH /api/v1/tasks/1 '{"title":"x"}' -H 'If-Match: "7"'
expect_error 412 version_mismatch version "stale If-Match"
sec_headers "412"
head -c 1100000 /dev/zero >"$TMP/zeros"
api_as wang POST /api/v1/tasks -H "$J" --data-binary "@$TMP/zeros"
expect_error 413 too_large body "too large"
sec_headers "413"
apij wang POST /api/v1/tokens '{}'
TID=$(printf '%s' "$BODY" | jq .id)
api_as wang DELETE "/api/v1/tokens/$TID"
expect_status 204 "revoke a token"
sec_headers "204"

# --- 404 and 405 -------------------------------------------------------------
for p in /api/v1/nope /api/v2/tasks /api/v1/tasks/1/bogus \
	/api/v1/tasks/1/ack/x /api/v1 /api/v1/; do
	api_as wang GET "$p"
	expect_error 404 not_found path "GET $p"
	sec_headers "GET $p"
done
api GET /api/v1/nope
expect_error 404 not_found path "an unknown path without credentials"
for mpa in "DELETE /api/v1/tasks/1:GET, PATCH" "PUT /api/v1/tasks:GET, POST" \
	"PATCH /api/v1/tasks:GET, POST" "GET /api/v1/login:POST" \
	"POST /healthz:GET" "DELETE /api/v1/tasks/1/ack:POST" \
	"POST /api/v1/board:GET"; do
	mp=${mpa%:*}
	api_as wang ${mp% *} "${mp#* }"
	expect_error 405 invalid method "$mp"
	expect_header Allow "${mpa#*:}" "$mp"
	sec_headers "$mp"
done

# --- /metrics ----------------------------------------------------------------
api GET /metrics
expect_status 200 "GET /metrics"
case $(header Content-Type) in
text/plain*) ok ;;
*) bad "metrics Content-Type '$(header Content-Type)'" ;;
esac
sec_headers "metrics"
M=$BODY
metric() {	# LINE-PREFIX: the value of the metric line
	printf '%s\n' "$M" | grep -F "$1 " | sed 's/.* //'
}
R=luoshi_http_requests_total
expect_eq "$(metric "$R{method=\"GET\",route=\"/api/v1/tasks\",status=\"200\"}")" \
	3 "3 lists"
expect_eq "$(metric "$R{method=\"GET\",route=\"/api/v1/tasks\",status=\"401\"}")" \
	1 "1 list without credentials"
expect_eq "$(metric "$R{method=\"GET\",route=\"/api/v1/tasks/{id}\",status=\"404\"}")" \
	2 "2 unknown tasks"
expect_eq "$(metric "$R{method=\"POST\",route=\"/api/v1/tasks\",status=\"201\"}")" \
	1 "1 create"
expect_eq "$(metric "$R{method=\"POST\",route=\"/api/v1/tasks\",status=\"413\"}")" \
	1 "1 body too large, on its route"
expect_eq "$(metric "$R{method=\"\",route=\"unmatched\",status=\"413\"}")" \
	"" "no 413 without a route"
expect_eq "$(metric "$R{method=\"POST\",route=\"/api/v1/tasks/{id}/close\",status=\"409\"}")" \
	1 "1 conflict"
expect_eq "$(metric "$R{method=\"PATCH\",route=\"/api/v1/tasks/{id}\",status=\"412\"}")" \
	1 "1 stale If-Match"
expect_eq "$(metric "$R{method=\"DELETE\",route=\"/api/v1/tokens/{id}\",status=\"204\"}")" \
	1 "1 revoked token"
expect_eq "$(metric "$R{method=\"\",route=\"unmatched\",status=\"404\"}")" \
	7 "7 unknown paths"
expect_eq "$(metric "$R{method=\"\",route=\"unmatched\",status=\"405\"}")" \
	7 "7 wrong methods"
expect_eq "$(metric "$R{method=\"GET\",route=\"/metrics\",status=\"200\"}")" \
	"" "this request is not counted yet"
case $(metric "$R{method=\"GET\",route=\"/healthz\",status=\"200\"}") in
'' | 0) bad "no /healthz count" ;;
*) ok ;;
esac
for l in "# TYPE $R counter" "# HELP $R " \
	"# TYPE luoshi_http_request_duration_seconds histogram" \
	"# TYPE luoshi_tasks gauge" 'luoshi_tasks{light="green"} 1'; do
	case $M in
	*"$l"*) ok ;;
	*) bad "metrics lack '$l'" ;;
	esac
done
H=luoshi_http_request_duration_seconds
got=$(printf '%s\n' "$M" | sed -n "s/^${H}_bucket{le=\"\([^\"]*\)\"} .*/\1/p" |
	tr '\n' ' ')
expect_eq "$got" "0.0005 0.001 0.0025 0.005 0.01 0.025 0.05 0.1 0.25 0.5 1 +Inf " \
	"histogram buckets"
counts=$(printf '%s\n' "$M" | sed -n "s/^${H}_bucket{le=\"[^\"]*\"} //p" |
	tr '\n' ' ')
prev=0
mono=true
for c in $counts; do
	[ "$c" -ge "$prev" ] || mono=false
	prev=$c
done
expect_eq "$mono" true "buckets are cumulative ($counts)"
expect_eq "$(metric "${H}_count")" "$prev" "+Inf bucket = count"
total=$(printf '%s\n' "$M" | grep "^$R{" | sed 's/.* //' |
	awk '{ s += $1 } END { print s }')
expect_eq "$(metric "${H}_count")" "$total" "count = sum of the counters"
case $(metric "${H}_sum") in
0 | 0.000000 | '') bad "histogram sum is zero" ;;
*) ok ;;
esac
printf '%s\n' "$M" | grep -v '^#' | grep -Ev '^[a-z_]+(\{([a-z_]+="[^"]*",?)*\})? [0-9.e+-]+$' \
	>"$TMP/badlines"
expect_eq "$(cat "$TMP/badlines")" "" "every sample line is name{labels} value"
api GET /metrics
M=$BODY
expect_eq "$(metric "$R{method=\"GET\",route=\"/metrics\",status=\"200\"}")" \
	1 "the first /metrics is counted"

# --- SIGTERM while requests run ----------------------------------------------
# 6 clients create tasks in a loop; a slow request is still sending its
# body. The server must exit 0, with no sanitizer report, every answer it
# gave whole, and the audit trail intact.
AW="Authorization: Bearer $(tok wang)"
n0=$("$LUOSHI_BIN" --json task list | jq length)
client() {
	_c_k=1
	while [ $_c_k -le 200 ]; do
		_c_s=$(curl -s -o "$TMP/sig.$1.body" -w '%{http_code}' \
			--max-time 10 -H "$AW" -H "$J" --data-binary \
			"{\"title\":\"c$1-$_c_k\",\"lead\":\"HRB\",\"due\":\"2026-12-20\"}" \
			"$BASE/api/v1/tasks")
		echo "$_c_s" >>"$TMP/sig.$1.status"
		case $_c_s in
		201)
			jq -e .id "$TMP/sig.$1.body" >/dev/null ||
				echo "broken" >>"$TMP/sig.$1.status"
			;;
		000) break ;;	# the server is gone
		esac
		_c_k=$((_c_k + 1))
	done
}
pids=""
for c in 1 2 3 4 5 6; do
	client $c &
	pids="$pids $!"
done
(printf '{"note":"slow",'; sleep 2; printf '"percent":7}') |
	curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -T - \
	-H "$J" -H "$AW" "$BASE/api/v1/tasks/1/report" >"$TMP/sig.slow" &
pids="$pids $!"
sleep 0.5
server_stop		# SIGTERM: exit 0, "stopped", no sanitizer report
wait $pids
cat "$TMP"/sig.[0-9]*.status >"$TMP/sig.all"
created=$(grep -c '^201$' "$TMP/sig.all")
if [ "$created" -gt 0 ]; then ok; else bad "no request ran before SIGTERM"; fi
expect_eq "$(grep -v -e '^201$' -e '^000$' "$TMP/sig.all" | sort -u)" "" \
	"every answer is 201 (or none at all)"
expect_eq "$(cat "$TMP/sig.slow")" 200 "the request in flight is finished"
ls_run --json task show 1
jq_is .percent 7 "its report is recorded"
n1=$("$LUOSHI_BIN" --json task list | jq length)
if [ $((n1 - n0)) -ge "$created" ] &&
   [ $((n1 - n0)) -le $((created + 6)) ]; then
	ok
else
	bad "$created answered 201, but $((n1 - n0)) tasks were created"
fi
expect_ok "audit verify after SIGTERM" audit verify
_port_free "$PORT" && ok || bad "port $PORT still answers after the stop"

# a fresh server on the same database starts and serves
server_start
api_as wang GET /api/v1/tasks/1
expect_status 200 "a new server serves the database"

api_done
