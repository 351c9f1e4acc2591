/*
 * test_frame.c - a frame that draws only what a write changed leaves the
 * screen exactly as a whole frame would.  The real console (its keys, its
 * reload, its frames) runs on a curses terminal that writes to /dev/null;
 * after each step, what curses holds as the terminal's screen (curscr:
 * what it sent) is kept, the whole screen is drawn afresh, and the two
 * are compared cell by cell - character, attributes and colour.
 *
 * Steps: marks at the console and elsewhere, a void, a back-dated mark, a
 * burst of marks that renumbers, an inspection, an undo, cursor moves,
 * a break and its end, a group fine, sign-ins, the overview, the month's
 * panel, the seat's detail and a prompt open while a mark lands (whole
 * frames), seats scrolled out of view; on a colour terminal in UTF-8, on
 * a vt100 with NO_COLOR in ASCII, and on a floor taller than the screen.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../../src/breaks.h"
#include "../../ui/console.h"
#include "../../ui/frame.h"
#include "../../ui/mapview.h"
#include "../../ui/ui.h"
#include "helpers.h"

#define DAY "2026-11-02"
#define NOW DAY " 10:00"

static SCREEN *scr;
static FILE *term_out, *term_in;
static struct ui u;

/* The console on a terminal of type term, lines x cols, in locale. */
static void
start(const char *term, int lines, int cols, const char *locale, bool mono)
{
	struct marked m;

	if (mono)
		setenv("NO_COLOR", "1", 1);
	else
		unsetenv("NO_COLOR");
	cr_assert_not_null(setlocale(LC_ALL, locale), "locale %s", locale);
	/* The first write records the rulebook, which a console loads
	 * afresh: made before it starts. */
	m = mark(&SUP, "E105", "DESK", NONE, NULL, "2026-10-30 10:00");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	set_now(NOW);
	term_out = fopen("/dev/null", "w");
	term_in = fopen("/dev/null", "r");
	cr_assert(term_out && term_in);
	scr = newterm(term, term_out, term_in);
	cr_assert_not_null(scr, "no terminal %s", term);
	/* /dev/null always reads: no waiting for typeahead to stop. */
	typeahead(-1);
	resizeterm(lines, cols);
	console_open(&u, fx.f, fx.s, &SUP);
	frame_draw(&u);
	cr_assert_eq(u.drawn.wholes, 1);
}

static void
stop(void)
{
	console_close(&u);
	endwin();
	delscreen(scr);
	fclose(term_out);
	fclose(term_in);
}

struct cell {
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attr;
	short pair;
};

/* What curses last sent to the terminal, cell by cell. */
static struct cell *
screen_now(void)
{
	struct cell *s = calloc((size_t)(LINES * COLS), sizeof *s);
	int y, x;

	cr_assert_not_null(s);
	for (y = 0; y < LINES; y++)
		for (x = 0; x < COLS; x++) {
			struct cell *c = &s[y * COLS + x];
			cchar_t cc;

			cr_assert_eq(mvwin_wch(curscr, y, x, &cc), OK);
			cr_assert_eq(getcchar(&cc, c->wch, &c->attr, &c->pair, NULL),
			    OK);
		}
	return s;
}

static void
row_text(const struct cell *s, int y, char *out, size_t n)
{
	size_t k = 0;
	int x;

	for (x = 0; x < COLS && k + 8 < n; x++) {
		int w = wctomb(out + k, s[y * COLS + x].wch[0] ?
		    s[y * COLS + x].wch[0] : L' ');

		k += w > 0 ? (size_t)w : 0;
	}
	out[k] = '\0';
}

enum { WHOLE, PARTIAL, EITHER };

/*
 * The frame due now (partial when kind is PARTIAL, whole when WHOLE),
 * then the whole screen drawn afresh: both must show the same.
 */
