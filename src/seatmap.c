/*
 * seatmap.c - seat states for a day and the plain-text map.  The console
 * draws the same cells (seatmap_cell) with colour on top.
 */
#include "seatmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "text.h"

static const char *glyphs_utf8[SEAT_NSTATES] = { "·", "○", "✓", "!", "▲", "▣" };
static const char *glyphs_ascii[SEAT_NSTATES] = { ".", "o", "+", "!", "^", "#" };
static const char *state_names[SEAT_NSTATES] = { N_("empty"),
	N_("not inspected"), N_("inspected OK"), N_("incident today"),
	N_("flag for management"), N_("item in custody") };

const char *
seat_glyph(enum seat_state st, bool ascii)
{
	return ascii ? glyphs_ascii[st] : glyphs_utf8[st];
}

const char *
seat_state_name(enum seat_state st)
{
	return state_names[st];
}

static int
seat_of_staff(const struct floor *f, const char *staff)
{
	int si = floor_staff_find(f, staff);

	return si >= 0 ? f->staff[si].seat : -1;
}

/* Each seated agent's attendance on the map's day. */
static int
load_attendance(const struct floor *f, struct store *s, struct seatmap *m,
    struct err *e)
{
	struct att_day *d = xcalloc((size_t)f->nstaff + 1, sizeof *d);
	int i;

	if (attendance_day(f, s, m->day, d, e) < 0) {
		free(d);
		return -1;
	}
	for (i = 0; i < f->nseats; i++) {
		int who = f->seats[i].staff;

		if (who < 0)
			continue;
		m->seats[i].att = d[who].status;
		m->seats[i].att_threshold = d[who].threshold;
		if (d[who].status != ATT_UNTRACKED)
			m->attendance = true;
	}
	free(d);
	return 0;
}

