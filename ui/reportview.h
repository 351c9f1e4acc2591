/*
 * reportview.h - R previews today's end-of-day report in the pager; P
 * prints it (after a confirmation).  The report itself is report.c's.
 */
#ifndef CALLFLOOR_UI_REPORTVIEW_H
#define CALLFLOOR_UI_REPORTVIEW_H

#include "ui.h"

void reportview_open(struct ui *u);
/* Refills an open preview (the data changed). */
void reportview_rebuild(struct ui *u);
void reportview_print(struct ui *u);

#endif
