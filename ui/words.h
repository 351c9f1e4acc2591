/*
 * words.h - how the console says things: names (or staff ids where the
 * locale cannot show them), money with the floor's currency, times, a
 * rule's terms, and the message line after a mark.  Text only: no curses
 * calls, no database, no pricing (amounts come from the engine's rows).
 */
#ifndef CALLFLOOR_UI_WORDS_H
#define CALLFLOOR_UI_WORDS_H

#include "ui.h"

/* True when the terminal can show s (always, unless the locale is ASCII). */
bool words_showable(const struct ui *u, const char *s);
/* A staff member's name, or the staff id when it cannot be shown. */
const char *words_staff(const struct ui *u, int staff);
/* The same by staff id; the id itself for someone no longer on staff. */
const char *words_staff_id(const struct ui *u, const char *id);
/* "李娜 E101", or "E101" alone when the name cannot be shown. */
void words_person(const struct ui *u, const char *id, struct buf *out);
const char *words_group(const struct ui *u, int g);
const char *words_floor(const struct ui *u);
/* A rule's title: English, and Chinese after it when it can be shown. */
void words_rule_title(const struct ui *u, const struct rule *r, struct buf *out);

/* "¥12.50" (or "12.50" when the currency sign cannot be shown). */
void words_money(const struct ui *u, fen_t amount, struct buf *out);
/* "HH:MM" of t; with_day: "MM-DD HH:MM". */
void words_time(int64_t t, bool with_day, char *out, size_t n);
/* A rule's price and consequences in a few words ("¥10.00 +director ..."). */
void words_terms(const struct ui *u, const struct rule *r, struct buf *out);
/* The message after a mark: each fine, co-penalties with names, vacancies. */
void words_mark(const struct ui *u, const struct mark_result *res,
    struct buf *out);
/* " · " or " | " in ASCII. */
const char *words_sep(const struct ui *u);

#endif
