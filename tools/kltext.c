/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kltext - a Word document (.docx) or a PDF as paragraph records, JSON
 * Lines or plain text, with list numbers computed and tracked changes
 * resolved (.docx), or lines joined into paragraphs and page furniture
 * dropped (PDF).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

#define OPTIONS "hVjpo:c:NCHaA"

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "json", no_argument, NULL, 'j' },
	{ "plain", no_argument, NULL, 'p' },
	{ "output", required_argument, NULL, 'o' },
	{ "changes", required_argument, NULL, 'c' },
	{ "notes", no_argument, NULL, 'N' },
	{ "comments", no_argument, NULL, 'C' },
	{ "headers", no_argument, NULL, 'H' },
	{ "all", no_argument, NULL, 'a' },
	{ "authors", no_argument, NULL, 'A' },
	KL_LIMIT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static void help(void) __attribute__((noreturn));

static void
help(void)
{
	printf(_("Usage: %s [OPTION]... [FILE]\n"
"Print the paragraphs of a Word document in reading order, one per line,\n"
"with list numbers computed from the document's numbering.  A PDF (known\n"
"by its content) is read too: its lines joined into paragraphs, running\n"
"headers, footers and page numbers left out, footnotes kept as notes.\n"
"With no FILE, or when FILE is -, read standard input.\n"
"\n"
"Output (default: the paragraph record stream read by klsplit):\n"
"  -j, --json              JSON Lines, one object per paragraph\n"
"  -p, --plain             plain text, as LibreOffice's Text export\n"
"  -N, --notes             with --plain: also footnotes and endnotes\n"
"  -C, --comments          with --plain: also comments\n"
"  -H, --headers           with --plain: also headers and footers\n"
"  -a, --all               with --plain: all of the above\n"
"  -o, --output=FILE       write to FILE (replaced only on success)\n"
"\n"
"Tracked changes:\n"
"  -c, --changes=MODE      accept (default), reject, or markup:\n"
"                          {+inserted+} [-deleted-] {>moved to>} [<moved from<],\n"
"                          a paragraph split {+¶+} or joined [-¶-]\n"
"  -A, --authors           with --changes=markup: name the author of each\n"
"                          mark, {+inserted+|author}\n"
"\n"
"Limits (see kltext(1), LIMITS):\n"
"      --max-part-size=SIZE    inflated size of one part (256M)\n"
"      --max-total-size=SIZE   inflated size of all parts (1G)\n"
"      --max-ratio=N           compression ratio of a part (1000)\n"
"      --max-depth=N           XML element nesting (256)\n"
"      --max-paragraph=SIZE    length of one paragraph (4M)\n"
"      --max-pages=N           pages of a PDF (10000)\n"
"\n"
"  -h, --help              show this help and exit\n"
"  -V, --version           show the version and exit\n"
"\n"
"Exit status: 0 on success, 2 on trouble.\n"), kl_prog);
	exit(KL_SAME);
}

static ldiff_changes_mode
parse_changes(const char *s)
{
	if (strcmp(s, "accept") == 0)
		return LDIFF_CHANGES_ACCEPT;
	if (strcmp(s, "reject") == 0)
		return LDIFF_CHANGES_REJECT;
	if (strcmp(s, "markup") == 0)
		return LDIFF_CHANGES_MARKUP;
	kl_warn(_("invalid --changes mode '%s' (accept, reject or markup)"), s);
	kl_usage_error();
}

