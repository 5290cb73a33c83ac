#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make install into a fresh DESTDIR: every file in place, the shared
# library's SONAME and links, the manual pages render without warnings,
# the README's C example builds against the installed library through
# pkg-config and agrees with kldiff, and make uninstall removes it all.
. "$KL_ROOT/tests/lib/tap.sh"

for t in cc make pkg-config readelf; do
	command -v $t >/dev/null 2>&1 || skip_all "$t is not installed"
done
A=$KL_ROOT/corpus/samverkan-2023-2026.docx
B=$KL_ROOT/corpus/samverkan-2027-2030.docx
[ -f "$A" ] && [ -f "$B" ] || skip_all "corpus/ has no agreements yet"

# A build tree of its own (the shared one is not disturbed, whatever
# make check or make asan around this test uses), no inherited make flags
# (make asan exports SAN and CFLAGS: an ASan libdiff.so cannot be linked
# into the plain example program).
R=$TMP/root
M="make -C $KL_ROOT -s BUILD=$TMP/build PREFIX=/usr DESTDIR=$R"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SAN -u CFLAGS -u LDFLAGS $M -j"$(nproc 2>/dev/null || echo 2)" \
    install >"$TMP/install.log" 2>&1
rc=$?
is "$rc" 0 "make install PREFIX=/usr DESTDIR=... succeeds"
[ "$rc" = 0 ] || sed 's/^/# /' "$TMP/install.log" | tail -n 20

# ---- the files --------------------------------------------------------
for f in bin/kltext bin/klsplit bin/kldiff; do
	ok "$f installed, executable" test -x "$R/usr/$f"
done
for f in lib/libdiff.a lib/libdiff.so.2.0.0 include/libdiff.h \
    lib/pkgconfig/libdiff.pc \
    share/man/man1/kltext.1 share/man/man1/klsplit.1 \
    share/man/man1/kldiff.1 share/man/man3/libdiff.3 \
    share/locale/sv/LC_MESSAGES/klausul.mo \
    share/bash-completion/completions/kltext \
    share/bash-completion/completions/klsplit \
    share/bash-completion/completions/kldiff; do
	ok "$f installed" test -s "$R/usr/$f"
