#!/bin/sh
# Concurrency over HTTP (SPEC §8): two PATCHes with the same If-Match at
# once give exactly one 200 and one 412; two acks at once one 200 and one
# 409; 8 clients creating, acknowledging and reporting 20 tasks each lose
# nothing (every task's version is the number of its changes, each change
# audited once, the chain intact, no 5xx); refused writes in the same
# batches as accepted ones leave nothing; and a refused request leaves
# the database byte for byte as it was.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
api_user wang HRB supervisor 王督查
api_user li HRB-DL staff 李干事
expect_ok "task 1" task add 并发修改 --lead HRB-DL --due 2026-12-20
# no scheduler: its sender lease is a write, and this suite checks that
# reads write nothing
server_start --threads 8 --no-scheduler

J='Content-Type: application/json'
AW="Authorization: Bearer $(tok wang)"
AL="Authorization: Bearer $(tok li)"

# --- (a) the same If-Match twice at once -------------------------------------
pids=""
v=1
r=1
while [ $r -le 10 ]; do
	for side in a b; do
		curl -s -g --max-time 30 -o /dev/null -w '%{http_code}\n' \
			-X PATCH -H "$AW" \
			-H "$J" -H "If-Match: \"$v\"" \
			--data-binary "{\"title\":\"$side$r\"}" \
			"$BASE/api/v1/tasks/1" >"$TMP/race.$side" &
		pids="$pids $!"
	done
	wait $pids
	pids=""
	got=$(cat "$TMP/race.a" "$TMP/race.b" | sort | tr '\n' ' ')
	expect_eq "$got" "200 412 " "round $r: one PATCH wins, one gets 412"
	v=$((v + 1))
	r=$((r + 1))
done
api_as wang GET /api/v1/tasks/1
jq_is .version 11 "ten rounds, ten changes"
case $(printf '%s' "$BODY" | jq -r .title) in
a10 | b10) ok ;;
*) bad "the title is the last winner's: $(printf '%s' "$BODY" | jq -r .title)" ;;
esac

# two acks of one open task at once: one 200, one 409 (5 tasks)
for t in 2 3 4 5 6; do
	expect_ok "task $t" task add "ack race $t" --lead HRB-DL --due 2026-12-20
done
for t in 2 3 4 5 6; do
	for side in a b; do
		curl -s --max-time 30 -o /dev/null -w '%{http_code}\n' \
			-X POST -H "$AL" \
			"$BASE/api/v1/tasks/$t/ack" >"$TMP/ack.$t.$side" &
		pids="$pids $!"
	done
done
wait $pids
pids=""
for t in 2 3 4 5 6; do
	got=$(cat "$TMP/ack.$t.a" "$TMP/ack.$t.b" | sort | tr '\n' ' ')
	expect_eq "$got" "200 409 " "task $t acknowledged exactly once"
done

# --- (b) 8 clients, 20 tasks each --------------------------------------------
INITIAL=$("$LUOSHI_BIN" --json task list | jq length)
expect_eq "$INITIAL" 6 "six tasks before the clients"
client() {	# N: creates 20 tasks, acks and reports each
	_c_auth=$AW
	[ $(($1 % 2)) -eq 0 ] && _c_auth=$AL
	_c_k=1
	while [ $_c_k -le 20 ]; do
		curl -s --max-time 30 -o "$TMP/client.$1.body" \
			-w '%{http_code}\n' \
			-H "$AW" -H "$J" --data-binary \
			"{\"title\":\"client $1 task $_c_k\",\"lead\":\"HRB-DL\",\"due\":\"2026-12-20\",\"owner\":\"li\"}" \
			"$BASE/api/v1/tasks" >>"$TMP/client.$1.status"
		_c_id=$(sed -n 's/^{"id":\([0-9]*\),.*/\1/p' \
			"$TMP/client.$1.body")
		echo "$_c_id" >>"$TMP/client.$1.ids"
		curl -s --max-time 30 -o /dev/null -w '%{http_code}\n' \
			-X POST -H "$_c_auth" "$BASE/api/v1/tasks/$_c_id/ack" \
			--next -s --max-time 30 -o /dev/null -w '%{http_code}\n' \
			-H "$_c_auth" -F "percent=$((_c_k * 5))" \
			-F "note=client $1" \
			"$BASE/api/v1/tasks/$_c_id/report" \
			>>"$TMP/client.$1.status"
		_c_k=$((_c_k + 1))
	done
}
n=$(audit_count)
start=$(date +%s)
for c in 1 2 3 4 5 6 7 8; do
	client $c &
	pids="$pids $!"
