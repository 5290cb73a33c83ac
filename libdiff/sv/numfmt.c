/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * numfmt.c - Swedish numbers and kronor, read and written.
 *
 * The idea: amounts in the agreements are written the Swedish way, digits
 * in groups of three separated by a space (often a no-break space, U+00A0,
 * or a narrow one, U+202F), a decimal comma and a minus that may be
 * U+2212.  The classifier reads them into doubles to tell "1 250 000
 * kronor" from "1 300 000 kronor" by value; the renderers write values
 * and differences back the same way.  Nothing here depends on the C
 * locale: strtod and printf("%f") would follow LC_NUMERIC, which a tool
 * sets from the environment, so digits are handled by hand.
 */
#include <math.h>
#include <string.h>

#include "sv/sv.h"

/* Bytes of a group separator at s (space, NBSP, U+2007, U+2009, U+202F),
 * else 0. */
static size_t
group_sep(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && u[0] == ' ')
		return 1;
	if (n >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (n >= 3 && u[0] == 0xe2 && u[1] == 0x80 &&
	    (u[2] == 0x87 || u[2] == 0x89 || u[2] == 0xaf))
		return 3;
	return 0;
}

/* Bytes of a minus sign at s ("-", U+2212, U+2013), else 0. */
static size_t
minus_sign(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && u[0] == '-')
		return 1;
	if (n >= 3 && u[0] == 0xe2 && u[1] == 0x88 && u[2] == 0x92)
		return 3;
	if (n >= 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x93)
		return 3;
	return 0;
}

static size_t
count_digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* The integer part: "1250000" or "1 250 000" (first group 1-3 digits,
 * then groups of exactly three).  Returns bytes used, 0 if none. */
static size_t
parse_int_part(const char *s, size_t n, double *v)
{
	size_t i, k = count_digits(s, n);

	if (k == 0)
		return 0;
	*v = 0;
	for (i = 0; i < k; i++)
		*v = *v * 10 + (s[i] - '0');
	if (k > 3)
		return k;
	for (;;) {
		size_t sep = group_sep(s + i, n - i);
		size_t g = sep ? count_digits(s + i + sep, n - i - sep) : 0;
		size_t j;

		if (g != 3)
			return i;
		for (j = 0; j < 3; j++)
			*v = *v * 10 + (s[i + sep + j] - '0');
		i += sep + 3;
	}
}

int
ld_parse_swedish_number(const char *s, size_t n, double *v)
{
	size_t i = 0, k;
	int neg = 0;
	double x = 0;

	if (n > 0 && s[0] == '+')
		i = 1;
	else if ((k = minus_sign(s, n)) > 0) {
		neg = 1;
		i = k;
	}
	k = parse_int_part(s + i, n - i, &x);
	if (k == 0)
		return LDIFF_EINVAL;
	i += k;
	if (i < n && s[i] == ',') {
		size_t d = count_digits(s + i + 1, n - i - 1);
		double scale = 0.1;
		size_t j;

		if (d == 0)
			return LDIFF_EINVAL;
		for (j = 0; j < d; j++, scale /= 10)
			x += (s[i + 1 + j] - '0') * scale;
		i += 1 + d;
	}
	if (n - i == 2 && s[i] == ':' && s[i + 1] == '-')	/* 500:- */
		i += 2;
	if (i != n)
		return LDIFF_EINVAL;
	*v = neg ? -x : x;
	return 0;
}

/* ---- money units ---------------------------------------------------- */

static const struct unit {
	const char *name;
	double mult;
} units[] = {
	{ "kr", 1 }, { "kronor", 1 }, { "krona", 1 }, { "sek", 1 },
	{ ":-", 1 },
	{ "tkr", 1e3 }, { "tsek", 1e3 }, { "ksek", 1e3 },
	{ "tusen kronor", 1e3 }, { "tusen kr", 1e3 },
	{ "mnkr", 1e6 }, { "mkr", 1e6 }, { "msek", 1e6 }, { "mn kr", 1e6 },
	{ "milj kr", 1e6 }, { "milj kronor", 1e6 },
	{ "miljoner kronor", 1e6 }, { "miljoner kr", 1e6 },
	{ "miljon kronor", 1e6 }, { "miljon kr", 1e6 },
	{ "mdkr", 1e9 }, { "mdr kr", 1e9 }, { "md kr", 1e9 },
	{ "miljarder kronor", 1e9 }, { "miljarder kr", 1e9 },
	{ "miljard kronor", 1e9 }, { "miljard kr", 1e9 },
};

/* ASCII-lowercase s with every run of separators or periods made one
 * space, trimmed.  Units are ASCII; anything longer than out is no unit. */
