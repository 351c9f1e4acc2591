/*
 * terms.h - a rule's terms (money and consequences) as one line of text,
 * so that each incident can keep the terms in force when it was marked.
 * The format is private to callfloor but stable: "key=value;..." pairs.
 */
#ifndef CALLFLOOR_TERMS_H
#define CALLFLOOR_TERMS_H

#include "floor.h"

/* Appends the canonical text of t to b (same terms, same text). */
void terms_format(const struct rule_terms *t, struct buf *b);
/* Appends a reader's summary of the terms ("10.00 +director 10.00 ...");
 * amounts prefixed with currency (may be ""). */
void terms_describe(const struct rule_terms *t, const char *currency,
    struct buf *out);
/* Parses terms_format's text; -1 when it is not such a text. */
int terms_parse(const char *s, struct rule_terms *t);

#endif
