/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf/hyphen.c - is a hyphen at the end of a line the typesetter's or
 * the author's?
 *
 * "utvecklings-" + "ansvaret" is one word broken by the layout, but
 * "kompetens-" + "och" is Swedish's shared compound part ("kompetens- och
 * utbildningsfrågor") and "Västerbottens-" + "kommunerna" is a compound
 * the author wrote with a hyphen.  The document itself is the best
 * dictionary: when the joined word, or a word of the same Snowball stem,
 * occurs elsewhere in it, the hyphen was the typesetter's.  Otherwise the
 * case decides: a capital after the hyphen keeps it, and so does a
 * capital before it when that part is a word of the document, an
 * abbreviation or a genitive ("Västerbottens-"): a name's compound;
 * anything else is read as a word broken by automatic hyphenation.
 */
#include "pdf/pdf.h"

struct ld_hyphen {
	ld_lexicon *lx;
	uint32_t nwords;	/* ids below this are the document's words */
	unsigned char *known;	/* per term id: a document word has it */
	size_t nknown;
	int ready;
};

int
ld_hyphen_new(ld_hyphen **out)
{
	ld_hyphen *h = ld_calloc(1, sizeof *h);

	*out = NULL;
	if (h == NULL || ld_lexicon_new(&h->lx) != 0) {
		ld_free(h);
		return LDIFF_ENOMEM;
	}
	*out = h;
	return 0;
}

void
ld_hyphen_free(ld_hyphen *h)
{
	if (h == NULL)
		return;
	ld_lexicon_free(h->lx);
	ld_free(h->known);
	ld_free(h);
}

int
ld_hyphen_learn(ld_hyphen *h, const char *text)
{
	uint32_t *ids = NULL;
	size_t n = 0, i;
	int r = ld_lexicon_words(h->lx, text, &ids, &n);

	for (i = 0; i < n; i++)
		if (ids[i] + 1 > h->nwords)
			h->nwords = ids[i] + 1;
	ld_free(ids);
	return r;
}

/* The stems of every learned word, once, before the first question. */
static int
make_ready(ld_hyphen *h)
{
	uint32_t w;
	long t;

	for (w = 0; w < h->nwords; w++)
		if ((t = ld_lexicon_term(h->lx, w)) < 0)
			return (int)t;
	h->nknown = ld_lexicon_nterms(h->lx);
	h->known = ld_calloc(h->nknown + 1, 1);
	if (h->known == NULL)
		return LDIFF_ENOMEM;
	for (w = 0; w < h->nwords; w++)
		h->known[ld_lexicon_term(h->lx, w)] = 1;
	h->ready = 1;
	return 0;
}

/* Words after which a hyphen is a shared compound part. */
static int
is_conjunction(const char *s, size_t n)
{
	static const char *const words[] = { "och", "eller", "samt",
	    "respektive", "resp.", "liksom", "som", "men", "till", "än" };
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

static int
starts_upper(const char *s, size_t n)
{
	int32_t cp;

	ld_utf8_decode(s, n, &cp);
	return (cp >= 'A' && cp <= 'Z') || cp == 0xC5 || cp == 0xC4 ||
	    cp == 0xD6 || cp == 0xC9 || cp == 0xDC;
}

static int
all_upper(const char *s, size_t n)
{
	int32_t cp;
	size_t i, k;

	for (i = 0; i < n; i += k) {
		if (!starts_upper(s + i, n - i))
			return 0;
		if ((k = ld_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
	}
	return n > 1;
}

static int
ends_digit(const char *s, size_t n)
{
	return n > 0 && s[n - 1] >= '0' && s[n - 1] <= '9';
}

/* 1 when the word left+right is a document word (exactly, or by stem). */
static int
known_word(ld_hyphen *h, const char *left, size_t nl, const char *right,
    size_t nr)
{
	uint32_t *ids = NULL;
	size_t n = 0;
	char buf[256];
	int found = 0;
	long t;

	if (nl + nr + 1 > sizeof buf)
		return 0;
	memcpy(buf, left, nl);
	memcpy(buf + nl, right, nr);
	buf[nl + nr] = '\0';
	if (ld_lexicon_words(h->lx, buf, &ids, &n) != 0 || n != 1) {
		ld_free(ids);
		return 0;
	}
	if (ids[0] < h->nwords)
		found = 1;
	else if ((t = ld_lexicon_term(h->lx, ids[0])) >= 0 &&
	    (size_t)t < h->nknown && h->known[t])
		found = 1;
	ld_free(ids);
	return found;
}

int
ld_hyphen_join(ld_hyphen *h, const char *left, size_t nl,
    const char *right, size_t nr)
{
	const char *dash;
	size_t i;

	/* Only the parts next to the line end are looked up: in
	 * "Väs-" + "terbottens-kommunerna," the word is "Västerbottens",
	 * in "Västerbottens-kom-" + "munerna" it is "kommunerna". */
	for (i = nl; i > 0 && left[i - 1] != '-'; i--)
		;
	left += i;
	nl -= i;
	if ((dash = memchr(right, '-', nr)) != NULL)
		nr = (size_t)(dash - right);
	if (is_conjunction(right, nr))
		return LD_HY_SPACE;
	if (nl == 0 || nr == 0 || ends_digit(left, nl) ||
	    starts_upper(right, nr))
		return LD_HY_KEEP;	/* "2023-", "EU-Stöd" */
	if (!h->ready && make_ready(h) != 0)
		return LD_HY_KEEP;
	if (known_word(h, left, nl, right, nr))
		return LD_HY_JOIN;
	/* A name or an abbreviation before an author's hyphen is a word of
	 * its own: "Västerbottens-kommunerna" (a word of the document, or a
	 * name's genitive linking a compound), "EU-finansierade"; "Regi-"
	 * + "on" is none of them. */
	if (starts_upper(left, nl) && (all_upper(left, nl) ||
	    known_word(h, left, nl, "", 0) || (nl >= 5 && left[nl - 1] == 's')))
		return LD_HY_KEEP;
	return LD_HY_JOIN;
}