static int
normalise_unit(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i = 0, o = 0;
	int pend = 0;

	while (i < n) {
		size_t sep = group_sep(s + i, n - i);

		if (sep || s[i] == '.') {
			pend = o > 0;
			i += sep ? sep : 1;
			continue;
		}
		if (o + 2 >= outsz)
			return -1;
		if (pend)
			out[o++] = ' ';
		pend = 0;
		out[o++] = (char)ld_lower_byte((unsigned char)s[i]);
		i++;
	}
	out[o] = '\0';
	return 0;
}

double
ld_amount_multiplier(const char *s, size_t n)
{
	char u[32];
	size_t i;

	if (normalise_unit(s, n, u, sizeof u) < 0)
		return 0;
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(u, units[i].name) == 0)
			return units[i].mult;
	return 0;
}

/* ---- formatting ----------------------------------------------------- */

static int
add_minus(ld_buf *b, unsigned flags)
{
	return ld_buf_adds(b, (flags & LD_FMT_MINUS) ? "\xe2\x88\x92" : "-");
}

static const char *
space(unsigned flags)
{
	return (flags & LD_FMT_NBSP) ? "\xc2\xa0" : " ";
}

/* Digits of a whole number >= 0 in groups of three. */
static int
add_grouped(ld_buf *b, const char *digits, unsigned flags)
{
	size_t n = strlen(digits), i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			ld_buf_adds(b, space(flags));
		ld_buf_addc(b, digits[i]);
	}
	return b->oom ? LDIFF_ENOMEM : 0;
}

int
ld_format_number(ld_buf *b, double v, int decimals, unsigned flags)
{
	char digits[400];
	double a = fabs(v), scale = 1;
	unsigned long long scaled, whole, frac;
	int i, trim = 0;

	if (isnan(v) || isinf(v))
		return ld_buf_adds(b, isnan(v) ? "?" : "\xe2\x88\x9e");
	if (decimals < 0) {
		decimals = fabs(a - floor(a + 0.5)) < 0.005 ? 0 : 2;
		/* 2,5 procent is "2,5", not "2,50"; öre keep two digits. */
		trim = !(flags & LD_FMT_SEK);
	}
	if (decimals > 6)
		decimals = 6;
	for (i = 0; i < decimals; i++)
		scale *= 10;
	if (a * scale >= 9e18) {	/* too big for an integer: no decimals */
		snprintf(digits, sizeof digits, "%.0f", floor(a + 0.5));
		if (v < 0)
			add_minus(b, flags);
		return add_grouped(b, digits, flags);
	}
	scaled = (unsigned long long)llround(a * scale);
	whole = scaled / (unsigned long long)scale;
	frac = scaled % (unsigned long long)scale;
	if (v < 0 && scaled > 0)
		add_minus(b, flags);
	snprintf(digits, sizeof digits, "%llu", whole);
	add_grouped(b, digits, flags);
	if (trim && decimals == 2 && frac % 10 == 0) {
		decimals = 1;
		frac /= 10;
	}
	if (decimals > 0)
		ld_buf_printf(b, ",%0*llu", decimals, frac);
	return b->oom ? LDIFF_ENOMEM : 0;
}

int
ld_format_sek(ld_buf *b, double kronor, unsigned flags)
{
	ld_format_number(b, kronor, -1, flags | LD_FMT_SEK);
	ld_buf_adds(b, space(flags));
	ld_buf_adds(b, "kr");
	return b->oom ? LDIFF_ENOMEM : 0;
}

int
ld_format_percent(ld_buf *b, double pct, unsigned flags)
{
	ld_format_number(b, pct, 1, flags);
	ld_buf_adds(b, space(flags));
	ld_buf_addc(b, '%');
	return b->oom ? LDIFF_ENOMEM : 0;
}

/* "+" or the minus for a change d; a change of zero is "±". */
static void
add_sign(ld_buf *b, double d, unsigned flags)
{
	if (d > 0)
		ld_buf_addc(b, '+');
	else if (d < 0)
		add_minus(b, flags);
	else
		ld_buf_adds(b, "\xc2\xb1");
}

int
ld_format_delta(ld_buf *b, double old_v, double new_v, unsigned flags)
{
	double d = new_v - old_v;

	add_sign(b, d, flags);
	if (flags & LD_FMT_SEK)
		ld_format_sek(b, fabs(d), flags);
	else
		ld_format_number(b, fabs(d), -1, flags);
	if (old_v != 0) {
		double pct = d / fabs(old_v) * 100;

		ld_buf_adds(b, " (");
		/* the sign of the rounded figure: -0,04 % reads "±0,0 %" */
		add_sign(b, fabs(pct) < 0.05 ? 0 : pct, flags);
		ld_format_percent(b, fabs(pct), flags);
		ld_buf_addc(b, ')');
	}
	return b->oom ? LDIFF_ENOMEM : 0;
}
