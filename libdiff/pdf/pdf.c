/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/pdf.c - ldiff_doc_from_pdf_mem: a PDF as paragraph records.
 *
 * The three passes of pdf.h in order; the document is handed out only
 * when every pass succeeded, so a caller never sees half a PDF.
 */
#include "pdf/pdf.h"

int
ldiff_doc_from_pdf_mem(ldiff_doc **out, const void *data, size_t len,
    const ldiff_extract_opts *o, ldiff_error *err)
{
	ldiff_extract_opts def;
	ldiff_doc *d = NULL;
	ld_pdf pdf;
	int r;

	*out = NULL;
	if (data == NULL)
		return ld_error(err, LDIFF_EINVAL, _("no data"));
	if (o == NULL) {
		ldiff_extract_opts_init(&def);
		o = &def;
	}
	if ((r = ld_check_extract_opts(o, err)) != 0)
		return r;
	r = ld_pdf_load(&pdf, data, len, &o->limits, err);
	if (r == 0 && ((r = ld_pdf_furniture(&pdf)) != 0 ||
	    (r = ld_doc_new(&d, &o->limits)) != 0))
		r = ld_error(err, r, NULL);
	if (r == 0)
		r = ld_pdf_paragraphs(d, &pdf, err);
	ld_pdf_free(&pdf);
	if (r != 0) {
		ldiff_doc_free(d);
		return r;
	}
	*out = d;
	return 0;
}
