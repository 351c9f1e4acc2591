/*
 * theme.h - colour roles.  Code asks for a role ("the header", "a seat
 * with an incident"), never for a colour; the theme maps roles to colour
 * pairs, or to bold/reverse/underline when the terminal has no colour or
 * NO_COLOR is set.  A role is never the only signal: seats carry glyphs.
 */
#ifndef CALLFLOOR_UI_THEME_H
#define CALLFLOOR_UI_THEME_H

#include "ui.h"

enum role {
	ROLE_NORMAL,
	ROLE_HEADER,		/* the top line */
	ROLE_BANNER,		/* read-only warning */
	ROLE_STATUS,		/* the key bar */
	ROLE_STATUS_KEY,	/* a key in the key bar */
	ROLE_MSG,		/* the message after an action */
	ROLE_MSG_ERR,		/* a refusal or an error */
	ROLE_TITLE,		/* headings in panels and pages */
	ROLE_DIM,		/* secondary text */
	ROLE_CURSOR,		/* added to the cell under the cursor */
	ROLE_PROMPT,
	ROLE_SELECT,		/* the chosen line of a menu */
	ROLE_VOID,		/* a voided incident */
	ROLE_BRK_AWAY,		/* a seat whose agent is away on a break */
	ROLE_BRK_OVER,		/* ... past the break's limit: the alert */
	ROLE_BRK_QUEUED,	/* ... queued for a break, or next */
	ROLE_ABSENT,		/* wallboard: an absent agent's seat */
	ROLE_SEAT,		/* + enum seat_state */
	ROLE_NROLES = ROLE_SEAT + SEAT_NSTATES
};

/* Chooses colour or monochrome; call once after the screen starts. */
void theme_init(void);
attr_t theme_attr(int role);
/* The role of a seat in a state. */
int theme_seat(enum seat_state st);
/* The role of a seat's view: its break first, else its state. */
int theme_seat_view(const struct seat_view *v);

#endif
