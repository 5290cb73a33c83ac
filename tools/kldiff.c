/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kldiff - what changed between versions of an agreement, clause by clause.
 *
 * Each input (a .docx, a klsplit or kltext stream, plain text, or "-") is
 * read whole and turned into clauses by the one library entry point for
 * "a version", ldiff_clauses_from_any; no temporary files.  The versions
 * are compared pair by pair (OLD -> NEW -> NEWER ...) and one renderer
 * writes the result: readable text (default), JSON Lines (--json) or
 * statistics (--stat).  The exit status is diff's: 0 when nothing shown
 * differs, 1 when something does, 2 on trouble; the hide options take
 * part (like diff -I), so `kldiff --substantive a b` answers "did anything
 * of substance change?".
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "common.h"

enum {
	OPT_COLOR = 0x100,
	OPT_HIDE_TYPO,
	OPT_HIDE_RENUM,
	OPT_HIDE_PERIOD,
	OPT_HIDE_LANG,
	OPT_UNCHANGED,
	OPT_CHANGES_ONLY,
	OPT_CHANGES,
	OPT_LANG,
	OPT_LABEL,
	OPT_HTML,
	OPT_DOCX,
	OPT_AUTHOR,
	OPT_DATE,
	OPT_TITLE,
	OPT_BASE,
	OPT_PARALLEL,
	OPT_SUMMARY,
	OPT_MARKDOWN,
	OPT_UNMARKED,
	OPT_WHOLE,
	OPT_ALL_PAIRS
};

enum fmt { FMT_TEXT, FMT_JSON, FMT_STAT, FMT_HTML, FMT_DOCX, FMT_MARKDOWN };
/* A committee paper instead of the diff (--parallel, --summary). */
enum paper { PAPER_NONE, PAPER_PARALLEL, PAPER_SUMMARY };

#define OPTIONS "jso:qSuL:w:hV"

static const struct option longopts[] = {
	{ "json", no_argument, NULL, 'j' },
	{ "stat", no_argument, NULL, 's' },
	{ "html", no_argument, NULL, OPT_HTML },
	{ "docx", no_argument, NULL, OPT_DOCX },
	{ "author", required_argument, NULL, OPT_AUTHOR },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "base", required_argument, NULL, OPT_BASE },
	{ "parallel", no_argument, NULL, OPT_PARALLEL },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "markdown", no_argument, NULL, OPT_MARKDOWN },
	{ "unmarked", no_argument, NULL, OPT_UNMARKED },
	{ "whole", no_argument, NULL, OPT_WHOLE },
	{ "all-pairs", no_argument, NULL, OPT_ALL_PAIRS },
	{ "output", required_argument, NULL, 'o' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "substantive", no_argument, NULL, 'S' },
	{ "unchanged", no_argument, NULL, 'u' },
	{ "changes-only", no_argument, NULL, OPT_CHANGES_ONLY },
	{ "hide-typography", no_argument, NULL, OPT_HIDE_TYPO },
	{ "hide-renumbering", no_argument, NULL, OPT_HIDE_RENUM },
	{ "hide-period", no_argument, NULL, OPT_HIDE_PERIOD },
	{ "hide-language", no_argument, NULL, OPT_HIDE_LANG },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "colour", optional_argument, NULL, OPT_COLOR },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "label", required_argument, NULL, 'L' },
	{ "width", required_argument, NULL, 'w' },
	{ "changes", required_argument, NULL, OPT_CHANGES },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	KL_LIMIT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static void
