#!/bin/sh
# Reminders and notifications (SPEC §8) against a webhook receiver and an
# SMTP sink on loopback (tests/notify/sink.py): exact digests per
# recipient for a fixed day (owner, leader, the lead unit's supervisors,
# the lead unit), DingTalk's signed URL checked by the receiver, an HTTP
# 500 retried and logged then sent, nothing sent twice, urges, a dead
# endpoint failing for good, and the errors of each command.
. "$(dirname "$0")/lib.sh"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

L() { "$LUOSHI_BIN" "$@"; }
SINK="$TMP/sink"
mkdir -p "$SINK"
python3 "$(dirname "$0")/../notify/sink.py" "$SINK" 2>"$TMP/sink.log" &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -f "$SINK/ports" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
read -r HP SP <"$SINK/ports"
H="http://127.0.0.1:$HP"
printf 'SEC' >"$SINK/dingtalk-secret"

L init >/dev/null 2>&1
L unit add HRB 哈尔滨市 --kind city >/dev/null
L unit add A 区A --parent HRB --kind district >/dev/null
L unit add B 区B --parent HRB --kind district >/dev/null
L user add sup --name 市督查 --unit HRB --role supervisor >/dev/null
L user add supa --name A督查 --unit A --role supervisor >/dev/null
L user add zhang --name 张三 --unit A --role staff >/dev/null
L user add li --name 李四 --unit A --role leader >/dev/null
L user add wu --name 吴 --unit B --role staff >/dev/null

# 1 修路: open since 11-20, due 11-25: on 11-26 red (yellow on 11-25:
#   due − 11-25 = 0 ≤ 3), so turned red; unanswered 6 days > 24 h.
# 2 清雪: led by B, acknowledged, due 11-26: due today (yellow both days).
# 3 绿化: acknowledged, due 12-31, green; a milestone due 11-26.
# 4 done: nothing.
L --today 2026-11-20 task add 修路 --lead A --due 2026-11-25 --owner zhang \
	--leader li >/dev/null
L --today 2026-11-20 task add 清雪 --lead B --due 2026-11-26 --owner zhang \
	>/dev/null
L --today 2026-11-20 task ack 2 >/dev/null
L --today 2026-11-20 task add 绿化 --lead A --due 2026-12-31 >/dev/null
L --today 2026-11-20 task ack 3 >/dev/null
L --today 2026-11-20 milestone add 3 栽树 --due 2026-11-26 >/dev/null
L --today 2026-11-20 task add 完成 --lead A --due 2026-11-26 >/dev/null
L --today 2026-11-20 task ack 4 >/dev/null
L --today 2026-11-20 task submit 4 >/dev/null
L --today 2026-11-20 task close 4 >/dev/null

# --- errors: usage 2, not found 3, forbidden 4; nothing changes
expect_fail 2 "no unit nor user" notify add --channel webhook --target "$H/x"
expect_fail 2 "unknown channel" notify add --user zhang --channel sms \
	--target x
expect_err "invalid channel 'sms' for --channel" "names the channel"
expect_fail 2 "bad URL" notify add --user zhang --channel wecom \
	--target ftp://x
expect_err "invalid URL 'ftp://x' for --target" "names the target"
expect_fail 2 "secret on wecom" notify add --user zhang --channel wecom \
	--target "$H/w" --secret s
expect_fail 2 "bad address" notify add --user zhang --channel email \
	--target "a b@c.org"
expect_fail 3 "unknown unit" notify add --unit NOPE --channel webhook \
	--target "$H/x"
expect_err "unit 'NOPE' not found" "names the unit"
expect_fail 3 "unknown user" notify add --user nobody --channel webhook \
	--target "$H/x"
expect_fail 4 "staff may not" --as zhang notify add --user zhang \
	--channel webhook --target "$H/x"
expect_fail 4 "staff may not list" --as zhang notify list
expect_fail 2 "bad remind_at" notify set remind_at 25:00
expect_err "invalid time '25:00' for remind_at" "names the time"
expect_fail 2 "unknown setting" notify set color red
expect_fail 2 "remind without --once" remind
expect_fail 3 "remove unknown" notify remove 99
ls_run --json notify list
expect_out "[]" "no channel after the errors"

# --- channels
expect_ok "zhang webhook" notify add --user zhang --channel webhook \
	--target "$H/zhang" --secret k
expect_out 1 "first channel id"
expect_ok "unit A dingtalk" notify add --unit A --channel dingtalk \
	--target "$H/dingtalk?access_token=t" --secret SEC
expect_ok "sup email" notify add --user sup --channel email \
	--target sup@example.org
expect_ok "supa webhook" notify add --user supa --channel webhook \
	--target "$H/supa"
expect_ok "li feishu" --json notify add --user li --channel feishu \
	--target "$H/feishu" --secret fs
