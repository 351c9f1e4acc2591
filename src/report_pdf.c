/*
 * report_pdf.c - the end-of-day summary as a PDF a shift lead can print
 * on any CUPS server: Cairo draws the pages, Pango shapes the text and
 * lets fontconfig pick a font for every character (a CJK font for the
 * Chinese), and Cairo embeds the glyphs used as font subsets, so the page
 * prints the same wherever it goes.
 *
 * It typesets the very document the text report prints (report_doc.h):
 * the same lines, sections and totals, on the same 80-column grid, in a
 * monospaced CJK font whose Latin letters are exactly half as wide as its
 * Han characters, so the tables keep their columns and numbers stay
 * right-aligned.  On top of that: a header and a "page N of M" footer,
 * shaded section titles, ruled table headers and totals, a picture of the
 * day's fines per group (a stacked bar each) or, for the fines ledger of a
 * period (report_ledger.c), of each group's fines day by day (a line
 * each), and page breaks that repeat a section's title and table header
 * and never leave a heading alone at a page foot.
 *
 * It must not price anything or speak SQL: every number comes from the
 * document.  The rendering runs in a child without the set-group id,
 * the only process that loads Cairo and Pango (pdf_libs.h).
 */
#include "report_pdf.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../db/store.h"
#include "clock.h"
#include "i18n.h"
#include "pdf_libs.h"
#include "priv.h"
#include "report.h"
#include "report_doc.h"
#include "text.h"

/* Fonts: the first one fontconfig finds wins; fontconfig falls back per
 * character beyond that.  WenQuanYi Zen Hei is Debian's fonts-wqy-zenhei. */
#define FONT_MONO "WenQuanYi Zen Hei Mono,Noto Sans Mono CJK SC,monospace"
#define FONT_SANS "WenQuanYi Zen Hei,Noto Sans CJK SC,sans-serif"

#define BODY_PT 10.5		/* the body's font size */
#define LINE_H 13.5		/* a line of the body */
#define BLANK_H 7.0		/* an empty line */
#define SECTION_H 24.0		/* a section's title, in its band */
#define TABLE_H 16.0		/* column headers, ruled under */
#define TOTAL_H 15.0		/* a total row, ruled over */
#define BAR_H 15.0		/* a group's bar */
#define LINES_H 190.0		/* the day-by-day picture */
#define KEY_PER_LINE 4		/* series named on a line of its key */
#define TOP 34.0		/* the header's first line */
#define BODY_TOP 84.0		/* where the body starts */
#define FOOT 50.0		/* the footer's rule, from the page foot */

/* The picture's columns: labels, then the bar, then the amount. */
#define BAR_LABEL_COLS 27
#define BAR_FROM 28
#define BAR_COLS 40

/* ---- what goes on the pages ---- */

enum kind {
	K_LINE,		/* a line of the document */
	K_TITLE,	/* a context's title, repeated on a new page */
	K_COLS,		/* a context's column headers, repeated */
	K_LEGEND,	/* the picture's legend */
	K_BAR,		/* a group's bar */
	K_LINES,	/* the groups' fines day by day */
	K_KEY		/* a line of its key: bar = the first series on it */
};

struct item {
	enum kind kind;
	const char *s;	/* K_LINE, K_TITLE, K_COLS */
	int flags;	/* report_doc.h's */
	int ctx;	/* the context to repeat over it on a new page, -1 */
	int bar;	/* K_BAR: index into the document's bars */
};

struct placed {
	int page;
	struct item it;
};

struct pdf {
	const struct doc *doc;
	struct item *it;
	int n;
	struct rctx *cx;	/* the document's contexts, then the picture's */
	int ncx;
	struct placed *pl;
	int npl, pages;
	double w, h, x0, cell;
	fen_t max;		/* the largest group total: the bar scale */
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *mono, *mono_bold, *sans, *sans_bold;
};

static double
item_h(const struct item *it)
{
	switch (it->kind) {
	case K_TITLE: return SECTION_H;
	case K_COLS: return TABLE_H;
	case K_LEGEND: return LINE_H;
	case K_BAR: return BAR_H;
	case K_LINES: return LINES_H;
	case K_KEY: return LINE_H;
	case K_LINE: break;
	}
	if (it->s[0] == '\0')
		return BLANK_H;
	if (it->flags & SECTION)
		return SECTION_H;
	if (it->flags & TABLE)
		return TABLE_H;
	if (it->flags & TOTAL)
		return TOTAL_H;
	return LINE_H;
}

