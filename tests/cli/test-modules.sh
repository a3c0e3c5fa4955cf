#!/bin/sh
# The modules (src/util/module.h): the binary links SQLite, libsodium and
# jansson only; libmicrohttpd, cairo/pango, libxlsxwriter, libzip/expat,
# libcurl and libpq come in by dlopen of lib/luoshi/NAME.so when a command
# needs them. Checked: what the binary links and loads, the two places
# beside it (build directory, installed prefix), $LUOSHI_MODULES, and the
# errors for a module that is missing, from another build or damaged —
# each names the file and changes nothing.
. "$(dirname "$0")/lib.sh"

BIN=$(cd "$(dirname "$LUOSHI_BIN")" && pwd)/$(basename "$LUOSHI_BIN")
MODS=$(dirname "$BIN")/lib/luoshi

# --- what the binary links ----------------------------------------------
libs=$(ldd "$BIN")
for l in libsqlite3 libsodium libjansson; do
	case "$libs" in
	*"$l"*) ok ;;
	*) bad "the binary does not link $l" ;;
	esac
done
for l in libmicrohttpd libcairo libpango libxlsxwriter libzip libexpat \
	libcurl libpq libgnutls; do
	case "$libs" in
	*"$l"*) bad "the binary links $l (a module's library)" ;;
	*) ok ;;
	esac
done
for m in http pdf xlsx xlsxread send; do
	if [ -f "$MODS/$m.so" ]; then ok; else bad "no $MODS/$m.so"; fi
done

# loaded: LD_DEBUG=files names each object the loader opens (stderr)
# loads ARGS...: the module files luoshi ARGS opened, sorted, one per line.
loads() {
	LD_DEBUG=files "$BIN" "$@" 2>&1 >/dev/null |
		sed -n 's|.*file=\([^ ]*/lib/luoshi/[a-z]*\.so\).*|\1|p' |
		sed 's|.*/||' | sort -u | tr '\n' ' '
}

expect_ok "init" init
expect_ok "unit" unit add HRB 哈尔滨市 --kind city
expect_ok "task" task add 任务 --lead HRB --due 2026-12-31
expect_eq "$(loads task list)" "" "task list loads no module"
expect_eq "$(loads board)" "" "board loads no module"
expect_eq "$(loads bulletin --period 2026 --format md -o "$TMP/b.md")" "" \
	"a Markdown bulletin loads no module"
expect_eq "$(loads bulletin --period 2026 --format pdf -o "$TMP/b.pdf")" \
	"pdf.so " "a PDF bulletin loads pdf.so"
expect_eq "$(loads export tasks --format xlsx -o "$TMP/t.xlsx")" \
	"xlsx.so " "an XLSX export loads xlsx.so"
expect_eq "$(loads import tasks --dry-run "$TMP/t.xlsx")" \
	"xlsxread.so " "an XLSX import loads xlsxread.so"
expect_eq "$(loads serve --routes)" "http.so " "serve --routes loads http.so"

# --- installed: bin/luoshi with lib/luoshi/ beside bin/ ----------------
P="$TMP/prefix"
mkdir -p "$P/bin" "$P/lib/luoshi"
cp "$BIN" "$P/bin/luoshi"
cp "$MODS"/*.so "$P/lib/luoshi/"
rm -f "$TMP/b.pdf"
LUOSHI_BIN="$P/bin/luoshi"
expect_ok "installed: PDF bulletin" bulletin --period 2026 --format pdf \
	-o "$TMP/b.pdf"
if [ "$(head -c 5 "$TMP/b.pdf")" = "%PDF-" ]; then ok; else
	bad "installed: not a PDF"; fi
expect_ok "installed: serve --routes" serve --routes
expect_contains "/api/v1/tasks" "installed: the route table"

# --- the binary alone ---------------------------------------------------
mkdir -p "$TMP/alone"
cp "$BIN" "$TMP/alone/luoshi"
LUOSHI_BIN="$TMP/alone/luoshi"
expect_ok "alone: task list" task list
expect_contains "任务" "alone: task list lists"
expect_fail 1 "alone: PDF bulletin" bulletin --period 2026 --format pdf \
	-o "$TMP/alone.pdf"
expect_err "module 'pdf.so' is missing" "alone: the missing module named"
expect_err "$TMP/alone/lib/luoshi" "alone: where it looked (beside)"
expect_err "$TMP/alone/../lib/luoshi" "alone: where it looked (prefix)"
expect_err "LUOSHI_MODULES" "alone: how to fix it"
if [ ! -e "$TMP/alone.pdf" ]; then ok; else bad "alone: a PDF was written"; fi
expect_fail 1 "alone: serve" serve --listen 127.0.0.1:1
expect_err "module 'http.so' is missing" "alone: serve names http.so"
expect_fail 1 "alone: XLSX import" import tasks --dry-run "$TMP/t.xlsx"
expect_err "module 'xlsxread.so' is missing" "alone: import names it"
n=$(audit_count)
export LUOSHI_MODULES="$MODS"
expect_ok "alone: LUOSHI_MODULES" bulletin --period 2026 --format pdf \
	-o "$TMP/alone.pdf"
if [ -s "$TMP/alone.pdf" ]; then ok; else bad "LUOSHI_MODULES: no PDF"; fi
expect_eq "$(audit_count)" "$n" "alone: the failures wrote no audit entry"
unset LUOSHI_MODULES

# --- a module from another build, a damaged one -------------------------
mkdir -p "$TMP/other"
cat >"$TMP/other/pdf.c" <<'EOF'
struct module { const char *abi; int id; const void *api; };
const struct module luoshi_module_pdf = { "0123456789abcdef", 1, 0 };
EOF
if cc -shared -fPIC -o "$TMP/other/pdf.so" "$TMP/other/pdf.c"; then
	export LUOSHI_MODULES="$TMP/other"
	expect_fail 1 "another build's module" \
		bulletin --period 2026 --format pdf -o "$TMP/other.pdf"
	expect_err "'$TMP/other/pdf.so' belongs to another build" \
		"another build: named"
else
	bad "cc could not build the stand-in module"
fi
mkdir -p "$TMP/bad"
echo "not an ELF file" >"$TMP/bad/pdf.so"
export LUOSHI_MODULES="$TMP/bad"
expect_fail 1 "damaged module" \
	bulletin --period 2026 --format pdf -o "$TMP/bad.pdf"
expect_err "cannot load module '$TMP/bad/pdf.so'" "damaged: named"
if [ ! -e "$TMP/other.pdf" ] && [ ! -e "$TMP/bad.pdf" ]; then ok; else
	bad "a refused module wrote a file"; fi
unset LUOSHI_MODULES

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
