/*
 * ui.h - the console's state, shared by the modules of ui/: what is loaded
 * (the day's seat map, the group panel), where the cursor is, which screen
 * and prompt are open, and the message line.
 *
 * Only ui/ includes this header (it pulls in curses).  Nothing here writes
 * to the database: writes go through the engine (mark.c); reads through
 * the store's and seatmap's read functions.
 */
#ifndef CALLFLOOR_UI_H
#define CALLFLOOR_UI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>

#include "../db/store.h"
#include "../src/clock.h"
#include "../src/engine.h"
#include "../src/floor.h"
#include "../src/seatmap.h"
#include "../src/trend.h"

/* Marks a string for translation where _() cannot be called (tables). */
#ifndef N_
#define N_(s) (s)
#endif

/* Function keys (KEY_*) live above every Unicode code point. */
#define UI_FKEY(k) ((k) | 0x1000000)
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27

/* Below this the console shows "terminal too small". */
#define UI_MIN_COLS 60
#define UI_MIN_LINES 16

enum ui_screen { SCR_MAP, SCR_PAGER, SCR_NSCREENS };

/* Where things go on the screen; recomputed from LINES/COLS at each draw. */
struct layout {
	bool small;			/* below the minimum size */
	int top;			/* first row under header and banner */
	int map_y, map_x, map_h, map_w;	/* map_h: layout rows shown */
	int label_y;			/* overview: group labels above, or -1 */
	int info_y;			/* the line about the seat at the cursor */
	int info_w;			/* its width, and the legend's */
	int legend_y;			/* -1 when there is no room */
	int panel_y, panel_x, panel_h, panel_w;	/* panel_h 0: not shown */
	bool beside;			/* the panel right of the map */
	int feed_y, feed_x, feed_h, feed_w;	/* feed_h 0: no room */
	int msg_y, msg_h;
	int status_y;
	int cellw;			/* columns of a seat cell */
	int gap, aislew;		/* between cells, an aisle column */
};

/* Fines per group over the panel's period, as the engine recorded them. */
struct panel {
	bool month;			/* this month rather than today */
	bool hidden;			/* toggled off by its key */
	int top;			/* first group shown (it scrolls) */
	char from[DAY_LEN], to[DAY_LEN];
	fen_t *own, *co;		/* per group */
	fen_t own_total, co_total;
	struct trend trend;		/* month mode: each group's days */
	bool loaded;
	int drawn_sel;			/* the group highlighted when drawn */
};

/* One line of a pager screen. */
struct pline {
	char *text;
	int role;			/* enum role (theme.h) */
};

/* An edit of the feed's lines since it was drawn: a line put in at,
 * taken out of, or replaced at an index. */
enum feed_edit_kind { FEED_IN, FEED_OUT, FEED_SET };
struct feed_edit {
	enum feed_edit_kind kind;
	int at;
};
#define FEED_EDITS_MAX 16

/* Today's marks, newest first, as lines ready to draw; each line's
 * incident and its time (the order: time, then id, newest first). */
struct feed {
	struct pline *lines;
	int64_t *id, *at;
	int n;
	/* The edits since the last draw, for a redraw of only those lines;
	 * more than FEED_EDITS_MAX, or a fresh load: all of it. */
	struct feed_edit edits[FEED_EDITS_MAX];
	int nedits;
	bool edits_lost;
	int drawn_n;			/* lines when it was last drawn */
	/* Its lines' rows as a curses window over the screen's cells, which
	 * scrolls them; kept from one whole frame to the next (feed.c). */
	WINDOW *win;
	int win_y, win_x, win_h, win_w;
};

enum pager_kind { PAGER_HELP, PAGER_DETAIL, PAGER_REPORT };

struct pager {
	enum pager_kind kind;
	char title[256];
	struct pline *lines;
	int n, cap;
	int top;
	int seat;			/* PAGER_DETAIL: the seat shown */
};

enum prompt_kind { PROMPT_NONE, PROMPT_LINE, PROMPT_CONFIRM, PROMPT_MENU };

struct ui;

/*
 * The prompt open on top of the current screen.  done() is called once
 * the prompt has closed (ok: Enter/y, else Esc/n) with the text typed and,
 * for a menu, the rule chosen; it may open the next prompt.
 */
struct prompt {
	enum prompt_kind kind;
	char label[256];
	char text[STORE_TEXT];
	bool fresh;			/* a prefill, replaced by the first key */
	bool ascii_only;		/* amounts: digits and a point */
	char hint[256];			/* after the text: matches, an error */
	bool hint_err;
	int *items, nitems;		/* menu: the rules that match */
	int sel, top;
	void (*changed)(struct ui *u);
	void (*step)(struct ui *u, int dir);
	void (*done)(struct ui *u, bool ok, const char *text, int choice);
};

