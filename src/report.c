/*
 * report.c - the end-of-day summary that a shift lead prints and hands to
 * the manager, and `callfloor report`.
 *
 * It gathers one shift day from the store (incidents, the fine lines the
 * engine wrote, custody, inspections, voids), lays it out in 80 columns
 * measured with text_width (Chinese names take two columns a character),
 * cuts it into pages that each carry the page header and, inside a table,
 * the table's column headers again, and prints it through the floor's
 * print command.
 *
 * It must never price anything: every amount here is a fine row as stored.
 * Today's rulebook is consulted by code for titles only; whether an
 * incident goes to the journal, raises a flag or is a commendation comes
 * from the terms frozen with it, so editing the rulebook never rewrites an
 * old report.  No SQL, no curses.
 */
#include "report.h"
#include "report_appeals.h"
#include "report_breaks.h"
#include "report_doc.h"
#include "complaint.h"
#include "report_pdf.h"
#include "seatmap.h"


#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../db/store.h"
#include "attendance.h"
#include "priv.h"
#include "clock.h"
#include "floor.h"
#include "i18n.h"
#include "terms.h"
#include "text.h"

#define WIDTH 80		/* columns of a printed line */
#define HEAD_LINES 4		/* the page header: three lines and a gap */
#define DEFAULT_PRINT "lp -t 'callfloor'"

/* ---- small text helpers ---- */

static char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* A copy of s fit to stand on one printed line: control characters (a
 * newline or a form feed in a note would break the page) shown visibly
 * by text_clean.  Caller frees. */
static char *
clean(const char *s)
{
	struct buf b = { 0 };

	text_clean(&b, s, strlen(s), false);
	return b.s;
}

/*
 * Cuts s into lines of at most width columns, at spaces where it can,
 * inside a word (or a run of Chinese) where it must.  Returns the count;
 * the lines are the caller's to free, with the array.
 */
static int
wrap(const char *s, int width, char ***out)
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
		(*out)[n++] = xstrndup(s, (size_t)(end - s));
		for (s = end; *s == ' '; s++)
			;
	}
	return n;
}

static void
free_lines(char **l, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

/* s cut or padded to w - 1 columns, then a space between columns. */
static void
col(struct buf *b, const char *s, int w)
{
	text_fit(b, s, w - 1, false, false);
	buf_puts(b, " ");
}

static void
amount(struct buf *b, fen_t v)
{
	char a[32];

	buf_printf(b, " %9s", fen_format(v, a, sizeof a));
}

static void
spaces(struct buf *b, int n)
{
	while (n-- > 0)
		buf_puts(b, " ");
}

static const char *
staff_name(const struct floor *f, const char *id)
{
	int si = floor_staff_find(f, id);

	return si >= 0 ? f->staff[si].name : "?";
}

/* "HH:MM", or "MM-DD HH:MM" when t is not on the calendar day `day`. */
static void
fmt_time(const char *day, int64_t t, char out[32])
{
	char full[32];

	clock_format((time_t)t, full, sizeof full);
	if (strncmp(full, day, 10) == 0)
		snprintf(out, 32, "%s", full + 11);
	else
		snprintf(out, 32, "%s", full + 5);
}

static void
fmt_minutes(int m, char out[8])
{
	snprintf(out, 8, "%02d:%02d", (m / 60) % 100, m % 60);
}

/* Floor-local time `minutes` after midnight of day, plus `days` days. */
static time_t
day_at(const char *day, int days, int minutes)
{
	char d[DAY_LEN], s[32];
	time_t t;

	clock_add_days(day, days, d);
	snprintf(s, sizeof s, "%s %02d:%02d", d, (minutes / 60) % 100,
	    minutes % 60);
	return clock_parse_local(s, &t) < 0 ? 0 : t;
}

static const char *
weekday(const char *day)
{
	static const char *names[] = { N_("Sunday"), N_("Monday"),
		N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
		N_("Saturday") };
	time_t t = day_at(day, 0, 12 * 60);
	struct tm tm;

	localtime_r(&t, &tm);
	return _(names[tm.tm_wday % 7]);
}

/* ---- the document (report_doc.h) ---- */

void
report_doc_free(struct doc *d)
{
	int i;

	for (i = 0; i < d->n; i++)
		free(d->l[i].s);
	for (i = 0; i < d->nc; i++) {
		free(d->c[i].title);
		free(d->c[i].cols);
	}
	free(d->l);
	free(d->c);
	buf_free(&d->lb);
	free(d->title);
	free(d->subtitle);
	free(d->bars);
	for (i = 0; i < d->nseries; i++)
		free(d->series[i].day);
	free(d->series);
}

/* Ends the line being built (trailing blanks cut) and adds it. */
static void
emit(struct doc *d, int flags)
{
	struct rline *l;
	size_t n = d->lb.len;

	while (n > 0 && d->lb.s[n - 1] == ' ')
		n--;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 128;
		d->l = xrealloc(d->l, (size_t)d->cap * sizeof *d->l);
	}
	l = &d->l[d->n++];
	l->s = xstrndup(d->lb.s ? d->lb.s : "", n);
	l->ctx = d->cur;
	l->flags = flags;
	d->lb.len = 0;
	if (d->lb.s != NULL)
		d->lb.s[0] = '\0';
}