int
seatmap_inspected(const struct floor *f, struct store *s, const char *day,
    char (**out)[STORE_ID], int *n, struct err *e)
{
	struct incident *in = NULL;
	int nin, i, j;

	if (store_inspected(s, day, out, n, e) < 0)
		return -1;
	if (store_incidents(s, day, day, NULL, &in, &nin, e) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	/* A mark made on a seat means its desk was looked at too; a LATE
	 * from a sign-in or a missed meeting (attendance) does not. */
	for (i = 0; i < nin; i++) {
		int r = floor_rule_find(f, in[i].rule);

		if (in[i].voided_at != 0 || in[i].seat[0] == '\0' || (r >= 0 &&
		    (strcmp(f->rules[r].section, "attendance") == 0 ||
		    f->rules[r].t.absence_halfdays > 0)))
			continue;
		for (j = 0; j < *n && strcmp((*out)[j], in[i].seat) != 0; j++)
			;
		if (j < *n)
			continue;
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		snprintf((*out)[(*n)++], STORE_ID, "%s", in[i].seat);
	}
	free(in);
	return 0;
}

int
seatmap_load(const struct floor *f, struct store *s, const char *day,
    struct seatmap *m, struct err *e)
{
	struct incident *in = NULL;
	struct custody *cu = NULL;
	char (*insp)[STORE_ID] = NULL;
	int nin, ncu, ninsp, i;
	int *sev;

	memset(m, 0, sizeof *m);
	snprintf(m->day, sizeof m->day, "%s", day);
	m->seats = xcalloc((size_t)f->nseats + 1, sizeof *m->seats);
	if (store_incidents(s, day, day, NULL, &in, &nin, e) < 0 ||
	    store_custody_held(s, &cu, &ncu, e) < 0 ||
	    seatmap_inspected(f, s, day, &insp, &ninsp, e) < 0) {
		free(in);
		free(cu);
		seatmap_free(m);
		return -1;
	}
	if (load_attendance(f, s, m, e) < 0) {
		free(in);
		free(cu);
		free(insp);
		seatmap_free(m);
		return -1;
	}
	sev = xcalloc((size_t)f->nseats + 1, sizeof *sev);
	for (i = 0; i < ninsp; i++) {
		int st = floor_seat_find(f, insp[i]);

		if (st >= 0)
			m->seats[st].inspected = true;
	}
	for (i = 0; i < ncu; i++) {
		int st = seat_of_staff(f, cu[i].staff);

		if (st >= 0)
			m->seats[st].custody = true;
	}
	for (i = 0; i < nin; i++) {
		int st, r, rank;

		if (in[i].voided_at != 0 || in[i].staff[0] == '\0' ||
		    (st = seat_of_staff(f, in[i].staff)) < 0)
			continue;
		r = floor_rule_find(f, in[i].rule);
		if (r >= 0 && f->rules[r].t.positive)
			continue;
		m->seats[st].incidents++;
		/* A failed inspection is a floor rule's mark. */
		if (r >= 0 && strcmp(f->rules[r].section, "floor") == 0)
			m->seats[st].desk_incidents++;
		/* Worst: a flag first, then the larger own fine. */
		rank = r >= 0 ? (int)f->rules[r].t.flag * 1000000 : 0;
		if (r >= 0 && f->rules[r].t.pricing != PRICE_NONE) {
			int d;

			rank += (int)(engine_price(&f->rules[r].t, in[i].offence,
			    in[i].amount, &d) / 100);
		}
		if (rank >= sev[st] || m->seats[st].worst[0] == '\0') {
			sev[st] = rank;
			memcpy(m->seats[st].worst, in[i].rule, STORE_ID);
		}
	}
	for (i = 0; i < f->nseats; i++) {
		struct seat_view *v = &m->seats[i];
		int r = v->worst[0] ? floor_rule_find(f, v->worst) : -1;

		if (f->seats[i].staff < 0)
			v->state = SEAT_EMPTY;
		else if (v->custody)
			v->state = SEAT_CUSTODY;
		else if (v->incidents > 0 && r >= 0 && f->rules[r].t.flag != FLAG_NONE)
			v->state = SEAT_FLAGGED;
		else if (v->incidents > 0)
			v->state = SEAT_INCIDENT;
		else if (v->inspected)
			v->state = SEAT_OK;
		else
			v->state = SEAT_PENDING;
		if (f->seats[i].staff >= 0) {
			m->occupied++;
			m->inspected += v->inspected;
		}
	}
	free(sev);
	free(in);
	free(cu);
	free(insp);
	return 0;
}

void
seatmap_free(struct seatmap *m)
{
	free(m->seats);
	m->seats = NULL;
}

void
seatmap_cell(const struct floor *f, const struct seatmap *m, int seat,
    int width, bool ascii, struct buf *out)
{
	const struct seat *st = &f->seats[seat];
	struct buf cell = { 0 };

	buf_puts(&cell, seat_glyph(m->seats[seat].state, ascii));
	if (m->attendance) {
		char mark[3] = { att_status_letter(m->seats[seat].att),
			m->seats[seat].att_threshold ? '*' : '\0', '\0' };

		buf_puts(&cell, mark);
	}
	buf_puts(&cell, " ");
	buf_puts(&cell, st->id);
	if (st->staff >= 0) {
		const char *name = f->staff[st->staff].name;

		buf_puts(&cell, " ");
		/* A name the terminal cannot show is replaced by the staff id. */
		buf_puts(&cell, ascii && text_width(name) != (int)strlen(name) ?
		    f->staff[st->staff].id : name);
	}
	text_fit(out, cell.s, width, false, ascii);
	buf_free(&cell);
}

void
seatmap_text(const struct floor *f, const struct seatmap *m, bool ascii,
    struct buf *out)
{
	const int aislew = 2;
	int r, c, st, cellw = 14;

	/* Cells as wide as the widest id and name need: names whole. */
	for (st = 0; st < f->nseats; st++) {
		const struct seat *se = &f->seats[st];
		int w = 4 + text_width(se->id);

		if (se->staff >= 0) {
			const char *name = f->staff[se->staff].name;

			w += 1 + (ascii && text_width(name) != (int)strlen(name) ?
			    text_width(f->staff[se->staff].id) : text_width(name));
		}
		if (w > cellw)
			cellw = w;
	}

	/* ASCII from the first byte: a name it cannot show gives way to the
	 * floor's id. */
	if (ascii && text_width(f->name) != (int)strlen(f->name))
		buf_printf(out, "%s | %s | inspected %d/%d\n\n", f->id, m->day,
		    m->inspected, m->occupied);
	else
		buf_printf(out, "%s%s%s%s %s %d/%d\n\n", f->name, ascii ?
		    " | " : " · ", m->day, ascii ? " |" : " ·",
		    ascii ? "inspected" : _("inspected"), m->inspected,
		    m->occupied);
	for (r = 0; r < f->nrows; r++) {
		struct buf line = { 0 };

		buf_add(&line, "", 0);
		for (c = 0; c < f->ncols; c++) {
			int seat = f->cells[r * f->ncols + c];

			if (seat < 0)
				text_fit(&line, "", aislew, false, ascii);
			else {
				seatmap_cell(f, m, seat, cellw, ascii, &line);
				buf_puts(&line, " ");
			}
		}
		while (line.len > 0 && line.s[line.len - 1] == ' ')
			line.s[--line.len] = '\0';
		buf_puts(out, line.s);
		buf_puts(out, "\n");
		buf_free(&line);
	}
	buf_puts(out, "\n");
	for (st = 0; st < SEAT_NSTATES; st++)
		buf_printf(out, "%s %s%s", seat_glyph((enum seat_state)st, ascii),
		    _(state_names[st]), st + 1 < SEAT_NSTATES ? "   " : "\n");
	if (m->attendance) {
		for (st = ATT_NOT_YET; st <= ATT_EXPLAINED; st++)
			buf_printf(out, "%c %s   ", att_status_letter((enum att_status)st),
			    att_status_name((enum att_status)st));
		buf_puts(out, "* attendance threshold crossed today\n");
	}
}
