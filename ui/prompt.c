/*
 * prompt.c - line editing (UTF-8, measured in columns), yes/no questions
 * and the rule menu.  A prompt collects an answer and hands it to its
 * done() callback; it never acts on the floor itself.
 */
#include "prompt.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/text.h"
#include "draw.h"
#include "mapview.h"
#include "match.h"
#include "theme.h"
#include "words.h"

static void
prompt_reset(struct ui *u, enum prompt_kind kind, const char *label,
    prompt_done_fn done)
{
	struct prompt *p = &u->prompt;

	free(p->items);
	memset(p, 0, sizeof *p);
	p->kind = kind;
	snprintf(p->label, sizeof p->label, "%s", label);
	p->done = done;
	u->dirty = true;
}

void
prompt_close(struct ui *u)
{
	free(u->prompt.items);
	memset(&u->prompt, 0, sizeof u->prompt);
	u->dirty = true;
}

void
prompt_line(struct ui *u, const char *label, const char *prefill, bool fresh,
    prompt_done_fn done)
{
	prompt_reset(u, PROMPT_LINE, label, done);
	snprintf(u->prompt.text, sizeof u->prompt.text, "%s", prefill);
	u->prompt.fresh = fresh && prefill[0] != '\0';
}

void
prompt_confirm(struct ui *u, const char *question, prompt_done_fn done)
{
	prompt_reset(u, PROMPT_CONFIRM, question, done);
}

void
prompt_hint(struct ui *u, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->prompt.hint, sizeof u->prompt.hint, fmt, ap);
	va_end(ap);
	u->prompt.hint_err = err;
	u->dirty = true;
}

/* ---- the rule menu ---- */

static void
menu_filter(struct ui *u)
{
	struct prompt *p = &u->prompt;
	enum match_rank *rank = xcalloc((size_t)u->f->nrules + 1, sizeof *rank);
	int i;

	for (i = 0; i < u->f->nrules; i++) {
		const struct rule *r = &u->f->rules[i];

		rank[i] = match_rule(r->code, r->title, r->title_zh, p->text);
		p->items[i] = i;
	}
	/* An exact code first, then code prefixes, then titles. */
	p->nitems = match_sort(p->items, u->f->nrules, rank);
	free(rank);
	/* Typing starts the choice again from the best match. */
	p->sel = 0;
	p->top = 0;
	if (p->nitems == 0)
		prompt_hint(u, true, "%s", _("no rule matches"));
	else
		prompt_hint(u, false, _("%d of %d"), p->nitems, u->f->nrules);
}

void
prompt_menu(struct ui *u, const char *label, prompt_done_fn done)
{
	prompt_reset(u, PROMPT_MENU, label, done);
	u->prompt.items = xcalloc((size_t)u->f->nrules + 1, sizeof(int));
	menu_filter(u);
}

/* ---- editing ---- */

static void
utf8_put(unsigned cp, char out[5])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		out[1] = 0;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		out[2] = 0;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		out[3] = 0;
	} else {
		out[0] = (char)(0xf0 | cp >> 18);
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		out[4] = 0;
	}
}

static bool
insertable(const struct ui *u, int key)
{
	if (key < 0x20 || key == 0x7f || key >= 0x110000 ||
	    (key >= 0x80 && key < 0xa0) || (key >= 0xd800 && key <= 0xdfff))
		return false;
	if (u->prompt.ascii_only)
		return isdigit(key) || key == '.';
	return !u->ascii || key < 0x80;
}

static void
text_insert(struct ui *u, int key)
{
	struct prompt *p = &u->prompt;
	char enc[5];
	size_t len;

	if (p->fresh)
		p->text[0] = '\0';
	p->fresh = false;
	utf8_put((unsigned)key, enc);
	len = strlen(p->text);
	if (len + strlen(enc) < sizeof p->text)
		memcpy(p->text + len, enc, strlen(enc) + 1);
}

static void
text_backspace(struct prompt *p)
{
	size_t len = strlen(p->text);

	p->fresh = false;
	while (len > 0 && ((unsigned char)p->text[len - 1] & 0xc0) == 0x80)
		len--;
	if (len > 0)
		len--;
	p->text[len] = '\0';
}

static bool
is_backspace(int key)
{
	return key == UI_FKEY(KEY_BACKSPACE) || key == 0x7f || key == 8;
}

static bool
is_enter(int key)
{
	return key == '\r' || key == '\n' || key == UI_FKEY(KEY_ENTER);
}

/* Closes the prompt, then tells its owner. */
static void
finish(struct ui *u, bool ok)
{
	prompt_done_fn done = u->prompt.done;
	char text[STORE_TEXT];
	int choice = -1;

	snprintf(text, sizeof text, "%s", u->prompt.text);
	if (u->prompt.kind == PROMPT_MENU && u->prompt.nitems > 0)
		choice = u->prompt.items[u->prompt.sel];
	if (ok && u->prompt.kind == PROMPT_MENU && choice < 0)
		return;
	prompt_close(u);
	if (done)
		done(u, ok, text, choice);
}