static void
emitf(struct doc *d, int flags, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
emitf(struct doc *d, int flags, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(&d->lb, s);
	free(s);
	emit(d, flags);
}

/* Binds the last line added to the next one (a total to its rows). */
static void
keep_prev(struct doc *d)
{
	if (d->n > 0)
		d->l[d->n - 1].flags |= KEEP;
}

static void
new_ctx(struct doc *d, const char *title, const char *cols)
{
	d->c = xrealloc(d->c, (size_t)(d->nc + 1) * sizeof *d->c);
	d->c[d->nc].title = xstrdup(title);
	d->c[d->nc].cols = cols ? xstrdup(cols) : NULL;
	d->cur = d->nc++;
}

/* A section: a gap, its title; a page break inside it repeats `cont`. */
static void
section(struct doc *d, const char *title, const char *cont)
{
	d->cur = -1;
	emit(d, 0);
	emitf(d, KEEP | HEAD | SECTION, "%s", title);
	new_ctx(d, cont, NULL);
}

/* The column headers being built in d->lb start a table. */
static void
table(struct doc *d)
{
	const char *title = d->cur >= 0 ? d->c[d->cur].title : "";
	char *cols;

	emit(d, KEEP | HEAD | TABLE);
	cols = d->l[d->n - 1].s;
	new_ctx(d, title, cols);
	d->l[d->n - 1].ctx = d->cur;
}

/* A note (or a reason) under a row, wrapped, indented by `indent`. */
static void
note_lines(struct doc *d, int indent, const char *label, const char *text,
    int last_flags)
{
	char *c = clean(text), *s, **l;
	int n, i;

	s = xasprintf("%s%s", label, c);
	n = wrap(s, WIDTH - indent, &l);
	for (i = 0; i < n; i++) {
		spaces(&d->lb, indent);
		buf_puts(&d->lb, l[i]);
		emit(d, i + 1 < n ? KEEP : last_flags);
	}
	free_lines(l, n);
	free(s);
	free(c);
}

/* For the sections built in other files (report_register.c). */
void
report_doc_line(struct doc *d, int flags, const char *s)
{
	buf_puts(&d->lb, s);
	emit(d, flags);
}

void
report_doc_section(struct doc *d, const char *title, const char *cont)
{
	section(d, title, cont);
}

void
report_doc_table(struct doc *d, const char *cols)
{
	buf_puts(&d->lb, cols);
	table(d);
}

void
report_doc_note(struct doc *d, int indent, const char *label, const char *text,
    int last_flags)
{
	note_lines(d, indent, label, text, last_flags);
}

/* ---- pages ---- */

struct page {
	const char **l;
	int n;
};

static void
page_add(struct page *p, const char *s)
{
	p->l = xrealloc(p->l, (size_t)(p->n + 1) * sizeof *p->l);
	p->l[p->n++] = s;
}

/*
 * Cuts d into pages of page_lines lines (the header included) and appends
 * them to out, a form feed before every page but the first.  A run of
 * KEEP lines moves whole to the next page when it fits there; a page that
 * starts inside a section repeats the section's title and column headers.
 */
static void
paginate(const struct doc *d, int page_lines, const char *title,
    const char *subtitle, struct buf *out)
{
	int cap = page_lines - HEAD_LINES, used = 0, np = 1, i, k;
	struct page *pg = xcalloc(1, sizeof *pg);

	for (i = 0; i < d->n; i++) {
		const struct rline *l = &d->l[i];
		const struct rctx *c = l->ctx >= 0 ? &d->c[l->ctx] : NULL;
		int ctxn = c == NULL || (l->flags & HEAD) ? 0 : 1 + (c->cols != NULL);

		if (i == 0 || !(d->l[i - 1].flags & KEEP)) {
			int chain = 1;

			while (i + chain < d->n && (d->l[i + chain - 1].flags & KEEP))
				chain++;
			if (used > 0 && used + chain > cap && chain <= cap - ctxn)
				used = cap;
		}
		if (used >= cap) {
			pg = xrealloc(pg, (size_t)(np + 1) * sizeof *pg);
			memset(&pg[np++], 0, sizeof *pg);
			used = 0;
		}
		if (used == 0 && l->s[0] == '\0')
			continue;
		if (used == 0 && ctxn > 0) {
			page_add(&pg[np - 1], c->title);
			if (c->cols != NULL)
				page_add(&pg[np - 1], c->cols);
			used += ctxn;
		}
		page_add(&pg[np - 1], l->s);
		used++;
	}
	for (k = 0; k < np; k++) {
		char right[48];
		size_t line;
		int rw;

		if (k > 0)
			buf_puts(out, "\f");
		snprintf(right, sizeof right, _("page %d of %d"), k + 1, np);
		rw = text_width(right);
		text_fit(out, title, WIDTH - rw - 1, false, false);
		buf_printf(out, " %s\n", right);
		line = out->len;
		text_fit(out, subtitle, WIDTH, false, false);
		while (out->len > line && out->s[out->len - 1] == ' ')
			out->s[--out->len] = '\0';
		buf_puts(out, "\n");
		for (i = 0; i < WIDTH; i++)
			buf_puts(out, "=");
		buf_puts(out, "\n\n");
		while (pg[k].n > 0 && pg[k].l[pg[k].n - 1][0] == '\0')
			pg[k].n--;
		for (i = 0; i < pg[k].n; i++)
			buf_printf(out, "%s\n", pg[k].l[i]);
		free(pg[k].l);
	}
	free(pg);
}

/* ---- the day, as the store has it ---- */

struct inc {
	struct incident in;
	struct rule_terms t;	/* frozen with it */
	int rule;		/* in today's rulebook, -1 when gone */
	fen_t fines;		/* what fell on people (removed, when voided) */
	int doubled;		/* the repeat factor on its own fine, 0 */
};

struct person {
	char id[STORE_ID];
	int staff, group;	/* floor indexes, -1 when no longer on staff */
	fen_t own, co;
	int *inc, ninc;		/* its own incidents, indexes into day.inc */
	int *co_line, nco;	/* others' fine lines that fell on it */
};

#define TERMS_KEPT 64

struct day {
	const struct floor *f;
	char day[DAY_LEN];
	time_t now, end;	/* end: when the shift ends */
	struct inc *inc;
	int *by_id;		/* indexes of inc by incident id (find_inc) */
	int ninc;
	struct fine_line *lines;
	int nlines;
	struct person *pp;
	int np;
	int *pidx;		/* staff index -> its person in pp, -1 none */
	int64_t terms_v[TERMS_KEPT];	/* rule versions read (load_inc) */
	struct rule_terms terms[TERMS_KEPT];
	int nterms;
	char (*inspected)[STORE_ID];
	int ninspected;
	bool *seat_seen;	/* by seat: inspected this day */
	struct custody *held;
	int nheld;
	struct inc *vo;		/* other days' incidents voided on this day */
	int nvo;
};

static void
day_free(struct day *d)
{
	int i;

	for (i = 0; i < d->np; i++) {
		free(d->pp[i].inc);
		free(d->pp[i].co_line);
	}
	free(d->pp);
	free(d->pidx);
	free(d->inc);
	free(d->by_id);
	free(d->lines);
	free(d->inspected);
	free(d->seat_seen);
	free(d->held);
	free(d->vo);
}

/* The terms, the rule and the removed fines of a voided incident. */
static int
load_inc(const struct floor *f, struct store *s, struct day *d,
    const struct incident *in, struct inc *out, struct err *e)
{
	int k;

	memset(out, 0, sizeof *out);
	out->in = *in;
	out->rule = floor_rule_find(f, in->rule);
	/* A version's terms never change: read once a report. */
	for (k = 0; k < d->nterms && d->terms_v[k] != in->rule_version; k++)
		;
	if (k < d->nterms)
		out->t = d->terms[k];
	else if (terms_load(s, in->rule_version, &out->t, e) < 0)
		return -1;
	else if (d->nterms < TERMS_KEPT) {
		d->terms_v[d->nterms] = in->rule_version;
		d->terms[d->nterms++] = out->t;
	}
	if (in->voided_at != 0) {
		struct fine_row *fr;
		int n, i;

		if (store_fines_of(s, in->id, &fr, &n, e) < 0)
			return -1;
		for (i = 0; i < n; i++)
			if (fr[i].staff[0] != '\0')
				out->fines += fr[i].amount;
		free(fr);
	}
	return 0;
}

static const struct day *by_id_day;	/* for by_id_cmp, while sorting */

static int
by_id_cmp(const void *a, const void *b)
{
	int64_t x = by_id_day->inc[*(const int *)a].in.id;
	int64_t y = by_id_day->inc[*(const int *)b].in.id;

	return (x > y) - (x < y);
}

/* The day's incident id, or NULL: a busy day has thousands of incidents
 * and as many fine lines, so they are found by halving, not by a walk. */
static struct inc *
find_inc(struct day *d, int64_t id)
{
	int lo = 0, hi = d->ninc, i;

	if (d->by_id == NULL) {
		d->by_id = xcalloc((size_t)d->ninc + 1, sizeof *d->by_id);
		for (i = 0; i < d->ninc; i++)
			d->by_id[i] = i;
		by_id_day = d;
		qsort(d->by_id, (size_t)d->ninc, sizeof *d->by_id, by_id_cmp);
		by_id_day = NULL;
	}
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (d->inc[d->by_id[mid]].in.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->ninc && d->inc[d->by_id[lo]].in.id == id ?
	    &d->inc[d->by_id[lo]] : NULL;
}

static struct person *
person(struct day *d, const char *id)
{
	struct person *p;
	int i, si = floor_staff_find(d->f, id);

	/* Found by the floor's hash, not by a walk over everyone so far
	 * (a busy day names thousands); only former staff are searched. */
	if (si >= 0 && d->pidx == NULL) {
		d->pidx = xcalloc((size_t)d->f->nstaff + 1, sizeof *d->pidx);
		for (i = 0; i < d->f->nstaff; i++)
			d->pidx[i] = -1;
	}
	if (si >= 0 && d->pidx[si] >= 0)
		return &d->pp[d->pidx[si]];
	for (i = 0; si < 0 && i < d->np; i++)
		if (d->pp[i].staff < 0 && strcmp(d->pp[i].id, id) == 0)
			return &d->pp[i];
	d->pp = xrealloc(d->pp, (size_t)(d->np + 1) * sizeof *d->pp);
	if (si >= 0)
		d->pidx[si] = d->np;
	p = &d->pp[d->np++];
	memset(p, 0, sizeof *p);
	snprintf(p->id, sizeof p->id, "%s", id);
	p->staff = si;
	p->group = si >= 0 ? d->f->staff[si].group : -1;
	return p;
}

static void
push_int(int **a, int *n, int v)
{
	*a = xrealloc(*a, (size_t)(*n + 1) * sizeof **a);
	(*a)[(*n)++] = v;
}

static int
person_cmp(const void *a, const void *b)
{
	const struct person *x = a, *y = b;

	if (x->group != y->group)
		return x->group < 0 ? 1 : y->group < 0 ? -1 : x->group - y->group;
	return strcmp(x->id, y->id);
}

static int
load_day(const struct floor *f, struct store *s, const char *day,
    struct day *d, struct err *e)
{
	struct incident *in = NULL;
	time_t from, to;
	int n = 0, i;

	memset(d, 0, sizeof *d);
	d->f = f;
	memcpy(d->day, day, DAY_LEN);
	d->now = clock_now();
	d->end = day_at(day, f->shift_end <= f->shift_start, f->shift_end);

	if (store_incidents(s, day, day, NULL, &in, &n, e) < 0)
		return -1;
	d->inc = xcalloc((size_t)n + 1, sizeof *d->inc);
	for (i = 0; i < n; i++)
		if (load_inc(f, s, d, &in[i], &d->inc[i], e) < 0) {
			free(in);
			return -1;
		}
	d->ninc = n;
	free(in);

	if (store_fine_lines(s, day, day, &d->lines, &d->nlines, e) < 0)
		return -1;
	for (i = 0; i < d->nlines; i++) {
		const struct fine_row *fr = &d->lines[i].f;
		struct inc *c = find_inc(d, fr->incident);

		if (c != NULL && fr->own)
			c->doubled = fr->doubled;
		if (fr->staff[0] == '\0')
			continue;	/* a vacant role: counts in no total */
		if (c != NULL)
			c->fines += fr->amount;
		if (fr->own)
			person(d, fr->staff)->own += fr->amount;
		else {
			struct person *p = person(d, fr->staff);

			p->co += fr->amount;
			push_int(&p->co_line, &p->nco, i);
		}
	}
	for (i = 0; i < d->ninc; i++) {
		const struct inc *c = &d->inc[i];

		if (c->in.voided_at == 0 && c->in.staff[0] != '\0' &&
		    !c->t.positive) {
			struct person *p = person(d, c->in.staff);

			push_int(&p->inc, &p->ninc, i);
		}
	}
	if (d->np > 1)		/* d->pp is NULL on a day without incidents */
		qsort(d->pp, (size_t)d->np, sizeof *d->pp, person_cmp);

	if (seatmap_inspected(f, s, day, &d->inspected, &d->ninspected, e) < 0 ||
	    store_custody_held_at(s, (int64_t)d->end, &d->held, &d->nheld, e) < 0)
		return -1;
	d->seat_seen = xcalloc((size_t)f->nseats + 1, sizeof *d->seat_seen);
	for (i = 0; i < d->ninspected; i++) {
		int seat = floor_seat_find(f, d->inspected[i]);

		if (seat >= 0)
			d->seat_seen[seat] = true;
	}

	/* Voids done during this shift day of incidents of other days. */
	from = day_at(day, -1, 0);
	to = day_at(day, 2, 0);
	if (store_voided_between(s, (int64_t)from, (int64_t)to, &in, &n, e) < 0)
		return -1;
	d->vo = xcalloc((size_t)n + 1, sizeof *d->vo);
	for (i = 0; i < n; i++) {
		char vday[DAY_LEN];

		clock_shift_day(f, (time_t)in[i].voided_at, vday);
		if (strcmp(vday, day) != 0 || strcmp(in[i].day, day) == 0)
			continue;
		if (load_inc(f, s, d, &in[i], &d->vo[d->nvo], e) < 0) {
			free(in);
			return -1;
		}
		d->nvo++;
	}
	free(in);
	return 0;
}

/* ---- the sections ---- */

/* Column widths shared by the tables (each includes the gap after it). */
enum { C_ID = 7, C_NAME = 13, C_INC = 28, C_TIME = 12, C_NO = 6, C_SEAT = 6,
	C_RULE = 17 };

static const char *
rule_title(const struct floor *f, const struct inc *c)
{
	const struct rule *r;

	if (c->rule < 0)
		return _("(no longer in the rulebook)");
	r = &f->rules[c->rule];
	/* The report's language: the Chinese title in Chinese. */
	return i18n_chinese() && r->title_zh != NULL && r->title_zh[0] ?
	    r->title_zh : r->title;
}

/* A line of the floor totals: the label fit to w columns (measured, so a
 * Chinese label lines up too), the value right-aligned in 9, a tail. */
static void
total_line(struct doc *doc, int indent, int w, const char *label,
    const char *value, const char *tail)
{
	spaces(&doc->lb, indent);
	text_fit(&doc->lb, label, w, false, false);
	buf_printf(&doc->lb, " %9s%s", value, tail);
	emit(doc, 0);
}

static void
floor_totals(struct doc *doc, const struct day *d)
{
	const struct floor *f = d->f;
	fen_t own = 0, co = 0, grp = 0;
	int counted = 0, voided = 0, praised = 0, flagged = 0, fined = 0;
	int seats = 0, seen = 0, i, j;
	char a[32], b[32], c[32], t[32], num[5][16], *tail;
	char **codes = NULL;
	int ncodes = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct fine_row *fr = &d->lines[i].f;

		if (fr->staff[0] == '\0')
			continue;
		switch (engine_fine_kind(fr)) {
		case FINE_OWN: own += fr->amount; break;
		case FINE_GROUP: grp += fr->amount; break;
		case FINE_CO: co += fr->amount; break;
		}
	}
	for (i = 0; i < d->ninc; i++) {
		const struct inc *x = &d->inc[i];

		if (x->in.voided_at != 0)
			voided++;
		else if (x->t.positive)
			praised++;
		else {
			counted++;
			flagged += x->t.flag != FLAG_NONE;
		}
	}
	for (i = 0; i < d->np; i++)
		fined += d->pp[i].own + d->pp[i].co != 0;
	for (i = 0; i < f->nseats; i++) {
		if (f->seats[i].staff < 0)
			continue;
		seats++;
		seen += d->seat_seen[i];
	}

	section(doc, _("FLOOR TOTALS"), _("FLOOR TOTALS (continued)"));
	total_line(doc, 2, 24, _("Fines today"),
	    fen_format(own + co + grp, t, sizeof t), "");
	total_line(doc, 4, 22, _("own fines"), fen_format(own, a, sizeof a), "");
	total_line(doc, 4, 22, _("co-penalties"), fen_format(co, b, sizeof b),
	    "");
	total_line(doc, 4, 22, _("group fines"), fen_format(grp, c, sizeof c),
	    "");
	snprintf(num[0], sizeof num[0], "%d", counted);
	tail = xasprintf(_("   and %d voided, counted nowhere"), voided);
	total_line(doc, 2, 24, _("Incidents"), num[0], tail);
	free(tail);
	snprintf(num[1], sizeof num[1], "%d", fined);
	total_line(doc, 2, 24, _("People fined"), num[1], "");
	snprintf(num[2], sizeof num[2], "%d", flagged);
	total_line(doc, 2, 24, _("Flags for management"), num[2], "");
	snprintf(num[3], sizeof num[3], "%d", praised);
	total_line(doc, 2, 24, _("Commendations"), num[3], "");
	snprintf(num[4], sizeof num[4], "%d", seen);
	tail = xasprintf(_("   of %d occupied"), seats);
	total_line(doc, 2, 24, _("Desks inspected"), num[4], tail);
	free(tail);

	/* Incidents by rule: the rulebook's order, then codes it lost. */
	for (i = 0; i < f->nrules; i++) {
		codes = xrealloc(codes, (size_t)(ncodes + 1) * sizeof *codes);
		codes[ncodes++] = f->rules[i].code;
	}
	for (i = 0; i < d->ninc; i++)
		if (d->inc[i].rule < 0) {
			for (j = f->nrules; j < ncodes; j++)
				if (strcmp(codes[j], d->inc[i].in.rule) == 0)
					break;
			if (j == ncodes) {
				codes = xrealloc(codes, (size_t)(ncodes + 1) *
				    sizeof *codes);
				codes[ncodes++] = d->inc[i].in.rule;
			}
		}
	section(doc, _("INCIDENTS BY RULE"), _("INCIDENTS BY RULE (continued)"));
	buf_puts(&doc->lb, "  ");
	col(&doc->lb, _("rule"), C_RULE);
	col(&doc->lb, _("title"), 32);
	/* The numbers' headings, right-aligned over their columns. */
	text_fit(&doc->lb, _("incidents"), 9, true, false);
	buf_puts(&doc->lb, " ");
	text_fit(&doc->lb, _("voided"), 8, true, false);
	buf_puts(&doc->lb, " ");
	text_fit(&doc->lb, _("fines"), 10, true, false);
	table(doc);
	{
		int tn = 0, tv = 0, any = 0;
		fen_t tf = 0;

		for (j = 0; j < ncodes; j++) {
			const struct inc *first = NULL;
			int n = 0, v = 0;
			fen_t sum = 0;

			for (i = 0; i < d->ninc; i++) {
				const struct inc *x = &d->inc[i];

				if (strcmp(x->in.rule, codes[j]) != 0 || x->t.positive)
					continue;
				if (first == NULL)
					first = x;
				if (x->in.voided_at != 0)
					v++;
				else {
					n++;
					sum += x->fines;
				}
			}
			if (first == NULL)
				continue;
			any = 1;
			buf_puts(&doc->lb, "  ");
			col(&doc->lb, codes[j], C_RULE);
			col(&doc->lb, rule_title(f, first), 32);
			buf_printf(&doc->lb, "%9d %8d", n, v);
			amount(&doc->lb, sum);
			emit(doc, 0);
			tn += n;
			tv += v;
			tf += sum;
		}
		if (!any)
			emitf(doc, 0, "  %s", _("no incidents"));
		else {
			keep_prev(doc);
			buf_puts(&doc->lb, "  ");
			col(&doc->lb, _("total"), C_RULE + 32);
			buf_printf(&doc->lb, "%9d %8d", tn, tv);
			amount(&doc->lb, tf);
			emit(doc, TOTAL);
		}
	}
	free(codes);
}

static void
holder(struct buf *b, const struct floor *f, const char *label, int who)
{
	char *s;

	buf_printf(b, "%s ", label);
	if (who < 0)
		s = xstrdup(_("(vacant)"));
	else
		s = xasprintf("%s %s", f->staff[who].id, f->staff[who].name);
	col(b, s, 27 - text_width(label) - 1);
	free(s);
}

/* "PHONE×2 #1 #2*, DESK×1 #3": a person's incidents of the day. */
static char *
incidents_text(const struct day *d, const struct person *p)
{
	struct buf b = { 0 };
	bool *done = xcalloc((size_t)p->ninc + 1, sizeof *done);
	int i, j;

	buf_add(&b, "", 0);
	for (i = 0; i < p->ninc; i++) {
		const struct inc *x = &d->inc[p->inc[i]];
		int count = 0;

		if (done[i])
			continue;
		for (j = i; j < p->ninc; j++)
			count += strcmp(d->inc[p->inc[j]].in.rule, x->in.rule) == 0;
		buf_printf(&b, "%s%s\xc3\x97%d", b.len ? ", " : "", x->in.rule, count);
		for (j = i; j < p->ninc; j++) {
			const struct inc *y = &d->inc[p->inc[j]];

			if (strcmp(y->in.rule, x->in.rule) != 0)
				continue;
			done[j] = true;
			buf_printf(&b, " #%d%s", y->in.offence, y->doubled ? "*" : "");
		}
	}
	free(done);
	return b.s;
}

/* The detail under a person: one line per fine that fell on them. */
static void
co_line(struct doc *doc, const struct day *d, const struct fine_line *fl,
    int flags)
{
	const struct incident *in = &fl->in;
	char *s;

	if (in->staff[0] != '\0')
		s = xasprintf(_("as %s: #%lld %s, %s %s"), _(fl->f.role),
		    (long long)in->id, in->rule, in->staff,
		    staff_name(d->f, in->staff));
	else
		s = xasprintf(_("as %s: #%lld %s, group %s"), _(fl->f.role),
		    (long long)in->id, in->rule, in->grp);
	spaces(&doc->lb, 2 + C_ID);
	col(&doc->lb, s, C_NAME + C_INC);
	spaces(&doc->lb, 10);
	amount(&doc->lb, fl->f.amount);
	emit(doc, flags);
	free(s);
}

static void
person_rows(struct doc *doc, const struct day *d, const struct person *p,
    int last_flags)
{
	char *inc = incidents_text(d, p), **l;
	int n, i;

	n = wrap(p->ninc ? inc : "-", C_INC - 1, &l);
	for (i = 0; i < n; i++) {
		buf_puts(&doc->lb, "  ");
		col(&doc->lb, i == 0 ? p->id : "", C_ID);
		col(&doc->lb, i > 0 ? "" : p->staff >= 0 ?
		    d->f->staff[p->staff].name : "?", C_NAME);
		col(&doc->lb, l[i], C_INC);
		if (i == 0) {
			amount(&doc->lb, p->own);
			amount(&doc->lb, p->co);
			amount(&doc->lb, p->own + p->co);
		}
		emit(doc, i + 1 < n || p->nco > 0 ? KEEP : last_flags);
	}
	for (i = 0; i < p->nco; i++)
		co_line(doc, d, &d->lines[p->co_line[i]],
		    i + 1 < p->nco ? KEEP : last_flags);
	free_lines(l, n);
	free(inc);
}

static void
person_table_head(struct doc *doc)
{
	buf_puts(&doc->lb, "  ");
	col(&doc->lb, _("staff"), C_ID);
	col(&doc->lb, _("name"), C_NAME);
	col(&doc->lb, _("incidents (offence numbers)"), C_INC);
	/* Over the amounts, right-aligned in their 10 columns. */
	text_fit(&doc->lb, _("own"), 10, true, false);
	text_fit(&doc->lb, _("co"), 10, true, false);
	text_fit(&doc->lb, _("total"), 10, true, false);
	table(doc);
}

static void
total_row(struct doc *doc, const char *label, fen_t own, fen_t co)
{
	buf_puts(&doc->lb, "  ");
	col(&doc->lb, label, C_ID + C_NAME + C_INC);
	amount(&doc->lb, own);
	amount(&doc->lb, co);
	amount(&doc->lb, own + co);
	emit(doc, TOTAL);
}

static void
group_section(struct doc *doc, const struct day *d, int g)
{
	const struct floor *f = d->f;
	const struct group *gr = &f->groups[g];
	int head = 0, seats = 0, seen = 0, rows = 0, i, j;
	fen_t own = 0, co = 0;
	char *t, *cont;

	for (i = 0; i < f->nstaff; i++)
		head += f->staff[i].group == g;
	for (i = 0; i < f->nseats; i++) {
		int who = f->seats[i].staff;

		if (who < 0 || f->staff[who].group != g)
			continue;
		seats++;
		seen += d->seat_seen[i];
	}
	t = xasprintf(_("GROUP %s  %s"), gr->id, gr->name);
	cont = xasprintf(_("GROUP %s  %s (continued)"), gr->id, gr->name);
	section(doc, t, cont);
	free(t);
	free(cont);
	buf_puts(&doc->lb, "  ");
	holder(&doc->lb, f, _("director"), gr->director);
	holder(&doc->lb, f, _("deputy"), gr->deputy);
	holder(&doc->lb, f, _("supervisor"), gr->supervisor);
	emit(doc, KEEP);
	if (seats > 0)
		emitf(doc, KEEP, _("  headcount %d; desks inspected %d of %d (%d%%)"),
		    head, seen, seats, (seen * 100 + seats / 2) / seats);
	else
		emitf(doc, KEEP, _("  headcount %d; no fixed desks"), head);
	for (i = 0; i < d->ninc; i++) {
		const struct inc *x = &d->inc[i];
		char tm[32], a[32];
		int payers = 0;

		if (x->in.voided_at != 0 || x->in.staff[0] != '\0' ||
		    strcmp(x->in.grp, gr->id) != 0)
			continue;
		for (j = 0; j < d->nlines; j++)
			payers += d->lines[j].f.incident == x->in.id &&
			    d->lines[j].f.staff[0] != '\0';
		fmt_time(d->day, x->in.at, tm);
		emitf(doc, KEEP, ngettext("  against the whole group: #%lld %s at "
		    "%s, %s on %d person", "  against the whole group: #%lld %s at "
		    "%s, %s on %d people", (unsigned long)payers),
		    (long long)x->in.id, x->in.rule, tm,
		    fen_format(x->fines, a, sizeof a), payers);
	}
	/* Co-penalties that fell on a vacant role: said, never dropped. */
	for (i = 0; i < d->nlines; i++) {
		const struct fine_line *fl = &d->lines[i];
		char a[32], *s;

		if (fl->f.staff[0] != '\0' || strcmp(fl->f.grp, gr->id) != 0)
			continue;
		s = xasprintf(_("vacant %s: the %s of #%lld %s (%s %s) falls on "
		    "nobody"), _(fl->f.role), fen_format(fl->f.amount, a, sizeof a),
		    (long long)fl->in.id, fl->in.rule, fl->in.staff[0] ?
		    fl->in.staff : _("group"), fl->in.staff[0] ?
		    staff_name(f, fl->in.staff) : fl->in.grp);
		note_lines(doc, 2, "", s, KEEP);
		free(s);
	}
	emit(doc, KEEP);
	person_table_head(doc);
	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->pp[i];

		if (p->group != g)
			continue;
		person_rows(doc, d, p, 0);
		own += p->own;
		co += p->co;
		rows++;
	}
	if (rows == 0)
		emitf(doc, 0, "  %s", _("no incidents, no fines"));
	keep_prev(doc);
	t = xasprintf(_("Group %s total"), gr->id);
	total_row(doc, t, own, co);
	free(t);
}