usage(void)
{
	printf(_("Usage: %s [OPTION]... OLD NEW [NEWER]...\n"), kl_prog);
	printf(_("  or:  %s [OPTION]... --base=DRAFT RESPONSE...\n"), kl_prog);
	fputs(_("Compare versions of an agreement clause by clause.\n"
	    "Each version is a .docx, a PDF, a klsplit or kltext stream, plain\n"
	    "text, or - for standard input (once).  With three or more versions each\n"
	    "consecutive pair is compared and the history of every clause is\n"
	    "shown.\n\n"), stdout);
	fputs(_("Output:\n"
	    "  -j, --json              JSON Lines, one record per aligned unit\n"
	    "                          (equal units included)\n"
	    "  -s, --stat              statistics by class and section, like wdiff -s\n"
	    "  -o, --output=FILE       write to FILE (replaced only on success)\n"
	    "  -q, --quiet             no output; the exit status tells\n"
	    "      --color[=WHEN]      colour the text: auto (default), always, never\n"
	    "      --lang=sv|en        language of the labels (default: locale)\n"
	    "  -L, --label=NAME        name a version in the output (repeatable,\n"
	    "                          in order; default the file name)\n"
	    "  -w, --width=N           wrap clause text at N columns (0: never;\n"
	    "                          default the terminal's width, else 0)\n\n"),
	    stdout);
	fputs(_("What to show:\n"
	    "  -u, --unchanged         text: show unchanged clauses too\n"
	    "      --changes-only      JSON: leave out unchanged clauses\n"
	    "  -S, --substantive       hide typography-only, language-only and\n"
	    "                          renumbering-only changes\n"
	    "      --hide-typography   hide typography-only changes\n"
	    "      --hide-language     hide language-only changes (skall -> ska,\n"
	    "                          bl.a. -> bland annat)\n"
	    "      --hide-renumbering  hide clauses whose only change is the number\n"
	    "      --hide-period       hide changes of the agreement period only\n\n"),
	    stdout);
	fputs(_("Review documents:\n"
	    "      --html              one self-contained HTML review page\n"
	    "      --docx              a .docx of the last version with every\n"
	    "                          difference from the one before as a\n"
	    "                          tracked change (use -o FILE)\n"
	    "      --author=NAME       author of the tracked changes (kldiff)\n"
	    "      --date=ISO8601      their date (default: now, UTC)\n"
	    "      --title=TEXT        title of the page or document\n\n"),
	    stdout);
	fputs(_("Responses to a draft:\n"
	    "      --base=DRAFT        compare each RESPONSE with DRAFT and gather\n"
	    "                          the proposals and comments per draft clause\n"
	    "                          (text, --json or --stat); -L names the\n"
	    "                          party of a response without an author\n"
	    "                          --docx: the consultation summary\n"
	    "                          (remissammanställning), a Word table\n"
	    "                          --html: a page, clauses by parties\n\n"),
	    stdout);
	fputs(_("Committee papers (of the last two versions):\n"
	    "      --parallel          the parallel layout: old and new wording\n"
	    "                          of every provision changed in content\n"
	    "      --summary           the list of changes, one sentence each\n"
	    "      --markdown          either as Markdown (also --html, --docx)\n"
	    "      --unmarked          parallel layout: changed words unmarked\n"
	    "      --whole             parallel layout: long provisions whole,\n"
	    "                          no – – – for unchanged sentences\n"
	    "      --all-pairs         a paper for every pair of versions\n\n"),
	    stdout);
	fputs(_("Input:\n"
	    "      --changes=accept|reject  tracked changes in a .docx are read\n"
	    "                          as accepted (default) or rejected\n"
	    "      --max-part-size=N --max-total-size=N --max-ratio=N\n"
	    "      --max-depth=N --max-paragraph=N --max-clauses=N\n"
	    "      --max-pages=N\n"
	    "                          limits (see kltext(1), LIMITS)\n\n"),
	    stdout);
	fputs(_("  -h, --help              show this help and exit\n"
	    "  -V, --version           show the version and exit\n\n"
	    "Exit status: 0 if no differences are shown, 1 if some are, 2 if\n"
	    "trouble.\n"), stdout);
	exit(KL_SAME);
}

struct opts {
	enum fmt fmt;
	enum paper paper;
	const char *output;
	int quiet;
	const char *color;
	int unchanged, changes_only;
	ldiff_render_opts ro;
	ldiff_extract_opts xo;
	ldiff_split_opts so;
	const char **labels;
	size_t nlabels;
	int width;		/* --width, -1 = the terminal's */
	const char *base;	/* --base=DRAFT */
};

