# SPDX-License-Identifier: GPL-3.0-or-later
# klausul - Swedish-aware structural diff of Word agreements.
#
#   make            build libdiff and tools/kltext, tools/klsplit, tools/kldiff
#   make check      the test suite under prove (TAP)
#   make asan       the test suite built with ASan+UBSan (in build-asan/)
#   make tsan       the test suite built with ThreadSanitizer (build-tsan/)
#   make valgrind   the test suite under valgrind (in build/)
#   make bench      benchmarks against the peers
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS
#   make install / uninstall   (PREFIX, DESTDIR)
#   make corpus     regenerate corpus/*.docx with LibreOffice

VERSION = 0.3.0
# The library's ABI: SOVERSION goes up whenever a public struct or a
# signature changes (0.2.0: ldiff_diff_opts.threads; 0.3.0: the option
# structs and ldiff_limits begin with a version), so that a program
# built against the old header never loads the new library.  From 0.3.0
# a field added at the end of an option struct bumps that struct's
# LDIFF_*_VERSION instead.
SOVERSION = 2
LIBVERSION = $(SOVERSION).0.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share
LOCALEDIR ?= $(DATADIR)/locale
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
COMPLETIONDIR ?= $(DATADIR)/bash-completion/completions

CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS = libxml-2.0 libzip libpcre2-8 libutf8proc poppler-glib zlib
SHARED ?= $(abspath ../shared)

WARN = -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -pedantic -Wmissing-prototypes -Wstrict-prototypes \
	-Wno-overlength-strings
ifneq ($(WERROR),)
WARN += -Werror
endif
ifneq ($(CI),)
WARN += -Werror
endif

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SAN) $(PKG_CFLAGS) -pthread -Ilibdiff \
	-DENABLE_NLS -DLOCALEDIR='"$(LOCALEDIR)"' -DKL_VERSION='"$(VERSION)"'
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

# Object files go to $(BUILD); the default build puts the tools in place
# (tools/kltext ...), other builds (asan) keep everything under $(BUILD).
# TREE_LOCALEDIR is where the catalogue is, relative to TOOLDIR: a tool
# run from the build tree finds it there (tools/common.c).
BUILD ?= build
ifeq ($(BUILD),build)
TOOLDIR = tools
TREE_LOCALEDIR = ../build/locale
else
TOOLDIR = $(BUILD)/tools
TREE_LOCALEDIR = ../locale
endif