static void
former_section(struct doc *doc, const struct day *d)
{
	fen_t own = 0, co = 0;
	int i, rows = 0;

	for (i = 0; i < d->np; i++)
		rows += d->pp[i].group < 0;
	if (rows == 0)
		return;
	section(doc, _("NOT ON TODAY'S STAFF LIST"),
	    _("NOT ON TODAY'S STAFF LIST (continued)"));
	person_table_head(doc);
	for (i = 0; i < d->np; i++)
		if (d->pp[i].group < 0) {
			person_rows(doc, d, &d->pp[i], 0);
			own += d->pp[i].own;
			co += d->pp[i].co;
		}
	keep_prev(doc);
	total_row(doc, _("total"), own, co);
}

/* login, and the person behind it when the login is on the staff. */
static char *
who(const struct floor *f, const char *login)
{
	int u = floor_user_find(f, login);

	if (u >= 0 && f->users[u].staff >= 0 &&
	    strcmp(f->users[u].login, login) == 0)
		return xasprintf("%s %s", login, f->staff[f->users[u].staff].name);
	return xstrdup(login);
}

static void
custody_section(struct doc *doc, const struct day *d)
{
	char end[32], *t;
	int i;

	clock_format(d->end, end, sizeof end);
	if (d->now < d->end)
		t = xasprintf(_("STILL IN CUSTODY (now; the shift ends %s)"), end);
	else
		t = xasprintf(_("STILL IN CUSTODY AT THE END OF THE SHIFT (%s)"),
		    end);
	section(doc, t, _("STILL IN CUSTODY (continued)"));
	free(t);
	if (d->nheld == 0) {
		emitf(doc, 0, "  %s", _("nothing"));
		return;
	}
	buf_puts(&doc->lb, "  ");
	col(&doc->lb, _("seat"), C_SEAT);
	col(&doc->lb, _("staff"), C_ID);
	col(&doc->lb, _("name"), C_NAME);
	col(&doc->lb, _("item"), 8);
	col(&doc->lb, _("incident"), 9);
	col(&doc->lb, _("since"), 17);
	buf_puts(&doc->lb, _("kept by"));
	table(doc);
	for (i = 0; i < d->nheld; i++) {
		const struct custody *c = &d->held[i];
		char since[32], no[24], *k = who(d->f, c->kept_by);

		clock_format((time_t)c->taken_at, since, sizeof since);
		snprintf(no, sizeof no, "#%lld", (long long)c->incident);
		buf_puts(&doc->lb, "  ");
		col(&doc->lb, c->seat[0] ? c->seat : "-", C_SEAT);
		col(&doc->lb, c->staff, C_ID);
		col(&doc->lb, staff_name(d->f, c->staff), C_NAME);
		col(&doc->lb, c->item, 8);
		col(&doc->lb, no, 9);
		col(&doc->lb, since, 17);
		text_fit(&doc->lb, k, WIDTH - 2 - C_SEAT - C_ID - C_NAME - 8 - 9 -
		    17, false, false);
		emit(doc, 0);
		free(k);
	}
}

