/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * docx_pack.c - a WordprocessingML package written through libzip.
 *
 * A writer gathers its parts in memory (ld_docx_parts), then the package
 * is zipped into a libzip buffer source and copied to the caller's FILE *
 * only when the archive is whole, so a failure leaves nothing half
 * written.  Every entry has the same time (1980-01-01, the first a zip can
 * hold) so that the bytes depend on the input only, and
 * [Content_Types].xml comes first, where readers that sniff a package
 * look for it.  The same steps as the redline's (render_docx.c), kept
 * apart so that a writer of a package of its own needs no redline.
 */
#include <string.h>

#include <zip.h>

#include "render/docx_pack.h"

ld_buf *
ld_docx_part_add(ld_docx_parts *op, const char *name)
{
	size_t k;
	char *copy;

	if (op->n == op->cap) {
		size_t cap = op->cap ? op->cap * 2 : 16;
		char **nn = ld_reallocarray(op->name, cap, sizeof *nn);
		ld_buf *nd;

		if (nn == NULL)
			return NULL;
		op->name = nn;
		nd = ld_reallocarray(op->data, cap, sizeof *nd);
		if (nd == NULL)
			return NULL;
		op->data = nd;
		op->cap = cap;
	}
	copy = ld_malloc(strlen(name) + 1);
	if (copy == NULL)
		return NULL;
	strcpy(copy, name);
	k = op->n++;
	op->name[k] = copy;
	ld_buf_init(&op->data[k]);
	return &op->data[k];
}

int
ld_docx_part_adds(ld_docx_parts *op, const char *name, const char *s)
{
	ld_buf *b = ld_docx_part_add(op, name);

	return b == NULL || ld_buf_adds(b, s) != 0 ? LDIFF_ENOMEM : 0;
}

void
ld_docx_parts_free(ld_docx_parts *op)
{
	size_t k;

	for (k = 0; k < op->n; k++) {
		ld_free(op->name[k]);
		ld_buf_free(&op->data[k]);
	}
	ld_free(op->name);
	ld_free(op->data);
	memset(op, 0, sizeof *op);
}

void
ld_docx_xml_text(ld_buf *b, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep;

		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"')
			rep = "&quot;";
		else if (c < 0x20 || (c == 0xef && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0xbf &&
		    (unsigned char)s[i + 2] >= 0xbe))
			rep = "";
		else
			continue;
		ld_buf_add(b, s + run, i - run);
		ld_buf_adds(b, rep);
		if (c == 0xef)
			i += 2;
		run = i + 1;
	}
	ld_buf_add(b, s + run, len - run);
}

/* libzip could not build the archive: out of memory, or (a name it
 * cannot store) an invalid argument. */
static int
archive_error(zip_error_t *ze, ldiff_error *err)
{
	if (zip_error_code_zip(ze) == ZIP_ER_MEMORY)
		return ld_error(err, LDIFF_ENOMEM, NULL);
	return ld_error(err, LDIFF_EINVAL, "%s: %s", _("cannot build the zip "
	    "archive"), zip_error_strerror(ze));
}

static int
add_part(zip_t *z, const char *name, const ld_buf *data, ldiff_error *err)
{
	zip_source_t *s;
	zip_int64_t i;

	s = zip_source_buffer(z, data->len ? data->data : "", data->len, 0);
	i = s != NULL ? zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) : -1;
	if (i < 0) {
		zip_source_free(s);
		return archive_error(zip_get_error(z), err);
	}
	if (zip_file_set_mtime(z, (zip_uint64_t)i, 315532800, 0) != 0 ||
	    zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE,
	    1) != 0)
		return archive_error(zip_get_error(z), err);
	return 0;
}

static int
add_parts(zip_t *z, const ld_docx_parts *op, ldiff_error *err)
{
	int pass, r = 0;
	size_t k;

	for (pass = 0; pass < 2 && r == 0; pass++)
		for (k = 0; k < op->n && r == 0; k++)
			if ((strcmp(op->name[k], "[Content_Types].xml") == 0) ==
			    (pass == 0))
				r = add_part(z, op->name[k], &op->data[k], err);
	return r;
}

static int
copy_out(zip_source_t *src, FILE *out, ldiff_error *err)
{
	char buf[16384];
	zip_int64_t n = 0;
	int r = 0;

	if (zip_source_open(src) != 0)
		return archive_error(zip_source_error(src), err);
	while (r == 0 && (n = zip_source_read(src, buf, sizeof buf)) > 0)
		if ((r = ld_fwrite_all(out, buf, (size_t)n)) != 0)
			ld_error(err, r, NULL);
	if (r == 0 && n < 0)
		r = archive_error(zip_source_error(src), err);
	zip_source_close(src);
	return r;
}

int
ld_docx_write_zip(const ld_docx_parts *op, FILE *out, ldiff_error *err)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z = NULL;
	int r;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src != NULL)
		z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (z == NULL) {
		r = archive_error(&ze, err);
		zip_source_free(src);
		zip_error_fini(&ze);
		return r;
	}
	zip_error_fini(&ze);
	zip_source_keep(src);
	r = add_parts(z, op, err);
	if (r == 0 && zip_close(z) != 0)
		r = archive_error(zip_get_error(z), err);
	if (r != 0)
		zip_discard(z);
	else
		r = copy_out(src, out, err);
	zip_source_free(src);
	return r;
}
