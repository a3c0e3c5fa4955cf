# luoshi — one plain Makefile with pkg-config (see docs/architecture.md).
#   make            build build/luoshi
#   make check      install deps, build, run every test suite (also ASan+UBSan)
#   make demo       install deps, build, seed a demo city and serve it
#   make bench      benchmarks at province scale (bench/run.sh), built
#                   optimised (-O2 -DNDEBUG) in build-bench/
#   make crash      kill -9 the server under load, CRASH_KILLS times (25)
#   make soak       mixed load for SOAK_SECONDS (600): errors, RSS, fds, p99
#   make valgrind   unit, store and some CLI suites under valgrind (build-vg)
#   make install    build/luoshi to $(PREFIX)/bin, its modules (build/lib/
#                   luoshi/*.so) to $(PREFIX)/lib/luoshi (PREFIX=/usr/local)
# Knobs: SANITIZE=1 (ASan+UBSan build in build-san/), CC, O=build-dir,
#        NO_WEB=1 (leave the web UI out: no npm needed).

CC ?= cc
SANITIZE ?=
ifeq ($(SANITIZE),1)
O ?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
OPT = -O1 -g
else
O ?= build
SANFLAGS =
OPT = -O2 -g
endif

PKGS = sqlite3 libsodium libmicrohttpd jansson xlsxwriter cairo pangocairo \
	libzip expat libcurl
# PostgreSQL (store/pg.c) is built when libpq is there (scripts/deps.sh
# installs it); without it, postgresql:// URLs get a clear error.
HAVE_LIBPQ := $(shell pkg-config --exists libpq 2>/dev/null && echo 1)
ifeq ($(HAVE_LIBPQ),1)
PKGS += libpq
PG_DEFS = -DHAVE_LIBPQ
PG_SKIP =
else
PG_DEFS =
PG_SKIP = src/store/pg.c src/store/pg_fts.c
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wwrite-strings
CFLAGS ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(PG_DEFS) $(WARN) $(CFLAGS) $(SANFLAGS) \
	     -Isrc -I$(O)/gen $(PKG_CFLAGS) -MMD -MP
LDLIBS = $(PKG_LIBS) -lm -lpthread

LIB_SRC = $(filter-out $(PG_SKIP), $(wildcard src/util/*.c src/core/*.c \
	src/store/*.c src/doc/*.c src/svc/*.c src/http/*.c src/notify/*.c))
CLI_SRC = $(wildcard src/cli/*.c)

# The modules (src/util/module.h): the parts that need a large library,
# each built as lib/luoshi/NAME.so beside the binary and loaded on first
# use, so that the binary itself links only SQLite, libsodium and jansson.
# MOD_x: its sources; MODPKG_x: its libraries. Their objects are built
# position-independent in $(O)/pic/ and also make up $(O)/libmods.a, which
# the tests link in with tests/builtin-modules.c.
MODULES = http pdf xlsx xlsxread send $(if $(HAVE_LIBPQ),pg)
MOD_http = $(wildcard src/http/*.c)
MOD_pdf = src/doc/doc_pdf.c
MOD_xlsx = src/doc/doc_xlsx.c
MOD_xlsxread = src/util/sheet_xlsx.c
MOD_send = src/notify/send.c
MOD_pg = src/store/pg.c
MODPKG_http = libmicrohttpd
MODPKG_pdf = cairo pangocairo
MODPKG_xlsx = xlsxwriter
MODPKG_xlsxread = libzip expat
MODPKG_send = libcurl
MODPKG_pg = libpq
MOD_SRC = $(foreach m,$(MODULES),$(MOD_$(m)))
MOD_OBJ = $(MOD_SRC:%.c=$(O)/pic/%.o) $(O)/pic/gen/web_assets.o
MOD_SO = $(MODULES:%=$(O)/lib/luoshi/%.so)
CORE_PKGS = sqlite3 libsodium jansson
CORE_LIBS := $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lm \
	-lpthread -ldl

LIB_OBJ = $(filter-out $(MOD_SRC:%.c=$(O)/obj/%.o), $(LIB_SRC:%.c=$(O)/obj/%.o))
CLI_OBJ = $(CLI_SRC:%.c=$(O)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test-*.c tests/store/test-*.c)
UNIT_BIN = $(patsubst tests/%.c,$(O)/tests/%,$(UNIT_SRC))
MIGRATIONS = $(sort $(wildcard src/store/migrations/sqlite/*.sql))
GEN = $(O)/gen/store/migrations_sqlite.h
PG_MIGRATIONS = $(sort $(wildcard src/store/migrations/pg/*.sql))
GEN_PG = $(O)/gen/store/migrations_pg.h

# libFuzzer harnesses (clang): `make fuzz` runs each for FUZZ_SECONDS;
# `make check` runs each briefly on the committed corpus.
FUZZ_SRC = $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 60
# The harnesses link the whole library built again by clang with
# -fsanitize=fuzzer-no-link (coverage) plus ASan+UBSan, in build/fuzz/;
# the web UI is left out (an empty asset table).
FUZZ_O = build/fuzz
FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE $(PG_DEFS) -g -O1 -Isrc \
	-I$(FUZZ_O)/gen $(PKG_CFLAGS) -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined
FUZZ_LIBOBJ = $(LIB_SRC:%.c=$(FUZZ_O)/obj/%.o) $(FUZZ_O)/obj/web_assets.o

.PHONY: all check demo bench clean deps unit-tests checksrc fuzz fuzzers \
	crash soak valgrind install

all: $(O)/luoshi

deps:
	@./scripts/deps.sh

$(GEN): $(MIGRATIONS) scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-sql.sh sqlite_migrations $(MIGRATIONS) > $@.tmp
	@mv $@.tmp $@

$(O)/obj/src/store/sqlite.o: $(GEN)

# Every header's hash: a module is loaded only by the build it belongs to.
$(O)/gen/abi.h: $(sort $(wildcard src/*/*.h))
	@mkdir -p $(dir $@)
	@printf '#define LUOSHI_ABI "%s"\n' \
		"$$(cat $^ | sha256sum | cut -c1-16)" > $@.tmp
	@mv $@.tmp $@

