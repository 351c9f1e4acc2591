/*
 * draw.c - the console's only way to put text on the screen.  It measures
 * with text.h (wcwidth), so Chinese names take two columns and stay
 * aligned; it never decides what to show, only how it fits.
 */
#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../src/text.h"
#include "theme.h"

void
draw_clean(const char *s, bool ascii, struct buf *out)
{
	size_t n = strlen(s), k;
	const char *run = s;	/* kept as it is, not added yet */
	unsigned cp;

	buf_add(out, "", 0);
	while ((k = utf8_next(s, n, &cp)) != 0) {
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    (ascii && cp >= 0x80) || cp == 0xfffd) {
			buf_add(out, run, (size_t)(s - run));
			if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
				buf_puts(out, " ");
			else if (ascii)
				buf_puts(out, "?");
			else
				buf_puts(out, "\xef\xbf\xbd");
			run = s + k;
		}
		s += k;
		n -= k;
	}
	buf_add(out, run, (size_t)(s - run));
}

/* Adds n bytes of UTF-8 at y, x as wide characters: curses takes a
 * multibyte string a byte at a time, each through its converter, at
 * twice the cost of the characters handed over whole. */
static void
put_wide(int y, int x, const char *s, size_t n)
{
	wchar_t small[256], *w = n < 256 ? small : xcalloc(n + 1, sizeof *w);
	size_t k;
	unsigned cp;
	int nw = 0;

	while ((k = utf8_next(s, n, &cp)) != 0) {
		w[nw++] = (wchar_t)cp;
		s += k;
		n -= k;
	}
	w[nw] = L'\0';
	mvaddnwstr(y, x, w, nw);
	if (w != small)
		free(w);
}

/*
 * What put_fitted last drew on each row: a few fields per row (the header,
 * the seat line, a panel line, the message) by their column and width,
 * with the attribute and the fitted text.  Drawn again with the same
 * attribute, a field writes only the columns between the part it starts
 * with and the part it ends with that are as they were - the rest of the
 * row's cells are already right.  Anything else drawn over a field's
 * cells drops it; erase() and moved rows drop them all (draw_forget).
 */
#define KEPT_PER_ROW 4

struct kept {
	int x, w;		/* w 0: a free slot */
	attr_t attr;
	char *fit;
};

static struct {
	struct kept *row;	/* lines * KEPT_PER_ROW */
	int lines, cols;
} kept;

void
draw_forget_rows(int y0, int y1)
{
	int i;

	if (y0 < 0)
		y0 = 0;
	for (; y0 <= y1 && y0 < kept.lines; y0++)
		for (i = 0; i < KEPT_PER_ROW; i++) {
			struct kept *k = &kept.row[y0 * KEPT_PER_ROW + i];

			free(k->fit);
			memset(k, 0, sizeof *k);
		}
}

void
draw_forget(void)
{
	draw_forget_rows(0, kept.lines - 1);
	free(kept.row);
	kept.row = NULL;
	kept.lines = kept.cols = 0;
}

/* Row y's field at x, w (NULL: none kept, the slot to keep it in in
 * *slot, or NULL when full); the fields it overlaps are dropped. */
static struct kept *
kept_field(int y, int x, int w, struct kept **slot)
{
	struct kept *found = NULL;
	int i;

	if (kept.lines != LINES || kept.cols != COLS) {
		draw_forget();
		kept.row = xcalloc((size_t)LINES * KEPT_PER_ROW + 1,
		    sizeof *kept.row);
		kept.lines = LINES;
		kept.cols = COLS;
	}
	*slot = NULL;
	for (i = 0; i < KEPT_PER_ROW; i++) {
		struct kept *k = &kept.row[y * KEPT_PER_ROW + i];

		if (k->w > 0 && k->x == x && k->w == w)
			found = k;
		else if (k->w > 0 && k->x < x + w && x < k->x + k->w) {
			free(k->fit);
			memset(k, 0, sizeof *k);
		}
		if (k->w == 0 && *slot == NULL)
			*slot = k;
	}
	return found;
}

/* The columns of fit (w wide) that differ from old (w wide too): the
 * bytes [*b0, *b1) of fit, columns [*c0, *c1).  Equal characters are
 * equal bytes and equal widths, so both strings' start and end parts
 * stand at the same columns. */
