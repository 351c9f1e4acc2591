/*
 * prompt.h - the prompts that open on top of a screen: a line of text
 * (search, amount, note), a yes/no question, the rule menu.  A prompt is
 * state, not a loop of its own: it redraws on resize like any screen, and
 * its done() callback runs once it has closed.
 */
#ifndef CALLFLOOR_UI_PROMPT_H
#define CALLFLOOR_UI_PROMPT_H

#include "ui.h"

typedef void (*prompt_done_fn)(struct ui *u, bool ok, const char *text,
    int choice);

/* A line of text; prefill is replaced by the first key when fresh. */
void prompt_line(struct ui *u, const char *label, const char *prefill,
    bool fresh, prompt_done_fn done);
/* y answers yes; n, Esc, Enter or q answer no. */
void prompt_confirm(struct ui *u, const char *question, prompt_done_fn done);
/* Every rule, ranked and filtered as the user types (match.h); choice is
 * the rule index.  label says on whom the chosen rule will fall. */
void prompt_menu(struct ui *u, const char *label, prompt_done_fn done);
/* The text after the typed text: match counts, what was wrong. */
void prompt_hint(struct ui *u, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void prompt_close(struct ui *u);

void prompt_draw(struct ui *u);
void prompt_key(struct ui *u, int key);

#endif