$(LIB_OBJ) $(CLI_OBJ) $(MOD_OBJ): | $(O)/gen/abi.h

$(GEN_PG): $(PG_MIGRATIONS) scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-sql.sh pg_migrations $(PG_MIGRATIONS) > $@.tmp
	@mv $@.tmp $@

$(O)/pic/src/store/pg.o: $(GEN_PG)

# The web UI (web/, Vue + Vite) is built with npm and embedded into the
# binary by .incbin; without web/ (or with NO_WEB=1) the table is empty and
# / answers 404. After switching NO_WEB, `make clean`.
NO_WEB ?=
ifeq ($(NO_WEB)$(wildcard web/package.json),web/package.json)
WEB_FROM = web/dist
WEB_DEP = web/dist/index.html
WEB_INPUTS = $(shell find web/src web/public -type f 2>/dev/null) \
	$(wildcard web/index.html web/package.json web/package-lock.json \
	web/vite.config.*)

web/dist/index.html: $(WEB_INPUTS)
	@echo "  WEB     web/dist"
	@cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@cd web && npx vite build --logLevel warn
else
WEB_FROM = /nonexistent
WEB_DEP =
endif

$(O)/gen/web_assets.c: $(WEB_DEP) scripts/embed-web.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-web.sh $(WEB_FROM) $(O)/gen/web-gz > $@.tmp
	@mv $@.tmp $@

$(O)/obj/gen/web_assets.o: $(O)/gen/web_assets.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(O)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(O)/pic/gen/web_assets.o: $(O)/gen/web_assets.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(O)/libluoshi.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(O)/libmods.a: $(MOD_OBJ)
	@rm -f $@
	@ar rcs $@ $^

# NAME.so: its objects (http's with the web UI), linked with its libraries;
# what it calls of the program is resolved against the binary at dlopen.
define module_rule
$(O)/lib/luoshi/$(1).so: $$(MOD_$(1):%.c=$(O)/pic/%.o) \
		$(if $(filter http,$(1)),$(O)/pic/gen/web_assets.o)
	@mkdir -p $$(dir $$@)
	@echo "  MODULE  $$@"
	@$$(CC) $$(CFLAGS) $$(SANFLAGS) -shared -o $$@ $$^ \
		$$(shell pkg-config --libs $$(MODPKG_$(1)))
endef
$(foreach m,$(MODULES),$(eval $(call module_rule,$(m))))

# The whole library goes in (the modules call parts the CLI does not) and
# its symbols are exported (-rdynamic) for the modules to call.
$(O)/luoshi: $(CLI_OBJ) $(O)/libluoshi.a $(MOD_SO)
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(SANFLAGS) -rdynamic -o $@ $(CLI_OBJ) \
		-Wl,--whole-archive $(O)/libluoshi.a -Wl,--no-whole-archive \
		$(CORE_LIBS)

$(O)/tests/%: tests/%.c $(O)/obj/tests/builtin-modules.o $(O)/libmods.a \
		$(O)/libluoshi.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(filter %.o,$^) \
		$(O)/libmods.a $(O)/libluoshi.a $(LDLIBS) $(CMOCKA_LIBS)

# The CLI's table printer is not in the library: its test links it.
$(O)/tests/unit/test-table: $(O)/obj/src/cli/table.o

unit-tests: $(UNIT_BIN)

$(FUZZ_O)/gen/store/migrations_sqlite.h: $(MIGRATIONS) scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-sql.sh sqlite_migrations $(MIGRATIONS) > $@.tmp
	@mv $@.tmp $@

$(FUZZ_O)/gen/store/migrations_pg.h: $(PG_MIGRATIONS) scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-sql.sh pg_migrations $(PG_MIGRATIONS) > $@.tmp
	@mv $@.tmp $@