done
wait $pids
pids=""
end=$(date +%s)
printf 'clients: 480 requests in %s s\n' $((end - start))
cat "$TMP"/client.*.status >"$TMP/statuses"
expect_eq "$(wc -l <"$TMP/statuses" | tr -d ' ')" 480 "480 answers"
expect_eq "$(grep -c '^201$' "$TMP/statuses")" 160 "160 created"
expect_eq "$(grep -c '^200$' "$TMP/statuses")" 320 "320 acks and reports"
expect_eq "$(grep -c '^5' "$TMP/statuses")" 0 "no 5xx answer"
expect_eq "$(cat "$TMP"/client.*.ids | sort -u | grep -c .)" 160 \
	"160 distinct ids"
ls_run --json task list
jq_is length $((INITIAL + 160)) "the task count"
jq_is '[.[] | select(.title | startswith("client"))] | length' 160 \
	"the clients' tasks"
jq_is '[.[] | select(.title | startswith("client")) |
	[.status, .version, .acked_at != null]] | unique | tojson' \
	'[["doing",3,true]]' "each created, acknowledged and reported"
# the report of task k of a client is k * 5 percent
jq_is '[.[] | select(.title | startswith("client")) |
	(.title | split(" ") | .[3] | tonumber * 5) == .percent] | all' true \
	"each task has its own report"
