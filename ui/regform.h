/*
 * regform.h - the console's form for rule B14's register: K on the agent
 * at the cursor asks caller, phone, kind and note, then records the entry
 * through the engine (complaint_add), as `callfloor complaint add` does.
 */
#ifndef CALLFLOOR_UI_REGFORM_H
#define CALLFLOOR_UI_REGFORM_H

#include "ui.h"

/* K: opens the form on the cursor's agent. */
void regform_open(struct ui *u);

#endif