$(FUZZ_O)/obj/src/store/sqlite.o: $(FUZZ_O)/gen/store/migrations_sqlite.h
$(FUZZ_O)/obj/src/store/pg.o: $(FUZZ_O)/gen/store/migrations_pg.h

$(FUZZ_O)/gen/abi.h: $(O)/gen/abi.h
	@mkdir -p $(dir $@)
	@cp $< $@

$(FUZZ_LIBOBJ) $(FUZZ_O)/obj/tests/builtin-modules.o: | $(FUZZ_O)/gen/abi.h

$(FUZZ_O)/gen/web_assets.c: scripts/embed-web.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-web.sh /nonexistent $(FUZZ_O)/gen/web-gz > $@.tmp
	@mv $@.tmp $@

$(FUZZ_O)/obj/web_assets.o: $(FUZZ_O)/gen/web_assets.c
	@mkdir -p $(dir $@)
	@clang $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_O)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $@"
	@clang $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_O)/libluoshi.a: $(FUZZ_LIBOBJ)
	@rm -f $@
	@ar rcs $@ $^

# A harness may replace library functions it calls through with
# -Wl,--wrap=NAME: list them in a "// wrap: NAME ..." line of its source.
$(FUZZ_O)/fuzz-%: tests/fuzz/fuzz-%.c $(FUZZ_O)/libluoshi.a \
		$(FUZZ_O)/obj/tests/builtin-modules.o
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $< \
		$(FUZZ_O)/obj/tests/builtin-modules.o $(FUZZ_O)/libluoshi.a \
		$$(sed -n 's|^// wrap: ||p' $< | tr ' ' '\n' | \
		   sed -n 's/^\(..*\)$$/-Wl,--wrap=\1/p') \
		$(LDLIBS) -o $@

fuzzers: $(FUZZ_BIN)

fuzz: deps fuzzers
	@for f in $(FUZZ_BIN); do n=$${f#build/fuzz/fuzz-}; \
		echo "fuzzing $$n for $(FUZZ_SECONDS) s"; \
		$$f -max_total_time=$(FUZZ_SECONDS) tests/fuzz/corpus/$$n || exit 1; \
	done

checksrc:
	@sh tools/checksrc.sh

# The whole suite: normal build, then again under ASan+UBSan.
check: deps
	@$(MAKE) --no-print-directory all unit-tests
	@$(MAKE) --no-print-directory SANITIZE=1 all unit-tests
	@$(MAKE) --no-print-directory fuzzers
	@sh tests/run.sh build build-san

# A fresh demo city in demo.db (the previous one is replaced).
demo: deps all
	@rm -rf demo.db demo.db-wal demo.db-shm demo.db.files
	./build/luoshi --db demo.db demo --serve=127.0.0.1:8080

# The benchmarks' own optimised build (no sanitizers, assertions off) and
# bench/rusage (wall and CPU in microseconds, peak RSS: wait4).
BENCH_O = build-bench
bench: deps
	@$(MAKE) --no-print-directory O=$(BENCH_O) CFLAGS='-O2 -g -DNDEBUG' \
		SANITIZE= $(BENCH_O)/luoshi $(BENCH_O)/rusage
	@sh bench/run.sh $(BENCH_O)
	@[ ! -f web/dist/index.html ] || sh bench/web.sh $(BENCH_O)

$(O)/rusage: bench/rusage.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) -std=c11 -D_GNU_SOURCE $(WARN) -O2 -o $@ $<

#   make bench      benchmarks at province scale (bench/run.sh), built
#                   optimised (-O2 -DNDEBUG) in build-bench/
#   make crash      kill -9 the server under load, CRASH_KILLS times (25)
#   make soak       mixed load for SOAK_SECONDS (600): errors, RSS, fds, p99
#   make valgrind   unit, store and some CLI suites under valgrind (build-vg)

# A seeded demo city under a paced mixed load (tests/soak/soak.sh), with
# the server's RSS and descriptors sampled: make soak SOAK_SECONDS=600.
SOAK_SECONDS ?= 600
soak: deps all
	@SOAK_SECONDS=$(SOAK_SECONDS) sh tests/soak/soak.sh $(O)

# valgrind --leak-check=full over the unit, store and some CLI suites, on
# an -O1 -g build without sanitizers (not part of check: too slow).
valgrind: deps
	@$(MAKE) --no-print-directory O=build-vg CFLAGS='-O1 -g' all \
		unit-tests
	@sh tests/valgrind.sh build-vg

# The binary in $(PREFIX)/bin and its modules in $(PREFIX)/lib/luoshi,
# where it finds them (src/util/module.h). DESTDIR for packaging.
PREFIX ?= /usr/local
install: all
	install -D -m 755 $(O)/luoshi $(DESTDIR)$(PREFIX)/bin/luoshi
	install -d $(DESTDIR)$(PREFIX)/lib/luoshi
	install -m 644 $(MOD_SO) $(DESTDIR)$(PREFIX)/lib/luoshi/

clean:
	rm -rf build build-san build-vg build-bench

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(MOD_OBJ:.o=.d) \
	$(FUZZ_LIBOBJ:.o=.d)