/* --width=N: 0 for one line per clause, else at least 20 columns. */
static int
parse_width(const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > 10000 ||
	    (v > 0 && v < 20)) {
		kl_warn(_("invalid --width '%s' (0, or 20 and more)"), arg);
		kl_usage_error();
	}
	return (int)v;
}

/* The terminal's width when standard output is one, else 0: a file or a
 * pipe gets one line per clause, for grep. */
static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col > 1 ? ws.ws_col - 1 : 0;
	return 0;
}

static void
add_label(struct opts *o, const char *name, int argc)
{
	if (o->labels == NULL) {
		o->labels = calloc((size_t)argc, sizeof *o->labels);
		if (o->labels == NULL)
			kl_die("%s", strerror(ENOMEM));
	}
	if (o->nlabels >= (size_t)argc)
		kl_usage_error();
	o->labels[o->nlabels++] = name;
}

/* One output format: two of them asked for is a mistake to tell, not a
 * choice to make for the user (the last one used to win silently). */
static void
set_format(struct opts *o, enum fmt f)
{
	if (o->fmt != FMT_TEXT && o->fmt != f) {
		kl_warn(_("choose one of --json, --stat, --html, --docx, "
		    "--markdown"));
		kl_usage_error();
	}
	o->fmt = f;
}

static void
set_paper(struct opts *o, enum paper p)
{
	if (o->paper != PAPER_NONE && o->paper != p) {
		kl_warn(_("choose one of --parallel, --summary"));
		kl_usage_error();
	}
	o->paper = p;
}

/* The formats a paper has, and the options only a paper takes. */
static void
check_paper(const struct opts *o)
{
	if (o->paper == PAPER_NONE && (o->fmt == FMT_MARKDOWN ||
	    o->ro.unmarked || o->ro.whole || o->ro.all_pairs)) {
		kl_warn(_("--markdown, --unmarked, --whole and --all-pairs go "
		    "with --parallel or --summary"));
		kl_usage_error();
	}
	if (o->paper != PAPER_NONE && (o->fmt == FMT_JSON ||
	    o->fmt == FMT_STAT)) {
		kl_warn(_("--parallel and --summary are text, Markdown, HTML "
		    "or .docx"));
		kl_usage_error();
	}
	if (o->paper == PAPER_SUMMARY && (o->ro.unmarked || o->ro.whole)) {
		kl_warn(_("--unmarked and --whole go with --parallel"));
		kl_usage_error();
	}
}

static void
parse_value_options(int c, const char *arg, struct opts *o)
{
	switch (c) {
	case OPT_LANG:
		if (strcmp(arg, "sv") != 0 && strcmp(arg, "en") != 0) {
			kl_warn(_("invalid --lang '%s' (use sv or en)"), arg);
			kl_usage_error();
		}
		o->ro.lang = arg;
		/* English labels from the renderers go through the message
		 * catalogue; --lang=en must not get them in Swedish. */
		if (strcmp(arg, "en") == 0)
			setlocale(LC_MESSAGES, "C");
		break;
	case OPT_CHANGES:
		if (strcmp(arg, "accept") == 0)
			o->xo.changes = LDIFF_CHANGES_ACCEPT;
		else if (strcmp(arg, "reject") == 0)
			o->xo.changes = LDIFF_CHANGES_REJECT;
		else {
			kl_warn(_("invalid --changes '%s' (use accept or "
			    "reject)"), arg);
			kl_usage_error();
		}
		break;
	case OPT_COLOR:
		o->color = arg != NULL ? arg : "always";
		if (kl_want_color(o->color) < 0) {
			kl_warn(_("invalid --color '%s' (use auto, always or "
			    "never)"), arg);
			kl_usage_error();
		}
		break;
	}
}

