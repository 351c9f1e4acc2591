/*
 * console_keys.c - the console's own keys (see console_keys.h).  A row
 * per key; an action with several keys has its help on the first of them.
 */
#include "console_keys.h"

#include "util.h"

const struct console_key console_keys[] = {
	{ ACT_SECTION, 0, NULL, NULL, N_("General") },
	{ ACT_HELP, '?', "help", N_("help"),
	    N_("this help, made from the keymap") },
	{ ACT_QUIT, 'q', "quit", N_("quit"),
	    N_("quit the console (closes a screen)") },
	{ ACT_BACK, CKEY_ESC, "back", NULL,
	    N_("close a screen or a prompt, clear the message") },
	{ ACT_REDRAW, CKEY_CTRL('L'), "redraw", NULL, N_("redraw the screen") },

	{ ACT_SECTION, 0, NULL, NULL, N_("Moving") },
	{ ACT_LEFT, CKEY_LEFT, "left", NULL, N_("seat to the left") },
	{ ACT_LEFT, 'h', "left", NULL, NULL },
	{ ACT_DOWN, CKEY_DOWN, "down", NULL, N_("seat below") },
	{ ACT_DOWN, 'j', "down", NULL, NULL },
	{ ACT_UP, CKEY_UP, "up", NULL, N_("seat above") },
	{ ACT_UP, 'k', "up", NULL, NULL },
	{ ACT_RIGHT, CKEY_RIGHT, "right", NULL, N_("seat to the right") },
	{ ACT_RIGHT, 'l', "right", NULL, NULL },
	{ ACT_HOME, CKEY_HOME, "home", NULL, N_("first seat of the row") },
	{ ACT_END, CKEY_END, "end", NULL, N_("last seat of the row") },
	{ ACT_PGUP, CKEY_PGUP, "page-up", NULL, N_("a screenful up") },
	{ ACT_PGDN, CKEY_PGDN, "page-down", NULL, N_("a screenful down") },
	{ ACT_NEXT_GROUP, '\t', "next-group", NULL,
	    N_("first seat of the next group") },
	{ ACT_PREV_GROUP, CKEY_BTAB, "previous-group", NULL,
	    N_("first seat of the previous group") },
	{ ACT_NEXT_SEAT, ' ', "next-seat", NULL,
	    N_("next seat in reading order") },
	{ ACT_SEARCH, '/', "find", N_("find"), N_("find a seat by name (Chinese "
	    "or Latin), staff id or seat id, as you type; Up/Down: other "
	    "matches") },

	{ ACT_SECTION, 0, NULL, NULL, N_("Marking (on the agent at the cursor)") },
	{ ACT_RULE_MENU, 'x', "rules", N_("rules"), N_("every rule, filtered by "
	    "typing a code, an English or a Chinese title") },
	{ ACT_INSPECT, 'i', "inspect", N_("inspect"), N_("desk inspected and in "
	    "order; on to the next seat") },
	{ ACT_UNDO, 'u', "undo", N_("undo"), N_("undo this console's last action "
	    "(a mark, an inspection, a sign-in, a return), newest first, several "
	    "levels; voids are kept on record") },
	{ ACT_RETURN, 'r', "return", N_("return"), N_("hand the agent's "
	    "confiscated item back") },
	{ ACT_SIGNIN, 'S', "sign-in", N_("sign in"), N_("sign the agent in now "
	    "(late arrivals are fined: LATE; refused outside the sign-in "
	    "window)") },
	{ ACT_EXPLAIN, 'E', "explain", N_("explain"), N_("record the agent's "
	    "attendance explanation for today (A2): the day is then no "
	    "absence") },
	{ ACT_COMPLAINT, 'K', "register", N_("register"), N_("register (B14): "
	    "record a caller's repair or complaint") },
	{ ACT_BREAK, 'B', "break", N_("break"), N_("the agent's break: the reason "
	    "menu and start (queued beyond the group's max_away); on one away, "
	    "end it; on one next, start it; on one queued, leave the queue") },

	{ ACT_SECTION, 0, NULL, NULL, N_("Viewing") },
	{ ACT_DETAIL, '\r', "detail", N_("detail"), N_("the seat's incidents "
	    "today and this month") },
	{ ACT_DETAIL, '\n', "detail", NULL, NULL },
	{ ACT_DETAIL, CKEY_ENTER, "detail", NULL, NULL },
	{ ACT_OVERVIEW, 'o', "overview", N_("overview"), N_("the whole floor, one "
	    "cell a seat, paged like the map; moving in it moves the map's "
	    "cursor (again: back)") },
	{ ACT_PANEL, 'z', "groups", N_("groups"), N_("show or hide the group "
	    "panel (it scrolls with the cursor's group)") },
	{ ACT_MONTH, 'm', "month", N_("month"),
	    N_("group panel: today or this month") },
	{ ACT_REPORT, 'R', "report", N_("report"),
	    N_("preview today's end-of-day report") },
	{ ACT_PRINT, 'P', "print", N_("print"),
	    N_("print today's end-of-day report") },
};

const size_t console_nkeys = sizeof console_keys / sizeof console_keys[0];

const struct console_key *
console_key_find(int key)
{
	size_t i;

	for (i = 0; i < console_nkeys; i++)
		if (console_keys[i].act != ACT_SECTION && console_keys[i].key == key)
			return &console_keys[i];
	return NULL;
}

const char *
console_key_help(const struct console_key *k)
{
	while (k->help == NULL && k > console_keys)
		k--;
	return k->help;
}
