# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz.mk - the libFuzzer harnesses of tests/fuzz/.
#
#   make -f tests/fuzz/fuzz.mk            build build-fuzz/fuzz_*
#   make -f tests/fuzz/fuzz.mk run        run each for FUZZ_SECONDS
#   make -f tests/fuzz/fuzz.mk smoke      the same, but skip (exit 0) with a
#                                         message when clang has no libFuzzer
#   TARGETS="records text"                only these harnesses
#
# The library is compiled again with clang and the same sanitizers as the
# harness (-fsanitize=fuzzer-no-link,address,undefined), so the fuzzer sees
# coverage inside libdiff and ASan/UBSan stop at the first bad access.
# Seeds: tests/fuzz/seeds/NAME (small text fixtures, committed), plus, made
# at run time in build-fuzz/seeds/NAME, the .docx files of corpus/ and of
# ../shared/data (referenced, never copied into the tree) with the one
# configuration byte every harness expects in front.  New inputs go to
# build-fuzz/corpus/NAME; crashes to build-fuzz/crash/NAME/.

CLANG ?= clang
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
# Longest input per target: a paragraph for the tokenizer, a few pages
# for record streams and diffs, the seeds' size for .docx.
MAXLEN_text = 4096
MAXLEN_records = 65536
MAXLEN_diff = 8192
MAXLEN_docx = 200000
MAXLEN_pdf = 100000
SHARED ?= $(abspath ../shared)
FB = build-fuzz
TARGETS ?= records text docx diff pdf
PKG_CONFIG ?= pkg-config
PKGS = libxml-2.0 libzip libpcre2-8 libutf8proc poppler-glib zlib

FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-O1 -g -Wall -Wextra $(FUZZ_SAN) -fsanitize=fuzzer-no-link -pthread \
	$(shell $(PKG_CONFIG) --cflags $(PKGS)) -Ilibdiff -Itests \
	-DENABLE_NLS -DLOCALEDIR='"/usr/share/locale"'
FUZZ_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lstemmer -lm -pthread

LIB_SRC = $(sort $(wildcard libdiff/*/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(FB)/%.o)
BINS = $(TARGETS:%=$(FB)/fuzz_%)

.PHONY: all run smoke seeds have-libfuzzer
all: $(BINS)

$(FB)/libdiff/%.o: libdiff/%.c $(wildcard libdiff/*.h libdiff/*/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $< (fuzz)"
	@$(CLANG) $(FUZZ_CFLAGS) -c -o $@ $<

$(FB)/libdiff-fuzz.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $(LIB_OBJ)

$(FB)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FB)/libdiff-fuzz.a
	@echo "  LD      $@"
	@$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FB)/libdiff-fuzz.a $(FUZZ_LIBS)

# Seeds made at run time: every .docx we may read, with a configuration
# byte in front (0: accept, 1: reject, 2: markup).
seeds:
	@sh tests/fuzz/mkseeds.sh $(FB)/seeds "$(SHARED)"

# One run of one target: the work corpus first (libFuzzer adds to it),
# then the read-only seed directories.
define run_one
	@rm -rf $(FB)/crash/$(1); mkdir -p $(FB)/corpus/$(1) $(FB)/crash/$(1)
	@echo "fuzz_$(1): $(FUZZ_SECONDS) s"
	@ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	./$(FB)/fuzz_$(1) -max_total_time=$(FUZZ_SECONDS) \
		-max_len=$(MAXLEN_$(1)) -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS) \
		-artifact_prefix=$(FB)/crash/$(1)/ \
		$(FB)/corpus/$(1) $(wildcard tests/fuzz/seeds/$(1)) \
		$(wildcard $(FB)/seeds/$(1)) 2>&1 | tee $(FB)/fuzz_$(1).log | \
		grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::|==[0-9]+==ERROR|SUMMARY|Done|fuzz property)' ; \
		test -z "$$(ls -A $(FB)/crash/$(1))" || \
		{ echo "fuzz_$(1): crash inputs in $(FB)/crash/$(1)"; \
		  touch $(FB)/crashed; }

endef

# Every target runs; the run fails at the end if any of them crashed.
run: $(BINS) seeds
	@rm -f $(FB)/crashed
	$(foreach t,$(TARGETS),$(call run_one,$(t)))
	@test ! -f $(FB)/crashed || { echo "fuzz: crashes found (see above);" \
		"replay one with $(FB)/fuzz_NAME FILE"; exit 1; }

have-libfuzzer:
	@mkdir -p $(FB)
	@printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > $(FB)/probe.c
	@$(CLANG) -fsanitize=fuzzer,address,undefined -o $(FB)/probe $(FB)/probe.c

smoke:
	@if $(MAKE) -s -f tests/fuzz/fuzz.mk have-libfuzzer >/dev/null 2>&1; \
	then $(MAKE) -f tests/fuzz/fuzz.mk run; \
	else echo "fuzz-smoke: skipped: $(CLANG) with libFuzzer not found" \
		"(apt-get install clang libclang-rt-14-dev)"; fi