static int
parse_options(int argc, char **argv, struct opts *o)
{
	int c;

	while ((c = getopt_long(argc, argv, OPTIONS, longopts, NULL)) != -1) {
		if (kl_limit_option(c, optarg, &o->xo.limits))
			continue;
		switch (c) {
		case 'j': set_format(o, FMT_JSON); break;
		case 's': set_format(o, FMT_STAT); break;
		case OPT_HTML: set_format(o, FMT_HTML); break;
		case OPT_DOCX: set_format(o, FMT_DOCX); break;
		case OPT_AUTHOR: o->ro.author = optarg; break;
		case OPT_DATE: o->ro.date = optarg; break;
		case OPT_TITLE: o->ro.title = optarg; break;
		case OPT_BASE: o->base = optarg; break;
		case OPT_PARALLEL: set_paper(o, PAPER_PARALLEL); break;
		case OPT_SUMMARY: set_paper(o, PAPER_SUMMARY); break;
		case OPT_MARKDOWN: set_format(o, FMT_MARKDOWN); break;
		case OPT_UNMARKED: o->ro.unmarked = 1; break;
		case OPT_WHOLE: o->ro.whole = 1; break;
		case OPT_ALL_PAIRS: o->ro.all_pairs = 1; break;
		case 'o': o->output = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'S': o->ro.hide |= LDIFF_HIDE_NONSUBSTANTIVE; break;
		case 'u': o->unchanged = 1; break;
		case 'L': add_label(o, optarg, argc); break;
		case 'w': o->width = parse_width(optarg); break;
		case OPT_CHANGES_ONLY: o->changes_only = 1; break;
		case OPT_HIDE_TYPO: o->ro.hide |= LDIFF_HIDE_TYPOGRAPHY; break;
		case OPT_HIDE_RENUM: o->ro.hide |= LDIFF_HIDE_RENUMBER; break;
		case OPT_HIDE_PERIOD: o->ro.hide |= LDIFF_HIDE_PERIOD; break;
		case OPT_HIDE_LANG: o->ro.hide |= LDIFF_HIDE_LANGUAGE; break;
		case OPT_LANG:
		case OPT_CHANGES:
		case OPT_COLOR:
			parse_value_options(c, optarg, o);
			break;
		case 'h': usage(); break;
		case 'V': kl_version(); break;
		default: kl_usage_error();
		}
	}
	check_paper(o);
	return optind;
}

/* The clause sets, the file names and the labels of the versions. */
struct inputs {
	ldiff_clauses **cl;
	const char **names;
	size_t n;
	char *last;		/* --docx: the last version's bytes */
	size_t last_len;
};

/* One version made into clauses, in a thread of its own when there are
 * processors to spare: reading a .docx is most of kldiff's work, and the
 * versions do not depend on each other. */
struct job {
	const char *path;
	const struct opts *o;
	char *data;
	size_t len;
	int keep;		/* --docx: the last version's bytes are kept */
	ldiff_clauses *cl;
	ldiff_error err;
	int rc;
};

static void *
run_job(void *arg)
{
	struct job *j = arg;

	memset(&j->err, 0, sizeof j->err);
	j->rc = kl_clauses_from_input(&j->cl, j->path, j->data, j->len,
	    &j->o->xo, &j->o->so, &j->err);
	if (!j->keep) {		/* the bytes are done with: free them now */
		free(j->data);
		j->data = NULL;
	}
	return NULL;
}

/* Jobs [0, n), at most `width` at a time; a thread that cannot be
 * started runs its job here instead. */
static void
run_jobs(struct job *jobs, size_t n)
{
	size_t width = ldiff_processors(), k, i;
	pthread_t *tid = calloc(width, sizeof *tid);
	char *started = calloc(width, 1);

	if (tid == NULL || started == NULL) {
		for (i = 0; i < n; i++)		/* one at a time, here */
			run_job(&jobs[i]);
		goto out;
	}
	for (k = 0; k < n; k += width) {
		for (i = 0; i < width && k + i < n; i++) {
			started[i] = width > 1 && i + 1 < width &&
			    k + i + 1 < n && pthread_create(&tid[i], NULL,
			    run_job, &jobs[k + i]) == 0;
			if (!started[i])
				run_job(&jobs[k + i]);
		}
		for (i = 0; i < width && k + i < n; i++)
			if (started[i])
				pthread_join(tid[i], NULL);
	}
out:
	free(tid);
	free(started);
}

/* Every input read (in order, so that a missing file is named first),
 * then made into clauses; the first that fails, in order, is reported. */
