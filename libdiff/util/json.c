/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * json.c - just enough JSON to read our own JSON Lines records back.
 *
 * A record is one flat object; values are strings, numbers, booleans or
 * null (nested arrays and objects are kept as raw text for callers that
 * do not need them).  Strings are unescaped in place: \uXXXX, surrogate
 * pairs included, becomes UTF-8, and the result is never longer than
 * its escaped form.
 */
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static char *
skip_ws(char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

static int
hex4(const char *p, unsigned *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		char c = p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static char *
put_utf8(char *w, unsigned cp)
{
	if (cp < 0x80) {
		*w++ = (char)cp;
	} else if (cp < 0x800) {
		*w++ = (char)(0xC0 | (cp >> 6));
		*w++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*w++ = (char)(0xE0 | (cp >> 12));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*w++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*w++ = (char)(0xF0 | (cp >> 18));
		*w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*w++ = (char)(0x80 | (cp & 0x3F));
	}
	return w;
}

/* p points after the opening quote; returns the char after the closing
 * quote, or NULL.  The unescaped string starts at p. */
static char *
parse_string(char *p)
{
	char *w = p;
	unsigned cp, lo;

	for (;;) {
		if (*p == '\0')
			return NULL;
		if (*p == '"')
			break;
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p != '\\') {
			*w++ = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case '"': case '\\': case '/': *w++ = *p; break;
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'u':
			if (hex4(p + 1, &cp) < 0)
				return NULL;
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00) {
				if (p[1] != '\\' || p[2] != 'u' ||
				    hex4(p + 3, &lo) < 0 ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return NULL;
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				p += 6;
			} else if (cp >= 0xDC00 && cp < 0xE000) {
				return NULL;
			}
			if (cp == 0)
				return NULL;	/* NUL would cut the C string */
			w = put_utf8(w, cp);
			break;
		default:
			return NULL;
		}
		p++;
	}
	*w = '\0';
	return p + 1;
}

/* Skip a raw value (number, literal, nested array or object). */
static char *
skip_raw(char *p)
{
	int depth = 0;

	for (; *p != '\0'; p++) {
		if (*p == '"') {
			for (p++; *p != '\0' && *p != '"'; p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
			if (*p == '\0')
				return NULL;
			continue;
		}
		if (*p == '[' || *p == '{')
			depth++;
		else if (*p == ']' || *p == '}') {
			if (depth == 0)
				return p;
			depth--;
		} else if (*p == ',' && depth == 0)
			return p;
	}
	return depth == 0 ? p : NULL;
}

/* One value at p: a string (unescaped in place) or a raw value.  Sets
 * *val and *is_string; returns the char after it, or NULL. */
static char *
parse_value(char *p, char **val, int *is_string)
{
	char *end;

	if (*p == '"') {
		*val = p + 1;
		*is_string = 1;
		return parse_string(p + 1);
	}
	*val = p;
	*is_string = 0;
	if ((end = skip_raw(p)) == NULL || end == p)
		return NULL;
	return end;
}

/* Trim the white space that ends raw values (strings keep theirs). */
static void
trim_raw_values(ld_json_kv *kv, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char *e;

		if (kv[i].is_string)
			continue;
		e = (char *)kv[i].val + strlen(kv[i].val);
		while (e > kv[i].val && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r' || e[-1] == '\n'))
			*--e = '\0';
	}
}

int
ld_json_parse_flat(char *line, ld_json_kv *kv, int max)
{
	char *p = skip_ws(line);
	int n = 0;

	if (*p++ != '{')
		return LDIFF_ERECORD;
	p = skip_ws(p);
	if (*p == '}')
		return *skip_ws(p + 1) == '\0' ? 0 : LDIFF_ERECORD;
	for (;;) {
		char *key, *val;
		int is_string;

		if (*p != '"')
			return LDIFF_ERECORD;
		key = p + 1;
		if ((p = parse_string(key)) == NULL)
			return LDIFF_ERECORD;
		p = skip_ws(p);
		if (*p++ != ':')
			return LDIFF_ERECORD;
		if ((p = parse_value(skip_ws(p), &val, &is_string)) == NULL)
			return LDIFF_ERECORD;
		p = skip_ws(p);
		if (n < max) {
			kv[n].key = key;
			kv[n].val = val;
			kv[n].is_string = is_string;
			n++;
		}
		if (*p == ',') {
			if (!is_string)
				*p = '\0';	/* end the raw value */
			p = skip_ws(p + 1);
			continue;
		}
		if (*p != '}')
			return LDIFF_ERECORD;
		*p = '\0';
		if (*skip_ws(p + 1) != '\0')
			return LDIFF_ERECORD;
		break;
	}
	trim_raw_values(kv, n);
	return n;
}

const char *
ld_json_get(const ld_json_kv *kv, int n, const char *key)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return kv[i].val;
	return NULL;
}
