/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clause/label.h - the number a paragraph shows, as the building of
 * clauses (clause.c) needs it from labels.c: computed by Word's list
 * numbering, or typed at the start of the text.  Private to clause/.
 */
#ifndef LD_CLAUSE_LABEL_H
#define LD_CLAUSE_LABEL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "clause/clause.h"

enum labcls { LAB_NONE, LAB_ABS, LAB_REL, LAB_BULLET };

typedef struct label {
	enum labcls cls;
	const char *shown;	/* as the document shows it */
	size_t len;
	size_t skip;		/* bytes of the text it takes (typed) */
	int level;		/* 0: from the context */
	int decimal;		/* number of parts of a decimal number, or 0 */
	int head_only;		/* "1 Parter": a number only on a heading */
} label;

/* The compiled pattern of typed numbers and its group numbers: built once
 * per split, so that each paragraph costs one match at most. */
typedef struct ld_typed {
	pcre2_code *re;
	pcre2_match_data *md;
	uint32_t g_kap, g_par, g_spar, g_word, g_dec, g_rel, g_bul, g_hnum;
} ld_typed;

/* 0 or LDIFF_ENOMEM; free with ld_typed_free (also after a failure). */
int ld_typed_init(ld_typed *t);
void ld_typed_free(ld_typed *t);
/* A number typed at the start of s[0..n) (already trimmed); lb->cls is
 * LAB_NONE when there is none. */
void ld_label_typed(const ld_typed *t, label *lb, const char *s, size_t n);
/* Classify the label Word's numbering gave paragraph p. */
void ld_label_computed(label *lb, const ldiff_para *p);

#endif /* LD_CLAUSE_LABEL_H */