static void
differ(const char *old, const char *fit, int w, size_t *b0, size_t *b1,
    int *c0, int *c1)
{
	size_t no = strlen(old), nf = strlen(fit), k, p = 0, q = 0;
	unsigned cp;
	int col = 0;

	while (p < no && p < nf && (k = utf8_next(fit + p, nf - p, &cp)) != 0 &&
	    p + k <= no && memcmp(old + p, fit + p, k) == 0) {
		col += cp_width(cp);
		p += k;
	}
	/* The equal end, in bytes, then at a character's start. */
	while (q < no - p && q < nf - p && old[no - q - 1] == fit[nf - q - 1])
		q++;
	while (q > 0 && ((unsigned char)fit[nf - q] & 0xc0) == 0x80)
		q--;
	*b0 = p;
	*b1 = nf - q;
	*c0 = col;
	*c1 = w - text_width(fit + nf - q);
}

static void
put_fitted(int y, int x, int w, attr_t attr, const char *s, bool ascii,
    bool right)
{
	struct buf clean = { 0 }, fit = { 0 };
	struct kept *k, *slot;
	size_t lead, body, b0 = 0, b1;
	int c0 = 0, c1;

	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	draw_clean(s, ascii, &clean);
	text_fit(&fit, clean.s, w, right, ascii);
	b1 = fit.len;
	c1 = w;
	k = kept_field(y, x, w, &slot);
	if (k != NULL && k->attr == attr) {
		differ(k->fit, fit.s, w, &b0, &b1, &c0, &c1);
		if (c1 <= c0) {		/* as it is on the screen */
			buf_free(&clean);
			buf_free(&fit);
			return;
		}
	}
	attrset(attr);
	/* The columns blanked first, in one run (curses lays a blank cell
	 * along the row for a fraction of what adding each space costs), then
	 * the text without its padding.  Blanking first also makes a field
	 * drawn again over itself come out as on an erased screen, whatever
	 * wide characters it showed before. */
	for (lead = b0; lead < b1 && fit.s[lead] == ' '; lead++)
		;
	for (body = b1 - lead; body > 0 && fit.s[lead + body - 1] == ' ';
	    body--)
		;
	mvhline(y, x + c0, ' ', c1 - c0);
	if (body > 0)
		put_wide(y, x + c0 + (int)(lead - b0), fit.s + lead, body);
	attrset(A_NORMAL);
	if (k == NULL)
		k = slot;
	if (k != NULL) {
		free(k->fit);
		k->x = x;
		k->w = w;
		k->attr = attr;
		k->fit = fit.s;
		fit.s = NULL;
	}
	buf_free(&clean);
	buf_free(&fit);
}

void
draw_text(int y, int x, int w, int role, const char *s, bool ascii)
{
	put_fitted(y, x, w, theme_attr(role), s, ascii, false);
}

void
draw_text_attr(int y, int x, int w, attr_t attr, const char *s, bool ascii)
{
	put_fitted(y, x, w, attr, s, ascii, false);
}

void
draw_right(int y, int x, int w, int role, const char *s, bool ascii)
{
	put_fitted(y, x, w, theme_attr(role), s, ascii, true);
}

int
draw_run(int y, int x, int maxx, int role, const char *s, bool ascii)
{
	struct buf clean = { 0 };
	int w;

	draw_clean(s, ascii, &clean);
	w = text_width(clean.s);
	if (w > maxx - x)
		w = maxx - x;
	put_fitted(y, x, w, theme_attr(role), clean.s, ascii, false);
	buf_free(&clean);
	return x + (w > 0 ? w : 0);
}

void
draw_fill(int y, int x, int w, int role)
{
	put_fitted(y, x, w, theme_attr(role), "", true, false);
}

size_t
draw_wrap_at(const char *s, int w)
{
	size_t n = strlen(s), k, at = 0, space = 0;
	unsigned cp;
	int cols = 0;

	while ((k = utf8_next(s + at, n - at, &cp)) != 0) {
		cols += cp_width(cp);
		if (cols > w)
			return space > 0 ? space : at;
		if (cp == ' ')
			space = at + 1;
		at += k;
	}
	return at;
}
