/*
 * console.c - the live console: terminal set-up and tear-down, the one
 * loop (a timed wait on the keyboard; no key means a tick that polls the
 * database's data_version), the screens as a small state machine (the map
 * and the pager, with a prompt on top of either), loading and following
 * what the screens show.  What goes on the screen, and how much of it a
 * frame draws again, is frame.c's.
 *
 * It must not write SQL or price a fine (mark.c asks the engine), must
 * not call curses from a signal handler (handlers only set a flag), and
 * must not spin: a lost terminal ends the loop.
 */
#include "console.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/i18n.h"
#include "../src/text.h"
#include "detail.h"
#include "draw.h"
#include "feed.h"
#include "frame.h"
#include "keymap.h"
#include "mapview.h"
#include "brk.h"
#include "mark.h"
#include "regform.h"
#include "pager.h"
#include "panel.h"
#include "prompt.h"
#include "reportview.h"
#include "search.h"
#include "theme.h"
#include "ui.h"
#include "words.h"

/*
 * How often an idle console asks PRAGMA data_version whether another
 * process wrote: a mark elsewhere shows within a tick plus one reload.
 * The question costs a few microseconds, so 100 ms keeps an idle console
 * near zero CPU (bench/RESULTS.md, rows 5 and 6).
 */
#define TICK_MS 100

static volatile sig_atomic_t got_signal;

/* ---- shared helpers (ui.h) ---- */

void
ui_msg(struct ui *u, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_err = err;
	ui_touch(u, PART_MSG);
}

static void
rebuild_pager(struct ui *u)
{
	if (u->screen != SCR_PAGER)
		return;
	if (u->pager.kind == PAGER_DETAIL)
		detail_rebuild(u);
	else if (u->pager.kind == PAGER_REPORT)
		reportview_rebuild(u);
}

void
ui_load(struct ui *u)
{
	struct err e = { 0 };
	int64_t v = store_data_version(u->s);

	if (u->map_ok)
		seatmap_free(&u->map);
	u->map_ok = seatmap_load(u->f, u->s, u->day, &u->map, &e) == 0;
	if (!u->map_ok || panel_load(u, &e) < 0 || feed_load(u, &e) < 0)
		ui_msg(u, true, _("Cannot read the database: %s"), e.msg);
	rebuild_pager(u);
	brk_announce(u);
	u->version = v;
	u->dirty = true;
}

/* What a followed write changed, for the next frame to draw. */
static void
touch_news(struct ui *u, const struct seat_news *news, bool month)
{
	int i;

	for (i = 0; i < news->nseats; i++)
		ui_touch_seat(u, news->seats[i]);
	for (i = 0; i < news->ngroups; i++)
		ui_touch_group(u, news->groups[i]);
	if (news->counts)
		ui_touch(u, PART_HEADER);
	if (news->fines)
		ui_touch(u, PART_PANEL);
	/* The month's panel was read again: all of it. */
	if (month)
		ui_touch(u, PART_PANEL_ALL);
	if (news->n > 0)
		ui_touch(u, PART_FEED);
}

void
ui_reload(struct ui *u)
{
	struct seat_news news;
	struct err e = { 0 };
	int64_t v = store_data_version(u->s);
	int rc;

	if (!u->map_ok) {
		ui_load(u);
		return;
	}
	rc = seatmap_follow(u->f, u->s, &u->map, &news, &e);
	if (rc != 0) {
		ui_load(u);
		return;
	}
	/* The panel's day comes from the map; a month is read again. */
	if ((news.incidents || !u->panel.month) && panel_load(u, &e) < 0)
		ui_msg(u, true, _("Cannot read the database: %s"), e.msg);
	feed_apply(u, &news);
	if (news.any) {
		rebuild_pager(u);
		/* Who is next on a break moves only with the breaks. */
		if (news.breaks)
			brk_announce(u);
		touch_news(u, &news, news.incidents && u->panel.month);
		/* Another screen shows what it shows whole. */
		if (u->screen != SCR_MAP)
			u->dirty = true;
	}
	seat_news_free(&news);
	u->version = v;
}

/* A message belongs to the screen it was said on: changing screens
 * clears it. */
void
ui_show_pager(struct ui *u)
{
	u->screen = SCR_PAGER;
	u->msg[0] = '\0';
	u->dirty = true;
}

void
ui_close_pager(struct ui *u)
{
	u->screen = SCR_MAP;
	u->msg[0] = '\0';
	pager_free(u);
	u->dirty = true;
}

/* ---- the map screen's keys ---- */

static void
toggle_month(struct ui *u)
{
	struct err e = { 0 };

	u->panel.month = !u->panel.month;
	if (panel_load(u, &e) < 0)
		ui_msg(u, true, _("Cannot read the database: %s"), e.msg);
	u->dirty = true;
}

static void
open_help(struct ui *u)
{
	pager_open(u, PAGER_HELP, _("callfloor: keys (from the keymap) and "
	    "seat states"));
	u->pager.top = 0;
	keymap_help(u);
	ui_show_pager(u);
}

