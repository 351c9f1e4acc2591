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

static void
put_fitted(int y, int x, int w, attr_t attr, const char *s, bool ascii,
    bool right)
{
	struct buf clean = { 0 }, fit = { 0 };
	size_t lead, body;

	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	draw_clean(s, ascii, &clean);
	text_fit(&fit, clean.s, w, right, ascii);
	attrset(attr);
	/* The w columns blanked first, in one run (curses lays a blank cell
	 * along the row for a fraction of what adding each space costs), then
	 * the text without its padding.  Blanking first also makes a field
	 * drawn again over itself come out as on an erased screen, whatever
	 * wide characters it showed before. */
	for (lead = 0; lead < fit.len && fit.s[lead] == ' '; lead++)
		;
	for (body = fit.len - lead; body > 0 && fit.s[lead + body - 1] == ' ';
	    body--)
		;
	mvhline(y, x, ' ', w);
	if (body > 0)
		put_wide(y, x + (int)lead, fit.s + lead, body);
	attrset(A_NORMAL);
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