/* Editing keys shared by line prompts and the menu; true when handled. */
static bool
edit_key(struct ui *u, int key)
{
	struct prompt *p = &u->prompt;

	if (is_backspace(key))
		text_backspace(p);
	else if (key == UI_CTRL('U'))
		p->text[0] = '\0', p->fresh = false;
	else if (insertable(u, key))
		text_insert(u, key);
	else
		return false;
	p->hint[0] = '\0';
	if (p->kind == PROMPT_MENU)
		menu_filter(u);
	else if (p->changed)
		p->changed(u);
	return true;
}

static void
menu_move(struct ui *u, int by)
{
	struct prompt *p = &u->prompt;

	p->sel += by;
	if (p->sel >= p->nitems)
		p->sel = p->nitems - 1;
	if (p->sel < 0)
		p->sel = 0;
}

void
prompt_key(struct ui *u, int key)
{
	struct prompt *p = &u->prompt;

	u->dirty = true;
	if (p->kind == PROMPT_CONFIRM) {
		if (key == 'y' || key == 'Y')
			finish(u, true);
		else if (key == 'n' || key == 'N' || key == 'q' || key == UI_ESC ||
		    is_enter(key))
			finish(u, false);
		return;
	}
	if (is_enter(key))
		finish(u, true);
	else if (key == UI_ESC || key == UI_CTRL('C') || key == UI_CTRL('G'))
		finish(u, false);
	else if (edit_key(u, key))
		return;
	else if (p->kind == PROMPT_MENU) {
		int page = LINES / 2;

		if (key == UI_FKEY(KEY_UP) || key == UI_CTRL('P'))
			menu_move(u, -1);
		else if (key == UI_FKEY(KEY_DOWN) || key == UI_CTRL('N'))
			menu_move(u, 1);
		else if (key == UI_FKEY(KEY_PPAGE))
			menu_move(u, -page);
		else if (key == UI_FKEY(KEY_NPAGE))
			menu_move(u, page);
	} else if (p->step && (key == UI_FKEY(KEY_UP) || key == UI_CTRL('P')))
		p->step(u, -1);
	else if (p->step && (key == UI_FKEY(KEY_DOWN) || key == UI_CTRL('N') ||
	    key == '\t'))
		p->step(u, 1);
}

/* ---- drawing ---- */

/* The end of s that fits in w columns (a long note scrolls left). */
static const char *
tail_fit(const char *s, int w)
{
	while (*s && text_width(s) > w) {
		unsigned cp;

		s += utf8_next(s, strlen(s), &cp);
	}
	return s;
}

/* The label, on the line above as well when it is long and there is
 * room (the message area has two lines from 24 rows up); returns the
 * column after it. */
static int
draw_label(struct ui *u, int y, int maxw)
{
	const char *label = u->prompt.label;
	int x;

	if (text_width(label) > maxw && LINES >= 24) {
		size_t cut = draw_wrap_at(label, COLS - 1);
		char *first = strndup(label, cut);

		draw_text(y - 1, 0, COLS, ROLE_PROMPT, first, u->ascii);
		free(first);
		label += cut;
	}
	x = draw_run(y, 0, maxw, ROLE_PROMPT, label, u->ascii);
	return draw_run(y, x, COLS, ROLE_PROMPT, " ", u->ascii);
}

static void
draw_line_prompt(struct ui *u, int y)
{
	struct prompt *p = &u->prompt;
	int x, hintw = p->hint[0] ? text_width(p->hint) + 2 : 0, textw;
	bool confirm = p->kind == PROMPT_CONFIRM;
	const char *shown;

	if (hintw > COLS / 2)
		hintw = COLS / 2;
	draw_fill(y, 0, COLS, ROLE_NORMAL);
	x = draw_label(u, y, confirm ? COLS - 7 : COLS - hintw - 12);
	textw = COLS - x - hintw - 1;
	shown = tail_fit(p->text, textw);
	x = draw_run(y, x, x + textw, p->fresh ? ROLE_SELECT : ROLE_NORMAL, shown,
	    u->ascii);
	if (confirm)
		x = draw_run(y, x, COLS, ROLE_PROMPT, _("[y/N]"), u->ascii);
	if (hintw)
		draw_right(y, COLS - hintw, hintw, p->hint_err ? ROLE_MSG_ERR :
		    ROLE_DIM, p->hint, u->ascii);
	move(y, x < COLS ? x : COLS - 1);
}

/* A frame in box-drawing characters (or -|+ in ASCII): ACS would depend
 * on the terminal's alternate character set, which screen and some SSH
 * clients mangle. */
