# callfloor - build, test, install.  `make deps` installs what Debian 12
# needs; `make` builds ./callfloor; `make test` runs every test.

PREFIX   ?= /usr/local
DESTDIR  ?=
SYSCONFDIR    ?= /etc
LOCALSTATEDIR ?= /var
VERSION  := 0.1
# The installed translation catalogs; a setgid run reads only these.
LOCALEDIR ?= $(PREFIX)/share/locale

PKGS     := ncursesw sqlite3 libconfig libpq
# Cairo and Pango draw the PDF report (src/report_pdf.c and pdf_libs.c,
# alone built with their flags: they define feature macros of their own).
# They are opened when a PDF is drawn, never linked (src/pdf_libs.h).
PDF_PKGS := pangocairo cairo-pdf
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes
ifeq ($(CI),true)
WARN     += -Werror
endif
CPPFLAGS += -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
	    -DSYSCONFDIR='"$(SYSCONFDIR)"' -DLOCALSTATEDIR='"$(LOCALSTATEDIR)"' \
	    -DLOCALEDIR='"$(LOCALEDIR)"'
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm

B        := build
CORE_SRC := $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard db/*.c)
UI_SRC   := $(wildcard ui/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o) $(B)/embedded.o $(B)/pinyin_table.o
UI_OBJ   := $(UI_SRC:%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/%.o)

DEB_PKGS := build-essential pkg-config libncurses-dev libsqlite3-dev \
	    libconfig-dev libcriterion-dev tmux sqlite3 locales procps \
	    util-linux python3 clang libclang-rt-14-dev unicode-data \
	    libcairo2-dev libpango1.0-dev fonts-wqy-zenhei poppler-utils \
	    cups cups-client printer-driver-cups-pdf gettext man-db \
	    postgresql-15 libpq-dev

.PHONY: catalogs all deps test unit e2e pg check fuzz fuzz-import bench bench-smoke \
	install clean demo pot po-update po-check

all: callfloor catalogs $(B)/callfloor.zh_CN.1 $(B)/callfloor.cfg.5

callfloor: $(CORE_OBJ) $(UI_OBJ) $(B)/src/main.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The demo floor (with its rulebook inlined) and the schema live inside the
# binary, so `./callfloor` works from anywhere.
$(B)/embedded.c: conf/demo.cfg conf/rules.cfg db/schema.sql db/schema_pg.sql Makefile
	@mkdir -p $(B)
	@{ echo '/* generated from conf/ and db/ by the Makefile; do not edit */'; \
	   echo 'const char demo_config_text[] ='; \
	   sed -e '/^@include "rules.cfg"/{r conf/rules.cfg' -e 'd;}' conf/demo.cfg | \
	     sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/'; \
	   echo ';'; \
	   echo 'const char store_schema_sql[] ='; \
	   sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' db/schema.sql; \
	   echo ';'; \
	   echo 'const char store_schema_pg_sql[] ='; \
	   sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' db/schema_pg.sql; \
	   echo ';'; } > $@.tmp && mv $@.tmp $@

$(B)/src/report_pdf.o $(B)/src/pdf_libs.o: ALL_CFLAGS += $(shell pkg-config --cflags $(PDF_PKGS) 2>/dev/null)

$(B)/embedded.o: $(B)/embedded.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Pinyin readings of every Han character, for search (src/pinyin.c), made
# from Debian's unicode-data (Unihan) by src/gen_pinyin.py.
UNIHAN ?= /usr/share/unicode/Unihan_Readings.txt.bz2
$(B)/pinyin_table.c: src/gen_pinyin.py
	@mkdir -p $(B)
	python3 src/gen_pinyin.py $(UNIHAN) $@.tmp && mv $@.tmp $@

