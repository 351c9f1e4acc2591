/*
 * theme.c - colour roles and the monochrome theme.  It decides how a role
 * looks and nothing else: it knows no floor, draws nothing, reads nothing.
 * Colour is used only when the terminal has it and NO_COLOR is not set.
 */
#include "theme.h"

#include <stdlib.h>

struct look {
	short fg, bg;		/* -1: the terminal's default */
	attr_t colour_attr;	/* added in the colour theme */
	attr_t mono;		/* the whole look in monochrome */
};

static const struct look looks[ROLE_NROLES] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_HEADER] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_BANNER] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_STATUS] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ROLE_STATUS_KEY] = { COLOR_BLUE, COLOR_WHITE, A_BOLD, A_NORMAL | A_BOLD },
	[ROLE_MSG] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_MSG_ERR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_TITLE] = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_CURSOR] = { -1, -1, A_REVERSE, A_REVERSE },
	[ROLE_PROMPT] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_SELECT] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_VOID] = { -1, -1, A_DIM, A_DIM },
	[ROLE_BRK_AWAY] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_BRK_OVER] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_BRK_QUEUED] = { COLOR_BLUE, -1, A_BOLD, A_UNDERLINE },
	[ROLE_ABSENT] = { -1, -1, A_DIM, A_DIM },
	[ROLE_SEAT + SEAT_EMPTY] = { -1, -1, A_DIM, A_DIM },
	[ROLE_SEAT + SEAT_PENDING] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_SEAT + SEAT_OK] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_SEAT + SEAT_INCIDENT] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_SEAT + SEAT_FLAGGED] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_SEAT + SEAT_CUSTODY] = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD | A_UNDERLINE },
};

static attr_t attrs[ROLE_NROLES];
static bool colour;

/*
 * Plain getenv on purpose: NO_COLOR only changes how the screen looks, and
 * secure_getenv would ignore it in the setgid install, where curses reads
 * TERM from the environment all the same.
 */
static bool
no_color_env(void)
{
	const char *s = getenv("NO_COLOR");

	return s != NULL && s[0] != '\0';
}

void
theme_init(void)
{
	int r;

	colour = has_colors() && !no_color_env() && start_color() == OK;
	if (colour && use_default_colors() != OK)
		colour = false;
	for (r = 0; r < ROLE_NROLES; r++) {
		const struct look *l = &looks[r];

		if (!colour || (l->fg == -1 && l->bg == -1) || r >= COLOR_PAIRS) {
			attrs[r] = colour ? l->colour_attr : l->mono;
			continue;
		}
		init_pair((short)r, l->fg, l->bg);
		attrs[r] = COLOR_PAIR(r) | l->colour_attr;
	}
}

attr_t
theme_attr(int role)
{
	return role >= 0 && role < ROLE_NROLES ? attrs[role] : A_NORMAL;
}

int
theme_seat(enum seat_state st)
{
	return ROLE_SEAT + (int)st;
}

int
theme_seat_view(const struct seat_view *v)
{
	switch (v->brk) {
	case SEAT_BRK_AWAY: return ROLE_BRK_AWAY;
	case SEAT_BRK_OVER: return ROLE_BRK_OVER;
	case SEAT_BRK_QUEUED: case SEAT_BRK_NEXT: return ROLE_BRK_QUEUED;
	default: return theme_seat(v->state);
	}
}
