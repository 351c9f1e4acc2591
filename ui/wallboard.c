/*
 * wallboard.c - the floor on a TV: one tile a seat with the console map's
 * glyph, coloured by where its agent is (in, away, over the limit, queued,
 * absent); totals per state and per group with today's fines; the clock.
 *
 * It reads the seat map (seatmap_load) only when PRAGMA data_version says
 * another process wrote, like an idle console, and between those only the
 * clock moves: minutes away and limits reached are worked out from the
 * loaded breaks (seatmap_tick).  No key but q; a resize redraws.
 */
#include "wallboard.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/attendance.h"
#include "../src/clock.h"
#include "../src/ledger.h"
#include "../src/seatmap.h"
#include "../src/text.h"
#include "draw.h"
#include "theme.h"
#include "ui.h"

/* The data_version question, at most this often: less than a console's. */
#define WB_TICK_MS 500

/* Where an agent is, for a tile's colour and the totals. */
enum presence { P_EMPTY, P_IN, P_AWAY, P_OVER, P_QUEUED, P_ABSENT, P_NPRES };

/* TRANSLATORS: the wallboard's totals line: "in 39", "away 2"... */
static const char *pres_names[P_NPRES] = { N_("empty"), N_("in"), N_("away"),
	N_("over the limit"), N_("queued"), N_("absent") };
static const int pres_roles[P_NPRES] = { ROLE_SEAT + SEAT_EMPTY,
	ROLE_SEAT + SEAT_OK, ROLE_BRK_AWAY, ROLE_BRK_OVER, ROLE_BRK_QUEUED,
	ROLE_ABSENT };

struct wb {
	const struct floor *f;
	struct store *s;
	bool ascii;
	char day[DAY_LEN];
	int64_t version;
	struct seatmap map;
	bool map_ok;
	char error[256];
	fen_t *fines;			/* per group today, own + co */
	int *order;			/* seats in reading order */
	int nseats;
	int minute;
};

static volatile sig_atomic_t wb_signal;

static void on_signal(int sig) { wb_signal = sig; }

static enum presence
presence(const struct wb *w, int seat)
{
	const struct seat_view *v = &w->map.seats[seat];

	if (w->f->seats[seat].staff < 0)
		return P_EMPTY;
	switch (v->brk) {
	case SEAT_BRK_AWAY: return P_AWAY;
	case SEAT_BRK_OVER: return P_OVER;
	case SEAT_BRK_QUEUED: case SEAT_BRK_NEXT: return P_QUEUED;
	default: break;
	}
	if (v->att == ATT_ABSENT || v->att == ATT_ON_LEAVE ||
	    v->att == ATT_NOT_YET)
		return P_ABSENT;
	return P_IN;
}

static int
tile_role(const struct wb *w, int seat)
{
	enum presence p = presence(w, seat);
	enum seat_state st = w->map.seats[seat].state;

	/* At the desk, an incident today shows in the state's colour. */
	if (p == P_IN && (st == SEAT_INCIDENT || st == SEAT_FLAGGED ||
	    st == SEAT_CUSTODY))
		return theme_seat(st);
	return pres_roles[p];
}

static void
load(struct wb *w)
{
	struct err e = { 0 };
	struct ledger_row *rows = NULL;
	int n, i;

	w->version = store_data_version(w->s);
	if (w->map_ok)
		seatmap_free(&w->map);
	w->map_ok = seatmap_load(w->f, w->s, w->day, &w->map, &e) == 0;
	memset(w->fines, 0, (size_t)w->f->ngroups * sizeof *w->fines);
	if (w->map_ok && ledger_fines(w->f, w->s, w->day, w->day, NULL, &rows,
	    &n, &e) == 0) {
		for (i = 0; i < n; i++) {
			int g = floor_group_find(w->f, rows[i].group);

			if (g >= 0)
				w->fines[g] += rows[i].own + rows[i].co;
		}
		free(rows);
		w->error[0] = '\0';
	} else
		snprintf(w->error, sizeof w->error, _("cannot read the database: "
		    "%.200s"), e.msg);
}

