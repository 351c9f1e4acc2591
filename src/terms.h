/*
 * terms.h - a rule's terms (money and consequences) as one line of text,
 * so that each incident can keep the terms in force when it was marked.
 * The format is private to callfloor but stable: "key=value;..." pairs.
 */
#ifndef CALLFLOOR_TERMS_H
#define CALLFLOOR_TERMS_H

#include <stdint.h>

#include "floor.h"

struct store;

/* Appends the canonical text of t to b (same terms, same text). */
void terms_format(const struct rule_terms *t, struct buf *b);
/* Appends a reader's summary of the terms ("10.00 +director 10.00 ...");
 * amounts prefixed with currency (may be ""). */
void terms_describe(const struct rule_terms *t, const char *currency,
    struct buf *out);
/* Parses terms_format's text; -1 when it is not such a text. */
int terms_parse(const char *s, struct rule_terms *t);
/* The terms frozen with rule version `version` (what the rule was when an
 * incident was marked).  0, or -1 with e set. */
int terms_load(struct store *s, int64_t version, struct rule_terms *t,
    struct err *e);

#endif
