/*
 * rulebook.h - the rulebook as a whole: its canonical text and hash, and
 * noting it in the database the first time a write happens under it.
 */
#ifndef CALLFLOOR_RULEBOOK_H
#define CALLFLOOR_RULEBOOK_H

#include "../db/store.h"
#include "floor.h"
#include "sha256.h"

/* Appends the canonical text of f's rulebook to b: one line a rule,
 * "CODE<TAB>title<TAB>title_zh<TAB>terms", in the configuration's order. */
void rulebook_text(const struct floor *f, struct buf *b);

/* The SHA-256 hex digest of rulebook_text. */
void rulebook_hash(const struct floor *f, char out[SHA256_HEX]);

/* Records f's rulebook in s when s has not seen it (audited as a
 * "rulebook change").  Call inside a write transaction. */
int rulebook_note(const struct floor *f, struct store *s, struct err *e);

#endif
