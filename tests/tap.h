/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tap.h - a minimal TAP producer for the C unit tests, run under prove.
 *
 *   plan_no_plan();  ok(cond, "name");  is_int(a, b, "name");
 *   is_str(a, b, "name");  skip_all("why");  return done_testing();
 */
#ifndef KL_TAP_H
#define KL_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

#define plan_no_plan() ((void)0)

static int
tap_ok(int cond, const char *file, int line, const char *name)
{
	tap_n++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", tap_n, name);
	if (!cond) {
		tap_failed++;
		printf("#   Failed test '%s'\n#   at %s line %d.\n", name,
		    file, line);
	}
	fflush(stdout);
	return cond;
}

#define ok(cond, name) tap_ok(!!(cond), __FILE__, __LINE__, (name))

#define is_int(got, want, name) do { \
	long long tap_g_ = (long long)(got), tap_w_ = (long long)(want); \
	if (!ok(tap_g_ == tap_w_, (name))) \
		printf("#          got: %lld\n#     expected: %lld\n", \
		    tap_g_, tap_w_); \
} while (0)

#define is_str(got, want, name) do { \
	const char *tap_g_ = (got), *tap_w_ = (want); \
	int tap_c_ = tap_g_ != NULL && tap_w_ != NULL && \
	    strcmp(tap_g_, tap_w_) == 0; \
	if (!ok(tap_c_, (name))) \
		printf("#          got: '%s'\n#     expected: '%s'\n", \
		    tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
} while (0)

#define diag(...) do { printf("# "); printf(__VA_ARGS__); \
	printf("\n"); } while (0)

#define skip_all(why) do { printf("1..0 # SKIP %s\n", (why)); \
	exit(0); } while (0)

static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