/* A tile's text in tw columns: the glyph, then the break or attendance
 * mark, then the seat id, as room allows. */
static void
tile_text(const struct wb *w, int seat, int tw, struct buf *out)
{
	const struct seat_view *v = &w->map.seats[seat];
	char tag[24] = "";

	buf_puts(out, seat_glyph(v->state, w->ascii));
	if (tw < 2)
		return;
	if (v->brk != SEAT_BRK_NONE)
		seatmap_brk_tag(v, w->ascii, tag, sizeof tag);
	else if (w->map.attendance && w->f->seats[seat].staff >= 0)
		snprintf(tag, sizeof tag, "%c", att_status_letter(v->att));
	if (tw < 4 && v->brk != SEAT_BRK_NONE)
		/* Two columns: the reason's letter, Q or N. */
		snprintf(tag, sizeof tag, "%c", v->brk == SEAT_BRK_QUEUED ? 'Q' :
		    v->brk == SEAT_BRK_NEXT ? 'N' : v->brk_reason[0]);
	buf_puts(out, tag);
	if (tw >= 8) {
		buf_puts(out, " ");
		buf_puts(out, w->f->seats[seat].id);
	}
}

/* A tile th lines high: its colour throughout, the text on the middle
 * line. */
static void
draw_tile(const struct wb *w, int y, int x, int tw, int th, int seat)
{
	struct buf t = { 0 };
	int role = tile_role(w, seat), i, cw = tw - (tw > 2);

	tile_text(w, seat, cw, &t);
	for (i = 0; i < th; i++)
		draw_text(y + i, x, cw, role, i == (th - 1) / 2 ? t.s : "", w->ascii);
	buf_free(&t);
}

/* Group lines at the bottom: how many groups a line and how many lines. */
#define GROUP_W 44

static int
group_lines(const struct wb *w, int *per)
{
	*per = COLS / GROUP_W > 0 ? COLS / GROUP_W : 1;
	return (w->f->ngroups + *per - 1) / *per;
}

static void
draw_header(struct wb *w)
{
	struct buf left = { 0 }, right = { 0 };
	time_t now = clock_now();
	struct tm tm;

	localtime_r(&now, &tm);
	buf_printf(&left, " %s%s%s %02d:%02d", w->ascii && text_width(w->f->name)
	    != (int)strlen(w->f->name) ? w->f->id : w->f->name, w->ascii ?
	    " | " : " \xc2\xb7 ", w->day, tm.tm_hour, tm.tm_min);
	buf_printf(&right, ngettext("%d seat  q: quit ", "%d seats  q: quit ",
	    w->f->nseats), w->f->nseats);
	draw_text(0, 0, COLS, ROLE_HEADER, left.s, w->ascii);
	if (text_width(left.s) + text_width(right.s) < COLS)
		draw_right(0, COLS - text_width(right.s), text_width(right.s),
		    ROLE_HEADER, right.s, w->ascii);
	buf_free(&left);
	buf_free(&right);
}

/* Line 1: the totals per state, each in its tile colour. */
static void
draw_totals(struct wb *w, const int *tot, int incidents)
{
	char item[128];
	int p, x = 1;

	draw_fill(1, 0, COLS, ROLE_NORMAL);
	for (p = P_IN; p < P_NPRES && x < COLS; p++) {
		snprintf(item, sizeof item, "%s %d", _(pres_names[p]), tot[p]);
		x = draw_run(1, x, COLS, pres_roles[p], item, w->ascii) + 2;
	}
	if (x < COLS) {
		/* TRANSLATORS: %s is the incident glyph, %d the count. */
		snprintf(item, sizeof item, _("%s incident today %d"),
		    seat_glyph(SEAT_INCIDENT, w->ascii), incidents);
		x = draw_run(1, x, COLS, theme_seat(SEAT_INCIDENT), item, w->ascii) + 2;
	}
	if (x < COLS && w->error[0])
		draw_run(1, x, COLS, ROLE_MSG_ERR, w->error, w->ascii);
}

