/* SPDX-License-Identifier: GPL-3.0-or-later */
/* t_system.c - what the library asks of the machine: the processors and
 * the labels' language from the environment (POSIX order, a Swedish
 * locale counts installed or not). */
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"
#include "tap.h"

static void
lang_is(const char *all, const char *msg, const char *lang,
    const char *want, const char *name)
{
	const char *got;

	if (all) setenv("LC_ALL", all, 1); else unsetenv("LC_ALL");
	if (msg) setenv("LC_MESSAGES", msg, 1); else unsetenv("LC_MESSAGES");
	if (lang) setenv("LANG", lang, 1); else unsetenv("LANG");
	got = ldiff_lang_from_env();
	is_str(got ? got : "(null)", want ? want : "(null)", name);
}

int
main(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	plan_no_plan();
	is_int(ldiff_processors(), n > 1 ? n : 1,
	    "ldiff_processors: the processors online");
	lang_is(NULL, NULL, "sv_SE.UTF-8", "sv", "LANG=sv_SE: Swedish");
	lang_is(NULL, NULL, "xx_NOT.INSTALLED", NULL, "another LANG: none");
	lang_is(NULL, "C", "sv_SE.UTF-8", NULL, "LC_MESSAGES before LANG");
	lang_is("sv_FI", "C", "en_GB", "sv", "LC_ALL before both");
	lang_is("", "sv", "en", "sv", "an empty variable counts as unset");
	lang_is(NULL, NULL, NULL, NULL, "nothing set: none");
	return done_testing();
}