expect_eq "$(audit_count)" $((n + 480)) "480 audit entries"
# every task's version = its changes in the audit trail, in order
"$LUOSHI_BIN" --json audit log >"$TMP/audit.json"
"$LUOSHI_BIN" --json task list >"$TMP/tasks.json"
got=$(jq -c --slurpfile t "$TMP/tasks.json" '
	[.[] | select(.entity == "task")] | group_by(.entity_id | tonumber) |
	map({id: (.[0].entity_id | tonumber),
	     versions: [.[] | select(.before == null or
		.before.version != .after.version) | .after.version]}) |
	map(select(.versions != [range(1; (.versions | length) + 1)]))
	+ ($t[0] | map(.id as $id | .version as $v | {id: $id, v: $v}) |
	   map(select(.v < 1))) | length' "$TMP/audit.json")
expect_eq "$got" 0 "each task's changes are versions 1, 2, ... in the audit"
got=$(jq -c --slurpfile a "$TMP/audit.json" '
	[$a[0][] | select(.entity == "task" and
	  (.before == null or .before.version != .after.version)) |
	 .entity_id | tonumber] as $changes |
	[.[] | .id as $id | select(.version !=
	  ([$changes[] | select(. == $id)] | length))] | map(.id)' \
	"$TMP/tasks.json")
expect_eq "$got" "[]" "every task's version is the number of its changes"
expect_ok "audit verify" audit verify
expect_contains "intact" "the audit chain is intact"

# --- (c) group commit: refused writes among accepted ones --------------------
# 16 clients at once (server.c's writes share a transaction with those
# queued behind them, each in its own savepoint, http/batch.c): each
# sends a good task, a bad date (400), an ack of a done task (409) and an
# import whose second row is bad (400, its first row must not stay). Each
# accepted write is there with its audit entry; nothing of a refused one.
expect_ok "task submit 2" task submit 2
expect_ok "task close 2" task close 2
printf '%s\n' 'title,lead,due' 'batch import ok,HRB-DL,2026-12-01' \
	'batch import bad,HRB-XX,2026-12-01' >"$TMP/batch-bad.csv"
BEFORE=$("$LUOSHI_BIN" --json task list | jq length)
n=$(audit_count)
mixed() {	# N
	curl -s --max-time 30 -o /dev/null -w '%{http_code}\n' -H "$AW" \
		-H "$J" --data-binary \
		"{\"title\":\"batch $1\",\"lead\":\"HRB-DL\",\"due\":\"2026-12-20\"}" \
		"$BASE/api/v1/tasks" \
		--next -s --max-time 30 -o /dev/null -w '%{http_code}\n' \
		-H "$AW" -H "$J" --data-binary \
		"{\"title\":\"bad $1\",\"lead\":\"HRB-DL\",\"due\":\"2026-02-30\"}" \
		"$BASE/api/v1/tasks" \
		--next -s --max-time 30 -o /dev/null -w '%{http_code}\n' \
		-X POST -H "$AL" "$BASE/api/v1/tasks/2/ack" \
		--next -s --max-time 30 -o /dev/null -w '%{http_code}\n' \
		-H "$AW" -H 'Content-Type: text/csv' \
		--data-binary "@$TMP/batch-bad.csv" \
		"$BASE/api/v1/import/tasks" >"$TMP/mixed.$1"
}
c=1
while [ $c -le 16 ]; do
	mixed $c &
	pids="$pids $!"
	c=$((c + 1))
done
wait $pids
pids=""
got=$(cat "$TMP"/mixed.* | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
expect_eq "$got" "201×16 400×32 409×16 " "16 created, 48 refused"
ls_run --json task list
jq_is length $((BEFORE + 16)) "16 tasks more, no more"
jq_is '[.[] | select(.title | startswith("batch "))] | length' 16 \
	"the 16 good ones"
jq_is '[.[] | select(.title | startswith("bad ") or
	startswith("batch import"))] | length' 0 "nothing of the refused ones"
expect_eq "$(audit_count)" $((n + 16)) "one audit entry per created task"
expect_ok "audit verify" audit verify
expect_contains "intact" "the chain intact after the batches"

# --- (d) a refused request changes nothing -----------------------------------
db_dump >"$TMP/before.sql"
refused() {	# STATUS DESC, after the request
	expect_status "$1" "$2"
	db_dump >"$TMP/after.sql"
	if cmp -s "$TMP/before.sql" "$TMP/after.sql"; then ok; else
		bad "$2: the database changed"
		diff "$TMP/before.sql" "$TMP/after.sql" | head -10 >&2
	fi
}
apij wang POST /api/v1/tasks '{"title":"x","lead":"HRB","due":"2026-13-40"}'
refused 400 "400 invalid date"
apij wang POST /api/v1/tasks '{"title":"x","lead":"HRB","due":"2026-12-01","x":1}'
refused 400 "400 unknown field"
apij li POST /api/v1/tasks/1/report '{"percent":"x"}'
refused 400 "400 wrong type"
apij li POST /api/v1/tasks '{"title":"x","lead":"HRB-DL","due":"2026-12-01"}'
refused 403 "403 staff creates"
apij li POST /api/v1/tasks/1/urge '{"note":"x"}'
refused 403 "403 staff urges"
api_as li GET /api/v1/tasks/999
refused 404 "404 unknown task"
api_as li POST /api/v1/tasks/999/ack
refused 404 "404 ack an unknown task"
apij wang POST /api/v1/tasks '{"title":"x","lead":"NOPE","due":"2026-12-01"}'
refused 404 "404 unknown unit"
api_as li POST /api/v1/tasks/2/ack
refused 409 "409 ack a done task"
apij wang PATCH /api/v1/tasks/2 '{"title":"x"}'
refused 409 "409 edit a done task"
apij wang PATCH /api/v1/tasks/1 '{"title":"x"}' -H 'If-Match: "3"'
refused 412 "412 stale PATCH"
api_as li POST /api/v1/tasks/7/report -F percent=90 -F "note=late" \
	-H 'If-Match: "2"'
refused 412 "412 stale multipart report"
api_as wang POST /api/v1/tasks -H 'Content-Type: text/plain' \
	--data-binary '{"title":"x","lead":"HRB","due":"2026-12-01"}'
refused 415 "415 text/plain"
head -c 1100000 /dev/zero >"$TMP/zeros"
api_as wang POST /api/v1/tasks -H "$J" --data-binary "@$TMP/zeros"
refused 413 "413 body too large"
api GET /api/v1/tasks -H "Authorization: Bearer nope"
refused 401 "401 unknown token"
for p in /api/v1/tasks /api/v1/tasks/1 /api/v1/tasks/1/timeline \
	/api/v1/board /api/v1/next /api/v1/today /api/v1/me /healthz /metrics; do
	api_as li GET "$p"
	refused 200 "GET $p writes nothing"
done

api_done