static void
draw_groups(struct wb *w, int y0, int per, int **gt)
{
	int g;

	for (g = 0; g < w->f->ngroups; g++) {
		const struct group *gr = &w->f->groups[g];
		struct buf b = { 0 };
		char money[32];
		int y = y0 + g / per, x = (g % per) * GROUP_W;

		if (y >= LINES)
			break;
		fen_format(w->fines[g], money, sizeof money);
		/* TRANSLATORS: a group's line on the wallboard, at most 43
		 * columns: group id, signed in, away, over the limit, queued,
		 * absent, fines (currency and amount). */
		buf_printf(&b, _("%s in %d away %d over %d q %d abs %d %s%s"), gr->id,
		    gt[P_IN][g], gt[P_AWAY][g] + gt[P_OVER][g], gt[P_OVER][g],
		    gt[P_QUEUED][g], gt[P_ABSENT][g], w->ascii ? "" : w->f->currency,
		    money);
		draw_text(y, x, GROUP_W - 1, gt[P_OVER][g] ? ROLE_BRK_OVER :
		    ROLE_NORMAL, b.s, w->ascii);
		buf_free(&b);
	}
}

/* The tiles: the floor's own layout when it fits, else the seats in
 * reading order filling the area. */
static int
draw_tiles(struct wb *w, int top, int h)
{
	const struct floor *f = w->f;
	int tw, i, shown = 0, per;

	if (h < 1)
		return 0;
	tw = f->ncols > 0 ? COLS / f->ncols : 0;
	if (tw > 14)
		tw = 14;
	if (tw >= 1 && f->nrows <= h) {
		int r, c, th = h / f->nrows > 3 ? 3 : h / f->nrows;
		int x0 = (COLS - tw * f->ncols) / 2;

		for (r = 0; r < f->nrows; r++)
			for (c = 0; c < f->ncols; c++) {
				int seat = f->cells[r * f->ncols + c];

				if (seat < 0)
					continue;
				draw_tile(w, top + r * th, x0 + c * tw, tw, th, seat);
				shown++;
			}
		return shown;
	}
	/* Flowed: as wide a tile as lets every seat fit. */
	for (tw = 4; tw > 1 && ((w->nseats + COLS / tw - 1) / (COLS / tw)) > h;
	    tw--)
		;
	per = COLS / tw;
	for (i = 0; i < w->nseats && i / per < h; i++) {
		draw_tile(w, top + i / per, (i % per) * tw, tw, 1, w->order[i]);
		shown++;
	}
	return shown;
}

static void
draw(struct wb *w)
{
	int tot[P_NPRES] = { 0 }, *gt[P_NPRES], incidents = 0, i, p, per, gl, h;
	int shown, top = 2;

	erase();
	draw_forget();
	for (p = 0; p < P_NPRES; p++)
		gt[p] = xcalloc((size_t)w->f->ngroups + 1, sizeof *gt[p]);
	for (i = 0; w->map_ok && i < w->f->nseats; i++) {
		int who = w->f->seats[i].staff;

		p = presence(w, i);
		tot[p]++;
		if (who >= 0 && w->f->staff[who].group >= 0)
			gt[p][w->f->staff[who].group]++;
		incidents += w->map.seats[i].incidents > 0;
	}
	draw_header(w);
	draw_totals(w, tot, incidents);
	gl = group_lines(w, &per);
	if (gl > (LINES - top) / 3)
		gl = (LINES - top) / 3;
	h = LINES - top - gl - (gl > 0);
	shown = w->map_ok ? draw_tiles(w, top, h) : 0;
	if (gl > 0)
		draw_groups(w, LINES - gl, per, gt);
	if (w->map_ok && shown < w->f->nseats && LINES > top) {
		char note[192];

		snprintf(note, sizeof note, _(" %d of %d seats shown: a larger "
		    "screen shows them all "), shown, w->f->nseats);
		draw_right(1, COLS - text_width(note) > 0 ? COLS - text_width(note) :
		    0, text_width(note) < COLS ? text_width(note) : COLS,
		    ROLE_MSG_ERR, note, w->ascii);
	}
	for (p = 0; p < P_NPRES; p++)
		free(gt[p]);
	refresh();
}

