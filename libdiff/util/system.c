/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * system.c - what the library asks of the machine and the environment:
 * how many processors, the language the user reads, and giving freed
 * memory back.  Kept here so that every program linking libdiff decides
 * these the same way, and none has to.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__	/* known once a libc header is in */
#include <malloc.h>
#endif

#include "util/util.h"

size_t
ldiff_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 1 ? (size_t)n : 1;
}

/* The message locale the POSIX way (LC_ALL, then LC_MESSAGES, then LANG)
 * even when that locale is not installed: a reviewer with
 * LANG=sv_SE.UTF-8 reads Swedish labels either way. */
const char *
ldiff_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return strncmp(v, "sv", 2) == 0 ? "sv" : NULL;
	}
	return NULL;
}

/* Below this many free bytes in the malloc arenas a trim is not worth
 * it: the next allocations would only fault fresh pages in again. */
#define TRIM_ABOVE (16u << 20)

/* Under a sanitizer the sanitizer's allocator owns the heap and glibc's
 * arenas were never set up: asking them (mallinfo2) would crash. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define LD_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define LD_SANITIZED 1
#endif
#endif

void
ld_trim_freed_memory(void)
{
#if defined(__GLIBC__) && !defined(LD_SANITIZED)
#if __GLIBC_PREREQ(2, 33)
	if (mallinfo2().fordblks <= TRIM_ABOVE)
		return;
#endif
	malloc_trim(0);
#endif
}