/* The columns that journal, flags and commendations share. */
static void
inc_cols(struct buf *b, const struct day *d, const struct inc *x)
{
	char tm[32], no[24];

	fmt_time(d->day, x->in.at, tm);
	snprintf(no, sizeof no, "#%lld", (long long)x->in.id);
	buf_puts(b, "  ");
	col(b, tm, C_TIME);
	col(b, no, C_NO);
	col(b, x->in.staff[0] ? x->in.staff : x->in.grp, C_ID);
	col(b, x->in.staff[0] ? staff_name(d->f, x->in.staff) : _("(group)"),
	    C_NAME);
	col(b, x->in.rule, C_RULE);
}

static void
inc_head(struct buf *b, const char *staff)
{
	buf_puts(b, "  ");
	col(b, _("time"), C_TIME);
	col(b, _("no."), C_NO);
	col(b, staff, C_ID);
	col(b, _("name"), C_NAME);
	col(b, _("rule"), C_RULE);
}

static void
journal_section(struct doc *doc, const struct day *d)
{
	int i, rows = 0;

	section(doc, _("WORK JOURNAL"), _("WORK JOURNAL (continued)"));
	for (i = 0; i < d->ninc; i++) {
		const struct inc *x = &d->inc[i];
		char no[16], *by, *label;

		if (x->in.voided_at != 0 || !x->t.journal)
			continue;
		if (rows++ == 0) {
			inc_head(&doc->lb, _("staff"));
			text_fit(&doc->lb, _("offence"), 7, false, false);
			text_fit(&doc->lb, _("fine"), 10, true, false);
			table(doc);
		}
		inc_cols(&doc->lb, d, x);
		snprintf(no, sizeof no, "#%d", x->in.offence);
		buf_printf(&doc->lb, "%-7s", no);
		amount(&doc->lb, x->fines);
		emit(doc, KEEP);
		by = who(d->f, x->in.marked_by);
		label = x->in.note[0] ? xasprintf(_("marked by %s; note: "), by) :
		    xasprintf(_("marked by %s"), by);
		note_lines(doc, 2 + C_TIME + C_NO, label, x->in.note, 0);
		free(label);
		free(by);
	}
	if (rows == 0)
		emitf(doc, 0, "  %s", _("no entries"));
}