static void
add(struct pdf *p, enum kind k, const char *s, int flags, int ctx, int bar)
{
	p->it = xrealloc(p->it, (size_t)(p->n + 1) * sizeof *p->it);
	p->it[p->n++] = (struct item){ k, s, flags, ctx, bar };
}

/* The picture first (a section of its own), then the document. */
static void
items(struct pdf *p)
{
	const struct doc *d = p->doc;
	int i, chart = d->nc;

	p->cx = xcalloc((size_t)d->nc + 1, sizeof *p->cx);
	memcpy(p->cx, d->c, (size_t)d->nc * sizeof *p->cx);
	p->cx[chart].title = _("FINES BY GROUP (continued)");
	p->ncx = d->nc + 1;
	for (i = 0; i < d->nbars; i++) {
		fen_t t = d->bars[i].own + d->bars[i].co + d->bars[i].grp;

		if (t > p->max)
			p->max = t;
	}
	if (d->nbars > 0) {
		add(p, K_LINE, _("FINES BY GROUP"), KEEP | HEAD | SECTION, -1, -1);
		add(p, K_LEGEND, NULL, KEEP, chart, -1);
		for (i = 0; i < d->nbars; i++)
			add(p, K_BAR, NULL, 0, chart, i);
	}
	if (d->nseries > 0) {
		p->cx[chart].title = _("FINES BY GROUP, DAY BY DAY (continued)");
		add(p, K_LINE, _("FINES BY GROUP, DAY BY DAY"), KEEP | HEAD | SECTION,
		    -1, -1);
		add(p, K_LINES, NULL, KEEP, chart, -1);
		for (i = 0; i < d->nseries; i += KEY_PER_LINE)
			add(p, K_KEY, NULL, i + KEY_PER_LINE < d->nseries ? KEEP : 0,
			    chart, i);
	}
	for (i = 0; i < d->n; i++)
		add(p, K_LINE, d->l[i].s, d->l[i].flags, d->l[i].ctx, -1);
}

static void
place(struct pdf *p, int page, enum kind k, const char *s, int flags)
{
	p->pl = xrealloc(p->pl, (size_t)(p->npl + 1) * sizeof *p->pl);
	p->pl[p->npl].page = page;
	p->pl[p->npl++].it = (struct item){ k, s, flags, -1, -1 };
}

/*
 * Cuts the items into pages of `cap` points, as the text report cuts its
 * lines: a run of KEEP items moves whole to the next page when it fits
 * there, so a heading never stays alone at a page foot; a page that
 * starts inside a section repeats its title and column headers.
 */
static void
paginate(struct pdf *p, double cap)
{
	double used = 0;
	int page = 0, i, j;

	for (i = 0; i < p->n; i++) {
		const struct item *it = &p->it[i];
		const struct rctx *c = it->ctx >= 0 ? &p->cx[it->ctx] : NULL;
		double ctxh = 0, h = item_h(it);

		if (c != NULL && !(it->flags & HEAD))
			ctxh = SECTION_H + (c->cols != NULL ? TABLE_H : 0);
		if (i == 0 || !(p->it[i - 1].flags & KEEP)) {
			double chain = h;

			for (j = i; j + 1 < p->n && (p->it[j].flags & KEEP); j++)
				chain += item_h(&p->it[j + 1]);
			if (used > 0 && used + chain > cap && chain <= cap - ctxh)
				used = cap;
		}
		if (used > 0 && used + h > cap) {
			page++;
			used = 0;
		}
		if (used == 0 && it->kind == K_LINE && it->s[0] == '\0')
			continue;
		if (used == 0 && ctxh > 0) {
			place(p, page, K_TITLE, c->title, SECTION);
			if (c->cols != NULL)
				place(p, page, K_COLS, c->cols, TABLE);
			used += ctxh;
		}
		p->pl = xrealloc(p->pl, (size_t)(p->npl + 1) * sizeof *p->pl);
		p->pl[p->npl].page = page;
		p->pl[p->npl++].it = *it;
		used += h;
	}
	p->pages = page + 1;
}