jq_is '[.id, .user, .channel, .secret] | join(",")' "5,li,feishu,true" \
	"add --json: the channel, the secret hidden"
ls_run --json notify list
jq_is '[.[] | (.unit // .user) + ":" + .channel] | join(" ")' \
	"zhang:webhook A:dingtalk sup:email supa:webhook li:feishu" "list"
jq_is '.[0] | has("secret_value") or (.secret == true)' true \
	"list shows whether there is a secret, not its value"
ls_run --json audit log
jq_is '[.[] | select(.action == "notify.add")] | length' 5 "audited"
for kv in "smtp_host 127.0.0.1" "smtp_port $SP" \
    "smtp_from luoshi@example.org" "smtp_starttls no" "notify_backoff 1" \
    "notify_retries 2" "remind_at 07:30"; do
	# shellcheck disable=SC2086
	expect_ok "set $kv" notify set $kv
done
ls_run --json notify settings
jq_is '[.remind_at, .smtp_port, .smtp_starttls] | join(",")' \
	"07:30,$SP,no" "settings"

# --- the pass: the first HTTP request (unit A's, the first queued)
# answers 500, then the retry after 1 s succeeds.
echo 1 >"$SINK/fail"
expect_ok "remind --once" --json remind --once
# reminders per recipient with a channel (kinds × tasks):
#   zhang (owner of 1, 2): red 1, due 2, ack 1 = 3
#   li (leader of 1): red 1, ack 1 = 2
#   supa (A's supervisors: tasks 1, 3): red 1, milestone 3, ack 1 = 3
#   sup (B has none: the city's, task 2): due 2 = 1
#   unit A (tasks 1, 3): red 1, milestone 3, ack 1 = 3
# 12 reminders, all new; 5 messages; 1 retried; 5 sent.
jq_is '[.tasks, .reminders, .new, .messages, .sent, .retried, .failed,
	.pending] | map(tostring) | join(",")' "3,12,12,5,5,1,0,0" "counts"

dig() {	# dig PATH FILTER: the JSON lines the receiver got on PATH
	jq -c --arg p "$1" "select(.path == \$p) | $2" "$SINK/http.jsonl"
}
want_zhang='落实提醒 2026-11-26 张三：3 项

【转红】1 项
- #1 修路（牵头 A，截止 2026-11-25）

【今日到期（当日事）】1 项
- #2 清雪（牵头 B，截止 2026-11-26）

【超时未签收】1 项
- #1 修路（牵头 A，截止 2026-11-25）'
got=$(dig /zhang '.body.text' | jq -r .)
expect_eq "$got" "$want_zhang" "zhang's digest"
expect_eq "$(dig /zhang '[.body.recipient, .body.items, .body.subject]')" \
	'["user:zhang",3,"落实提醒 2026-11-26 张三：3 项"]' "webhook fields"
# X-Luoshi-Signature: HMAC-SHA256 of the body with secret k
expect_eq "$(dig /zhang '.signature' | grep -c '"sha256=[0-9a-f]\{64\}"')" 1 \
	"webhook signature header"
want_a='落实提醒 2026-11-26 区A：3 项

【转红】1 项
- #1 修路（牵头 A，截止 2026-11-25）

【节点今日到期】1 项
- #3 绿化（牵头 A，截止 2026-12-31）

【超时未签收】1 项
- #1 修路（牵头 A，截止 2026-11-25）'
expect_eq "$(dig /dingtalk '.status' | tr '\n' ' ')" "500 200 " \
	"DingTalk: 500 then 200"
expect_eq "$(dig /dingtalk '.sign_ok' | sort -u)" "true" \
	"DingTalk signature verified by the receiver (both attempts)"
expect_eq "$(dig /dingtalk '.body.text.content' | tail -1 | jq -r .)" \
	"$want_a" "unit A's digest (DingTalk text)"
expect_eq "$(dig /dingtalk '.body.msgtype' | tail -1)" '"text"' \
	"DingTalk msgtype"
want_supa=$(printf '%s' "$want_a" | sed '1s/区A/A督查/')
expect_eq "$(dig /supa '.body.text' | jq -r .)" "$want_supa" \
	"A's supervisor gets A's tasks"
expect_eq "$(dig /feishu '[.body.msg_type, (.body.sign | length),
	(.body.timestamp | test("^[0-9]{10}$"))]')" '["text",44,true]' \
	"Feishu: signed body"
expect_eq "$(dig /feishu '.body.content.text' | jq -r . | head -1)" \
	"落实提醒 2026-11-26 李四：2 项" "leader's digest"
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 5 "5 HTTP requests"
# the city's supervisor: task 2 only, by e-mail
expect_eq "$(wc -l <"$SINK/smtp.jsonl" | tr -d ' ')" 1 "one mail"
expect_eq "$(jq -c '[.from, .to[0], .subject]' "$SINK/smtp.jsonl")" \
	'["<luoshi@example.org>","<sup@example.org>","落实提醒 2026-11-26 市督查：1 项"]' \
	"mail envelope and subject"
