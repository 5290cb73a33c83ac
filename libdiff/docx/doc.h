/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * docx/doc.h - the paragraph container every reader appends to (the .docx
 * readers of this folder, the record readers of clause/).
 */
#ifndef LD_DOC_H
#define LD_DOC_H

#include "util/util.h"

/* ---- documents (doc.c) ------------------------------------------------
 * A document is an arena and a growing array of paragraphs.  Extractors
 * (wordml.c) and record readers append with ld_doc_add(); every string of
 * a paragraph lives in d->arena. */
struct ldiff_doc {
	ld_arena *arena;
	ldiff_para *paras;
	size_t n, cap;
	ldiff_limits limits;
	const char **warnings;	/* in the arena */
	size_t nwarn, capwarn;
};
int ld_doc_new(ldiff_doc **out, const ldiff_limits *lim);
/* Append a paragraph with every string "" and every number 0; NULL when
 * out of memory or past limits.max_paras (*code says which). */
ldiff_para *ld_doc_add(ldiff_doc *d, int *code);
/* Keep a warning for the caller (ldiff_doc_warning); LDIFF_ENOMEM. */
int ld_doc_warn(ldiff_doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Kind from its record name ("heading" ...), -1 if unknown. */
int ld_para_kind_from_name(const char *name);
/* 0, or LDIFF_EINVAL when o or its limits are of a version this library
 * does not read (see ld_check_version). */
int ld_check_extract_opts(const ldiff_extract_opts *o, ldiff_error *err);

#endif /* LD_DOC_H */