/* ---- drawing ---- */

static void
rgb(cairo_t *cr, unsigned hex)
{
	cairo_set_source_rgb(cr, (hex >> 16 & 0xff) / 255.0,
	    (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0);
}

#define C_INK 0x1a1a1a
#define C_GREY 0x5a5a5a
#define C_BAND 0xe4e9f0
#define C_NAVY 0x1f3552
#define C_RULE 0x7a8799
#define C_OWN 0x2f5d8a		/* own fines */
#define C_CO 0xe08a2c		/* co-penalties */
#define C_GRP 0x9aa3ad		/* group fines */

/* Text at (x, y), the top of its line; returns its width in points. */
static double
show(struct pdf *p, const PangoFontDescription *fd, const char *s, size_t n,
    double x, double y)
{
	int w, h;

	pango_layout_set_font_description(p->lay, fd);
	pango_layout_set_text(p->lay, s, (int)n);
	pango_layout_get_size(p->lay, &w, &h);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->lay);
	return (double)w / PANGO_SCALE;
}

static double
text_w(struct pdf *p, const PangoFontDescription *fd, const char *s)
{
	int w, h;

	pango_layout_set_font_description(p->lay, fd);
	pango_layout_set_text(p->lay, s, -1);
	pango_layout_get_size(p->lay, &w, &h);
	return (double)w / PANGO_SCALE;
}

/*
 * A document line on the grid: each stretch between runs of two or more
 * spaces starts at its own column, so a glyph a little off its width
 * (a fallback font) never shifts the columns after it.
 */
static void
grid_line(struct pdf *p, const char *s, double y, bool bold)
{
	const PangoFontDescription *fd = bold ? p->mono_bold : p->mono;
	struct buf seg = { 0 };
	int col = 0;

	while (*s != '\0') {
		const char *q;

		for (; *s == ' '; s++)
			col++;
		if (*s == '\0')
			break;
		for (q = s; *q != '\0' && !(q[0] == ' ' &&
		    (q[1] == ' ' || q[1] == '\0')); q++)
			;
		seg.len = 0;
		buf_add(&seg, s, (size_t)(q - s));
		show(p, fd, seg.s, seg.len, p->x0 + col * p->cell, y);
		col += text_width(seg.s);
		s = q;
	}
	buf_free(&seg);
}

static void
hrule(struct pdf *p, double y, double width, unsigned colour)
{
	rgb(p->cr, colour);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, p->x0, y);
	cairo_line_to(p->cr, p->x0 + REPORT_WIDTH * p->cell, y);
	cairo_stroke(p->cr);
}

static void
swatch(struct pdf *p, double x, double y, double w, double h, unsigned c)
{
	if (w <= 0)
		return;
	rgb(p->cr, c);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
}

void
report_bar_lengths(const struct report_bar *b, fen_t max, double full,
    double out[3])
{
	fen_t v[3] = { b->own, b->co, b->grp };
	int i;

	for (i = 0; i < 3; i++)
		out[i] = max > 0 && v[i] > 0 ? full * (double)v[i] / (double)max : 0;
}

static void
legend(struct pdf *p, double y)
{
	static const struct { const char *label; unsigned c; } keys[] = {
		{ N_("own fines"), C_OWN }, { N_("co-penalties"), C_CO },
		{ N_("group fines"), C_GRP } };
	double x = p->x0 + BAR_FROM * p->cell, sz = 7;
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		swatch(p, x, y + 3.5, sz, sz, keys[i].c);
		rgb(p->cr, C_GREY);
		x += sz + 3;
		x += show(p, p->sans, _(keys[i].label), strlen(_(keys[i].label)), x,
		    y + 1) + 12;
	}
}

