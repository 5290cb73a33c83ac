/*
 * render_docx.c - the last version as a .docx with tracked changes
 * (being written; see render_html.c for the unit walk).
 */
#include "internal.h"

int
ldiff_render_docx(const ldiff_diff *d, const void *new_docx,
    size_t new_len, FILE *out, const ldiff_render_opts *o,
    ldiff_error *err)
{
	LD_UNUSED(d);
	LD_UNUSED(new_docx);
	LD_UNUSED(new_len);
	LD_UNUSED(out);
	LD_UNUSED(o);
	return ld_error(err, LDIFF_EINVAL, "%s", _("DOCX output is not ready"));
}
