/*
 * docx2text.c - test driver: a .docx through ldiff_doc_from_docx_file and
 * out as text, so the extractor can be tested without any tool.
 *
 *   docx2text [-c accept|reject|markup] [-f plain|tsv|json] [-a] FILE
 *
 * -a adds notes, comments, headers and footers to plain output.  Exit 0, or
 * 2 with "docx2text: message" on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libdiff.h"

int
main(int argc, char **argv)
{
	ldiff_extract_opts o;
	ldiff_format fmt = LDIFF_FMT_PLAIN;
	ldiff_error err;
	ldiff_doc *d = NULL;
	unsigned plain = 0;
	int c, r;

	ldiff_extract_opts_init(&o);
	while ((c = getopt(argc, argv, "ac:f:")) != -1) {
		switch (c) {
		case 'a':
			plain = LDIFF_PLAIN_NOTES | LDIFF_PLAIN_COMMENTS |
			    LDIFF_PLAIN_HEADERS;
			break;
		case 'c':
			o.changes = strcmp(optarg, "reject") == 0 ?
			    LDIFF_CHANGES_REJECT : strcmp(optarg, "markup") == 0 ?
			    LDIFF_CHANGES_MARKUP : LDIFF_CHANGES_ACCEPT;
			break;
		case 'f':
			fmt = strcmp(optarg, "tsv") == 0 ? LDIFF_FMT_TSV :
			    strcmp(optarg, "json") == 0 ? LDIFF_FMT_JSON :
			    LDIFF_FMT_PLAIN;
			break;
		default:
			fprintf(stderr, "usage: docx2text [-a] [-c MODE] "
			    "[-f FMT] FILE\n");
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: docx2text [-a] [-c MODE] [-f FMT] "
		    "FILE\n");
		return 2;
	}
	memset(&err, 0, sizeof err);
	r = ldiff_doc_from_docx_file(&d, argv[optind], &o, &err);
	if (r != 0) {
		fprintf(stderr, "docx2text: %s\n", err.msg);
		return 2;
	}
	r = ldiff_doc_write(d, stdout, fmt, plain);
	ldiff_doc_free(d);
	if (r != 0 || fflush(stdout) != 0) {
		fprintf(stderr, "docx2text: write error\n");
		return 2;
	}
	return 0;
}