static void
map_key_unbound(struct ui *u, int key)
{
	char name[16];

	keymap_key_name(key, u->ascii, name, sizeof name);
	if (key < UI_FKEY(0))
		ui_msg(u, true, _("The key %s does nothing here; ? lists the keys."),
		    name);
}

static void
map_key(struct ui *u, int key)
{
	const struct binding *b = keymap_find(key);

	if (b == NULL) {
		map_key_unbound(u, key);
		return;
	}
	if (mapview_move(u, b->act))
		return;
	switch (b->act) {
	case ACT_HELP: open_help(u); break;
	case ACT_QUIT: u->quit = true; break;
	case ACT_BACK: u->msg[0] = '\0'; u->overview = false; break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_SEARCH: search_start(u); break;
	case ACT_RULE_MENU: mark_menu(u); break;
	/* A write says what it changed (its message, ui_reload), or opens a
	 * prompt: the next frame draws only that. */
	case ACT_INSPECT: mark_inspect(u); return;
	case ACT_UNDO: mark_undo(u); return;
	case ACT_SIGNIN: mark_signin(u); return;
	case ACT_EXPLAIN: mark_explain(u); break;
	case ACT_COMPLAINT: regform_open(u); break;
	case ACT_BREAK: brk_key(u); break;
	case ACT_RETURN: mark_return(u); return;
	case ACT_DETAIL: detail_open(u, u->cur); break;
	case ACT_OVERVIEW: u->overview = !u->overview; break;
	case ACT_PANEL:
		u->panel.hidden = !u->panel.hidden;
		ui_msg(u, false, "%s", u->panel.hidden ? _("Group panel hidden; z "
		    "shows it again.") : _("Group panel shown."));
		break;
	case ACT_MONTH: toggle_month(u); break;
	case ACT_REPORT: reportview_open(u); break;
	case ACT_PRINT: reportview_print(u); break;
	case ACT_MARK: mark_rule(u, b->rule); return;
	default: break;
	}
	u->dirty = true;
}

/* ---- keys ---- */

static void (*const screen_key[SCR_NSCREENS])(struct ui *u, int key) = {
	[SCR_MAP] = map_key,
	[SCR_PAGER] = pager_key,
};

static void
handle_key(struct ui *u, int key)
{
	if (key == UI_FKEY(KEY_RESIZE)) {
		u->dirty = true;
		return;
	}
	if (u->lay.small && u->prompt.kind == PROMPT_NONE) {
		u->quit = key == 'q';
		return;
	}
	if (u->prompt.kind != PROMPT_NONE)
		prompt_key(u, key);
	else {
		/* The next action starts: the last one's message goes. */
		if (u->msg[0])
			ui_touch(u, PART_MSG);
		u->msg[0] = '\0';
		u->msg_err = false;
		screen_key[u->screen](u, key);
	}
}

/* ---- time ---- */

static long long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Another console's (or the CLI's) commit, the minute, the shift day. */
static void
tick(struct ui *u)
{
	time_t now = clock_now();
	char day[DAY_LEN];
	int i;

	if (store_data_version(u->s) != u->version)
		ui_reload(u);
	if ((int)(now / 60) != u->minute) {
		u->minute = (int)(now / 60);
		/* The clock in the header; minutes away and limits reached
		 * move with it, on the seats of those away. */
		ui_touch(u, PART_HEADER | PART_INFO);
		if (u->map_ok) {
			seatmap_tick(u->f, &u->map, now);
			for (i = 0; i < u->f->nseats; i++)
				if (u->map.seats[i].brk == SEAT_BRK_AWAY ||
				    u->map.seats[i].brk == SEAT_BRK_OVER)
					ui_touch_seat(u, i);
		}
		/* Another screen shows what it shows whole. */
		if (u->screen != SCR_MAP)
			u->dirty = true;
		clock_shift_day(u->f, now, day);
		if (strcmp(day, u->day) != 0) {
			memcpy(u->day, day, DAY_LEN);
			ui_load(u);
		}
	}
}

/* ---- the terminal ---- */

static void
on_signal(int sig)
{
	got_signal = sig;
}

struct saved_signals {
	struct sigaction hup, term, intr, pipe;
};

/* Handlers only set a flag.  A SIGHUP ignored by the caller (nohup)
 * stays ignored; a lost terminal is then noticed by its read errors. */
static void
signals_install(struct saved_signals *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: interrupt the wait */
	sigaction(SIGHUP, NULL, &old->hup);
	if (old->hup.sa_handler != SIG_IGN)
		sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, &old->term);
	sigaction(SIGINT, &sa, &old->intr);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old->pipe);
}

static void
signals_restore(const struct saved_signals *old)
{
	sigaction(SIGHUP, &old->hup, NULL);
	sigaction(SIGTERM, &old->term, NULL);
	sigaction(SIGINT, &old->intr, NULL);
	sigaction(SIGPIPE, &old->pipe, NULL);
}

/* Home and End as PuTTY, rxvt, screen and the Linux console send them,
 * whatever the terminfo entry in use says. */
static void
define_common_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[Z", KEY_BTAB },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].key);
}

