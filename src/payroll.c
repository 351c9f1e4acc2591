/*
 * payroll.c - rule A7 priced (see payroll.h).  Day counts are kept in half
 * days; a half day's amount is the day rate halved and rounded down to the
 * fen, so payroll never proposes more than the policy says.
 */
#include "payroll.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/carry.h"
#include "attendance.h"
#include "clock.h"
#include "cli.h"
#include "text.h"

static const struct floor *sort_floor;

static int
row_cmp(const void *a, const void *b)
{
	const struct staff *x = &sort_floor->staff[((const struct pay_row *)a)->staff];
	const struct staff *y = &sort_floor->staff[((const struct pay_row *)b)->staff];
	int c = strcmp(sort_floor->groups[x->group].id,
	    sort_floor->groups[y->group].id);

	return c != 0 ? c : strcmp(x->id, y->id);
}

/* The amount of `halves` half days at `rate` a day, rounded down. */
static fen_t
halves_amount(int halves, fen_t rate)
{
	return (fen_t)halves * rate / 2;
}

/* The most the month may take from wage: cap_percent of it, and no more
 * than leaves the minimum wage paid. */
static fen_t
wage_cap(const struct deductions *d, fen_t wage)
{
	fen_t cap = wage * d->cap_percent / 100;
	fen_t keep = wage - d->minimum_wage;

	if (keep < 0)
		keep = 0;
	return cap < keep ? cap : keep;
}

static void
price_row(const struct floor *f, const struct att_month *m, struct pay_row *r)
{
	const struct deductions *d = &f->ded;
	fen_t gross;

	r->late_early = m->late + m->early;
	r->personal_halves = 2 * m->personal_leave_days + m->half_days;
	r->sick_halves = 2 * m->sick_leave_days;
	r->absence_halves = m->absence_halfdays;
	r->bonus_forfeited = m->bonus_forfeit ? d->bonus : 0;
	r->deductions = halves_amount(r->personal_halves, d->personal_leave_day) +
	    halves_amount(r->sick_halves, d->sick_leave_day) +
	    halves_amount(r->absence_halves, d->absence_day) +
	    (fen_t)r->late_early * d->late_early + r->bonus_forfeited;
	gross = r->fines + r->deductions;
	r->total = gross;
	r->cap = -1;
	if (f->staff[r->staff].wage >= 0) {
		r->cap = wage_cap(d, f->staff[r->staff].wage);
		if (gross > r->cap) {
			r->total = r->cap;
			r->over_cap = gross - r->cap;
		}
	}
}

/* The appeal that keeps line out of payroll: pending, or decided void
 * (a group fine's line waived).  NULL when the line counts. */
static const struct appeal *
line_appeal(const struct appeal *ap, int nap, int64_t line)
{
	int i;

	for (i = 0; i < nap; i++)
		if (ap[i].fine == line && strcmp(ap[i].decision, "uphold") != 0)
			return &ap[i];
	return NULL;
}

int
payroll_compute(const struct floor *f, struct store *s, const char *month,
    struct payroll *p, struct err *e)
{
	char first[DAY_LEN], last[DAY_LEN];
	struct att_month *m = NULL;
	struct fine_line *lines = NULL;
	struct appeal *ap = NULL;
	int nlines = 0, nap = 0, i, rc;
	bool started;

	memset(p, 0, sizeof *p);
	snprintf(p->month, sizeof p->month, "%.7s", month);
	snprintf(first, sizeof first, "%.7s-01", month);
	clock_month_last(first, last);
	/* The months before, counted once and kept (outside a write: a
	 * closing counts inside its own and keeps nothing). */
	if (!store_in_transaction(s) && attendance_settle(f, s, last, e) < 0)
		return -1;
	if (store_read_begin(s, &started, e) < 0)
		return -1;
	m = xcalloc((size_t)f->nstaff + 1, sizeof *m);
	rc = attendance_month(f, s, first, m, e);
	if (rc == 0)
		rc = store_fine_lines(s, first, last, &lines, &nlines, e);
	if (rc == 0)
		rc = store_appeals(s, &ap, &nap, e);
	if (rc == 0)
		rc = store_adjustments(s, p->month, &p->adj, &p->nadj, e);
	store_read_end(s, started);
	if (rc < 0) {
		free(m);
		free(lines);
		free(ap);
		payroll_free(p);
		return -1;
	}
	p->n = f->nstaff;
	p->rows = xcalloc((size_t)f->nstaff + 1, sizeof *p->rows);
	for (i = 0; i < f->nstaff; i++)
		p->rows[i].staff = i;
	for (i = 0; i < nlines; i++) {
		const struct fine_line *l = &lines[i];
		const struct appeal *a;
		int si = l->f.staff[0] ? floor_staff_find(f, l->f.staff) : -1;

		if (si < 0)
			continue;
		if ((a = line_appeal(ap, nap, l->f.id)) == NULL) {
			p->rows[si].fines += l->f.amount;
			continue;
		}
		if (a->decision[0] != '\0')
			continue;	/* waived */
		p->pending = xrealloc(p->pending, (size_t)(p->npending + 1) *
		    sizeof *p->pending);
		p->pending[p->npending] = (struct pay_appeal){ .appeal = a->id,
		    .incident = l->in.id, .amount = l->f.amount };
		snprintf(p->pending[p->npending].staff, STORE_ID, "%s", l->f.staff);
		snprintf(p->pending[p->npending].rule, STORE_ID, "%s", l->in.rule);
		snprintf(p->pending[p->npending].day, 11, "%s", l->in.day);
		snprintf(p->pending[p->npending].reason, STORE_TEXT, "%s", a->reason);
		p->npending++;
	}
	for (i = 0; i < p->nadj; i++) {
		int si = floor_staff_find(f, p->adj[i].staff);

		if (si >= 0)
			p->rows[si].fines += p->adj[i].amount;
	}
	for (i = 0; i < f->nstaff; i++)
		price_row(f, &m[i], &p->rows[i]);
	sort_floor = f;
	qsort(p->rows, (size_t)p->n, sizeof *p->rows, row_cmp);
	free(m);
	free(lines);
	free(ap);
	return 0;
}

