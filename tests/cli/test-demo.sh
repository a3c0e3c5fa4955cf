#!/bin/sh
# luoshi demo: seeds a new database only, deterministically, with tasks in
# every status and every light at the reference day, an intact audit chain
# and the three documented demo logins.
. "$(dirname "$0")/lib.sh"

D="$TMP/demo.db"
expect_rc 0 "demo at scale 10" --db "$D" demo --scale 10 --seed 7
expect_contains "demo12345" "demo prints the password"
expect_rc 5 "demo refuses an existing database" --db "$D" demo
expect_err "already exists" "the refusal says why"
expect_rc 2 "scale out of range" --db "$TMP/x.db" demo --scale 3
[ ! -e "$TMP/x.db" ] && ok || bad "a refused demo leaves no file"

expect_rc 0 "statuses" --db "$D" --json task list
jq_is '[.[].status] | unique | join(",")' "cancelled,doing,done,open,review" \
	"every status is present"
jq_is '[.[].light] | unique | join(",")' "done,green,late,none,red,yellow" \
	"every light is present"
expect_rc 0 "audit verify" --db "$D" audit verify
for who in admin wang zhang; do
	expect_rc 0 "user $who exists" --db "$D" --as "$who" board
done
expect_rc 0 "wang sees the city" --db "$D" --as wang --json board
jq_is 'map(.unit) | index("HRB") != null' true "wang's board has HRB"

# Same seed, same city: the task titles are identical.
expect_rc 0 "demo again" --db "$TMP/again.db" demo --scale 10 --seed 7
expect_rc 0 "list 1" --db "$D" --json task list
first=$(printf '%s' "$OUT" | jq -c 'map([.title, .lead, .due, .status])')
expect_rc 0 "list 2" --db "$TMP/again.db" --json task list
second=$(printf '%s' "$OUT" | jq -c 'map([.title, .lead, .due, .status])')
expect_eq "$second" "$first" "demo is deterministic for a seed"

done_testing
