/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * record.c - the line-oriented record streams shared by the tools.
 *
 * One record per line, fields separated by TAB.  Text fields escape only
 * what would break the line structure (\\, \t, \n, \r), so a stream read
 * and written again is the same bytes, and grep and awk see plain text.
 * The same records in JSON Lines are for jq and scripts.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

int
ld_tsv_escape(ld_buf *b, const char *s)
{
	for (;;) {
		/* Runs between special bytes are copied whole: most text
		 * has none, and strcspn scans fast. */
		size_t n = strcspn(s, "\\\t\n\r");
		const char *esc;

		ld_buf_add(b, s, n);
		s += n;
		switch (*s) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default:
			return b->oom ? LDIFF_ENOMEM : 0;
		}
		ld_buf_add(b, esc, 2);
		s++;
	}
}

int
ld_tsv_unescape(char *s)
{
	char *w;

	/* Nothing moves before the first backslash. */
	s = strchr(s, '\\');
	if (s == NULL)
		return 0;
	for (w = s; *s != '\0'; s++) {
		if (*s != '\\') {
			*w++ = *s;
			continue;
		}
		switch (*++s) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		default:
			*w = '\0';
			return LDIFF_ERECORD;
		}
	}
	*w = '\0';
	return 0;
}

size_t
ld_tsv_split(char *line, char **fields, size_t max)
{
	size_t n = 0;

	if (max == 0)
		return 0;
	fields[n++] = line;
	for (; *line != '\0' && n < max; line++) {
		if (*line == '\t') {
			*line = '\0';
			fields[n++] = line + 1;
		}
	}
	return n;
}

/* Nonzero when one of the eight bytes of v may need escaping in JSON
 * (a control byte, '"' or '\\'): never zero when one does; the eight
 * are then looked at one by one. */
#define ONES	UINT64_C(0x0101010101010101)
#define HIGHS	UINT64_C(0x8080808080808080)

static uint64_t
json_specials(uint64_t v)
{
	uint64_t q = v ^ (ONES * '"'), bs = v ^ (ONES * '\\');

	return (((v - ONES * 0x20) & ~v) | ((q - ONES) & ~q) |
	    ((bs - ONES) & ~bs)) & HIGHS;
}

int
ld_json_member(ld_buf *b, const char *head, const char *s)
{
	ld_buf_adds(b, head);
	return ld_json_string(b, s);
}

int
ld_json_string(ld_buf *b, const char *s)
{
	return ld_json_string_n(b, s, strlen(s));
}

int
ld_json_string_n(ld_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0, end;
	uint64_t v;

	ld_buf_addc(b, '"');
	while (i < n) {
		/* skip eight safe bytes at a time: most text has none */
		while (i + 8 <= n) {
			memcpy(&v, s + i, 8);
			if (json_specials(v) != 0)
				break;
			i += 8;
		}
		/* the eight with one to escape, one by one */
		end = i + 8 < n ? i + 8 : n;
		for (; i < end; i++) {
			unsigned char c = (unsigned char)s[i];
			char esc[7];
			size_t k = 2;

			if (c >= 0x20 && c != '"' && c != '\\')
				continue;
			ld_buf_add(b, s + run, i - run);
			esc[0] = '\\';
			switch (c) {
			case '"': esc[1] = '"'; break;
			case '\\': esc[1] = '\\'; break;
			case '\n': esc[1] = 'n'; break;
			case '\t': esc[1] = 't'; break;
			case '\r': esc[1] = 'r'; break;
			default:
				memcpy(esc, "\\u00", 4);
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				k = 6;
			}
			ld_buf_add(b, esc, k);
			run = i + 1;
		}
	}
	ld_buf_add(b, s + run, n - run);
	ld_buf_addc(b, '"');
	return b->oom ? LDIFF_ENOMEM : 0;
}

int
ld_fwrite_all(FILE *out, const void *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, out) != n)
		return LDIFF_EIO;
	return 0;
}

int
ld_json_fputs(FILE *out, const char *s)
{
	ld_buf b;
	int r;

	ld_buf_init(&b);
	r = ld_json_string(&b, s);
	if (r == 0)
		r = ld_fwrite_all(out, b.data, b.len);
	ld_buf_free(&b);
	return r;
}

int
ld_next_line(const char *data, size_t len, size_t *pos, const char **line,
    size_t *linelen)
{
	const char *start, *nl;
	size_t n;

	if (*pos >= len)
		return 0;
	start = data + *pos;
	nl = memchr(start, '\n', len - *pos);
	n = nl != NULL ? (size_t)(nl - start) : len - *pos;
	*pos += n + (nl != NULL);
	if (n > 0 && start[n - 1] == '\r')
		n--;
	*line = start;
	*linelen = n;
	return 1;
}