static void
check(const char *step, int kind)
{
	unsigned long parts = u.drawn.partials;
	struct cell *a, *b;
	int y, x;

	frame_draw(&u);
	if (kind != EITHER)
		cr_expect_eq(u.drawn.partials, parts + (kind == PARTIAL), "%s: a %s "
		    "frame", step, kind == PARTIAL ? "partial" : "whole");
	a = screen_now();
	u.dirty = true;
	frame_draw(&u);
	b = screen_now();
	for (y = 0; y < LINES; y++)
		for (x = 0; x < COLS; x++) {
			const struct cell *p = &a[y * COLS + x], *q = &b[y * COLS + x];
			char ra[1024], rb[1024];

			if (wcscmp(p->wch, q->wch) == 0 && p->attr == q->attr &&
			    p->pair == q->pair)
				continue;
			row_text(a, y, ra, sizeof ra);
			row_text(b, y, rb, sizeof rb);
			cr_expect_fail("%s: row %d col %d differs (U+%04X attr %#lx pair %d, "
			    "whole U+%04X attr %#lx pair %d)\n  drawn: %s\n  whole: %s",
			    step, y, x, (unsigned)p->wch[0], (unsigned long)p->attr,
			    p->pair, (unsigned)q->wch[0], (unsigned long)q->attr, q->pair,
			    ra, rb);
			free(a);
			free(b);
			return;
		}
	free(a);
	free(b);
}

/* Another console's write, seen at the next tick. */
static void
tick(void)
{
	ui_reload(&u);
}

static int64_t
marked_elsewhere(const char *staff, const char *rule)
{
	struct marked m = mark(&SUP2, staff, rule, NONE, NULL, NOW);

	cr_assert_eq(m.rc, 0, "%s on %s: %s", rule, staff, m.e.msg);
	return m.in.id;
}

static void
key(int k)
{
	console_key(&u, k);
}

/* The steps every terminal goes through on the small floor. */
static void
steps(void)
{
	struct err e = { 0 };
	int64_t id;
	int i;

	key('d');			/* DESK on the cursor's agent, here */
	cr_expect_eq(count_rows("incident"), 2, "the key marked");
	check("a mark here", PARTIAL);
	marked_elsewhere("E202", "DESK");
	tick();
	check("a mark elsewhere", PARTIAL);
	id = marked_elsewhere("E203", "PHONE");	/* an item held */
	tick();
	check("a confiscating mark elsewhere", PARTIAL);
	cr_assert_eq(void_as(&SUP2, id, "wrong person", &e), 0, "%s", e.msg);
	tick();
	check("a void elsewhere", PARTIAL);
	{
		struct marked m = mark_back(&MGR, "E201", "DESK", NONE,
		    DAY " 09:15", NOW);

		cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	}
	tick();
	check("a back-dated mark (a feed line in the middle)", PARTIAL);
	for (i = 0; i < 20; i++)
		marked_elsewhere("E102", "DESK");
	tick();
	check("twenty marks at once, renumbered", PARTIAL);
	key('l');
	check("the cursor one seat right", PARTIAL);
	key('l');
	key('l');
	check("the cursor further right", EITHER);
	key('i');			/* inspected: the cursor moves on */
	check("an inspection here", PARTIAL);
	key('u');
	check("the inspection undone", PARTIAL);
	key('\t');
	check("the next group", EITHER);
	key('o');
	check("the overview", WHOLE);
	marked_elsewhere("E104", "DESK");
	tick();
	check("a mark elsewhere on the overview", PARTIAL);
	key('o');
	check("the map again", WHOLE);
	key('m');
	check("the month's panel", WHOLE);
	marked_elsewhere("E105", "DESK");
	tick();
	check("a mark elsewhere, the month's panel", PARTIAL);
	key('m');
	check("the day's panel", WHOLE);
	{
		struct brk_result br;

		cr_assert_eq(break_start(fx.f, fx.s, &SUP2, floor_staff_find(fx.f,
		    "E201"), 0, &br, &e), 0, "%s", e.msg);
		tick();
		check("a break elsewhere", PARTIAL);
		set_now(DAY " 10:07");	/* the minutes away move */
		console_tick(&u);
		check("seven minutes later", PARTIAL);
		set_now(DAY " 10:40");	/* over any break's limit */
		console_tick(&u);
		check("over the limit", PARTIAL);
		set_now(NOW);
		console_tick(&u);
		check("the clock back", PARTIAL);
		cr_assert_eq(break_end(fx.f, fx.s, &SUP2, floor_staff_find(fx.f,
		    "E201"), &br, &e), 0, "%s", e.msg);
		tick();
		check("the break ended", PARTIAL);
	}
	cr_assert_eq(mark_group(&SUP2, "B", "DEPT_COMPLAINT", NOW).rc, 0);
	tick();
	check("a group fine elsewhere", PARTIAL);
	key('S');			/* a sign-in: attendance kept now */
	check("a sign-in here", EITHER);
	key('l');
	key('S');
	check("another sign-in here", PARTIAL);
	key('\r');			/* the seat's detail: another screen */
	check("the detail", WHOLE);
	marked_elsewhere("E101", "DESK");
	tick();
	check("a mark elsewhere under the detail", WHOLE);
	key(UI_ESC);
	check("the map from the detail", WHOLE);
	key('x');			/* the rule menu: a prompt open */
	marked_elsewhere("E103", "DESK");
	tick();
	check("a mark elsewhere under a prompt", WHOLE);
	key(UI_ESC);
	check("the prompt closed", WHOLE);
	key('d');
	key('u');
	check("a mark here, undone", PARTIAL);
	cr_expect_geq(u.drawn.partials, 12, "%lu partial frames",
	    u.drawn.partials);
}