static void
bar(struct pdf *p, const struct report_bar *b, double y)
{
	struct buf label = { 0 };
	double len[3], x = p->x0 + BAR_FROM * p->cell, wd;
	char a[32];
	char *s = xasprintf("%s  %s", b->id, b->name);

	buf_puts(&label, "  ");
	text_fit(&label, s, BAR_LABEL_COLS - 2, false, false);
	rgb(p->cr, C_INK);
	grid_line(p, label.s, y + 1, false);
	report_bar_lengths(b, p->max, BAR_COLS * p->cell, len);
	swatch(p, x, y + 3, len[0], BAR_H - 6, C_OWN);
	swatch(p, x + len[0], y + 3, len[1], BAR_H - 6, C_CO);
	swatch(p, x + len[0] + len[1], y + 3, len[2], BAR_H - 6, C_GRP);
	fen_format(b->own + b->co + b->grp, a, sizeof a);
	wd = text_w(p, p->mono, a);
	rgb(p->cr, C_INK);
	show(p, p->mono, a, strlen(a), p->x0 + REPORT_WIDTH * p->cell - wd,
	    y + 1);
	buf_free(&label);
	free(s);
}

/* Distinct at a glance and in grey: the lines' colours, in order. */
static const unsigned line_colour[REPORT_SERIES_MAX] = { 0x2f5d8a, 0xe08a2c,
	0x3a9a5b, 0xc0392b, 0x7d5ba6, 0x8c6d3f, 0xd35fa0, 0x5a5a5a };

/*
 * Each drawn group's fines day by day as a line over the days of the
 * period, on a scale from 0 to the highest day's amount.
 */
static void
lines(struct pdf *p, double y)
{
	const struct doc *d = p->doc;
	double x0 = p->x0 + 9 * p->cell, x1 = p->x0 + REPORT_WIDTH * p->cell - 4;
	double top = y + 10, bot = y + LINES_H - 22, step;
	fen_t max = 0;
	char a[32], day[11];
	int i, k;

	for (i = 0; i < d->nseries; i++)
		for (k = 0; k < d->ndays; k++)
			if (d->series[i].day[k] > max)
				max = d->series[i].day[k];
	step = d->ndays > 1 ? (x1 - x0) / (d->ndays - 1) : 0;
	/* The scale: 0, half, the highest; amounts at the left. */
	for (i = 0; i <= 2; i++) {
		double gy = bot - (bot - top) * i / 2;
		double w;

		rgb(p->cr, i == 0 ? C_RULE : C_BAND);
		cairo_set_line_width(p->cr, i == 0 ? 0.8 : 0.5);
		cairo_move_to(p->cr, x0, gy);
		cairo_line_to(p->cr, x1, gy);
		cairo_stroke(p->cr);
		fen_format(max * i / 2, a, sizeof a);
		w = text_w(p, p->sans, a);
		rgb(p->cr, C_GREY);
		show(p, p->sans, a, strlen(a), x0 - 6 - w, gy - 6);
	}
	/* The days: the 1st, every 5th and the last, by their day of month. */
	memcpy(day, d->from, sizeof day);
	for (k = 0; k < d->ndays; k++, clock_add_days(day, 1, day)) {
		int dom = atoi(day + 8);

		/* (a 5th too near the last day gives way to it) */
		if (k == 0 || k + 1 == d->ndays || (dom % 5 == 0 &&
		    k + 3 < d->ndays)) {
			double x = x0 + step * k, w;

			snprintf(a, sizeof a, "%d", dom);
			w = text_w(p, p->sans, a);
			rgb(p->cr, C_GREY);
			show(p, p->sans, a, strlen(a), x - w / 2, bot + 4);
		}
	}
	cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
	for (i = d->nseries - 1; i >= 0; i--) {
		const struct report_series *sr = &d->series[i];

		rgb(p->cr, line_colour[i % REPORT_SERIES_MAX]);
		cairo_set_line_width(p->cr, 1.6);
		for (k = 0; k < d->ndays; k++) {
			double x = x0 + step * k, v = max > 0 ?
			    (double)sr->day[k] / (double)max : 0;

			if (k == 0)
				cairo_move_to(p->cr, x, bot - (bot - top) * v);
			else
				cairo_line_to(p->cr, x, bot - (bot - top) * v);
		}
		cairo_stroke(p->cr);
	}
}