void
payroll_free(struct payroll *p)
{
	free(p->rows);
	free(p->pending);
	free(p->adj);
	memset(p, 0, sizeof *p);
}

/* Half days as days with one decimal: "0.0", "0.5", "3.0". */
static const char *
days(int halves, char *out, size_t n)
{
	snprintf(out, n, "%d.%d", halves / 2, halves % 2 ? 5 : 0);
	return out;
}

void
payroll_csv(const struct floor *f, const struct payroll *p, struct buf *out)
{
	int i;

	buf_puts(out, "staff_id,name,group,fines,late_early,personal_leave_days,"
	    "sick_leave_days,absence_days,bonus_forfeited,deductions,total");
	buf_puts(out, f->has_wages ? ",over_cap\r\n" : "\r\n");
	for (i = 0; i < p->n; i++) {
		const struct pay_row *r = &p->rows[i];
		const struct staff *st = &f->staff[r->staff];
		char a[32], b[32], c[32], d[32], pl[16], sl[16], ab[16], o[32];
		const char *fields[12];
		char le[16];

		snprintf(le, sizeof le, "%d", r->late_early);
		fields[0] = st->id;
		fields[1] = st->name;
		fields[2] = f->groups[st->group].id;
		fields[3] = fen_format(r->fines, a, sizeof a);
		fields[4] = le;
		fields[5] = days(r->personal_halves, pl, sizeof pl);
		fields[6] = days(r->sick_halves, sl, sizeof sl);
		fields[7] = days(r->absence_halves, ab, sizeof ab);
		fields[8] = fen_format(r->bonus_forfeited, b, sizeof b);
		fields[9] = fen_format(r->deductions, c, sizeof c);
		fields[10] = fen_format(r->total, d, sizeof d);
		fields[11] = fen_format(r->over_cap, o, sizeof o);
		cli_csv_row(out, fields, f->has_wages ? 12 : 11);
	}
}

struct sums {
	fen_t fines, deductions, total, over;
};

static void
text_row(struct buf *out, const char *id, const char *name, const char *grp,
    const struct sums *s, const struct pay_row *r, bool wages)
{
	char a[32], b[32], c[32], d[32], pl[16], sl[16], ab[16], bo[32];

	text_fit(out, id, 8, false, false);
	buf_puts(out, " ");
	text_fit(out, name, 12, false, false);
	buf_puts(out, " ");
	text_fit(out, grp, 8, false, false);
	buf_printf(out, " %9s", fen_format(s->fines, a, sizeof a));
	if (r != NULL)
		buf_printf(out, " %4d %5s %5s %5s %8s", r->late_early,
		    days(r->personal_halves, pl, sizeof pl),
		    days(r->sick_halves, sl, sizeof sl),
		    days(r->absence_halves, ab, sizeof ab),
		    fen_format(r->bonus_forfeited, bo, sizeof bo));
	else
		buf_printf(out, " %4s %5s %5s %5s %8s", "", "", "", "", "");
	buf_printf(out, " %9s %9s", fen_format(s->deductions, b, sizeof b),
	    fen_format(s->total, c, sizeof c));
	if (wages)
		buf_printf(out, " %9s", fen_format(s->over, d, sizeof d));
	buf_puts(out, "\n");
}

/* One right-aligned heading of width columns after a space. */
static void
heading(struct buf *out, const char *s, int width)
{
	buf_puts(out, " ");
	text_fit(out, s, width, true, false);
}

static void
add_sums(struct sums *s, const struct pay_row *r)
{
	s->fines += r->fines;
	s->deductions += r->deductions;
	s->total += r->total;
	s->over += r->over_cap;
}

