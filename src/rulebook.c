/*
 * rulebook.c - names a whole rulebook by the hash of its canonical text.
 * The per-rule terms are frozen with each incident (terms.c); this keeps
 * the book as a whole, so an auditor can say which rules were in force
 * on any day.  Prices nothing.
 */
#include "rulebook.h"

#include <stdlib.h>

#include "../db/audit.h"
#include "terms.h"

void
rulebook_text(const struct floor *f, struct buf *b)
{
	int i;

	for (i = 0; i < f->nrules; i++) {
		const struct rule *r = &f->rules[i];

		buf_printf(b, "%s\t%s\t%s\t", r->code, r->title,
		    r->title_zh ? r->title_zh : "");
		terms_format(&r->t, b);
		buf_puts(b, "\n");
	}
}

void
rulebook_hash(const struct floor *f, char out[SHA256_HEX])
{
	struct buf b = { 0 };

	rulebook_text(f, &b);
	sha256_hex(b.s ? b.s : "", b.len, out);
	buf_free(&b);
}

int
rulebook_note(const struct floor *f, struct store *s, struct err *e)
{
	struct buf b = { 0 };
	char hash[SHA256_HEX];
	int rc;

	rulebook_text(f, &b);
	sha256_hex(b.s ? b.s : "", b.len, hash);
	rc = store_rulebook_note(s, hash, f->nrules, b.s ? b.s : "", NULL, e);
	buf_free(&b);
	return rc;
}