/*
 * Attendance of the day (rulebook section 3): the counts, then everyone
 * who was late, left early, is on leave or absent, or crossed a threshold.
 * Left out on a floor that keeps no attendance.
 */
static void
attendance_section(struct doc *doc, const struct floor *f,
    const struct att_day *a, const struct att_month *m)
{
	int count[ATT_EXPLAINED + 1] = { 0 }, i, rows = 0, unexplained = 0;

	for (i = 0; i < f->nstaff; i++) {
		count[a[i].status]++;
		unexplained += a[i].seen;
	}
	if (count[ATT_UNTRACKED] == f->nstaff)
		return;
	section(doc, _("ATTENDANCE"), _("ATTENDANCE (continued)"));
	emitf(doc, 0, _("  signed in %d, late %d, on leave %d, absent %d, not yet "
	    "signed in %d"), count[ATT_SIGNED_IN], count[ATT_LATE],
	    count[ATT_ON_LEAVE], count[ATT_ABSENT], count[ATT_NOT_YET]);
	/* Seen at the desk without a sign-in: said apart (A2 counts them
	 * absent once the shift is over unless explained). */
	if (unexplained > 0 || count[ATT_EXPLAINED] > 0)
		emitf(doc, 0, _("  seen at their desk, not signed in, no explanation "
		    "%d; explained (A2) %d"), unexplained, count[ATT_EXPLAINED]);
	for (i = 0; i < f->nstaff; i++) {
		const struct att_day *x = &a[i];
		struct buf what = { 0 };

		if (x->status == ATT_LATE)
			buf_printf(&what, _("late %d min"), x->late_minutes);
		else if (x->status == ATT_ABSENT && x->seen)
			buf_puts(&what, _("absent: seen at the desk, not explained "
			    "(A2)"));
		else if (x->status == ATT_ON_LEAVE || x->status == ATT_ABSENT ||
		    x->status == ATT_SEEN || x->status == ATT_EXPLAINED)
			buf_puts(&what, _(att_status_name(x->status)));
		if (x->early_minutes > 0)
			buf_printf(&what, _("%sleft %d min early"), what.len ?
			    _(", ") : "", x->early_minutes);
		if (x->half_day)
			buf_printf(&what, _("%shalf a day of personal leave (A1)"),
			    what.len ? _(", ") : "");
		if (x->form_pending)
			buf_printf(&what, _("%swritten form pending"), what.len ?
			    _(", ") : "");
		if (x->threshold && m[i].bonus_forfeit)
			buf_printf(&what, _("%smonth's bonus forfeited (A6a)"),
			    what.len ? _(", ") : "");
		if (x->threshold && m[i].flags[0])
			buf_printf(&what, "%s%s", what.len ? _(", ") : "", m[i].flags);
		if (what.len == 0)
			continue;
		if (rows++ == 0) {
			spaces(&doc->lb, 2);
			col(&doc->lb, _("staff"), 8);
			col(&doc->lb, _("name"), 16);
			buf_puts(&doc->lb, _("attendance"));
			table(doc);
		}
		spaces(&doc->lb, 2);
		col(&doc->lb, f->staff[i].id, 8);
		col(&doc->lb, f->staff[i].name, 16);
		if (text_width(what.s) <= 80 - 26) {
			buf_puts(&doc->lb, what.s);
			emit(doc, 0);
		} else {
			emit(doc, KEEP);
			note_lines(doc, 26, "", what.s, 0);
		}
		buf_free(&what);
	}
}

