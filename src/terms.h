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
/* Parses terms_format's text; -1 when it is not such a text. */
int terms_parse(const char *s, struct rule_terms *t);

#endif