static int
is_pdf(const char *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

static int
is_record_stream(const char *data, size_t len)
{
	static const char mark[] = "#klausul-paragraphs";

	return len >= sizeof mark - 1 &&
	    memcmp(data, mark, sizeof mark - 1) == 0;
}

/*
 * Whether path is read into memory here rather than opened by the
 * library: a pipe (standard input, <(...), /dev/stdin) cannot be seeked,
 * and its first bytes cannot be read twice; a regular file is read into
 * memory when it is a PDF (by its content, whatever its name), or when it
 * starts with the stream's mark and is not named .docx (that is a
 * package, whatever it holds).  Only the first bytes are looked at.
 */
static int
read_into_memory(const char *path)
{
	struct stat st;
	char head[32];
	size_t n;
	FILE *f;

	if (strcmp(path, "-") == 0)
		return 1;
	if (stat(path, &st) != 0 || S_ISDIR(st.st_mode))
		return 0;	/* the library's open says why */
	if (!S_ISREG(st.st_mode))
		return 1;
	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	return is_pdf(head, n) ||
	    (!kl_is_docx_name(path) && is_record_stream(head, n));
}

/* What the document holds that the output leaves out: said, not
 * silently dropped. */
static void
warn_all(const char *path, const ldiff_doc *doc)
{
	size_t i;

	for (i = 0; i < ldiff_doc_warning_count(doc); i++)
		kl_warn(_("%s: warning: %s"), strcmp(path, "-") == 0 ?
		    _("(standard input)") : path, ldiff_doc_warning(doc, i));
}

/* Read the document: a path goes straight to the library; standard input
 * and pipes are read into memory first.  A paragraph stream, on input or
 * in a file, is accepted too, so kltext can turn records into JSON or
 * plain text. */
static int
load(const char *path, const ldiff_extract_opts *xo, ldiff_doc **doc)
{
	ldiff_error err = { 0 };
	char *data = NULL;
	size_t len = 0;
	int r;

	if (!read_into_memory(path)) {
		r = ldiff_doc_from_docx_file(doc, path, xo, &err);
	} else {
		if (kl_read_file(path, (size_t)xo->limits.max_total_bytes,
		    &data, &len) != 0)
			return -1;
		if (is_record_stream(data, len))
			r = ldiff_doc_from_records(doc, data, len, &xo->limits,
			    &err);
		else if (is_pdf(data, len))
			r = ldiff_doc_from_pdf_mem(doc, data, len, xo, &err);
		else
			r = ldiff_doc_from_docx_mem(doc, data, len, xo, &err);
		free(data);
	}
	if (r != 0) {
		kl_report(strcmp(path, "-") == 0 ? _("(standard input)") :
		    path, &err);
		return -1;
	}
	warn_all(path, *doc);
	return 0;
}

int
main(int argc, char **argv)
{
	ldiff_extract_opts xo;
	ldiff_format fmt = LDIFF_FMT_TSV;
	unsigned plain = 0;
	const char *outpath = NULL, *path = "-";
	ldiff_doc *doc = NULL;
	FILE *out;
	int c, r;

	kl_init(argc, argv, "kltext");
	ldiff_extract_opts_init(&xo);
	while ((c = getopt_long(argc, argv, OPTIONS, longopts, NULL)) != -1) {
		if (kl_limit_option(c, optarg, &xo.limits))
			continue;
		switch (c) {
		case 'h': help();
		case 'V': kl_version();
		case 'j': fmt = LDIFF_FMT_JSON; break;
		case 'p': fmt = LDIFF_FMT_PLAIN; break;
		case 'o': outpath = optarg; break;
		case 'c': xo.changes = parse_changes(optarg); break;
		case 'N': plain |= LDIFF_PLAIN_NOTES; break;
		case 'C': plain |= LDIFF_PLAIN_COMMENTS; break;
		case 'H': plain |= LDIFF_PLAIN_HEADERS; break;
		case 'a': plain |= LDIFF_PLAIN_NOTES | LDIFF_PLAIN_COMMENTS |
			LDIFF_PLAIN_HEADERS; break;
		case 'A': xo.authors = 1; break;
		default: kl_usage_error();
		}
	}
	if (argc - optind > 1) {
		kl_warn(_("one document at a time (got %d)"), argc - optind);
		kl_usage_error();
	}
	if (optind < argc)
		path = argv[optind];
	kl_check_output(outpath, &path, 1);
	if (load(path, &xo, &doc) != 0)
		return KL_TROUBLE;
	out = kl_out_open(outpath);
	r = ldiff_doc_write(doc, out, fmt, plain);
	ldiff_doc_free(doc);
	if (r != 0) {
		int e = errno;

		kl_out_abort(out);
		if (r == LDIFF_EIO)
			kl_write_error(outpath, e);
		else
			kl_warn("%s", ldiff_strerror(r));
		return KL_TROUBLE;
	}
	return kl_out_commit(out) == 0 ? KL_SAME : KL_TROUBLE;
}