expect_eq "$(jq -r .body "$SINK/smtp.jsonl")" '落实提醒 2026-11-26 市督查：1 项

【今日到期（当日事）】1 项
- #2 清雪（牵头 B，截止 2026-11-26）' "mail body"

# the log: the retried delivery shows its failure
ls_run --json notify log
jq_is '[.[] | select(.recipient == "unit:A") | .status, .attempts,
	.last_error] | map(tostring) | join(",")' "sent,2,HTTP 500" \
	"retry logged"
jq_is 'length' 5 "five deliveries"
ls_run --json notify log --failed
jq_is '[.[].recipient] | join(",")' "unit:A" "--failed: the retried one"
ls_run notify log
expect_contains "HTTP 500" "table shows the error"

# --- never twice: the same day again sends nothing
expect_ok "again" --json remind --once
jq_is '[.reminders, .new, .messages] | map(tostring) | join(",")' \
	"12,0,0" "all 12 already given"
expect_eq "$(wc -l <"$SINK/http.jsonl" | tr -d ' ')" 5 "no new request"
# the next day: task 1 stays red (not again) but is still unanswered
# (zhang, li, supa, unit A: 4); 2 was due 11-26: turned red (zhang, sup:
# 2); 3's milestone due 11-26 is undone: red (supa, unit A: 2). 8 new.
expect_ok "next day" --today 2026-11-27 --json remind --once
jq_is '[.new, .messages] | map(tostring) | join(",")' "8,5" \
	"11-27: 8 new reminders in 5 digests"

# --- an urge goes out at once to owner, leader and lead unit
expect_ok "urge" task urge 1 --note 请加快
expect_ok "remind sends the urge" --json remind --once
jq_is '[.urges, .new, .sent] | map(tostring) | join(",")' "1,0,3" \
	"urge: zhang, li, unit A"
expect_eq "$(dig /zhang '.body' | tail -1 | jq -r '.kind + "|" + .text')" \
	'urge|【催办】
- #1 修路（牵头 A，截止 2026-11-25）
admin：请加快' "the urge's message"

# --- a dead endpoint: 2 attempts (notify_retries), then failed, exit 1
L --today 2026-11-20 task add 远 --lead B --due 2026-12-31 --owner wu \
	>/dev/null
L --today 2026-11-20 task ack 5 >/dev/null
expect_ok "wu dead" notify add --user wu --channel webhook \
	--target http://127.0.0.1:1/x
L task urge 5 --note 快 >/dev/null
expect_rc 1 "failed for good" remind --once
expect_err "1 message(s) failed" "says so"
ls_run --json notify log --failed
jq_is '[.[] | select(.recipient == "user:wu") | .status, .attempts] |
	map(tostring) | join(",")' "failed,2" "dead endpoint: failed after 2"
jq_is '[.[] | select(.recipient == "user:wu") | .last_error |
	test("onnect")] | .[0]' true "its error is the connection's"

# --- policy windows closing (policy_warn_days 14): B's window closing
# 12-05 goes to B's supervisors (none: the city's, sup, by mail) on
# 11-28; a landed one and one closing after 12-12 do not; once a day.
L policy add 争取专项资金 --issuer 省发改委 --level provincial \
	--issued 2026-11-01 --open 2026-11-01 --close 2026-12-05 --unit B \
	>/dev/null
L policy add 已落地政策 --issuer 省财政厅 --level provincial \
	--issued 2026-11-01 --open 2026-11-01 --close 2026-12-05 --unit B \
	>/dev/null
L policy update 2 --status landed >/dev/null
L policy add 远期政策 --issuer 国家部委 --level national \
	--issued 2026-11-01 --open 2026-11-01 --close 2026-12-13 --unit B \
	>/dev/null
: >"$SINK/smtp.jsonl"
L --today 2026-11-28 remind --once >/dev/null 2>&1
expect_eq "$(jq -r .body "$SINK/smtp.jsonl" | sed -n '/【政策窗口即将关闭】/,/^$/p')" \
	'【政策窗口即将关闭】1 项
- #1 争取专项资金（牵头 B，截止 2026-12-05）' "the closing window in sup's mail"
: >"$SINK/smtp.jsonl"
L --today 2026-11-28 remind --once >/dev/null 2>&1
expect_eq "$(wc -l <"$SINK/smtp.jsonl" | tr -d ' ')" 0 "not twice a day"

# --- removing a channel
expect_ok "remove" notify remove 6
ls_run --json notify list
jq_is 'length' 5 "five channels left"
ls_run --json audit log
jq_is '[.[] | select(.action == "notify.remove")] | length' 1 "audited"

done_testing