static bool
stdin_gone(void)
{
	struct pollfd pf = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&pf, 1, 0) < 0)
		return errno != EINTR && errno != EAGAIN;
	return (pf.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static int
loop(struct wb *w)
{
	bool dirty = true;
	int early = 0;

	while (!wb_signal) {
		struct timespec t0, t1;
		wint_t ch;
		int rc;
		long ms;
		time_t now;

		if (dirty)
			draw(w);
		dirty = false;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		timeout(WB_TICK_MS);
		rc = get_wch(&ch);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) /
		    1000000;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
			dirty = true;
		else if (rc == OK && (ch == 'q' || ch == 'Q'))
			return 0;
		else if (rc == ERR && !wb_signal && ms < WB_TICK_MS / 2 &&
		    (stdin_gone() || ++early > 50))
			return EXIT_RUNTIME;
		else if (rc != ERR)
			early = 0;
		now = clock_now();
		if (store_data_version(w->s) != w->version) {
			load(w);
			dirty = true;
		}
		if ((int)(now / 60) != w->minute) {
			char day[DAY_LEN];

			w->minute = (int)(now / 60);
			clock_shift_day(w->f, now, day);
			if (strcmp(day, w->day) != 0) {
				memcpy(w->day, day, DAY_LEN);
				load(w);
			} else if (w->map_ok)
				seatmap_tick(w->f, &w->map, now);
			dirty = true;
		}
	}
	return 128 + wb_signal;
}

int
wallboard_run(const struct floor *f, struct store *s)
{
	struct sigaction sa, old_hup, old_term, old_int;
	struct wb w;
	SCREEN *scr;
	time_t now = clock_now();
	int rc, r, c, n = 0;

	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		fprintf(stderr, "%s", _("callfloor: wallboard: needs a terminal (for "
		    "plain text use `callfloor map`)\n"));
		return EXIT_USAGE;
	}
	memset(&w, 0, sizeof w);
	w.f = f;
	w.s = s;
	w.ascii = !text_locale_utf8();
	w.minute = (int)(now / 60);
	clock_shift_day(f, now, w.day);
	w.fines = xcalloc((size_t)f->ngroups + 1, sizeof *w.fines);
	w.order = xcalloc((size_t)f->nseats + 1, sizeof *w.order);
	for (r = 0; r < f->nrows; r++)
		for (c = 0; c < f->ncols; c++)
			if (f->cells[r * f->ncols + c] >= 0)
				w.order[n++] = f->cells[r * f->ncols + c];
	w.nseats = n;

	wb_signal = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, &old_hup);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGINT, &sa, &old_int);
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		fprintf(stderr, _("callfloor: wallboard: cannot drive terminal type "
		    "'%s'\n"), getenv("TERM") ? getenv("TERM") : "");
		rc = EXIT_USAGE;
	} else {
		cbreak();
		noecho();
		nonl();
		keypad(stdscr, TRUE);
		curs_set(0);
		theme_init();
		load(&w);
		rc = loop(&w);
		endwin();
		delscreen(scr);
	}
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGINT, &old_int, NULL);
	if (w.map_ok)
		seatmap_free(&w.map);
	free(w.fines);
	free(w.order);
	if (rc == EXIT_RUNTIME)
		fprintf(stderr, "%s", _("callfloor: the terminal went away; the "
		    "wallboard stopped\n"));
	return rc;
}
