/*
 * text.c - UTF-8 decoding and column widths.  Where the locale is UTF-8,
 * wcwidth() decides; elsewhere (a C locale on a server, a CI box) a small
 * table of East Asian wide ranges keeps Chinese names aligned anyway.
 * Bad bytes decode as U+FFFD, never as garbage.
 */
#include "text.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

size_t
utf8_next(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	unsigned c;

	if (n == 0 || u[0] == '\0')
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		len = 2;
		c = u[0] & 0x1f;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3;
		c = u[0] & 0x0f;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4;
		c = u[0] & 0x07;
	} else
		goto bad;
	if (len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are bad. */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

bool
utf8_valid(const char *s)
{
	size_t n, k;
	unsigned cp;

	if (s == NULL)
		return false;
	n = strlen(s);
	while ((k = utf8_next(s, n, &cp)) != 0) {
		if (cp == 0xfffd && memcmp(s, "\xef\xbf\xbd", k < 3 ? k : 3) != 0)
			return false;
		s += k;
		n -= k;
	}
	return true;
}

bool
check_name_like(const char *s)
{
	return s != NULL && s[0] != '\0' && utf8_valid(s);
}

bool
text_locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* East Asian Wide and Fullwidth ranges (the common ones). */
static const unsigned wide[][2] = {
	{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

int
cp_width(unsigned cp)
{
	static int utf8 = -1;
	size_t i;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (utf8 < 0)
		utf8 = text_locale_utf8();
	if (utf8) {
		int w = wcwidth((wchar_t)cp);

		if (w >= 0)
			return w;
	}
	if ((cp >= 0x300 && cp <= 0x36f) || cp == 0x200b || cp == 0x200d)
		return 0;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

int
text_width(const char *s)
{
	size_t n = strlen(s), k;
	unsigned cp;
	int w = 0;

	while ((k = utf8_next(s, n, &cp)) != 0) {
		w += cp_width(cp);
		s += k;
		n -= k;
	}
	return w;
}

static bool
is_control(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

void
text_clean(struct buf *b, const char *s, size_t n, bool layout)
{
	const char *run = s;	/* kept as it is, not added yet */
	size_t k;
	unsigned cp;

	buf_add(b, "", 0);
	while ((k = utf8_next(s, n, &cp)) != 0) {
		if ((!is_control(cp) && cp != 0xfffd) || (layout && (cp == '\n' ||
		    cp == '\r' || cp == '\t' || cp == '\f'))) {
			s += k;
			n -= k;
			continue;
		}
		buf_add(b, run, (size_t)(s - run));
		if (!is_control(cp))
			buf_add(b, "\xef\xbf\xbd", 3);
		else if (cp == '\n')
			buf_puts(b, "\\n");
		else if (cp == '\r')
			buf_puts(b, "\\r");
		else if (cp == '\t')
			buf_puts(b, "\\t");
		else if (cp < 0x20)
			buf_printf(b, "^%c", (char)(cp + 0x40));
		else if (cp == 0x7f)
			buf_puts(b, "^?");
		else
			buf_printf(b, "\\u%04X", cp);
		s += k;
		n -= k;
		run = s;
	}
	buf_add(b, run, (size_t)(s - run));
}

bool
text_has_control(const char *s)
{
	size_t n = strlen(s), k;
	unsigned cp;

	while ((k = utf8_next(s, n, &cp)) != 0) {
		if (is_control(cp))
			return true;
		s += k;
		n -= k;
	}
	return false;
}

/* n spaces onto b, in runs. */
static void
pad(struct buf *b, int n)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		int k = n < (int)sizeof sp - 1 ? n : (int)sizeof sp - 1;

		buf_add(b, sp, (size_t)k);
		n -= k;
	}
}

void
text_fit(struct buf *b, const char *raw, int width, bool right, bool ascii)
{
	const char *ell = ascii ? "~" : "\xe2\x80\xa6";
	struct buf out = { 0 }, clean = { 0 };
	const char *s, *run;
	size_t n, k;
	unsigned cp;
	int w = 0, total;

	text_clean(&clean, raw, strlen(raw), false);
	s = clean.s;
	n = clean.len;
	total = text_width(s);

	buf_add(&out, "", 0);
	if (width > 0) {
		/* Room for the whole string, or for width - 1 and the ellipsis. */
		int room = total <= width ? width : width - 1;

		/* What fits is added in runs, a replacement character apart. */
		run = s;
		while ((k = utf8_next(s, n, &cp)) != 0) {
			int cw = cp_width(cp);

			if (w + cw > room)
				break;
			if (cp == 0xfffd) {
				buf_add(&out, run, (size_t)(s - run));
				buf_puts(&out, ascii ? "?" : "\xef\xbf\xbd");
				run = s + k;
			}
			w += cw;
			s += k;
			n -= k;
		}
		if (s > run)
			buf_add(&out, run, (size_t)(s - run));
		if (total > width) {
			pad(&out, width - 1 - w);
			if (w < width - 1)
				w = width - 1;
			buf_puts(&out, ell);
			w++;
		}
	}
	if (right)
		pad(b, width - w);
	buf_add(b, out.s, out.len);
	if (!right)
		pad(b, width - w);
	buf_free(&out);
	buf_free(&clean);
}

void
text_col(struct buf *b, const char *s, int w)
{
	text_fit(b, s, w - 1, false, false);
	buf_puts(b, " ");
}

void
text_spaces(struct buf *b, int n)
{
	while (n-- > 0)
		buf_puts(b, " ");
}

int
text_wrap(const char *s, int width, char ***out)
{
	int n = 0;

	*out = NULL;
	while (*s == ' ')
		s++;
	while (*s != '\0') {
		const char *p = s, *sp = NULL, *end;
		size_t k;
		unsigned cp;
		int w = 0;

		while ((k = utf8_next(p, strlen(p), &cp)) != 0) {
			int cw = cp_width(cp);

			if (w + cw > width)
				break;
			if (cp == ' ')
				sp = p;
			w += cw;
			p += k;
		}
		if (k == 0)
			end = p;
		else if (sp != NULL)
			end = sp;
		else
			end = p == s ? p + k : p;
		*out = xrealloc(*out, (size_t)(n + 1) * sizeof **out);
		(*out)[n] = xmalloc((size_t)(end - s) + 1);
		memcpy((*out)[n], s, (size_t)(end - s));
		(*out)[n++][end - s] = '\0';
		for (s = end; *s == ' '; s++)
			;
	}
	return n;
}

void
text_lines_free(char **l, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

int
text_note_wrap(const char *label, const char *text, int width, char ***out)
{
	struct buf b = { 0 };
	int n;

	buf_puts(&b, label);
	text_clean(&b, text, strlen(text), false);
	n = text_wrap(b.s, width, out);
	buf_free(&b);
	return n;
}