# The library is a folder per stage, in the order data flows.
LIB_STAGES = util sv docx pdf clause diff consolidate render
LIB_SRC = $(sort $(foreach s,$(LIB_STAGES),$(wildcard libdiff/$(s)/*.c)))
LIB_HDR = $(wildcard libdiff/*.h libdiff/*/*.h)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB_PIC = $(LIB_SRC:%.c=$(BUILD)/%.pic.o)
LIB_A = $(BUILD)/libdiff.a
LIB_SO = $(BUILD)/libdiff.so.$(LIBVERSION)

TOOL_SRC = $(filter-out tools/common.c,$(sort $(wildcard tools/*.c)))
TOOL_NAMES = $(TOOL_SRC:tools/%.c=%)
TOOLS = $(TOOL_NAMES:%=$(TOOLDIR)/%)
TOOL_COMMON = $(BUILD)/tools/common.o

UNIT_SRC = $(sort $(wildcard tests/unit/t_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HELPER_SRC = $(sort $(wildcard tests/helpers/*.c))
HELPER_BIN = $(HELPER_SRC:tests/helpers/%.c=$(BUILD)/tests/%)

# Quiet by default; V=1 shows the commands.
ifeq ($(V),1)
Q =
E = @:
else
Q = @
E = @echo
endif

PROVE ?= prove
PROVE_FLAGS ?=

.PHONY: all lib tools locale pot fuzz-smoke tests check asan valgrind bench fuzz install \
	uninstall clean corpus main

all: lib tools locale

# Keep the tools' object files: make would otherwise delete them as
# intermediates and print an 'rm' line after every build.
.SECONDARY:

# Translations: tools/po/LANG.po -> $(BUILD)/locale/LANG/LC_MESSAGES/klausul.mo
PO = $(wildcard tools/po/*.po)
MO = $(PO:tools/po/%.po=$(BUILD)/locale/%/LC_MESSAGES/klausul.mo)
MSGFMT ?= msgfmt
locale: $(MO)

$(BUILD)/locale/%/LC_MESSAGES/klausul.mo: tools/po/%.po
	@mkdir -p $(@D)
	$(E) "  MSGFMT  $<"
	$(Q)$(MSGFMT) --check -o $@ $<

# Refresh the template and merge it into each translation.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -c/ --package-name=klausul \
		-o tools/po/klausul.pot tools/*.c libdiff/*/*.c
	for po in $(PO); do msgmerge -q -U --backup=none $$po tools/po/klausul.pot; done

lib: $(LIB_A) $(LIB_SO) $(BUILD)/libdiff.pc

tools: $(TOOLS)

$(BUILD)/libdiff/%.o: libdiff/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libdiff/%.pic.o: libdiff/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(E) "  AR      $@"
	$(Q)rm -f $@
	$(Q)ar rcs $@ $(LIB_OBJ)

$(LIB_SO): $(LIB_PIC) libdiff/libdiff.map
	$(E) "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,libdiff.so.$(SOVERSION) \
		-Wl,--version-script=libdiff/libdiff.map \
		-o $@ $(LIB_PIC) $(PKG_LIBS)
	$(Q)ln -sf libdiff.so.$(LIBVERSION) $(BUILD)/libdiff.so.$(SOVERSION)
	$(Q)ln -sf libdiff.so.$(SOVERSION) $(BUILD)/libdiff.so

$(BUILD)/libdiff.pc: libdiff/libdiff.pc.in Makefile
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@PKGS@|$(PKGS)|' $< > $@

# The install paths and the version compiled into the tools (LOCALEDIR,
# KL_VERSION) and written into libdiff.pc: `make install PREFIX=/usr`
# after a plain `make`, or a new VERSION, rebuilds what uses them.
STAMP = $(VERSION) $(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(LOCALEDIR)
$(BUILD)/paths.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(STAMP)' | cmp -s - $@ 2>/dev/null || echo '$(STAMP)' > $@
$(TOOL_COMMON) $(BUILD)/libdiff.pc: $(BUILD)/paths.stamp
# Phony, or .SECONDARY (all targets) makes the missing FORCE a secondary
# file that needs no remaking, and the stamp is never rewritten.
.PHONY: FORCE
FORCE:
$(TOOL_COMMON): ALL_CFLAGS += -DKL_TREE_LOCALEDIR='"$(TREE_LOCALEDIR)"'

$(BUILD)/tools/%.o: tools/%.c tools/common.h libdiff/libdiff.h
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(TOOLDIR)/%: $(BUILD)/tools/%.o $(TOOL_COMMON) $(LIB_A)
	@mkdir -p $(@D)
	$(E) "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(TOOL_COMMON) $(LIB_A) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/tap.h tests/edits.h $(LIB_A)
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests -o $@ $< $(LIB_A) $(PKG_LIBS)

$(BUILD)/tests/%: tests/helpers/%.c $(LIB_A)
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests -o $@ $< $(LIB_A) $(PKG_LIBS)

tests: all $(UNIT_BIN) $(HELPER_BIN)

# The test environment: where the tools, the unit tests and ../shared are.
TEST_ENV = LC_ALL=C.UTF-8 KL_ROOT=$(CURDIR) KL_BIN=$(abspath $(TOOLDIR)) \
	KL_BUILD=$(abspath $(BUILD)) KL_SHARED=$(SHARED)

check: tests
	$(TEST_ENV) $(PROVE) $(PROVE_FLAGS) $(UNIT_BIN) $(wildcard tests/cli/*.t)

# ASan+UBSan: a separate build tree, the same tests.
ASAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
asan:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g" SAN="$(ASAN_FLAGS)" \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 check

# ThreadSanitizer: kldiff reads its versions in threads.  tests/tsan.supp
# names the one report that is glibc's, not ours.
tsan:
	$(MAKE) BUILD=build-tsan CFLAGS="-O1 -g" SAN="-fsanitize=thread" \
		TSAN_OPTIONS="halt_on_error=1 exitcode=66 \
		suppressions=$(CURDIR)/tests/tsan.supp" check

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect
valgrind: tests
	$(TEST_ENV) $(PROVE) $(PROVE_FLAGS) --exec '$(VALGRIND)' $(UNIT_BIN)
	$(TEST_ENV) KL_WRAP='$(VALGRIND)' KL_SLOW=1 $(PROVE) $(PROVE_FLAGS) \
		$(wildcard tests/cli/*.t)

bench: tests
	$(TEST_ENV) sh tests/bench/run.sh

FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) -f tests/fuzz/fuzz.mk FUZZ_SECONDS=$(FUZZ_SECONDS) run

# CI: each harness for FUZZ_SMOKE_SECONDS; skips with a message when clang
# has no libFuzzer.  The replay helpers also depend on their harness.
FUZZ_SMOKE_SECONDS ?= 45
fuzz-smoke:
	$(MAKE) -f tests/fuzz/fuzz.mk FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) smoke
$(filter $(BUILD)/tests/replay_%,$(HELPER_BIN)): $(wildcard tests/fuzz/*.[ch])

corpus:
	$(MAKE) -C corpus corpus

# The main job: compare the three agreements in corpus/.
main: all
	sh tests/mainjob.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	install -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)
	ln -sf libdiff.so.$(LIBVERSION) $(DESTDIR)$(LIBDIR)/libdiff.so.$(SOVERSION)
	ln -sf libdiff.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libdiff.so
	install -m 644 libdiff/libdiff.h $(DESTDIR)$(INCLUDEDIR)
	install -m 644 $(BUILD)/libdiff.pc $(DESTDIR)$(PKGCONFIGDIR)
	for m in tools/*.1; do [ -f "$$m" ] && install -m 644 "$$m" $(DESTDIR)$(MANDIR)/man1; done; true
	for m in libdiff/*.3; do [ -f "$$m" ] && install -m 644 "$$m" $(DESTDIR)$(MANDIR)/man3; done; true
	for mo in $(MO); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/klausul.mo; done
	install -d $(DESTDIR)$(COMPLETIONDIR)
	for t in $(TOOL_NAMES); do install -m 644 tools/completion/klausul.bash \
		$(DESTDIR)$(COMPLETIONDIR)/$$t; done

uninstall:
	for t in $(TOOL_NAMES); do rm -f $(DESTDIR)$(BINDIR)/$$t \
		$(DESTDIR)$(MANDIR)/man1/$$t.1 $(DESTDIR)$(COMPLETIONDIR)/$$t; done
	rm -f $(DESTDIR)$(LIBDIR)/libdiff.a $(DESTDIR)$(LIBDIR)/libdiff.so* \
		$(DESTDIR)$(INCLUDEDIR)/libdiff.h \
		$(DESTDIR)$(PKGCONFIGDIR)/libdiff.pc \
		$(DESTDIR)$(MANDIR)/man3/libdiff.3
	for po in $(PO); do l=$${po#tools/po/}; l=$${l%.po}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/klausul.mo; done

clean:
	rm -rf build build-asan build-tsan build-fuzz $(TOOL_NAMES:%=tools/%)