static void
draw_box(const struct ui *u, int y, int x, int h, int w)
{
	static const char *utf8[] = { "\xe2\x94\x8c", "\xe2\x94\x80",
		"\xe2\x94\x90", "\xe2\x94\x82", "\xe2\x94\x94", "\xe2\x94\x98" };
	static const char *ascii[] = { "+", "-", "+", "|", "+", "+" };
	const char **g = u->ascii ? ascii : utf8;
	struct buf top = { 0 }, bottom = { 0 };
	int i;

	buf_puts(&top, g[0]);
	buf_puts(&bottom, g[4]);
	for (i = 0; i < w - 2; i++) {
		buf_puts(&top, g[1]);
		buf_puts(&bottom, g[1]);
	}
	buf_puts(&top, g[2]);
	buf_puts(&bottom, g[5]);
	draw_text(y, x, w, ROLE_DIM, top.s, u->ascii);
	draw_text(y + h - 1, x, w, ROLE_DIM, bottom.s, u->ascii);
	for (i = 1; i < h - 1; i++) {
		draw_text(y + i, x, 1, ROLE_DIM, g[3], u->ascii);
		draw_text(y + i, x + w - 1, 1, ROLE_DIM, g[3], u->ascii);
	}
	buf_free(&top);
	buf_free(&bottom);
}

/* Columns for the terms: the widest among the shown rules, at most a
 * third of the menu. */
static int
terms_width(struct ui *u, int w)
{
	struct prompt *p = &u->prompt;
	int i, max = 0;

	for (i = 0; i < p->nitems; i++) {
		struct buf t = { 0 };
		int tw;

		words_terms(u, &u->f->rules[p->items[i]], &t);
		tw = text_width(t.s ? t.s : "");
		if (tw > max)
			max = tw;
		buf_free(&t);
	}
	return max < w / 3 ? max : w / 3;
}

static void
menu_item(struct ui *u, int y, int x, int w, int termsw, int rule, bool sel)
{
	const struct rule *r = &u->f->rules[rule];
	struct buf line = { 0 }, title = { 0 }, terms = { 0 };
	char key[4] = { r->key ? (char)r->key : ' ', 0 };
	int titlew = w - 3 - 17 - 2 - termsw;

	buf_printf(&line, " %s ", key);
	text_fit(&line, r->code, 16, false, u->ascii);
	buf_puts(&line, " ");
	words_rule_title(u, r, &title);
	words_terms(u, r, &terms);
	text_fit(&line, title.s, titlew > 8 ? titlew : 8, false, u->ascii);
	buf_puts(&line, "  ");
	text_fit(&line, terms.s ? terms.s : "", termsw, false, u->ascii);
	draw_text(y, x, w, sel ? ROLE_SELECT : ROLE_NORMAL, line.s, u->ascii);
	buf_free(&line);
	buf_free(&title);
	buf_free(&terms);
}

static void
draw_menu(struct ui *u)
{
	struct prompt *p = &u->prompt;
	int w = COLS - 4 < 120 ? COLS - 4 : 120, rows, h, y, x, i, cx, termsw;

	int cy = u->screen == SCR_MAP ? mapview_cursor_y(u) : -1, top = 1,
	    bottom = LINES - 2;

	/* Away from the cursor's row: the seat being marked stays in view. */
	if (cy >= 0 && cy - 1 >= bottom - cy - 1 && cy - 1 >= 6)
		bottom = cy - 1;
	else if (cy >= 0 && bottom - cy - 1 >= 6)
		top = cy + 1;
	rows = p->nitems > 0 ? p->nitems : 1;
	if (rows > bottom - top + 1 - 3)
		rows = bottom - top + 1 - 3;
	if (rows < 1)
		rows = 1;
	h = rows + 3;
	y = top + (bottom - top + 1 - h) / 2;
	x = (COLS - w) / 2;
	/* Whole rows: a frame drawn over half of a wide character would
	 * leave the other half on the terminal. */
	for (i = 0; i < h; i++)
		draw_fill(y + i, 0, COLS, ROLE_NORMAL);
	draw_box(u, y, x, h, w);
	draw_run(y, x + 2, x + w - 2, ROLE_TITLE, p->label, u->ascii);
	cx = draw_run(y + 1, x + 2, x + w - 2, ROLE_PROMPT, "> ", u->ascii);
	cx = draw_run(y + 1, cx, x + w - 20, ROLE_NORMAL, tail_fit(p->text,
	    w - 24), u->ascii);
	draw_right(y + 1, x + w - 18, 16, p->hint_err ? ROLE_MSG_ERR : ROLE_DIM,
	    p->hint, u->ascii);
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	termsw = terms_width(u, w - 2);
	for (i = 0; i < rows && p->top + i < p->nitems; i++)
		menu_item(u, y + 2 + i, x + 1, w - 2, termsw, p->items[p->top + i],
		    p->top + i == p->sel);
	draw_run(y + h - 1, x + 2, x + w - 2, ROLE_DIM, u->ascii ?
	    _(" Enter: mark | Up/Down: choose | Esc: cancel ") :
	    _(" Enter: mark \xc2\xb7 \xe2\x86\x91\xe2\x86\x93: choose \xc2\xb7 "
	    "Esc: cancel "), u->ascii);
	move(y + 1, cx);
}

void
prompt_draw(struct ui *u)
{
	if (u->prompt.kind == PROMPT_MENU)
		draw_menu(u);
	else if (u->prompt.kind != PROMPT_NONE)
		draw_line_prompt(u, LINES - 2);
}
