/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * common.h - what the three tools share: messages, exit codes, input,
 * output to -o FILE (written to a temporary name, renamed on success).
 */
#ifndef KL_COMMON_H
#define KL_COMMON_H

#include <stdio.h>
#include <stddef.h>

#include "libdiff.h"

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)

enum { KL_SAME = 0, KL_DIFF = 1, KL_TROUBLE = 2 };

extern const char *kl_prog;

/* setlocale, gettext domain, program name. */
void kl_init(int argc, char **argv, const char *prog);
/* "prog: message" on stderr. */
void kl_warn(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* "prog: message" on stderr, then exit(2). */
void kl_die(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    __attribute__((noreturn));
/* "prog: file[:line]: message" from a library error. */
void kl_report(const char *file, const ldiff_error *err);
/* Print "prog (klausul) VERSION" and exit 0. */
void kl_version(void) __attribute__((noreturn));
/* "Try 'prog --help'" on stderr and exit 2. */
void kl_usage_error(void) __attribute__((noreturn));

/* Read a whole file ("-" = stdin) into malloc'd memory (NUL-terminated,
 * *len excludes the NUL).  max bounds the size.  Returns 0, or -1 after
 * reporting the error as "prog: file: message". */
int kl_read_file(const char *path, size_t max, char **data, size_t *len);

/* True if path ends in .docx, in any case of letters. */
int kl_is_docx_name(const char *path);
/* ldiff_clauses_from_any() on the bytes of path, except that a file
 * named .docx is read as a package whatever its bytes: a text file
 * named so is an error ("not a zip archive"), not a version. */
int kl_clauses_from_input(ldiff_clauses **out, const char *path,
    const char *data, size_t len, const ldiff_extract_opts *xo,
    const ldiff_split_opts *so, ldiff_error *err);

/* Parse a size like 64M, 1G, 4096 or a plain count; -1 on error. */
int kl_parse_size(const char *s, unsigned long long *out);

/* Output: kl_out_open(NULL) is stdout; kl_out_open(path) writes to a
 * temporary file beside path.  kl_out_commit() checks for write errors
 * and renames; kl_out_abort() removes the temporary file.  Both return 0
 * or -1 (reported).  A write error of EPIPE ends the program quietly. */
FILE *kl_out_open(const char *path);
/* -o FILE must not name one of the n inputs ("-": standard input):
 * compared by device and inode, so another spelling of the path or a
 * hard link is caught.  Says "prog: FILE: output would overwrite an
 * input" and exits 2 if it does. */
void kl_check_output(const char *path, const char *const *inputs,
    size_t n);
int kl_out_commit(FILE *f);
void kl_out_abort(FILE *f);
/* When errno is EPIPE (the reader went away), end as a tool killed by
 * SIGPIPE does, quietly with status 141, even if SIGPIPE was ignored. */
void kl_exit_if_epipe(void);
/* A write to path (NULL or "-": standard output) failed with errno e:
 * quiet on EPIPE (kl_exit_if_epipe), else "prog: path: reason" or
 * "prog: write error: reason", as kl_out_commit() says it. */
void kl_write_error(const char *path, int e);

/* True if stdout is a terminal and colour is wanted (--color=auto,
 * NO_COLOR honoured).  mode: "auto", "always", "never"; -1 if invalid. */
int kl_want_color(const char *mode);

/* Options for limits shared by every tool (see LIMITS in the man pages).
 * Returns 1 if opt was a limit option it handled, 0 if not its own. */
int kl_limit_option(int opt, const char *arg, ldiff_limits *lim);

#define KL_LIMIT_LONGOPTS \
	{ "max-part-size", required_argument, NULL, 0x1001 }, \
	{ "max-total-size", required_argument, NULL, 0x1002 }, \
	{ "max-ratio", required_argument, NULL, 0x1003 }, \
	{ "max-depth", required_argument, NULL, 0x1004 }, \
	{ "max-paragraph", required_argument, NULL, 0x1005 }, \
	{ "max-clauses", required_argument, NULL, 0x1006 }, \
	{ "max-pages", required_argument, NULL, 0x1007 }

#endif