$(B)/pinyin_table.o: $(B)/pinyin_table.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Translations (gettext): po/callfloor.pot extracted from the sources,
# po/LANG.po translated, built into $(B)/locale/LANG/LC_MESSAGES/ where an
# uninstalled ./callfloor finds them (src/i18n.c).  The pseudo catalog
# (every message bracketed, made by tests/pseudo.sh) is for the tests only
# and never installed.  `make pot` extracts, `make po-update` merges the
# new strings into every po/*.po, `make po-check` fails on any untranslated
# or fuzzy message.
POT_SRC   := $(wildcard src/*.c ui/*.c db/*.c)
LINGUAS   := $(basename $(notdir $(wildcard po/*.po)))
CATALOGS  := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/callfloor.mo)
XGETTEXT  := xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS \
	     -k_ -kN_ -kngettext:1,2 -kP_:1c,2 --package-name=callfloor \
	     --package-version=$(VERSION) --msgid-bugs-address=callfloor \
	     --no-location --sort-output

catalogs: $(CATALOGS) $(B)/locale/pseudo/LC_MESSAGES/callfloor.mo

$(B)/locale/%/LC_MESSAGES/callfloor.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot:
	$(XGETTEXT) -o po/callfloor.pot $(POT_SRC)

po-update: pot
	@for l in $(LINGUAS); do echo "msgmerge po/$$l.po"; \
	  msgmerge --quiet --update --backup=none --no-location --sort-output \
	    po/$$l.po po/callfloor.pot || exit 1; done

# Every message of the sources translated, none fuzzy, none left over.
po-check:
	@$(XGETTEXT) -o $(B)/check.pot $(POT_SRC)
	@for l in $(LINGUAS); do \
	  msgmerge --quiet --no-location -o $(B)/check-$$l.po po/$$l.po $(B)/check.pot && \
	  st=$$(LC_ALL=C msgfmt --check --statistics -o /dev/null $(B)/check-$$l.po 2>&1) || { echo "$$st"; exit 1; }; \
	  echo "po/$$l.po: $$st"; \
	  case "$$st" in *untranslated*|*fuzzy*) echo "po/$$l.po: translate them (make po-update, then edit po/$$l.po)"; exit 1;; esac; \
	done

$(B)/locale/pseudo/LC_MESSAGES/callfloor.mo: tests/pseudo.sh $(POT_SRC)
	@mkdir -p $(dir $@)
	@$(XGETTEXT) -o $(B)/pseudo.pot $(POT_SRC)
	tests/pseudo.sh $(B)/pseudo.pot $(B)/pseudo.po && msgfmt --check -o $@ $(B)/pseudo.po

# The Chinese manual page with its line-break points marked (groff breaks
# only at spaces; see src/gen_man_zh.py).
$(B)/callfloor.zh_CN.1: callfloor.zh_CN.1 src/gen_man_zh.py
	@mkdir -p $(B)
	python3 src/gen_man_zh.py callfloor.zh_CN.1 $@.tmp && mv $@.tmp $@

# callfloor.cfg(5), made from the configuration's key table (every key's
# type, default, range and help) by a small tool linked with the loader.
$(B)/tools/cfgman: $(B)/tools/cfgman.o $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/callfloor.cfg.5: $(B)/tools/cfgman
	$(B)/tools/cfgman >$@.tmp && mv $@.tmp $@

# Installs the Debian packages the build and the tests need, when missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "deps: all present"; fi
	@# The demo shows both languages: zh_CN.UTF-8 generated when missing.
	@locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' || { \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "localedef -i zh_CN -f UTF-8 zh_CN.UTF-8"; \
	  $$SUDO localedef -i zh_CN -f UTF-8 zh_CN.UTF-8; }

# The console is unit-tested too: its pure arithmetic, and its frames on
# a virtual screen (tests/unit/test_frame.c).
$(B)/unit_tests: $(CORE_OBJ) $(UI_OBJ) $(TEST_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(shell pkg-config --libs criterion)

$(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -DSRCDIR='"$(CURDIR)"' -MMD -MP -c -o $@ $<

unit: $(B)/unit_tests catalogs
	$(B)/unit_tests --jobs 2

# The stress scripts' checker: every fine priced again from scratch.
STRESS_TOOLS := $(B)/tests/stress/reprice
$(B)/tests/stress/reprice: $(B)/tests/stress/reprice.o $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

e2e: callfloor $(STRESS_TOOLS) $(B)/callfloor.cfg.5
	@tests/run-e2e.sh

# The unit suites and the e2e scripts named in tests/pg.sh again on
# PostgreSQL 15, in a throwaway cluster of their own (issue 15).
pg: callfloor $(B)/unit_tests catalogs
	@tests/pg.sh

test: all po-check unit e2e pg

demo: callfloor
	./callfloor

# `make bench` builds a 2,000-seat floor with a year of history (cached in
# bench/data/) and measures the real binary; `make bench-smoke` is the small
# version CI runs (tests/e2e/bench_smoke.sh), which never fails on a time.
BENCH_TOOLS := $(B)/bench/gen_history $(B)/bench/ref_insert $(B)/bench/ref_mark

$(B)/bench/gen_history: $(B)/bench/gen_history.o $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/bench/ref_insert: $(B)/bench/ref_insert.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Row 2's engine-call reference: the real engine_mark, without the console.
$(B)/bench/ref_mark: $(B)/bench/ref_mark.o $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

bench: callfloor $(BENCH_TOOLS)
	@bench/run.sh

bench-smoke: callfloor $(BENCH_TOOLS)
	@BENCH_SMALL=1 bench/run.sh

# A shared floor server (README, "Installing on a floor server"): the
# binary setgid callfloor, the only group that may write the database
# folder; the configuration in $(SYSCONFDIR)/callfloor, kept when present.
# The group is created only for a real install (DESTDIR empty).
CONFDIR := $(DESTDIR)$(SYSCONFDIR)/callfloor
DATADIR := $(DESTDIR)$(LOCALSTATEDIR)/lib/callfloor
# The bash completion, made from the verb table by the binary itself.
$(B)/callfloor.bash: callfloor
	./callfloor -c conf/demo.cfg completion >$@.tmp && mv $@.tmp $@

install: callfloor catalogs $(B)/callfloor.bash $(B)/callfloor.zh_CN.1 \
	  $(B)/callfloor.cfg.5
	@if [ -z "$(DESTDIR)" ] && ! getent group callfloor >/dev/null; then \
	  echo "groupadd --system callfloor"; groupadd --system callfloor; fi
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(CONFDIR)
	install -m 755 callfloor $(DESTDIR)$(PREFIX)/bin/callfloor
	install -m 644 callfloor.1 $(DESTDIR)$(PREFIX)/share/man/man1/callfloor.1
	install -D -m 644 $(B)/callfloor.cfg.5 \
	  $(DESTDIR)$(PREFIX)/share/man/man5/callfloor.cfg.5
	install -D -m 644 $(B)/callfloor.zh_CN.1 \
	  $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1/callfloor.1
	@for l in $(LINGUAS); do \
	  echo "install $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/callfloor.mo"; \
	  install -D -m 644 $(B)/locale/$$l/LC_MESSAGES/callfloor.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/callfloor.mo || exit 1; done
	install -D -m 644 $(B)/callfloor.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/callfloor
	@# The demo floor lets anyone in as manager ("*"); not on a server.
	@test -e $(CONFDIR)/callfloor.cfg || { \
	  echo "install $(CONFDIR)/callfloor.cfg (the demo floor, without its \"*\" user)"; \
	  sed '/login = "\*"/d' conf/demo.cfg > $(CONFDIR)/callfloor.cfg && \
	  chmod 644 $(CONFDIR)/callfloor.cfg; }
	@test -e $(CONFDIR)/rules.cfg || { \
	  echo "install $(CONFDIR)/rules.cfg"; install -m 644 conf/rules.cfg $(CONFDIR)/rules.cfg; }
	install -d $(DATADIR)
	@# chown clears the setgid bit, so the modes come after it.
	@if [ "$$(id -u)" = 0 ] && getent group callfloor >/dev/null; then \
	  echo "chown root:callfloor $(DESTDIR)$(PREFIX)/bin/callfloor $(DATADIR)"; \
	  chown root:callfloor $(DESTDIR)$(PREFIX)/bin/callfloor $(DATADIR); \
	else echo "note: not root, or no callfloor group: chown root:callfloor" \
	  "bin/callfloor and lib/callfloor when you package this"; fi
	chmod 2755 $(DESTDIR)$(PREFIX)/bin/callfloor
	chmod 2770 $(DATADIR)

# `make check`: everything built again in build-asan/ with gcc's
# AddressSanitizer and UndefinedBehaviorSanitizer (any finding fails), then
# the unit tests, the fuzz corpus replayed through the loader, a
# CHECK_FUZZ_TIME-second libFuzzer run of the configuration loader (clang),
# and every end-to-end script against the sanitized binary (the stress
# scripts at CHECK_MARKS marks a process and CHECK_TRIALS kill trials).
ASAN_B       := build-asan
ASAN_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
		-fno-sanitize-recover=undefined
CHECK_MARKS  ?= 50
CHECK_TRIALS ?= 50
CHECK_FUZZ_TIME ?= 60
CHECK_ENV    := ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp

$(B)/callfloor: $(CORE_OBJ) $(UI_OBJ) $(B)/src/main.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -DSRCDIR='"$(CURDIR)"' -MMD -MP -c -o $@ $<

$(B)/replay: $(B)/tests/fuzz/fuzz_config.o $(B)/tests/fuzz/replay.o $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/replay_import: $(B)/tests/fuzz/fuzz_import.o $(B)/tests/fuzz/replay.o $(CORE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

check:
	$(MAKE) B=$(ASAN_B) CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  catalogs $(ASAN_B)/callfloor $(ASAN_B)/unit_tests $(ASAN_B)/tests/stress/reprice \
	  $(ASAN_B)/replay $(ASAN_B)/replay_import
	$(CHECK_ENV) $(ASAN_B)/unit_tests --jobs 2
	$(CHECK_ENV) $(ASAN_B)/replay tests/fuzz/corpus/*
	$(CHECK_ENV) $(ASAN_B)/replay_import tests/fuzz/import_corpus/*
	$(MAKE) fuzz FUZZ_TIME=$(CHECK_FUZZ_TIME)
	$(MAKE) fuzz-import FUZZ_TIME=$(CHECK_FUZZ_TIME)
	@# The end-to-end scripts run without the end-of-run leak check: when a
	@# console's terminal is killed under it, LeakSanitizer's stop-the-world
	@# can spin instead of exiting.  Leaks are checked by the unit tests
	@# above and by valgrind on the console's paths (README).
	@$(CHECK_ENV) ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 \
	  CALLFLOOR_BIN=$(CURDIR)/$(ASAN_B)/callfloor \
	  CALLFLOOR_REPRICE=$(CURDIR)/$(ASAN_B)/tests/stress/reprice \
	  CF_STRESS_MARKS=$(CHECK_MARKS) CF_CRASH_TRIALS=$(CHECK_TRIALS) tests/run-e2e.sh

# `make fuzz`: the configuration loader under libFuzzer for FUZZ_TIME
# seconds (needs clang and libclang-rt-14-dev), seeded from
# tests/fuzz/corpus/; what it learns stays in build-fuzz/corpus, what it
# finds in build-fuzz/ (crash-*, leak-*, timeout-*).
FUZZ_TIME ?= 300
FUZZ_SRC  := tests/fuzz/fuzz_config.c src/config.c src/config_breaks.c src/config_rules.c src/config_read.c \
	     src/config_table.c src/console_keys.c \
	     src/floor.c src/util.c src/text.c src/clock.c src/i18n.c
build-fuzz/fuzz_config: $(FUZZ_SRC) $(B)/embedded.c
	@mkdir -p build-fuzz/corpus
	clang $(CPPFLAGS) -DSRCDIR='"$(CURDIR)"' -std=c11 -g -O1 \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  $(shell pkg-config --cflags libconfig) -o $@ $^ \
	  $(shell pkg-config --libs libconfig) -lm

fuzz: build-fuzz/fuzz_config
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp \
	  build-fuzz/fuzz_config -max_total_time=$(FUZZ_TIME) -timeout=5 \
	  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build-fuzz/ \
	  build-fuzz/corpus tests/fuzz/corpus

# `make fuzz-import`: the same for the time clock import parser
# (signin --import), seeded from tests/fuzz/import_corpus/.
FUZZ_IMPORT_SRC := tests/fuzz/fuzz_import.c src/att_import.c src/config.c src/config_breaks.c src/config_rules.c src/config_read.c \
	     src/config_table.c src/console_keys.c src/i18n.c \
	     src/floor.c src/util.c src/text.c src/clock.c
build-fuzz/fuzz_import: $(FUZZ_IMPORT_SRC) $(B)/embedded.c
	@mkdir -p build-fuzz/import_corpus
	clang $(CPPFLAGS) -DSRCDIR='"$(CURDIR)"' -std=c11 -g -O1 \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  $(shell pkg-config --cflags libconfig) -o $@ $^ \
	  $(shell pkg-config --libs libconfig) -lm

fuzz-import: build-fuzz/fuzz_import
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp \
	  build-fuzz/fuzz_import -max_total_time=$(FUZZ_TIME) -timeout=5 \
	  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=build-fuzz/import- \
	  build-fuzz/import_corpus tests/fuzz/import_corpus

clean:
	rm -rf $(B) $(ASAN_B) build-fuzz callfloor

-include $(shell find $(B) -name '*.d' 2>/dev/null)