TestSuite(frame, .init = fx_small, .fini = fx_done);

Test(frame, a_partial_frame_equals_a_whole_one_in_colour_and_utf8)
{
	start("xterm-256color", 50, 200, "C.UTF-8", WHOLE);
	cr_assert(!u.lay.small);
	cr_expect_geq(u.lay.feed_h, 3, "the feed is shown");
	steps();
	stop();
}

Test(frame, a_partial_frame_equals_a_whole_one_on_a_vt100_without_colour)
{
	start("vt100", 24, 80, "C", PARTIAL);
	steps();
	stop();
}

/* A partial frame with no whole one after it (check draws one): a field
 * drawn again writes only the columns that changed over what the last
 * frame left, so partial frames in a row must add up to a whole one. */
static void
partial(const char *step)
{
	unsigned long parts = u.drawn.partials;

	frame_draw(&u);
	cr_expect_eq(u.drawn.partials, parts + 1, "%s: a partial frame", step);
}

Test(frame, partial_frames_in_a_row_add_up_to_a_whole_one)
{
	struct brk_result br;
	struct err e = { 0 };
	int i;

	start("xterm-256color", 50, 200, "C.UTF-8", WHOLE);
	key('d');
	partial("a mark here");
	key('c');
	partial("another here (the seat's line, the panel, the message)");
	marked_elsewhere("E202", "DESK");
	tick();
	partial("a mark elsewhere (a feed line in)");
	key('l');
	partial("the cursor right (the seat's line: another person)");
	key('s');
	partial("a mark on her");
	key('h');
	partial("the cursor back");
	for (i = 0; i < 3; i++) {
		marked_elsewhere("E101", "DESK");	/* re-priced: wider fines */
		tick();
		partial("DESK again elsewhere");
	}
	cr_assert_eq(break_start(fx.f, fx.s, &SUP2, floor_staff_find(fx.f,
	    "E201"), 0, &br, &e), 0, "%s", e.msg);
	tick();
	partial("a break elsewhere");
	set_now(DAY " 10:07");
	console_tick(&u);
	partial("seven minutes later");
	key('u');
	partial("the last mark here undone");
	check("after eleven partial frames", EITHER);
	/* And once more from what that whole frame left. */
	key('d');
	partial("a mark here");
	marked_elsewhere("E203", "PHONE");
	tick();
	check("a confiscation elsewhere after it", PARTIAL);
	stop();
}

/* 60 columns: the map scrolls sideways; marks on seats out of view. */
Test(frame, a_mark_on_a_seat_out_of_view_draws_no_cell)
{
	int seat = floor_seat_find(fx.f, "B02");

	start("xterm-256color", 20, 60, "C.UTF-8", WHOLE);
	cr_assert(!mapview_whole(&u), "the map does not fit");
	marked_elsewhere("E202", "DESK");	/* B02, at the right */
	tick();
	cr_expect(u.redraw.nseats > 0 && u.redraw.seats[0] == seat,
	    "the seat's cell is due");
	check("a mark on a seat out of view", PARTIAL);
	key('d');
	check("a mark here", PARTIAL);
	key(UI_FKEY(KEY_END));		/* the map scrolls */
	check("scrolled to the row's end", EITHER);
	marked_elsewhere("E101", "DESK");	/* A01, now out of view */
	tick();
	check("a mark on the seat scrolled off", PARTIAL);
	stop();
}

