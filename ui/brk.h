/*
 * brk.h - B at the console: the break of the agent at the cursor.  On an
 * agent at the desk it opens the reason menu and starts the break (or
 * queues it beyond the group's max_away); on one away it ends it; on one
 * who is next it starts it; on one queued it asks to leave the queue.
 */
#ifndef CALLFLOOR_UI_BRK_H
#define CALLFLOOR_UI_BRK_H

#include "ui.h"

void brk_key(struct ui *u);
/* After a reload: says on the message line who has just become next. */
void brk_announce(struct ui *u);
void brk_free(struct ui *u);

#endif
