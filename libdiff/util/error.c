/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * error.c - error codes and messages.
 *
 * The library never prints: a failing call fills an ldiff_error with a
 * sentence that names what failed, and the tool decides how to show it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

const char *
ldiff_strerror(int code)
{
	switch (code) {
	case LDIFF_OK:
		return "success";
	case LDIFF_ENOMEM:
		return "out of memory";
	case LDIFF_EIO:
		return "input/output error";
	case LDIFF_ENOTZIP:
		return "not a zip archive (or a damaged one)";
	case LDIFF_ENOTDOCX:
		return "not a Word document (.docx)";
	case LDIFF_EENCRYPTED:
		return "encrypted or password-protected document";
	case LDIFF_EXML:
		return "malformed XML";
	case LDIFF_ELIMIT:
		return "limit exceeded";
	case LDIFF_EUTF8:
		return "invalid UTF-8";
	case LDIFF_ERECORD:
		return "malformed record stream";
	case LDIFF_EINVAL:
		return "invalid argument";
	case LDIFF_EPDF:
		return "damaged or unreadable PDF";
	case LDIFF_ENOTEXT:
		return "no text layer";
	}
	return "unknown error";
}

static int
ld_verror(ldiff_error *err, int code, long line, const char *fmt,
    va_list ap)
{
	if (err == NULL)
		return code;
	err->code = code;
	err->sys_errno = code == LDIFF_EIO ? errno : 0;
	err->line = line;
	if (fmt == NULL)
		snprintf(err->msg, sizeof err->msg, "%s", ldiff_strerror(code));
	else
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	return code;
}

int
ld_error(ldiff_error *err, int code, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = ld_verror(err, code, 0, fmt, ap);
	va_end(ap);
	return r;
}

int
ld_error_line(ldiff_error *err, int code, long line, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = ld_verror(err, code, line, fmt, ap);
	va_end(ap);
	return r;
}

void
ldiff_limits_init(ldiff_limits *lim)
{
	lim->version = LDIFF_LIMITS_VERSION;
	lim->max_part_bytes = (uint64_t)256 << 20;
	lim->max_total_bytes = (uint64_t)1 << 30;
	lim->max_ratio = 1000;
	lim->max_xml_depth = 256;
	lim->max_para_bytes = (size_t)4 << 20;
	lim->max_paras = 2000000;
	lim->max_clauses = 2000000;
	lim->max_pages = LD_MAX_PAGES;
}

/* Versions 1 to `known` are read; 0 is a struct nobody initialised. */
int
ld_check_version(ldiff_error *err, const char *what, unsigned got,
    unsigned known)
{
	if (got >= 1 && got <= known)
		return 0;
	return ld_error(err, LDIFF_EINVAL, _("%s: version %u, this library "
	    "reads versions 1 to %u (fill it with %s_init)"), what, got,
	    known, what);
}

int
ld_check_limits(const ldiff_limits *lim, ldiff_error *err)
{
	return ld_check_version(err, "ldiff_limits", lim->version,
	    LDIFF_LIMITS_VERSION);
}
