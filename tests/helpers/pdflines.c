/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdflines - the lines the PDF reader sees, with box, font size, weight,
 * cells and role: for finding out why a PDF's paragraphs came out as they
 * did (furniture.c and paragraphs.c decide on these numbers).
 *
 *   build/tests/pdflines FILE.pdf
 */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "pdf/pdf.h"

static const char *const roles[] = { "body", "header", "footer", "note" };

int
main(int argc, char **argv)
{
	ldiff_limits lim;
	ldiff_error err = { 0 };
	ld_pdf pdf;
	char *data;
	size_t len, p, i;
	long n;
	FILE *f;

	if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: pdflines FILE.pdf\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc(n > 0 ? (size_t)n : 1);
	len = data != NULL ? fread(data, 1, (size_t)n, f) : 0;
	fclose(f);
	ldiff_limits_init(&lim);
	if (ld_pdf_load(&pdf, data, len, &lim, &err) != 0) {
		fprintf(stderr, "pdflines: %s\n", err.msg);
		return 2;
	}
	if (ld_pdf_furniture(&pdf) != 0)
		return 2;
	printf("body size %.1f\n", pdf.body_size);
	for (p = 0; p < pdf.npages; p++)
		for (i = 0; i < pdf.pages[p].n; i++) {
			const ld_pdf_line *ln = &pdf.pages[p].lines[i];

			printf("%zu %-6s %6.1f %6.1f %6.1f %6.1f %4.1f%s c%zu m%d"
			    " [%s] %s\n", p + 1, roles[ln->role], ln->x0,
			    ln->y0, ln->x1, ln->y1, ln->size,
			    ln->bold ? "b" : " ", ln->ncells, ln->note_mark,
			    ln->refs, ln->text);
		}
	ld_pdf_free(&pdf);
	free(data);
	return 0;
}