static void
terminal_setup(void)
{
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	define_common_keys();
	curs_set(0);
	theme_init();
}

/* Errors that mean the keyboard is gone (hang-up, closed descriptor). */
static bool
lost_errno(int err)
{
	return err == EIO || err == EBADF || err == EPIPE || err == ENXIO;
}

/* True when stdin polls as hung up or invalid. */
static bool
stdin_hung_up(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&p, 1, 0) < 0)
		return errno != EINTR && errno != EAGAIN;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* A key into *key: 0; or ERR (a timeout or an error) and errno in *err. */
static int
read_key(int *key, int *err)
{
	wint_t wch;
	int rc;

	errno = 0;
	rc = wget_wch(stdscr, &wch);
	*err = errno;
	if (rc == ERR)
		return -1;
	*key = rc == KEY_CODE_YES ? UI_FKEY((int)wch) : (int)wch;
	return 0;
}

/*
 * The loop: draw when something changed, wait for a key at most until
 * the next tick.  Returns 0 (quit), EXIT_RUNTIME (terminal lost) or
 * 128 + the signal.
 */
/* After an ERR from the keyboard: true when the terminal is gone.  A
 * timeout takes the time asked; an ERR long before it is no timeout, and
 * a run of them (read() returning 0 on a dead line) ends the loop rather
 * than spinning. */
static bool
keyboard_lost(int err, long long waited, int asked, int *early)
{
	if (lost_errno(err))
		return true;
	if (asked > 0 && waited < asked / 2) {
		if (stdin_hung_up() || ++*early > 50)
			return true;
	} else
		*early = 0;
	return false;
}

/*
 * The loop: draw when something changed, wait for a key at most until
 * the next tick.  Returns 0 (quit), EXIT_RUNTIME (terminal lost) or
 * 128 + the signal.
 */
static int
run_loop(struct ui *u)
{
	long long next_tick = mono_ms(), t0;
	int early = 0, key, asked, err;

	while (!u->quit && !got_signal) {
		frame_draw(u);
		t0 = mono_ms();
		asked = next_tick > t0 ? (int)(next_tick - t0) : 0;
		wtimeout(stdscr, asked);
		if (read_key(&key, &err) == 0) {
			early = 0;
			handle_key(u, key);
		} else if (!got_signal &&
		    keyboard_lost(err, mono_ms() - t0, asked, &early))
			return EXIT_RUNTIME;
		if (mono_ms() >= next_tick) {
			tick(u);
			next_tick = mono_ms() + TICK_MS;
		}
	}
	return got_signal ? 128 + got_signal : EXIT_OK;
}

static void
ui_init(struct ui *u, const struct floor *f, struct store *s,
    const struct actor *a)
{
	time_t now = clock_now();

	memset(u, 0, sizeof *u);
	u->f = f;
	u->s = s;
	u->a = a;
	u->ascii = !text_locale_utf8();
	u->readonly = store_readonly(s);
	u->minute = (int)(now / 60);
	clock_shift_day(f, now, u->day);
	mapview_init(u);
	keymap_init(f);
	ui_load(u);
	if (u->readonly && !u->msg[0])
		ui_msg(u, true, _("Read-only: you can look, search and print; "
		    "marks are refused."));
	/* A missing locale, said on stderr before the screen took over:
	 * said again where it can be read. */
	else if (i18n_notice()[0] && !u->msg[0])
		ui_msg(u, true, "%s", i18n_notice());
}

static void
ui_free(struct ui *u)
{
	prompt_close(u);
	pager_free(u);
	panel_free(u);
	feed_free(u);
	frame_free(u);
	if (u->map_ok)
		seatmap_free(&u->map);
	free(u->order);
	brk_free(u);
	mapview_free();
	keymap_free();
}

/* ---- the console without its loop (tests/unit/test_frame.c) ---- */

void
console_open(struct ui *u, const struct floor *f, struct store *s,
    const struct actor *a)
{
	terminal_setup();
	ui_init(u, f, s, a);
	u->dirty = true;
}

void
console_key(struct ui *u, int key)
{
	handle_key(u, key);
}

void
console_tick(struct ui *u)
{
	tick(u);
}

void
console_close(struct ui *u)
{
	ui_free(u);
}

int
console_run(const struct floor *f, struct store *s, const struct actor *a)
{
	struct saved_signals old;
	struct ui u;
	SCREEN *scr;
	int rc;

	got_signal = 0;
	signals_install(&old);
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		signals_restore(&old);
		fprintf(stderr, _("callfloor: cannot drive terminal type '%s'; for "
		    "plain text use `callfloor map`\n"), getenv("TERM") ?
		    getenv("TERM") : "");
		return EXIT_USAGE;
	}
	terminal_setup();
	ui_init(&u, f, s, a);
	u.dirty = true;
	rc = run_loop(&u);
	endwin();
	ui_free(&u);		/* before the screen its windows are on */
	delscreen(scr);
	signals_restore(&old);
	if (rc == EXIT_RUNTIME)
		fprintf(stderr, _("callfloor: the terminal went away; the console "
		    "stopped (nothing was left half-written)\n"));
	return rc;
}