/* A line of the picture's key: a colour, the group and its period total. */
static void
key(struct pdf *p, int first, double y)
{
	const struct doc *d = p->doc;
	double x = p->x0 + 2 * p->cell, w = 19 * p->cell;
	int i;

	for (i = first; i < d->nseries && i < first + KEY_PER_LINE; i++) {
		char a[32], *s;

		swatch(p, x, y + 6, 10, 2.5, line_colour[i % REPORT_SERIES_MAX]);
		s = xasprintf("%s %s", d->series[i].id,
		    fen_format(d->series[i].total, a, sizeof a));
		rgb(p->cr, C_INK);
		show(p, p->sans, s, strlen(s), x + 14, y + 1);
		free(s);
		x += w;
	}
	if (first + KEY_PER_LINE >= d->nseries && d->nseries_all > d->nseries) {
		char *s = xasprintf("(the %d most fined of %d groups)", d->nseries,
		    d->nseries_all);

		rgb(p->cr, C_GREY);
		show(p, p->sans, s, strlen(s), x + 4, y + 1);
		free(s);
	}
}

static void
draw_item(struct pdf *p, const struct item *it, double y)
{
	double h = item_h(it);
	int fl = it->flags;

	switch (it->kind) {
	case K_LEGEND:
		legend(p, y);
		return;
	case K_BAR:
		bar(p, &p->doc->bars[it->bar], y);
		return;
	case K_LINES:
		lines(p, y);
		return;
	case K_KEY:
		key(p, it->bar, y);
		return;
	default:
		break;
	}
	if (it->s[0] == '\0')
		return;
	if (fl & SECTION) {
		rgb(p->cr, C_BAND);
		cairo_rectangle(p->cr, p->x0 - 4, y + 6, REPORT_WIDTH * p->cell +
		    8, h - 8);
		cairo_fill(p->cr);
		rgb(p->cr, C_NAVY);
		grid_line(p, it->s, y + 7.5, true);
	} else if (fl & TABLE) {
		rgb(p->cr, C_GREY);
		grid_line(p, it->s, y + 1, true);
		hrule(p, y + h - 1.5, 0.6, C_RULE);
	} else if (fl & TOTAL) {
		hrule(p, y + 1, 0.4, C_RULE);
		rgb(p->cr, C_INK);
		grid_line(p, it->s, y + 2.5, true);
	} else {
		rgb(p->cr, C_INK);
		grid_line(p, it->s, y, false);
	}
}

static void
header_footer(struct pdf *p, int page)
{
	const struct doc *d = p->doc;
	double right = p->x0 + REPORT_WIDTH * p->cell, w;
	char *s;

	pango_layout_set_width(p->lay, (int)(REPORT_WIDTH * p->cell *
	    PANGO_SCALE));
	pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_END);
	rgb(p->cr, C_NAVY);
	show(p, p->sans_bold, d->title, strlen(d->title), p->x0, TOP);
	rgb(p->cr, C_GREY);
	show(p, p->sans, d->subtitle, strlen(d->subtitle), p->x0, TOP + 19);
	pango_layout_set_width(p->lay, -1);
	pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_NONE);
	hrule(p, BODY_TOP - 8, 1.2, C_NAVY);

	hrule(p, p->h - FOOT, 0.5, C_RULE);
	s = xasprintf(_("page %d of %d"), page + 1, p->pages);
	w = text_w(p, p->sans, s);
	rgb(p->cr, C_GREY);
	show(p, p->sans, s, strlen(s), right - w, p->h - FOOT + 5);
	free(s);
	show(p, p->sans, "callfloor " VERSION, strlen("callfloor " VERSION),
	    p->x0, p->h - FOOT + 5);
}

