#!/bin/sh
# docs/openapi.yaml describes every route of the server and nothing else:
# the methods and paths of `luoshi serve --routes` (src/http/routes.c) and
# those under `paths:` in the YAML must be the same, both ways, and each
# operation's x-luoshi-right must name the right its route requires.
# The YAML is read with awk: a path is a line "  /path:" and its methods
# the lines "    get:" etc. below it, as docs/openapi.yaml keeps them.

. "$(dirname "$0")/../cli/lib.sh"

SPEC=${OPENAPI_YAML:-"$(dirname "$0")/../../docs/openapi.yaml"}

# "METHOD PATH|RIGHT" per route.
ls_run serve --routes
if [ "$RC" -eq 0 ] && [ -n "$OUT" ]; then ok; else
	bad "luoshi serve --routes: exit $RC"
fi
printf '%s\n' "$OUT" | awk 'NF >= 3 {
	m = $1; p = $2; $1 = ""; $2 = ""; sub(/^ +/, "")
	print m " " p "|" $0
}' | sort >"$TMP/routes"
OUT=""	# bad() would print the whole table with every failure
ERR=""

# The same from the YAML: paths, their methods and x-luoshi-right.
if [ -f "$SPEC" ]; then ok; else bad "missing $SPEC"; fi
awk '
function flush() {
	if (method != "")
		print method " " path "|" right
	method = ""
	right = ""
}
/^paths:[ \t]*$/ { inpaths = 1; next }
inpaths && /^[^ #]/ { flush(); inpaths = 0 }
!inpaths { next }
/^  \/[^ ]*:[ \t]*$/ {
	flush()
	path = $1
	sub(/:$/, "", path)
	next
}
/^    (get|put|post|patch|delete|head|options|trace):[ \t]*$/ {
	flush()
	method = toupper(substr($1, 1, length($1) - 1))
	next
}
/^      x-luoshi-right:/ {
	right = $0
	sub(/^      x-luoshi-right:[ \t]*/, "", right)
	sub(/[ \t]+$/, "", right)
	next
}
END { flush() }
' "$SPEC" 2>/dev/null | sort >"$TMP/spec"

cut -d'|' -f1 "$TMP/routes" | sort >"$TMP/routes.ops"
cut -d'|' -f1 "$TMP/spec" | sort >"$TMP/spec.ops"

if [ -s "$TMP/spec.ops" ]; then ok; else bad "no paths read from $SPEC"; fi

# Routes missing from the YAML
comm -23 "$TMP/routes.ops" "$TMP/spec.ops" >"$TMP/missing"
while IFS= read -r op; do
	bad "route '$op' is not described in docs/openapi.yaml"
done <"$TMP/missing"

# Operations of the YAML the server does not have
comm -13 "$TMP/routes.ops" "$TMP/spec.ops" >"$TMP/extra"
while IFS= read -r op; do
	bad "docs/openapi.yaml describes '$op', which is no route"
done <"$TMP/extra"

# Each operation described once
uniq -d "$TMP/spec.ops" >"$TMP/dups"
while IFS= read -r op; do
	bad "docs/openapi.yaml describes '$op' twice"
done <"$TMP/dups"

# The rights, for the operations both have
comm -12 "$TMP/routes.ops" "$TMP/spec.ops" >"$TMP/both"
while IFS= read -r op; do
	want=$(awk -F'|' -v op="$op" '$1 == op { print $2; exit }' \
		"$TMP/routes")
	got=$(awk -F'|' -v op="$op" '$1 == op { print $2; exit }' \
		"$TMP/spec")
	if [ "$got" = "$want" ]; then ok; else
		bad "$op: x-luoshi-right is '$got', the route needs '$want'"
	fi
done <"$TMP/both"

done_testing