static int
read_inputs(int argc, char **argv, const struct opts *o, struct inputs *in)
{
	size_t i, stdin_seen = 0;
	struct job *jobs;
	int rc = 0;

	in->n = (size_t)argc;
	in->cl = calloc(in->n, sizeof *in->cl);
	in->names = calloc(in->n, sizeof *in->names);
	jobs = calloc(in->n, sizeof *jobs);
	if (in->cl == NULL || in->names == NULL || jobs == NULL)
		kl_die("%s", strerror(ENOMEM));
	for (i = 0; i < in->n; i++)
		if (strcmp(argv[i], "-") == 0 && stdin_seen++)
			kl_die(_("standard input (-) given more than once"));
	for (i = 0; i < in->n && rc == 0; i++) {
		in->names[i] = i < o->nlabels ? o->labels[i] : argv[i];
		jobs[i].path = argv[i];
		jobs[i].o = o;
		jobs[i].keep = i + 1 == in->n && o->fmt == FMT_DOCX;
		if (kl_read_file(argv[i], (size_t)o->xo.limits.max_total_bytes,
		    &jobs[i].data, &jobs[i].len) != 0)
			rc = -1;
	}
	if (rc == 0)
		run_jobs(jobs, in->n);
	for (i = 0; i < in->n; i++) {
		struct job *j = &jobs[i];

		in->cl[i] = j->cl;
		if (rc == 0 && j->rc != 0) {
			if (j->err.code == 0)
				j->err.code = j->rc;
			kl_report(strcmp(j->path, "-") == 0 ?
			    _("(standard input)") : j->path, &j->err);
			rc = -1;
		}
		if (j->keep && rc == 0) {
			in->last = j->data;	/* --docx: NEW's package */
			in->last_len = j->len;
		} else
			free(j->data);
	}
	free(jobs);
	return rc;
}

static void
free_inputs(struct inputs *in)
{
	size_t i;

	for (i = 0; in->cl != NULL && i < in->n; i++)
		ldiff_clauses_free(in->cl[i]);
	free(in->cl);
	free((void *)in->names);
	free(in->last);
}

/* Anything shown differs?  The same rule for every format, so --json
 * and the text agree on the exit status. */
static int
shows_differences(const ldiff_diff *d, unsigned hide)
{
	size_t i, n = ldiff_diff_count(d);

	for (i = 0; i < n; i++) {
		const ldiff_unit *u = ldiff_diff_unit(d, i);

		if (ldiff_unit_changed(u) &&
		    !ldiff_unit_hidden(u, hide & ~LDIFF_HIDE_EQUAL))
			return 1;
	}
	return 0;
}

/* The .docx redline: new_docx is the last version's bytes, kept only
 * when they are a package (a stream gets a plain package of its own). */
static int
render_docx(const ldiff_diff *d, struct opts *o, const struct inputs *in,
    FILE *out)
{
	ldiff_error err;
	int zip = in->last_len > 2 && in->last[0] == 'P' && in->last[1] == 'K';
	int r;

	/* The redline is NEW's package with tracked changes: a PDF has no
	 * package to keep, and a plain one would pass off a PDF's guessed
	 * paragraphs as the document's. */
	if (o->paper == PAPER_NONE && in->last_len >= 5 &&
	    memcmp(in->last, "%PDF-", 5) == 0) {
		kl_warn(_("%s: --docx needs the new version as a .docx, not a "
		    "PDF"), in->names[in->n - 1]);
		return LDIFF_EINVAL;
	}
	memset(&err, 0, sizeof err);
	if (o->paper != PAPER_NONE)
		r = ldiff_render_paper_docx(d, o->paper == PAPER_PARALLEL ?
		    LDIFF_PAPER_PARALLEL : LDIFF_PAPER_SUMMARY,
		    zip ? in->last : NULL, zip ? in->last_len : 0, out, &o->ro,
		    &err);
	else
		r = ldiff_render_docx(d, zip ? in->last : NULL,
		    zip ? in->last_len : 0, out, &o->ro, &err);
	if (r != 0 && r != LDIFF_EIO) {
		if (err.code == 0)
			err.code = r;
		/* a bad option is ours; a bad package NEW's */
		if (r == LDIFF_EINVAL)
			kl_warn("%s", err.msg);
		else
			kl_report(in->names[in->n - 1], &err);
		return LDIFF_EINVAL;
	}
	return r;
}