static cairo_status_t
to_fd(void *closure, const unsigned char *data, unsigned int n)
{
	int fd = *(int *)closure;

	while (n > 0) {
		ssize_t w = write(fd, data, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return CAIRO_STATUS_WRITE_ERROR;
		data += w;
		n -= (unsigned)w;
	}
	return CAIRO_STATUS_SUCCESS;
}

static PangoFontDescription *
font(const char *family, double pt, bool bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(family);

	pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

/* The whole PDF onto fd.  0, or -1 with a message on stderr. */
static int
render(const struct doc *d, enum paper paper, int fd)
{
	struct pdf p = { 0 };
	cairo_surface_t *sf;
	cairo_font_options_t *fo;
	cairo_status_t st;
	char date[32];
	time_t now = (time_t)d->now;
	struct tm tm;
	int i, page = -1;
	double y = 0;

	p.doc = d;
	p.w = paper == PAPER_LETTER ? 612 : 595.276;
	p.h = paper == PAPER_LETTER ? 792 : 841.89;
	sf = cairo_pdf_surface_create_for_stream(to_fd, &fd, p.w, p.h);
	cairo_pdf_surface_restrict_to_version(sf, CAIRO_PDF_VERSION_1_5);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "callfloor " VERSION);
	/* The date the report says it was made, not the rendering's. */
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	p.cr = cairo_create(sf);
	p.lay = pango_cairo_create_layout(p.cr);
	/* Unhinted metrics: the advances the PDF keeps, so the grid holds. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pango_layout_get_context(p.lay), fo);
	pango_layout_context_changed(p.lay);
	cairo_font_options_destroy(fo);
	p.mono = font(FONT_MONO, BODY_PT, false);
	p.mono_bold = font(FONT_MONO, BODY_PT, true);
	p.sans = font(FONT_SANS, 9, false);
	p.sans_bold = font(FONT_SANS, 14, true);
	/* A column is a Latin letter of the monospaced font. */
	p.cell = text_w(&p, p.mono, "0000000000") / 10;
	if (p.cell <= 0)
		p.cell = BODY_PT / 2;
	p.x0 = (p.w - REPORT_WIDTH * p.cell) / 2;

	items(&p);
	paginate(&p, p.h - FOOT - 8 - BODY_TOP);
	for (i = 0; i < p.npl; i++) {
		if (p.pl[i].page != page) {
			if (page >= 0)
				cairo_show_page(p.cr);
			page = p.pl[i].page;
			header_footer(&p, page);
			y = BODY_TOP;
		}
		draw_item(&p, &p.pl[i].it, y);
		y += item_h(&p.pl[i].it);
	}
	if (page < 0)
		header_footer(&p, 0);
	cairo_show_page(p.cr);
	pango_font_description_free(p.mono);
	pango_font_description_free(p.mono_bold);
	pango_font_description_free(p.sans);
	pango_font_description_free(p.sans_bold);
	g_object_unref(p.lay);
	cairo_destroy(p.cr);
	cairo_surface_finish(sf);
	st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	free(p.it);
	free(p.cx);
	free(p.pl);
	if (st != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "cairo: %s\n", cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

/* ---- the child that renders ---- */

/* Renders d in a child without the group (report_pdf); frees d. */
static int
render_doc(struct doc *dp, enum paper paper, struct buf *out, struct err *e)
{
	struct doc d = *dp;
	struct buf said = { 0 };
	int data[2], msg[2], status, rc = -1;
	pid_t pid;

	if (pipe(data) < 0) {
		report_doc_free(&d);
		return err_set(e, EXIT_RUNTIME, _("rendering the PDF: %s"),
		    strerror(errno));
	}
	if (pipe(msg) < 0) {
		close(data[0]);
		close(data[1]);
		report_doc_free(&d);
		return err_set(e, EXIT_RUNTIME, _("rendering the PDF: %s"),
		    strerror(errno));
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		err_set(e, EXIT_RUNTIME, _("rendering the PDF: %s"), strerror(errno));
		close(data[0]);
		close(data[1]);
		close(msg[0]);
		close(msg[1]);
		report_doc_free(&d);
		return -1;
	}
	if (pid == 0) {
		/* The group is gone for good before fontconfig reads a thing;
		 * what Pango or GLib says goes to the parent, never the screen
		 * (the console may be drawing on it). */
		priv_child();
		close(data[0]);
		close(msg[0]);
		if (dup2(msg[1], STDERR_FILENO) < 0)
			_exit(1);
		/* Nothing of the parent's but the pipe: the database's
		 * descriptors (open read-write) never meet fontconfig, FreeType
		 * or HarfBuzz.  The locks are the parent's and stay. */
		if (dup2(data[1], 3) < 0 || close_range(4, ~0U, 0) < 0)
			_exit(1);
		signal(SIGPIPE, SIG_DFL);
		_exit(pdf_libs_open() < 0 || render(&d, paper, 3) < 0 ? 1 : 0);
	}
	close(data[1]);
	close(msg[1]);
	{
		struct pollfd pf[2] = { { data[0], POLLIN, 0 },
			{ msg[0], POLLIN, 0 } };
		int open = 2;

		while (open > 0) {
			char chunk[8192];
			ssize_t r;
			int k;

			if (poll(pf, 2, -1) < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			for (k = 0; k < 2; k++) {
				if (pf[k].fd < 0 || !(pf[k].revents &
				    (POLLIN | POLLHUP | POLLERR)))
					continue;
				r = read(pf[k].fd, chunk, sizeof chunk);
				if (r < 0 && (errno == EINTR || errno == EAGAIN))
					continue;
				if (r <= 0) {
					close(pf[k].fd);
					pf[k].fd = -1;
					open--;
				} else if (k == 0)
					buf_add(out, chunk, (size_t)r);
				else if (said.len < 4096)
					buf_add(&said, chunk, (size_t)r);
			}
		}
		if (pf[0].fd >= 0)
			close(pf[0].fd);
		if (pf[1].fd >= 0)
			close(pf[1].fd);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	if (status == 0 && out->len >= 4 && memcmp(out->s, "%PDF", 4) == 0)
		rc = 0;
	else {
		const char *m = said.s ? said.s : "";

		m += strspn(m, " \n");
		err_set(e, EXIT_RUNTIME, _("rendering the PDF failed%s%.*s"),
		    m[0] ? ": " : "", (int)strcspn(m, "\n"), m);
	}
	buf_free(&said);
	report_doc_free(&d);
	return rc;
}

int
report_pdf(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct buf *out, struct err *e)
{
	struct doc d = { 0 };
	int rc = -1;

	/* In the floor's language (floor.language), as the text report. */
	i18n_push(f->language);
	if (report_doc_build(f, s, day, by_login, &d, e) < 0)
		report_doc_free(&d);
	else
		rc = render_doc(&d, f->paper, out, e);
	i18n_pop();
	return rc;
}

int
report_ledger_pdf(const struct floor *f, struct store *s, const char *from,
    const char *to, struct buf *out, struct err *e)
{
	struct doc d = { 0 };
	bool started;
	int rc;

	if (store_read_begin(s, &started, e) < 0)
		return -1;
	i18n_push(f->language);
	rc = report_ledger_doc(f, s, from, to, &d, e);
	store_read_end(s, started);
	if (rc < 0)
		report_doc_free(&d);
	else
		rc = render_doc(&d, f->paper, out, e);
	i18n_pop();
	return rc;
}

/* ---- which format --print sends ---- */

enum print_format
report_print_format(const struct floor *f, const char **why)
{
	const char *cmd = f->print_command, *w, *slash;
	size_t n;

	if (f->print_format != PRINT_AUTO) {
		if (why != NULL)
			*why = "floor.print_format";
		return f->print_format;
	}
	if (cmd == NULL || cmd[0] == '\0') {
		if (why != NULL)
			*why = "the default print command, lp";
		return PRINT_PDF;
	}
	/* The command's first word, without its folder. */
	w = cmd + strspn(cmd, " \t");
	n = strcspn(w, " \t;|&<>");
	while ((slash = memchr(w, '/', n)) != NULL) {
		n -= (size_t)(slash + 1 - w);
		w = slash + 1;
	}
	if ((n == 2 && strncmp(w, "lp", 2) == 0) ||
	    (n == 3 && strncmp(w, "lpr", 3) == 0)) {
		if (why != NULL)
			*why = "floor.print_command is lp or lpr";
		return PRINT_PDF;
	}
	if (why != NULL)
		*why = "floor.print_command is not lp or lpr";
	return PRINT_TEXT;
}

int
report_print_day(const struct floor *f, struct store *s, const char *day,
    const char *by_login, const char *printer, struct err *e)
{
	bool pdf = report_print_format(f, NULL) == PRINT_PDF;
	struct buf out = { 0 };
	int rc;

	if (pdf)
		rc = report_pdf(f, s, day, by_login, &out, e);
	else
		rc = report_text(f, s, day, by_login, &out, e);
	/* Text goes through the sanitiser (report_print); a PDF is bytes. */
	if (rc == 0)
		rc = pdf ? report_print_data(f, out.s ? out.s : "", out.len,
		    printer, e) : report_print(f, out.s ? out.s : "", printer, e);
	buf_free(&out);
	return rc;
}
