/*
 * detail.h - the seat detail screen (Enter): who sits there, what is held,
 * the incidents of today and of this month with offence numbers, fines,
 * co-penalties they caused and voids, and fines that fell on the agent
 * through others' incidents.
 */
#ifndef CALLFLOOR_UI_DETAIL_H
#define CALLFLOOR_UI_DETAIL_H

#include "ui.h"

void detail_open(struct ui *u, int seat);
/* Refills an open detail (the data changed). */
void detail_rebuild(struct ui *u);

#endif
