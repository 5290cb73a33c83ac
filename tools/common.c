/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * common.c - messages, input, safe output and options of the tools.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"

#ifndef KL_VERSION
#define KL_VERSION LDIFF_VERSION
#endif

const char *kl_prog = "klausul";

/*
 * Many machines (containers, minimal Debian) have no sv_SE.UTF-8 locale
 * generated, and then setlocale() fails and gettext stays in English.
 * A Swedish user who set LANG=sv_SE.UTF-8 still wants Swedish messages:
 * fall back to C.UTF-8 for character handling and ask gettext for Swedish
 * through LANGUAGE, which it honours in any locale but plain "C".
 */
static void
init_locale(void)
{
	const char *lang;

	if (setlocale(LC_ALL, "") != NULL)
		return;
	setlocale(LC_ALL, "C.UTF-8");
	/* An empty LANGUAGE is unset to gettext: fill it too. */
	lang = getenv("LANGUAGE");
	if (ldiff_lang_from_env() != NULL &&
	    (lang == NULL || *lang == '\0'))
		setenv("LANGUAGE", "sv", 1);
}

#ifdef ENABLE_NLS
/*
 * A tool run from a build tree has no installed catalogue yet (or an
 * older one): make writes the catalogue at KL_TREE_LOCALEDIR, a path
 * relative to the directory the tools are linked in.  The executable's
 * own path (not argv[0], which PATH or a symlink may hide) says where
 * that is.  An installed tool finds no such directory beside it and
 * keeps LOCALEDIR.  Returns 1 with the directory in buf, or 0.
 */
static int
tree_localedir(char *buf, size_t size)
{
#ifdef KL_TREE_LOCALEDIR
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	struct stat st;
	int len;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return 0;
	*slash = '\0';
	len = snprintf(buf, size, "%s/%s", exe, KL_TREE_LOCALEDIR);
	if (len < 0 || (size_t)len >= size)
		return 0;
	return stat(buf, &st) == 0 && S_ISDIR(st.st_mode);
#else
	(void)buf;
	(void)size;
	return 0;
#endif
}

/* KL_LOCALEDIR when set (tests, a catalogue elsewhere), else the build
 * tree's when run from one, else the installed one. */
static void
bind_catalogue(void)
{
	const char *dir = getenv("KL_LOCALEDIR");
	char tree[PATH_MAX + 64];

	if (dir == NULL || *dir == '\0')
		dir = tree_localedir(tree, sizeof tree) ? tree : LOCALEDIR;
	bindtextdomain("klausul", dir);
	bind_textdomain_codeset("klausul", "UTF-8");
	textdomain("klausul");
}
#endif

void
kl_init(int argc, char **argv, const char *prog)
{
	(void)argc;
	(void)argv;
	kl_prog = prog;
	init_locale();
#ifdef ENABLE_NLS
	bind_catalogue();
#endif
}

static void
vwarn(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", kl_prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
kl_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
kl_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(KL_TROUBLE);
}

void
kl_report(const char *file, const ldiff_error *err)
{
	const char *msg = err->msg[0] != '\0' ? err->msg :
	    ldiff_strerror(err->code);

	if (err->line > 0)
		fprintf(stderr, "%s: %s:%ld: %s\n", kl_prog, file, err->line,
		    msg);
	else
		fprintf(stderr, "%s: %s: %s\n", kl_prog, file, msg);
}

void
kl_version(void)
{
	printf("%s (klausul) %s\n", kl_prog, KL_VERSION);
	exit(KL_SAME);
}

void
kl_usage_error(void)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"),
	    kl_prog);
	exit(KL_TROUBLE);
}

/* Read all of f into a buffer of at most max + 2 bytes (one past the
 * limit shows it was passed, one for the NUL); 0, or -1 when the input is
 * larger than max (*len > max) or memory ran out (errno ENOMEM). */
