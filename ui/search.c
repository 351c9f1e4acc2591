/*
 * search.c - the incremental search prompt.  It moves the cursor and
 * nothing else; Esc puts the cursor back where the search began.
 */
#include "search.h"

#include "mapview.h"
#include "prompt.h"
#include "words.h"

static void
show_match(struct ui *u, int seat, int count)
{
	int who;

	if (seat < 0) {
		if (u->prompt.text[0])
			prompt_hint(u, true, "%s", _("no match"));
		return;
	}
	u->cur = seat;
	who = u->f->seats[seat].staff;
	prompt_hint(u, false, _("%d found: %s %s"), count, u->f->seats[seat].id,
	    who >= 0 ? words_staff(u, who) : "");
}

static void
search_changed(struct ui *u)
{
	int n, seat = mapview_find(u, u->prompt.text, u->search_from, 1, true, &n);

	if (seat < 0)
		u->cur = u->search_from;
	show_match(u, seat, n);
}

static void
search_step(struct ui *u, int dir)
{
	int n, seat = mapview_find(u, u->prompt.text, u->cur, dir, false, &n);

	show_match(u, seat, n);
	u->dirty = true;
}

static void
search_done(struct ui *u, bool ok, const char *text, int choice)
{
	int n;

	(void)choice;
	if (!ok) {
		u->cur = u->search_from;
		return;
	}
	if (text[0] && mapview_find(u, text, u->cur, 1, true, &n) < 0) {
		u->cur = u->search_from;
		ui_msg(u, true, _("No seat, name or staff id matches \"%s\"."), text);
	}
}

void
search_start(struct ui *u)
{
	if (u->cur < 0)
		return;
	u->search_from = u->cur;
	prompt_line(u, _("Find (name, staff id, seat):"), "", false, search_done);
	u->prompt.changed = search_changed;
	u->prompt.step = search_step;
}