done
soname=$(readelf -d "$R/usr/lib/libdiff.so.2.0.0" 2>/dev/null |
    sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
is "$soname" libdiff.so.2 "libdiff.so.2.0.0 has SONAME libdiff.so.2"
is "$(readlink "$R/usr/lib/libdiff.so.2")" libdiff.so.2.0.0 \
    "libdiff.so.2 -> libdiff.so.2.0.0"
is "$(readlink "$R/usr/lib/libdiff.so")" libdiff.so.2 \
    "libdiff.so -> libdiff.so.2 (for -ldiff)"
ok "libdiff.h installed as in the tree" cmp "$R/usr/include/libdiff.h" \
    "$KL_ROOT/libdiff/libdiff.h"
ok "completion installed as in the tree" cmp \
    "$R/usr/share/bash-completion/completions/kldiff" \
    "$KL_ROOT/tools/completion/klausul.bash"

# The prefix given to make install is the one compiled in: the tools
# look for their messages under /usr, not /usr/local.
ok "kldiff looks for messages in /usr/share/locale" \
    grep -q /usr/share/locale "$R/usr/bin/kldiff"
like "$("$R/usr/bin/kldiff" --version)" '^kldiff \(klausul\) [0-9]' \
    "installed kldiff runs"
out=$(KL_LOCALEDIR=$R/usr/share/locale LC_ALL= LANGUAGE= \
    LANG=sv_SE.UTF-8 "$R/usr/bin/kldiff" --help 2>&1)
like "$out" '^Användning: kldiff' "installed kldiff --help in Swedish from the installed .mo"

# ---- manual pages -----------------------------------------------------
for m in man1/kltext.1 man1/klsplit.1 man1/kldiff.1 man3/libdiff.3; do
	f=$R/usr/share/man/$m
	if command -v mandoc >/dev/null 2>&1; then
		is "$(mandoc -T lint -W warning "$f" 2>&1)" "" \
		    "$m: mandoc -T lint -W warning is clean"
	else
		skip "$m: mandoc is not installed"
	fi
	if command -v groff >/dev/null 2>&1; then
		is "$(groff -ww -mdoc -z -Tutf8 "$f" 2>&1)" "" \
		    "$m: groff -ww -mdoc is clean"
	else
		skip "$m: groff is not installed"
	fi
	if command -v man >/dev/null 2>&1; then
		MANWIDTH=80 man -l "$f" >"$TMP/man.out" 2>"$TMP/man.err"
		is "$?:$(cat "$TMP/man.err")" "0:" "$m: man -l renders it, no warning"
		name=${m#*/}
		name=${name%.*}
		like "$(sed -n '/^NAME/,/^SYNOPSIS/p' "$TMP/man.out")" \
		    "$name — " "$m: NAME names $name"
	else
		skip "$m: man is not installed"
	fi
done

# ---- the README's library example ----------------------------------------
awk '/^## Installing, manuals, git and shell/ { s = 1 }
    s && /^```c$/ { c = 1; next }
    c && /^```$/ { exit }
    c { print }' "$KL_ROOT/README.md" >"$TMP/changed.c"
like "$(wc -l <"$TMP/changed.c")" '^ *[2-9][0-9]$' \
    "README has the C example (20-99 lines)"
export PKG_CONFIG_PATH="$R/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$R"
is "$(pkg-config --modversion libdiff)" 0.3.0 "pkg-config finds libdiff 0.3.0"
flags=$(pkg-config --cflags --libs libdiff)
like "$flags" "-I$R/usr/include" "pkg-config --cflags points into DESTDIR"
cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$TMP/changed" \
    "$TMP/changed.c" $flags 2>"$TMP/cc.err"
is "$?:$(cat "$TMP/cc.err")" "0:" \
    "example compiles warning-free with \$(pkg-config --cflags --libs libdiff)"
like "$(LD_LIBRARY_PATH=$R/usr/lib ldd "$TMP/changed")" \
    "libdiff.so.2 => $R/usr/lib/libdiff.so.2" \
    "example is linked against the installed libdiff.so.2"

LD_LIBRARY_PATH=$R/usr/lib ${KL_WRAP:-} "$TMP/changed" "$A" "$B" \
    >"$TMP/ex.out" 2>"$TMP/ex.err"
is "$?" 1 "example exits 1: substantive changes"
is "$(cat "$TMP/ex.err")" "" "example: nothing on stderr"
diag "example output (first lines):"
head -n 8 "$TMP/ex.out" | sed 's/^/#   /'
for want in 'inserted	-	4.5' 'moved	5.2.3	5.4.6' 'changed	7.5	7.5' \
    'split	8.2.1	8.2.1' 'merged	8.5.1	8.5.1' \
    'changed	row:Umeå kommun	row:Umeå kommun'; do
	ok "example lists: $want" grep -qxF "$want" "$TMP/ex.out"
done
# The same units, in the same order, as kldiff's JSON with the same hiding.
kl kldiff --json --substantive --changes-only "$A" "$B" |
    sed 's/^{"op":"\([a-z]*\)".*/\1/' >"$TMP/ops.json"
cut -f1 "$TMP/ex.out" >"$TMP/ops.ex"
golden "$TMP/ops.ex" "$TMP/ops.json" \
    "example's units are kldiff --json --substantive --changes-only's"
LD_LIBRARY_PATH=$R/usr/lib "$TMP/changed" "$A" "$A" >"$TMP/same.out"
is "$?:$(cat "$TMP/same.out")" "0:" "example on one version twice: exit 0, no output"
LD_LIBRARY_PATH=$R/usr/lib "$TMP/changed" "$A" "$TMP/none.docx" \
    >/dev/null 2>"$TMP/none.err"
is "$?" 2 "example on a missing file: exit 2"
like "$(cat "$TMP/none.err")" "none.docx: " "example names the missing file"

# Statically, with the private requirements libdiff.pc lists.
static=$(pkg-config --static --libs libdiff | sed 's/-ldiff//')
cc -std=c99 -o "$TMP/changed-static" "$TMP/changed.c" \
    $(pkg-config --cflags libdiff) "$R/usr/lib/libdiff.a" $static \
    2>"$TMP/ccs.err"
is "$?:$(cat "$TMP/ccs.err")" "0:" "example links statically with pkg-config --static"
"$TMP/changed-static" "$A" "$B" | cmp -s - "$TMP/ex.out"
ok "static example gives the same output" test $? = 0
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

# ---- uninstall --------------------------------------------------------
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SAN -u CFLAGS -u LDFLAGS $M uninstall >"$TMP/un.log" 2>&1
is "$?" 0 "make uninstall succeeds"
left=$(find "$R" ! -type d | sed "s|^$R||")
is "$left" "" "make uninstall removes every file it installed"

# ---- installed into a prefix, no DESTDIR ----------------------------------
# As a user installs into a prefix of their own: the installed tools find
# the installed catalogue with no variable set.  Without it they speak
# English: no catalogue of the build tree is used.
P=$TMP/prefix
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SAN -u CFLAGS -u LDFLAGS \
    make -C "$KL_ROOT" -s BUILD="$TMP/build" PREFIX="$P" install \
    >"$TMP/prefix.log" 2>&1
is "$?" 0 "make install PREFIX=\$TMP/prefix succeeds"
for t in kldiff kltext klsplit; do
	like "$(env -i PATH="$PATH" LANG=sv_SE.UTF-8 "$P/bin/$t" --help)" \
	    '^(Användning|Dela ett dokument)' \
	    "installed $t --help in Swedish from $P/share/locale, no KL_LOCALEDIR"
done
rm -f "$P/share/locale/sv/LC_MESSAGES/klausul.mo"
like "$(env -i PATH="$PATH" LANG=sv_SE.UTF-8 "$P/bin/kldiff" --help)" \
    '^Usage: kldiff' "installed kldiff without the installed catalogue: English"

done_testing
