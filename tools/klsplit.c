/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * klsplit - split a document into clauses: the numbers it shows become
 * ids, the words become text.
 *
 * Reads a .docx, kltext's paragraph stream, a clause stream or plain text
 * (one paragraph per line) and writes the clause stream (see
 * libdiff/clauses_io.c), JSON Lines with --json, or "id<TAB>text" lines
 * with --plain.  With --sentences every clause is followed by its
 * sentences; --sentences --plain prints the body one sentence per line,
 * labels kept, with an empty line between clauses (the library decides
 * what a sentence and a label are; see LDIFF_FMT_SENTENCES).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

static void
usage(void)
{
	printf(_("Usage: %s [OPTION]... [FILE]\n"), kl_prog);
	fputs(_("Split a document into clauses.  FILE is a .docx, a kltext "
	    "or\nklsplit record stream, or plain text (one paragraph per "
	    "line);\nwith no FILE, or when FILE is -, read standard "
	    "input.\n\n"), stdout);
	fputs(_("  -j, --json             JSON Lines instead of the TSV stream\n"
	    "  -p, --plain            \"id<TAB>text\" per clause\n"
	    "  -s, --sentences        add the sentences of each clause; with\n"
	    "                         --plain: the text one sentence per line,\n"
	    "                         numbers kept\n"
	    "  -c, --changes=MODE     tracked changes in a .docx: accept\n"
	    "                         (default) or reject\n"
	    "  -o, --output=FILE      write to FILE (replaced only on success)\n"
	    "      --max-part-size=SIZE, --max-total-size=SIZE,\n"
	    "      --max-ratio=N, --max-depth=N, --max-paragraph=SIZE,\n"
	    "      --max-clauses=N, --max-pages=N\n"
	    "                         limits (see klsplit(1), LIMITS)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n\n"), stdout);
	fputs(_("Exit status: 0 if OK, 2 if trouble.\n"), stdout);
	exit(KL_SAME);
}

/* CRLF line ends are read as LF; say so, since the bytes change. */
static void
warn_crlf(const char *name, const char *data, size_t len)
{
	const char *cr;

	if (len >= 4 && memcmp(data, "PK\003\004", 4) == 0)
		return;
	cr = memchr(data, '\r', len);
	if (cr != NULL && (size_t)(cr - data) + 1 < len && cr[1] == '\n')
		kl_warn(_("%s: CRLF line ends read as LF"), name);
}

struct args {
	ldiff_extract_opts xo;
	ldiff_split_opts so;
	const char *path, *outpath;
	int json, plain;
};

static void
parse_changes(const char *arg, ldiff_extract_opts *xo)
{
	if (strcmp(arg, "accept") == 0)
		xo->changes = LDIFF_CHANGES_ACCEPT;
	else if (strcmp(arg, "reject") == 0)
		xo->changes = LDIFF_CHANGES_REJECT;
	else {
		kl_warn(_("invalid --changes '%s' (use accept or reject)"), arg);
		kl_usage_error();
	}
}

static void
parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "plain", no_argument, NULL, 'p' },
		{ "sentences", no_argument, NULL, 's' },
		{ "changes", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		KL_LIMIT_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	ldiff_extract_opts_init(&a->xo);
	ldiff_split_opts_init(&a->so);
	a->path = "-";
	while ((c = getopt_long(argc, argv, "jpsc:o:hV", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'j': a->json = 1; break;
		case 'p': a->plain = 1; break;
		case 's': a->so.sentences = 1; break;
		case 'c': parse_changes(optarg, &a->xo); break;
		case 'o': a->outpath = optarg; break;
		case 'h': usage(); break;
		case 'V': kl_version(); break;
		default:
			if (!kl_limit_option(c, optarg, &a->so.limits))
				kl_usage_error();
		}
	}
	if (a->json && a->plain) {
		kl_warn(_("--json and --plain exclude each other"));
		kl_usage_error();
	}
	if (argc - optind > 1) {
		kl_warn(_("one input at most"));
		kl_usage_error();
	}
	if (optind < argc)
		a->path = argv[optind];
	/* The extractor and the splitter share the limits given. */
	a->xo.limits = a->so.limits;
}

int
main(int argc, char **argv)
{
	struct args a;
	ldiff_clauses *cs = NULL;
	ldiff_error err;
	ldiff_format fmt = LDIFF_FMT_TSV;
	const char *name;
	char *data = NULL;
	size_t len = 0;
	FILE *out;
	int r;

	kl_init(argc, argv, "klsplit");
	parse_args(argc, argv, &a);
	kl_check_output(a.outpath, &a.path, 1);
	name = strcmp(a.path, "-") == 0 ? _("(standard input)") : a.path;
	if (kl_read_file(a.path, (size_t)a.so.limits.max_total_bytes, &data,
	    &len) != 0)
		return KL_TROUBLE;
	warn_crlf(name, data, len);
	memset(&err, 0, sizeof err);
	r = kl_clauses_from_input(&cs, a.path, data, len, &a.xo, &a.so,
	    &err);
	free(data);
	if (r != 0) {
		kl_report(name, &err);
		return KL_TROUBLE;
	}
	if (a.json)
		fmt = LDIFF_FMT_JSON;
	else if (a.plain)
		fmt = a.so.sentences ? LDIFF_FMT_SENTENCES : LDIFF_FMT_PLAIN;
	out = kl_out_open(a.outpath);
	r = ldiff_clauses_write(cs, out, fmt);
	ldiff_clauses_free(cs);
	if (r != 0 && r != LDIFF_EIO) {
		kl_out_abort(out);
		kl_warn("%s", ldiff_strerror(r));
		return KL_TROUBLE;
	}
	if (kl_out_commit(out) != 0)
		return KL_TROUBLE;
	return KL_SAME;
}