/* A mark in the making: the prompts its rule needs, then one engine call. */
struct flow {
	int rule, staff, group;
	fen_t amount;
	bool confirmed, amount_set, note_set;
	char note[STORE_TEXT];
	/* K: the register form (regform.c) */
	char reg_caller[STORE_TEXT];
	char reg_phone[32];
	int reg_kind;			/* enum complaint_kind */
};

/* One of this console's own writes, which u can take back. */
enum undo_kind { UNDO_MARK, UNDO_INSPECT, UNDO_SIGNIN, UNDO_RETURN };
struct undo {
	enum undo_kind kind;
	int64_t id;			/* incident, inspection, custody */
	int staff;			/* UNDO_SIGNIN: who, on day */
	char day[DAY_LEN];
	char what[192];			/* "#12 PHONE on 李娜 E101" */
};
#define UI_UNDO_MAX 32

/* The parts of the map screen a frame may draw alone (frame.c). */
enum ui_part {
	PART_HEADER = 1 << 0,		/* the top line */
	PART_CELLS = 1 << 1,		/* the cells of redraw.seats */
	PART_INFO = 1 << 2,		/* the line about the cursor's seat */
	PART_LEGEND = 1 << 3,
	PART_PANEL = 1 << 4,		/* the lines of redraw.group_on */
	PART_PANEL_ALL = 1 << 5,	/* the whole group panel */
	PART_FEED = 1 << 6,		/* the feed's edits */
	PART_MSG = 1 << 7		/* the message lines */
};

/* What changed since the last frame, when not everything (ui.dirty). */
struct redraw {
	unsigned parts;			/* enum ui_part */
	int *seats, nseats;		/* cells to paint again, each once */
	unsigned char *seat_on;		/* per seat: in seats */
	unsigned char *group_on;	/* per group: its panel line */
};

/* What the last frame showed, which a partial one must find unchanged
 * to draw over it in place (frame.c). */
struct drawn {
	bool valid;			/* the map screen, no prompt, not small */
	struct layout lay;
	int view_row, view_x, cur;
	bool overview, map_ok, attendance, panel_month, panel_hidden;
	unsigned legend;		/* what the legend listed */
	unsigned long wholes, partials;	/* frames drawn of each kind */
};

struct ui {
	const struct floor *f;
	struct store *s;
	const struct actor *a;
	bool ascii;			/* locale not UTF-8 */
	bool readonly;

	char day[DAY_LEN];		/* the shift day shown */
	int minute;			/* the minute on the clock shown */
	int64_t version;		/* data_version at the last load */
	struct seatmap map;
	bool map_ok;
	struct panel panel;
	struct feed feed;
	int *order;			/* seats in reading order */
	int norder;

	int cur;			/* seat at the cursor, -1 when none */
	bool overview;
	int view_row, view_x;		/* map scroll: first layout row, column */
	int search_from;		/* cursor when the search began */

	enum ui_screen screen;
	struct pager pager;
	struct prompt prompt;
	struct flow flow;
	struct layout lay;

	unsigned char *brk_next;	/* per staff: next on a break at the
					   last reload (brk.c) */

	struct undo undo[UI_UNDO_MAX];	/* this console's writes, oldest first */
	int nundo;

	char msg[1024];
	bool msg_err;
	bool dirty;			/* the whole screen needs drawing */
	struct redraw redraw;		/* else these parts of it */
	struct drawn drawn;
	bool quit;			/* q was pressed */
};

/* Sets the message line (printf-style); err shows it as a refusal/error. */
void ui_msg(struct ui *u, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Brings what the screens show up to date after a write (this console's
 * or another's): re-reads only what the writes touched (seatmap_follow),
 * or everything when that cannot be followed. */
void ui_reload(struct ui *u);
/* Reads everything the screens show afresh (start, a new day). */
void ui_load(struct ui *u);
/* Asks the next frame to draw these parts (enum ui_part) again; the
 * cell of a seat; the panel line of a group. */
void ui_touch(struct ui *u, unsigned parts);
void ui_touch_seat(struct ui *u, int seat);
void ui_touch_group(struct ui *u, int group);
/* Opens the pager screen / closes it back to the map. */
void ui_show_pager(struct ui *u);
void ui_close_pager(struct ui *u);

#endif
