/*
 * pager.h - the scrolling text screen behind help (?), seat detail (Enter)
 * and the report preview (R).  It shows lines it is given; the modules
 * that fill it decide what they say.
 */
#ifndef CALLFLOOR_UI_PAGER_H
#define CALLFLOOR_UI_PAGER_H

#include "ui.h"

/* Empties the pager and names what it will show. */
void pager_open(struct ui *u, enum pager_kind kind, const char *title);
void pager_add(struct ui *u, int role, const char *text);
void pager_addf(struct ui *u, int role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds text line by line (form feeds dropped). */
void pager_add_text(struct ui *u, int role, const char *text);
void pager_free(struct ui *u);

void pager_draw(struct ui *u);
void pager_key(struct ui *u, int key);
/* Keeps the scroll position within the lines after a refill. */
void pager_clamp(struct ui *u);

#endif