/* --parallel, --summary as text, Markdown or HTML. */
static int
render_paper(const ldiff_diff *d, const struct opts *o, FILE *out)
{
	ldiff_paper_format f = o->fmt == FMT_MARKDOWN ? LDIFF_PAPER_MARKDOWN :
	    o->fmt == FMT_HTML ? LDIFF_PAPER_HTML : LDIFF_PAPER_TEXT;

	return ldiff_render_paper(d, o->paper == PAPER_PARALLEL ?
	    LDIFF_PAPER_PARALLEL : LDIFF_PAPER_SUMMARY, f, out, &o->ro);
}


/* The end of a rendering: the output committed, or on failure dropped
 * with one message (a .docx writer has said its own). */
static int
finish_output(int r, const struct opts *o, FILE *out)
{
	if (r != 0) {
		int e = errno;

		kl_out_abort(out);
		if (r == LDIFF_EIO)
			kl_write_error(o->output, e);
		else if (o->fmt != FMT_DOCX)
			kl_warn("%s", ldiff_strerror(r));
		return -1;
	}
	return kl_out_commit(out);
}

static int
render(const ldiff_diff *d, struct opts *o, const struct inputs *in)
{
	FILE *out;
	int r;

	if (o->quiet)
		return 0;
	/* auto looks at standard output: a file named by -o gets colour
	 * only when asked for with --color=always. */
	o->ro.color = o->fmt == FMT_TEXT && kl_want_color(o->color) > 0 &&
	    (o->output == NULL || (o->color != NULL &&
	    strcmp(o->color, "always") == 0));
	o->ro.width = o->width >= 0 ? o->width :
	    o->output == NULL ? terminal_width() : 0;
	if ((o->fmt == FMT_TEXT || o->fmt == FMT_HTML) && !o->unchanged)
		o->ro.hide |= LDIFF_HIDE_EQUAL;
	if (o->fmt == FMT_DOCX && o->output == NULL && isatty(STDOUT_FILENO))
		kl_die(_("--docx writes a package: use -o FILE or a pipe"));
	if (o->fmt == FMT_JSON && o->changes_only)
		o->ro.hide |= LDIFF_HIDE_EQUAL;
	out = kl_out_open(o->output);
	if (o->paper != PAPER_NONE && o->fmt != FMT_DOCX)
		r = render_paper(d, o, out);
	else switch (o->fmt) {
	case FMT_JSON: r = ldiff_render_json(d, out, &o->ro); break;
	case FMT_STAT: r = ldiff_render_stat(d, out, &o->ro); break;
	case FMT_HTML: r = ldiff_render_html(d, out, &o->ro); break;
	case FMT_DOCX: r = render_docx(d, o, in, out); break;
	default: r = ldiff_render_text(d, out, &o->ro); break;
	}
	return finish_output(r, o, out);
}

/* --base: the responses' bytes, read in order (a missing file is named
 * first); the library makes them into clauses. */
static int
read_responses(int argc, char **argv, const struct opts *o,
    ldiff_response *resp)
{
	size_t i, stdin_seen = 0;
	char *data;
	size_t len;

	for (i = 0; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-") == 0 && stdin_seen++)
			kl_die(_("standard input (-) given more than once"));
		if (kl_read_file(argv[i], (size_t)o->xo.limits.max_total_bytes,
		    &data, &len) != 0)
			return -1;
		resp[i].name = argv[i];
		resp[i].label = i < o->nlabels ? o->labels[i] : NULL;
		resp[i].data = data;
		resp[i].len = len;
	}
	return 0;
}

/* The consultation summary in Word, in the draft's body font when the
 * draft is a .docx. */
