/*
 * search.h - `/`: find a seat by agent name (Chinese or Latin), staff id
 * or seat id; the cursor follows as the user types.
 */
#ifndef CALLFLOOR_UI_SEARCH_H
#define CALLFLOOR_UI_SEARCH_H

#include "ui.h"

void search_start(struct ui *u);

#endif