/* A floor of 16 rows of 5 seats (groups A, B, C, D by rows), taller than
 * a 24-line screen. */
static void
use_tall_floor(void)
{
	static const char *names[] = { "李娜", "Tom Lee", "欧阳志远", "Anna Schmidt",
		"王强" };
	struct buf t = { 0 }, errs = { 0 };
	struct floor *f;
	int r, c;

	buf_puts(&t, "floor = { id = \"tall\"; name = \"高楼层\"; currency = \"¥\";\n"
	    "  timezone = \"Asia/Shanghai\";\n"
	    "  shift = { start = \"09:00\"; end = \"18:00\"; };\n  layout = [");
	for (r = 0; r < 16; r++)
		buf_printf(&t, "%s\"T%02d1 T%02d2 T%02d3 . T%02d4 T%02d5\"", r ? ", " :
		    "", r, r, r, r, r);
	buf_puts(&t, " ];\n};\ngroups = (\n");
	for (c = 0; c < 4; c++)
		buf_printf(&t, "  { id = \"%c\"; name = \"Group %c\"; director = \"D%d\"; "
		    "supervisor = \"S001\"; }%s\n", 'A' + c, 'A' + c, c, c < 3 ? "," : "");
	buf_puts(&t, ");\nstaff = (\n");
	for (r = 0; r < 16; r++)
		for (c = 1; c <= 5; c++)
			if ((r * 5 + c) % 7 != 0)	/* a few seats empty */
				buf_printf(&t, "  { id = \"E%02d%d\"; name = \"%s\"; group = "
				    "\"%c\"; seat = \"T%02d%d\"; },\n", r, c, names[(r + c) % 5],
				    'A' + r / 4, r, c);
	for (c = 0; c < 4; c++)
		buf_printf(&t, "  { id = \"D%d\"; name = \"王芳\"; group = \"%c\"; },\n",
		    c, 'A' + c);
	buf_puts(&t, "  { id = \"S001\"; name = \"周敏\"; group = \"A\"; }\n);\n"
	    "users = ( { login = \"root\"; role = \"manager\"; },\n"
	    "  { login = \"wangf\"; role = \"supervisor\"; staff = \"S001\"; } );\n"
	    "@include \"rules.cfg\"\n");
	f = fx_load("tall.cfg", t.s, &errs);
	cr_assert_not_null(f, "the tall floor does not load:\n%s", errs.s ?
	    errs.s : "");
	fx_use(f);
	buf_free(&t);
	buf_free(&errs);
}

static int64_t
marked_tall(const char *staff)
{
	struct marked m = mark(&SUP2, staff, "DESK", NONE, NULL, NOW);

	cr_assert_eq(m.rc, 0, "DESK on %s: %s", staff, m.e.msg);
	return m.in.id;
}

Test(frame, a_floor_taller_than_the_screen_scrolls_whole_and_marks_in_part)
{
	struct marked m;

	use_tall_floor();
	m = mark(&SUP, "E011", "DESK", NONE, NULL, "2026-10-30 10:00");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	set_now(NOW);
	start("xterm-256color", 24, 100, "C.UTF-8", WHOLE);
	cr_assert(!mapview_whole(&u), "the map does not fit");
	marked_tall("E151");		/* the last row: out of view */
	tick();
	check("a mark on a row below the view", PARTIAL);
	key('d');
	check("a mark here", PARTIAL);
	key(UI_FKEY(KEY_NPAGE));	/* a screenful down: it scrolls */
	check("a page down", EITHER);
	marked_tall("E001");		/* the first row: now above the view */
	marked_tall("E151");
	tick();
	check("marks above and in the view", PARTIAL);
	key('j');
	check("a seat down", EITHER);
	key('o');			/* the overview: the whole floor */
	check("the overview", WHOLE);
	marked_tall("E083");
	tick();
	check("a mark on the overview", PARTIAL);
	key('d');
	key('i');
	check("a mark and an inspection here on the overview", PARTIAL);
	stop();
}