static int
render_consolidation_docx(const ldiff_consolidation *c, struct opts *o,
    const char *draft, size_t draft_len, FILE *out)
{
	int zip = draft_len > 2 && draft[0] == 'P' && draft[1] == 'K';
	ldiff_error err;
	int r;

	memset(&err, 0, sizeof err);
	r = ldiff_render_consolidation_docx(c, zip ? draft : NULL,
	    zip ? draft_len : 0, out, &o->ro, &err);
	if (r != 0 && r != LDIFF_EIO)
		kl_warn("%s", err.msg[0] != '\0' ? err.msg :
		    ldiff_strerror(r));
	return r;
}

static int
render_consolidation(const ldiff_consolidation *c, struct opts *o,
    const char *draft, size_t draft_len)
{
	FILE *out;
	int r;

	if (o->quiet)
		return 0;
	if (o->fmt == FMT_DOCX && o->output == NULL && isatty(STDOUT_FILENO))
		kl_die(_("--docx writes a package: use -o FILE or a pipe"));
	out = kl_out_open(o->output);
	switch (o->fmt) {
	case FMT_JSON: r = ldiff_render_consolidation_json(c, out, &o->ro);
		break;
	case FMT_STAT: r = ldiff_render_consolidation_stat(c, out, &o->ro);
		break;
	case FMT_HTML: r = ldiff_render_consolidation_html(c, out, &o->ro);
		break;
	case FMT_DOCX: r = render_consolidation_docx(c, o, draft, draft_len,
	    out);
		break;
	default: r = ldiff_render_consolidation_text(c, out, &o->ro); break;
	}
	return finish_output(r, o, out);
}

/* A glob of the responses folder takes in the draft too: it is no
 * response, so it is left out (with its -L label) and said so. */
static int
drop_draft(int n, char **argv, struct opts *o)
{
	struct stat sd, sr;
	int i, k = 0;

	if (strcmp(o->base, "-") == 0 || stat(o->base, &sd) != 0)
		return n;
	for (i = 0; i < n; i++) {
		if (strcmp(argv[i], "-") != 0 && stat(argv[i], &sr) == 0 &&
		    sr.st_dev == sd.st_dev && sr.st_ino == sd.st_ino) {
			kl_warn(_("%s: the draft itself, not a response; left "
			    "out"), argv[i]);
			if ((size_t)i < o->nlabels) {
				memmove(&o->labels[i], &o->labels[i + 1],
				    (o->nlabels - (size_t)i - 1) *
				    sizeof *o->labels);
				o->nlabels--;
			}
			continue;
		}
		argv[k++] = argv[i];
	}
	return k;
}

/* The draft made into clauses, as any version is; its bytes are kept
 * in *data (the caller frees them) for --docx, which writes in its
 * font. */
static ldiff_clauses *
read_base(const struct opts *o, char **data, size_t *len)
{
	ldiff_clauses *cl = NULL;
	ldiff_error err;

	if (kl_read_file(o->base, (size_t)o->xo.limits.max_total_bytes,
	    data, len) != 0)
		return NULL;
	memset(&err, 0, sizeof err);
	if (kl_clauses_from_input(&cl, o->base, *data, *len, &o->xo, &o->so,
	    &err) != 0) {
		if (err.code == 0)
			err.code = LDIFF_EINVAL;
		kl_report(o->base, &err);
	}
	if (o->fmt != FMT_DOCX) {
		free(*data);
		*data = NULL;
		*len = 0;
	}
	return cl;
}

/* kldiff --base=DRAFT RESPONSE...: exit 0 when no response proposes or
 * says anything, 1 when one does, 2 on trouble. */