static void
text_policy(const struct floor *f, struct buf *out)
{
	const struct deductions *d = &f->ded;
	char a[32], b[32], c[32], x[32], y[32], z[32];

	buf_printf(out, _("policy (A7): personal leave %s a day, sick leave %s, "
	    "absence %s, late/early %s each, bonus %s\n"),
	    fen_format(d->personal_leave_day, a, sizeof a),
	    fen_format(d->sick_leave_day, b, sizeof b),
	    fen_format(d->absence_day, c, sizeof c),
	    fen_format(d->late_early, x, sizeof x),
	    fen_format(d->bonus, y, sizeof y));
	if (f->has_wages)
		buf_printf(out, _("cap: %d%% of the wage, at least %s paid "
		    "(Interim Provisions on Wage Payment, art. 16)\n"),
		    d->cap_percent, fen_format(d->minimum_wage, z, sizeof z));
}

void
payroll_text(const struct floor *f, const struct payroll *p,
    const struct closed_month *closed, struct buf *out)
{
	struct sums grp = { 0 }, all = { 0 };
	int i, warned = 0;

	buf_printf(out, _("%s: payroll %s\n"), f->name, p->month);
	if (closed != NULL) {
		char when[32];

		clock_format((time_t)closed->at, when, sizeof when);
		buf_printf(out, _("month closed on %s by %s: this is the payroll as "
		    "it stood then\n"), when, closed->by);
	}
	text_policy(f, out);
	buf_puts(out, "\n");
	/* TRANSLATORS: payroll column headings; staff 8 columns, name 12,
	 * group 8, the rest right-aligned in fines 9, l/e (late/early) 4,
	 * pers. (personal leave days) 5, sick 5, abs. (absence days) 5,
	 * bonus 8, deduct. 9, total 9, over cap 9 (a CJK character takes
	 * 2 columns). */
	text_fit(out, _("staff"), 8, false, false);
	buf_puts(out, " ");
	text_fit(out, _("name"), 12, false, false);
	buf_puts(out, " ");
	text_fit(out, _("group"), 8, false, false);
	heading(out, _("fines"), 9);
	heading(out, _("l/e"), 4);
	heading(out, _("pers."), 5);
	heading(out, _("sick"), 5);
	heading(out, _("abs."), 5);
	heading(out, _("bonus"), 8);
	heading(out, _("deduct."), 9);
	heading(out, _("total"), 9);
	if (f->has_wages)
		heading(out, _("over cap"), 9);
	buf_puts(out, "\n");
	for (i = 0; i < p->n; i++) {
		const struct pay_row *r = &p->rows[i];
		const struct staff *st = &f->staff[r->staff];
		struct sums one = { r->fines, r->deductions, r->total, r->over_cap };

		text_row(out, st->id, st->name, f->groups[st->group].id, &one, r,
		    f->has_wages);
		add_sums(&grp, r);
		add_sums(&all, r);
		if (i + 1 == p->n || f->staff[p->rows[i + 1].staff].group != st->group) {
			text_row(out, "", _("group total"), f->groups[st->group].id,
			    &grp, NULL, f->has_wages);
			memset(&grp, 0, sizeof grp);
		}
	}
	text_row(out, "", _("floor total"), "", &all, NULL, f->has_wages);
	for (i = 0; i < p->n; i++) {
		const struct pay_row *r = &p->rows[i];
		const struct staff *st = &f->staff[r->staff];
		char a[32], b[32], c[32], d[32];

		if (r->over_cap == 0)
			continue;
		if (warned++ == 0)
			buf_puts(out, _("\nwarnings:\n"));
		buf_printf(out, _("  %s %s: fines and deductions of %s exceed the "
		    "legal cap of %s (wage %s); %s is not proposed\n"), st->id,
		    st->name, fen_format(r->total + r->over_cap, a, sizeof a),
		    fen_format(r->cap, b, sizeof b),
		    fen_format(st->wage, c, sizeof c),
		    fen_format(r->over_cap, d, sizeof d));
	}
	if (p->npending > 0)
		buf_puts(out, _("\nfines under appeal (not counted):\n"));
	for (i = 0; i < p->npending; i++) {
		const struct pay_appeal *a = &p->pending[i];
		char m[32];

		buf_printf(out, _("  appeal %lld: %s, incident %lld (%s, %s), %s: %s\n"),
		    (long long)a->appeal, a->staff, (long long)a->incident,
		    a->rule, a->day, fen_format(a->amount, m, sizeof m), a->reason);
	}
	if (p->nadj > 0)
		buf_puts(out, _("\nadjustments settled this month (in fines):\n"));
	for (i = 0; i < p->nadj; i++) {
		const struct adjustment *a = &p->adj[i];
		char m[32];

		buf_printf(out, _("  appeal %lld: %s %s%s: %s\n"), (long long)a->appeal,
		    a->staff, a->amount > 0 ? "+" : "",
		    fen_format(a->amount, m, sizeof m), a->note);
	}
}