/* A section made of lines another file wrote (report_breaks.c,
 * report_appeals.c); nothing when there are none. */
static void
lines_section(struct doc *doc, const char *title, const char *cont,
    struct buf *lines)
{
	char *p, *nl;

	if (lines->len == 0)
		return;
	section(doc, title, cont);
	for (p = lines->s; *p; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		buf_add(&doc->lb, p, (size_t)(nl - p));
		emit(doc, 0);
	}
	buf_free(lines);
}

static void
flags_section(struct doc *doc, const struct day *d)
{
	int fl, i, rows = 0;

	section(doc, _("FLAGS FOR MANAGEMENT"),
	    _("FLAGS FOR MANAGEMENT (continued)"));
	/* The gravest first. */
	for (fl = FLAG_TERMINATION; fl > FLAG_NONE; fl--)
		for (i = 0; i < d->ninc; i++) {
			const struct inc *x = &d->inc[i];

			if (x->in.voided_at != 0 || (int)x->t.flag != fl)
				continue;
			if (rows++ == 0) {
				inc_head(&doc->lb, _("staff"));
				buf_puts(&doc->lb, _("flag"));
				table(doc);
			}
			inc_cols(&doc->lb, d, x);
			buf_puts(&doc->lb, flag_name(x->t.flag));
			emit(doc, x->in.note[0] ? KEEP : 0);
			if (x->in.note[0])
				note_lines(doc, 2 + C_TIME + C_NO, _("note: "),
				    x->in.note, 0);
		}
	if (rows == 0)
		emitf(doc, 0, "  %s", _("none"));
}