static int
read_all(FILE *f, size_t cap, size_t max, char **data, size_t *len)
{
	size_t n = 0, limit = max < SIZE_MAX - 2 ? max + 2 : SIZE_MAX;
	char *buf = NULL, *p;

	if (cap > limit)
		cap = limit;
	for (;;) {
		size_t got;

		if (buf == NULL || n + 1 >= cap) {
			if (buf != NULL)
				cap = cap > limit / 2 ? limit : cap * 2;
			if ((p = realloc(buf, cap)) == NULL) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (n > max || got == 0)
			break;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return n > max ? -1 : 0;
}

/*
 * The whole of path ("-": standard input), at most max bytes.  A regular
 * file over the limit is refused before any byte of it is read, and the
 * buffer never grows past the limit, so a huge (or sparse) file costs
 * nothing.
 */
int
kl_read_file(const char *path, size_t max, char **data, size_t *len)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	const char *name = is_stdin ? _("(standard input)") : path;
	size_t cap = 1 << 16, n = 0;
	char *buf = NULL;
	struct stat st;

	if (f == NULL) {
		kl_warn("%s: %s", name, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) != 0)
		memset(&st, 0, sizeof st);
	if (S_ISDIR(st.st_mode)) {
		kl_warn("%s: %s", name, strerror(EISDIR));
		goto fail;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((unsigned long long)st.st_size > max)
			goto too_large;
		cap = (size_t)st.st_size + 1;
	}
	if (read_all(f, cap, max, &buf, &n) != 0) {
		if (buf != NULL)
			goto too_large;
		kl_warn("%s: %s", name, strerror(ENOMEM));
		goto fail;
	}
	if (ferror(f)) {
		kl_warn("%s: %s", name, strerror(errno));
		goto fail;
	}
	if (!is_stdin)
		fclose(f);
	*data = buf;
	*len = n;
	return 0;
too_large:
	kl_warn(_("%s: input larger than %zu bytes"), name, max);
fail:
	free(buf);
	if (!is_stdin)
		fclose(f);
	return -1;
}

int
kl_is_docx_name(const char *path)
{
	size_t n = strlen(path);

	return n >= 5 && strcasecmp(path + n - 5, ".docx") == 0;
}

int
kl_clauses_from_input(ldiff_clauses **out, const char *path,
    const char *data, size_t len, const ldiff_extract_opts *xo,
    const ldiff_split_opts *so, ldiff_error *err)
{
	ldiff_doc *d = NULL;
	int r;

	/* By content first: a PDF named .docx is still read as a PDF. */
	if (!kl_is_docx_name(path) ||
	    (len >= 5 && memcmp(data, "%PDF-", 5) == 0))
		return ldiff_clauses_from_any(out, data, len, xo, so, err);
	*out = NULL;
	r = ldiff_doc_from_docx_mem(&d, data, len, xo, err);
	if (r == 0)
		r = ldiff_clauses_from_doc(out, d, so, err);
	ldiff_doc_free(d);
	return r;
}

int
kl_parse_size(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v, mul = 1;

	if (s == NULL || *s == '\0' || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		return -1;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': mul = 1ULL << 10; end++; break;
	case 'm': case 'M': mul = 1ULL << 20; end++; break;
	case 'g': case 'G': mul = 1ULL << 30; end++; break;
	default: return -1;
	}
	if (*end == 'i' || *end == 'B')
		end++;
	if (*end == 'B')
		end++;
	if (*end != '\0' || (v != 0 && mul > ULLONG_MAX / v))
		return -1;
	*out = v * mul;
	return 0;
}

/* -o FILE: the temporary file and the final name, one at a time. */
static char *out_tmp, *out_final;

FILE *
kl_out_open(const char *path)
{
	FILE *f;
	int fd;
	size_t n;

	struct stat st;

	if (path == NULL || strcmp(path, "-") == 0)
		return stdout;
	/* A device or FIFO (-o /dev/null) is written in place: renaming a
	 * temporary file over it would replace the device. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if ((out_final = strdup(path)) == NULL)
			kl_die("%s", strerror(ENOMEM));
		if ((f = fopen(path, "wb")) == NULL)
			kl_die("%s: %s", path, strerror(errno));
		return f;
	}
	n = strlen(path) + 16;
	out_tmp = malloc(n);
	out_final = strdup(path);
	if (out_tmp == NULL || out_final == NULL)
		kl_die("%s", strerror(ENOMEM));
	snprintf(out_tmp, n, "%s.XXXXXX", path);
	fd = mkstemp(out_tmp);
	if (fd < 0)
		kl_die("%s: %s", path, strerror(errno));
	fchmod(fd, 0644 & ~umask(umask(0)));
	f = fdopen(fd, "wb");
	if (f == NULL)
		kl_die("%s: %s", path, strerror(errno));
	return f;
}

/* Only a regular file can be destroyed by the rename of kl_out_open():
 * a device (-o /dev/null) is written in place, and read as well. */
void
kl_check_output(const char *path, const char *const *inputs, size_t n)
{
	struct stat out, in;
	size_t i;
	int r;

	if (path == NULL || strcmp(path, "-") == 0 || stat(path, &out) != 0 ||
	    !S_ISREG(out.st_mode))
		return;
	for (i = 0; i < n; i++) {
		if (strcmp(inputs[i], "-") == 0)
			r = fstat(STDIN_FILENO, &in);
		else
			r = stat(inputs[i], &in);
		if (r == 0 && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino)
			kl_die(_("%s: output would overwrite an input"), path);
	}
}

/* The reader went away: no message, and the status a shell expects of
 * a writer that outlived its reader (128 + SIGPIPE), as for cat. */
void
kl_exit_if_epipe(void)
{
	if (errno != EPIPE)
		return;
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	exit(KL_TROUBLE);	/* SIGPIPE blocked: still quietly */
}

void
kl_write_error(const char *path, int e)
{
	errno = e;
	kl_exit_if_epipe();
	if (path == NULL || strcmp(path, "-") == 0)
		kl_warn(_("write error: %s"), strerror(e));
	else
		kl_warn("%s: %s", path, strerror(e));
}

int
kl_out_commit(FILE *f)
{
	if (f == stdout) {
		if (fflush(f) != 0 || ferror(f)) {
			kl_exit_if_epipe();
			kl_warn(_("write error: %s"), strerror(errno));
			return -1;
		}
		return 0;
	}
	if (fflush(f) != 0 || ferror(f) ||
	    (out_tmp != NULL && fsync(fileno(f)) != 0)) {
		kl_warn("%s: %s", out_final, strerror(errno));
		kl_out_abort(f);
		return -1;
	}
	fclose(f);
	if (out_tmp != NULL && rename(out_tmp, out_final) != 0) {
		kl_warn("%s: %s", out_final, strerror(errno));
		unlink(out_tmp);
		return -1;
	}
	free(out_tmp);
	free(out_final);
	out_tmp = out_final = NULL;
	return 0;
}

void
kl_out_abort(FILE *f)
{
	if (f == stdout || f == NULL)
		return;
	fclose(f);
	if (out_tmp != NULL)
		unlink(out_tmp);
	free(out_tmp);
	free(out_final);
	out_tmp = out_final = NULL;
}

int
kl_want_color(const char *mode)
{
	const char *nc;

	if (mode == NULL || strcmp(mode, "auto") == 0) {
		nc = getenv("NO_COLOR");
		if (nc != NULL && *nc != '\0')
			return 0;
		return isatty(STDOUT_FILENO);
	}
	if (strcmp(mode, "always") == 0)
		return 1;
	if (strcmp(mode, "never") == 0)
		return 0;
	return -1;
}

int
kl_limit_option(int opt, const char *arg, ldiff_limits *lim)
{
	unsigned long long v;

	if (opt < 0x1001 || opt > 0x1007)
		return 0;
	if (kl_parse_size(arg, &v) != 0 || v == 0)
		kl_die(_("invalid limit '%s'"), arg);
	switch (opt) {
	case 0x1001: lim->max_part_bytes = v; break;
	case 0x1002: lim->max_total_bytes = v; break;
	case 0x1003: lim->max_ratio = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v; break;
	case 0x1004: lim->max_xml_depth = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v; break;
	case 0x1005: lim->max_para_bytes = (size_t)v; break;
	case 0x1006: lim->max_clauses = (size_t)v; break;
	case 0x1007: lim->max_pages = (size_t)v; break;
	}
	return 1;
}
