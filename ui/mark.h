/*
 * mark.h - the console's writes, each one engine call: marking a rule on
 * the agent (or group) at the cursor, undo, inspection OK, handing a
 * confiscated item back.  Refusals (a lead, a read-only database, an
 * empty seat) come back as a message, never silence.
 */
#ifndef CALLFLOOR_UI_MARK_H
#define CALLFLOOR_UI_MARK_H

#include "ui.h"

/* Starts marking rule on the cursor's agent (group rules: its group):
 * asks for what the rule needs (confirmation, amount, note), then marks. */
void mark_rule(struct ui *u, int rule);
/* x: the rule menu, then mark_rule. */
void mark_menu(struct ui *u);
/* u: takes back this console's own newest write (see struct undo). */
void mark_undo(struct ui *u);
/* i: the seat inspected OK, then the cursor moves on. */
void mark_inspect(struct ui *u);
/* r: hands back what is held for the cursor's agent. */
void mark_return(struct ui *u);
/* S: signs the cursor's agent in now (attendance; a late arrival is a
 * LATE mark made in the same transaction). */
void mark_signin(struct ui *u);
/* E: asks for and records the cursor's agent's attendance explanation
 * for today (A2). */
void mark_explain(struct ui *u);

#endif