static void
void_row(struct doc *doc, const struct day *d, const struct inc *x)
{
	char when[32], *by, *reason;

	inc_cols(&doc->lb, d, x);
	amount(&doc->lb, x->fines);
	clock_format((time_t)x->in.voided_at, when, sizeof when);
	by = who(d->f, x->in.voided_by);
	buf_puts(&doc->lb, "  ");
	text_fit(&doc->lb, by, WIDTH - text_width(doc->lb.s), false, false);
	emit(doc, KEEP);
	reason = xasprintf(_("voided %s: "), when);
	note_lines(doc, 2 + C_TIME + C_NO, reason, x->in.void_reason, 0);
	free(reason);
	free(by);
}

static void
voids_section(struct doc *doc, const struct day *d)
{
	int i, rows = 0;

	section(doc, _("VOIDS"), _("VOIDS (continued)"));
	for (i = 0; i < d->ninc; i++) {
		if (d->inc[i].in.voided_at == 0)
			continue;
		if (rows++ == 0) {
			inc_head(&doc->lb, _("staff"));
			text_fit(&doc->lb, _("removed"), 10, true, false);
			buf_printf(&doc->lb, "  %s", _("voided by"));
			table(doc);
		}
		void_row(doc, d, &d->inc[i]);
	}
	if (rows == 0)
		emitf(doc, 0, "  %s", _("none of today's incidents"));
	if (d->nvo > 0) {
		emit(doc, 0);
		emitf(doc, KEEP, "  %s", _("voided today, incidents of other days "
		    "(their days' totals changed):"));
		inc_head(&doc->lb, _("staff"));
		text_fit(&doc->lb, _("removed"), 10, true, false);
		buf_printf(&doc->lb, "  %s", _("voided by"));
		table(doc);
		for (i = 0; i < d->nvo; i++)
			void_row(doc, d, &d->vo[i]);
	}
}

static void
praise_section(struct doc *doc, const struct day *d)
{
	int i, rows = 0;

	section(doc, _("COMMENDATIONS"), _("COMMENDATIONS (continued)"));
	for (i = 0; i < d->ninc; i++) {
		const struct inc *x = &d->inc[i];

		if (x->in.voided_at != 0 || !x->t.positive)
			continue;
		if (rows++ == 0) {
			inc_head(&doc->lb, _("staff"));
			buf_puts(&doc->lb, _("marked by"));
			table(doc);
		}
		inc_cols(&doc->lb, d, x);
		text_fit(&doc->lb, x->in.marked_by, WIDTH - text_width(doc->lb.s),
		    false, false);
		emit(doc, x->in.note[0] ? KEEP : 0);
		if (x->in.note[0])
			note_lines(doc, 2 + C_TIME + C_NO, _("note: "), x->in.note,
			    0);
	}
	if (rows == 0)
		emitf(doc, 0, "  %s", _("none"));
}

/*
 * The picture's numbers: each group's fines, split as the floor totals
 * split them, summed over the people the group's total row adds up.
 */
static void
group_bars(struct doc *doc, const struct day *d)
{
	const struct floor *f = d->f;
	int g, i, k;

	doc->bars = xcalloc((size_t)f->ngroups + 1, sizeof *doc->bars);
	doc->nbars = f->ngroups;
	for (g = 0; g < f->ngroups; g++) {
		doc->bars[g].id = f->groups[g].id;
		doc->bars[g].name = f->groups[g].name;
	}
	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->pp[i];
		struct report_bar *b;

		if (p->group < 0)
			continue;
		b = &doc->bars[p->group];
		b->own += p->own;
		for (k = 0; k < p->nco; k++) {
			const struct fine_row *fr = &d->lines[p->co_line[k]].f;

			if (engine_fine_kind(fr) == FINE_GROUP)
				b->grp += fr->amount;
			else
				b->co += fr->amount;
		}
	}
}

int
report_doc_build(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct doc *doc, struct err *e)
{
	struct day d;
	struct att_day *att;
	struct att_month *month;
	struct complaint *reg = NULL;
	struct buf brk = { 0 }, apl = { 0 };
	char dd[DAY_LEN], st[8], en[8], now[32];
	bool started;
	int g, rc, nreg = 0, u;

	if (day == NULL || clock_parse_day(day, dd) < 0)
		return err_set(e, EXIT_USAGE, _("'%s' is not a day YYYY-MM-DD"),
		    day ? day : "");
	/* The carried attendance totals are settled (written) before the
	 * read transaction, where they could only be computed. */
	if (attendance_settle(f, s, dd, e) < 0 ||
	    store_read_begin(s, &started, e) < 0)
		return -1;
	att = xcalloc((size_t)f->nstaff + 1, sizeof *att);
	month = xcalloc((size_t)f->nstaff + 1, sizeof *month);
	rc = load_day(f, s, dd, &d, e);
	if (rc == 0) {
		/* Seen at the desk: whoever sits at a seat inspected that day
		 * (as attendance_day would read them again). */
		bool *seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
		int i;

		for (i = 0; i < f->nseats; i++)
			if (d.seat_seen[i] && f->seats[i].staff >= 0)
				seen[f->seats[i].staff] = true;
		rc = attendance_day_seen(f, s, dd, seen, att, e);
		free(seen);
	}
	if (rc == 0)
		rc = attendance_month(f, s, dd, month, e);
	if (rc == 0)
		rc = report_register_load(s, dd, (long long)d.end, &reg, &nreg, e);
	if (rc == 0)
		rc = report_breaks_lines(f, s, dd, clock_now(), &brk, e);
	if (rc == 0)
		rc = report_appeals_lines(f, s, dd, (long long)d.end, &apl, e);
	store_read_end(s, started);
	if (rc < 0) {
		buf_free(&brk);
		buf_free(&apl);
		day_free(&d);
		free(att);
		free(month);
		free(reg);
		return -1;
	}
	doc->cur = -1;
	floor_totals(doc, &d);
	for (g = 0; g < f->ngroups; g++)
		group_section(doc, &d, g);
	former_section(doc, &d);
	doc->cur = -1;
	emit(doc, 0);
	emitf(doc, 0, "  %s", _("Offence numbers count within each rule's window "
	    "(default: the month);"));
	emitf(doc, 0, "  %s", _("* marks an own fine multiplied by the rule's "
	    "repeat factor."));
	custody_section(doc, &d);
	u = by_login ? floor_user_find(f, by_login) : -1;
	report_register_section(doc, f, dd, reg, nreg, u >= 0 ?
	    f->users[u].role : UROLE_LEAD);
	free(reg);
	attendance_section(doc, f, att, month);
	free(att);
	free(month);
	lines_section(doc, _("BREAKS"), _("BREAKS (continued)"), &brk);
	journal_section(doc, &d);
	lines_section(doc, _("APPEALS"), _("APPEALS (continued)"), &apl);
	flags_section(doc, &d);
	voids_section(doc, &d);
	praise_section(doc, &d);
	doc->cur = -1;
	emit(doc, KEEP);
	clock_format(d.now, now, sizeof now);
	emitf(doc, 0, _("Generated %s by %s.  End of the report."), now,
	    by_login ? by_login : "?");
	doc->now = (long long)d.now;
	group_bars(doc, &d);

	fmt_minutes(f->shift_start, st);
	fmt_minutes(f->shift_end, en);
	doc->title = xasprintf(_("%s: end-of-day summary"), f->name);
	doc->subtitle = xasprintf(_("Shift day %s (%s), %s-%s%s; amounts in %s"),
	    dd, weekday(dd), st, en, f->shift_end <= f->shift_start ?
	    _(" next day") : "", f->currency);
	day_free(&d);
	return 0;
}