static int
consolidate(int argc, char **argv, struct opts *o)
{
	ldiff_response *resp = calloc((size_t)argc + 1, sizeof *resp);
	ldiff_consolidation *c = NULL;
	ldiff_clauses *base = NULL;
	ldiff_diff_opts dopt;
	ldiff_error err;
	char *draft = NULL;
	size_t draft_len = 0;
	int i, status = KL_TROUBLE;

	if (resp == NULL)
		kl_die("%s", strerror(ENOMEM));
	if (o->paper != PAPER_NONE || o->fmt == FMT_MARKDOWN) {
		kl_warn(_("--base writes text, --json, --stat, --html or "
		    "--docx"));
		kl_usage_error();
	}
	kl_check_output(o->output, (const char *const *)argv, (size_t)argc);
	kl_check_output(o->output, &o->base, 1);
	if ((base = read_base(o, &draft, &draft_len)) == NULL ||
	    read_responses(argc, argv, o, resp) != 0)
		goto out;
	ldiff_diff_opts_init(&dopt);
	dopt.threads = 0;
	memset(&err, 0, sizeof err);
	if (ldiff_consolidation_new(&c, base, o->base, resp, (size_t)argc,
	    &o->xo, &o->so, &dopt, &err) != 0) {
		kl_warn("%s", err.msg[0] != '\0' ? err.msg :
		    ldiff_strerror(err.code));
		goto out;
	}
	if (render_consolidation(c, o, draft, draft_len) == 0)
		status = ldiff_consolidation_count(c) > 0 ? KL_DIFF : KL_SAME;
out:
	ldiff_consolidation_free(c);
	ldiff_clauses_free(base);
	free(draft);
	for (i = 0; i < argc; i++)
		free((void *)resp[i].data);
	free(resp);
	return status;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct inputs in = { NULL, NULL, 0, NULL, 0 };
	ldiff_diff *d = NULL;
	ldiff_diff_opts dopt;
	ldiff_error err;
	int first, status = KL_TROUBLE;

	kl_init(argc, argv, "kldiff");
	signal(SIGPIPE, SIG_IGN);	/* EPIPE: kl_exit_if_epipe() */
	memset(&o, 0, sizeof o);
	o.width = -1;
	ldiff_render_opts_init(&o.ro);
	ldiff_extract_opts_init(&o.xo);
	ldiff_split_opts_init(&o.so);
	first = parse_options(argc, argv, &o);
	o.so.limits = o.xo.limits;
	if (o.base != NULL && argc - first < 1) {
		kl_warn(_("no responses to compare with the draft"));
		kl_usage_error();
	}
	if (o.base != NULL && o.nlabels > (size_t)(argc - first)) {
		kl_warn(_("%zu labels (-L) for %d responses: at most one per "
		    "response"), o.nlabels, argc - first);
		kl_usage_error();
	}
	if (o.base != NULL) {
		argc = first + drop_draft(argc - first, argv + first, &o);
		if (argc - first < 1) {
			kl_warn(_("no responses to compare with the draft"));
			kl_usage_error();
		}
		status = consolidate(argc - first, argv + first, &o);
		free(o.labels);
		return status;
	}
	if (argc - first < 2) {
		kl_warn(argc - first == 0 ? _("no versions to compare") :
		    _("one version is not enough: give OLD and NEW"));
		fprintf(stderr, _("Usage: %s [OPTION]... OLD NEW [NEWER]...\n"),
		    kl_prog);
		kl_usage_error();
	}
	/* fewer labels than versions name the first ones (diff -L does
	 * the same); more would be dropped unseen */
	if (o.nlabels > (size_t)(argc - first)) {
		kl_warn(_("%zu labels (-L) for %d versions: at most one per "
		    "version"), o.nlabels, argc - first);
		kl_usage_error();
	}
	o.so.limits = o.xo.limits;
	kl_check_output(o.output, (const char *const *)(argv + first),
	    (size_t)(argc - first));
	if (read_inputs(argc - first, argv + first, &o, &in) != 0)
		goto out;
	ldiff_diff_opts_init(&dopt);
	dopt.threads = 0;	/* one per processor */
	memset(&err, 0, sizeof err);
	if (ldiff_diff_new(&d, (const ldiff_clauses *const *)in.cl,
	    in.names, in.n, &dopt, &err) != 0) {
		/* the message names the versions compared */
		kl_warn("%s", err.msg[0] != '\0' ? err.msg :
		    ldiff_strerror(err.code));
		goto out;
	}
	if (render(d, &o, &in) != 0)
		goto out;
	status = shows_differences(d, o.ro.hide) ? KL_DIFF : KL_SAME;
out:
	ldiff_diff_free(d);
	free_inputs(&in);
	free(o.labels);
	return status;
}