static int
text_paged(const struct floor *f, struct store *s, const char *day,
    const char *by_login, int page_lines, struct buf *out, struct err *e)
{
	struct doc doc = { 0 };

	if (page_lines < REPORT_PAGE_MIN)
		return err_set(e, EXIT_USAGE, _("a page needs at least %d lines"),
		    REPORT_PAGE_MIN);
	if (report_doc_build(f, s, day, by_login, &doc, e) < 0) {
		report_doc_free(&doc);
		return -1;
	}
	paginate(&doc, page_lines, doc.title, doc.subtitle, out);
	report_doc_free(&doc);
	return 0;
}

/* The report speaks the floor's language (floor.language) when it has
 * one, whoever prints it; else the interface's. */
int
report_text_paged(const struct floor *f, struct store *s, const char *day,
    const char *by_login, int page_lines, struct buf *out, struct err *e)
{
	int rc;

	i18n_push(f->language);
	rc = text_paged(f, s, day, by_login, page_lines, out, e);
	i18n_pop();
	return rc;
}

int
report_text(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct buf *out, struct err *e)
{
	return report_text_paged(f, s, day, by_login, REPORT_PAGE_LINES, out, e);
}

/* ---- printing ---- */

/* The first line of what the print command said, for an error message. */
static const char *
first_line(struct buf *said, char *line, size_t n)
{
	const char *p = said->s ? said->s : "";
	size_t k;

	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	k = strcspn(p, "\r\n");
	if (k >= n)
		k = n - 1;
	memcpy(line, p, k);
	line[k] = '\0';
	return line;
}

/*
 * Feeds text to the child's stdin while collecting what it says on
 * stdout and stderr (kept, up to a few kilobytes, for an error message:
 * in the console it must not scribble over the screen).  Returns the
 * errno of a failed write (the command stopped reading), else 0.
 */
static int
feed(int in, int out, const char *text, size_t n, struct buf *said)
{
	size_t done = 0;
	int werr = 0;

	if (n == 0) {
		close(in);
		in = -1;
	} else
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) | O_NONBLOCK);
	while (out >= 0) {
		struct pollfd pf[2] = { { out, POLLIN, 0 }, { in, POLLOUT, 0 } };

		if (poll(pf, in >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (in >= 0 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(in, text + done, n - done);

			if (w > 0)
				done += (size_t)w;
			else if (w < 0 && errno != EAGAIN && errno != EINTR) {
				werr = errno;
				done = n;
			}
			if (done == n) {
				close(in);
				in = -1;
			}
		}
		if (pf[0].revents & (POLLIN | POLLERR | POLLHUP)) {
			char chunk[1024];
			ssize_t r = read(out, chunk, sizeof chunk);

			if (r > 0 && said->len < 4096)
				buf_add(said, chunk, (size_t)r);
			else if (r == 0 || (r < 0 && errno != EINTR &&
			    errno != EAGAIN)) {
				close(out);
				out = -1;
			}
		}
	}
	if (in >= 0) {
		/* It closed its output but is still reading: finish. */
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) & ~O_NONBLOCK);
		if (write_all(in, text + done, n - done) < 0)
			werr = errno;
		close(in);
	}
	return werr;
}

/*
 * Runs the print command through /bin/sh with the report on its standard
 * input.  The printer's name never enters the command text: it reaches
 * the shell as "$1", so no name can inject a command.
 */
int
report_print_data(const struct floor *f, const char *text, size_t n,
    const char *printer, struct err *e)
{
	const char *base = f->print_command && f->print_command[0] ?
	    f->print_command : DEFAULT_PRINT;
	struct sigaction ign = { 0 }, old;
	struct buf said = { 0 };
	int in[2], out[2], ep[2], status, werr, cerr = 0, rc = -1;
	char *cmd, line[200];
	const char *p;
	pid_t pid;
	ssize_t r;

	if (printer != NULL) {
		if (printer[0] == '\0')
			return err_set(e, EXIT_USAGE, _("the printer name is empty"));
		for (p = printer; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return err_set(e, EXIT_USAGE, _("the printer name has a "
				    "control character in it"));
	}
	if (pipe2(in, O_CLOEXEC) < 0)
		return err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
	if (pipe2(out, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		return err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
	}
	if (pipe2(ep, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
	}
	cmd = printer ? xasprintf("%s -d \"$1\"", base) : xstrdup(base);
	fflush(NULL);
	if ((pid = fork()) < 0) {
		err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		close(ep[0]);
		close(ep[1]);
		free(cmd);
		return -1;
	}
	if (pid == 0) {
		int en, fd;

		/* stdin the report, stdout and stderr back to callfloor;
		 * nothing else of ours (the database) goes along. */
		if (dup2(in[0], STDIN_FILENO) < 0 ||
		    dup2(out[1], STDOUT_FILENO) < 0 ||
		    dup2(out[1], STDERR_FILENO) < 0)
			goto child_fail;
		for (fd = 3; fd < 1024; fd++)
			if (fd != ep[1])
				close(fd);
		/* The print command runs with the user's own ids, never with
		 * the group callfloor is installed setgid to (src/priv.h). */
		priv_child();
		execl("/bin/sh", "sh", "-c", cmd, "callfloor-print", printer,
		    (char *)NULL);
child_fail:
		en = errno ? errno : EPERM;
		(void)!write(ep[1], &en, sizeof en);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(ep[1]);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	werr = feed(in[1], out[0], text, n, &said);
	sigaction(SIGPIPE, &old, NULL);
	while ((r = read(ep[0], &cerr, sizeof cerr)) < 0 && errno == EINTR)
		;
	close(ep[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			err_set(e, EXIT_RUNTIME, _("printing: waiting for `%s`: %s"),
			    cmd, strerror(errno));
			goto done;
		}
	first_line(&said, line, sizeof line);
	if (r == (ssize_t)sizeof cerr)
		err_set(e, EXIT_RUNTIME, _("printing failed: cannot start `%s` "
		    "(/bin/sh): %s"), cmd, strerror(cerr));
	else if (WIFSIGNALED(status))
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s` was killed by "
		    "signal %d"), cmd, WTERMSIG(status));
	else if (WEXITSTATUS(status) == 127)
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s`: command not "
		    "found (is the print system installed? see "
		    "floor.print_command)"), cmd);
	else if (WEXITSTATUS(status) != 0)
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s` exited with "
		    "status %d%s%s"), cmd, WEXITSTATUS(status), line[0] ? ": " : "",
		    line);
	else if (werr != 0)
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s` did not take the "
		    "whole report (%s)"), cmd, strerror(werr));
	else
		rc = 0;
done:
	buf_free(&said);
	free(cmd);
	return rc;
}

int
report_print(const struct floor *f, const char *raw, const char *printer,
    struct err *e)
{
	struct buf doc = { 0 };
	int rc;

	/* Nothing but text and its layout reaches a printer. */
	text_clean(&doc, raw, strlen(raw), true);
	rc = report_print_data(f, doc.s, doc.len, printer, e);
	buf_free(&doc);
	return rc;
}
