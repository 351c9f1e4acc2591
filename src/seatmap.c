/*
 * seatmap.c - seat states for a day and the plain-text map.  The console
 * draws the same cells (seatmap_cell) with colour on top.
 */
#include "seatmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "clock.h"
#include "engine.h"
#include "terms.h"
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

static const char *brk_names[] = { "", N_("away"), N_("over the limit"),
	N_("queued"), N_("next") };

const char *
seat_brk_name(enum seat_brk b)
{
	return brk_names[b];
}

void
seatmap_brk_tag(const struct seat_view *v, bool ascii, char *out, size_t n)
{
	char letter = v->brk_reason[0] ? v->brk_reason[0] : '?';

	switch (v->brk) {
	case SEAT_BRK_AWAY:
		snprintf(out, n, "%c%d", letter, v->brk_minutes);
		break;
	case SEAT_BRK_OVER:
		snprintf(out, n, "%s%c%d", ascii ? "!!" : "‼", letter,
		    v->brk_minutes);
		break;
	case SEAT_BRK_QUEUED:
		snprintf(out, n, "Q%d", v->brk_place);
		break;
	case SEAT_BRK_NEXT:
		snprintf(out, n, "N");
		break;
	default:
		snprintf(out, n, "%s", "");
	}
}

void
seatmap_tick(const struct floor *f, struct seatmap *m, time_t now)
{
	int i;

	m->brk_over = 0;
	for (i = 0; i < f->ngroups; i++)
		m->grp_over[i] = 0;
	for (i = 0; i < f->nseats; i++) {
		struct seat_view *v = &m->seats[i];

		if (v->brk != SEAT_BRK_AWAY && v->brk != SEAT_BRK_OVER)
			continue;
		v->brk_minutes = now > v->brk_since ? (int)((now - v->brk_since) /
		    60) : 0;
		v->brk = v->brk_minutes >= v->brk_limit ? SEAT_BRK_OVER :
		    SEAT_BRK_AWAY;
		if (v->brk == SEAT_BRK_OVER) {
			m->brk_over++;
			m->grp_over[f->staff[f->seats[i].staff].group]++;
		}
	}
}

/* The open breaks, on the seats of those who take them (today only). */
static int
load_breaks(const struct floor *f, struct store *s, struct seatmap *m,
    const struct att_day *d, struct err *e)
{
	struct brk_floor bf;
	time_t now = clock_now();
	char today[DAY_LEN];
	int i;

	m->grp_away = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_away);
	m->grp_over = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_over);
	m->grp_queued = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_queued);
	clock_shift_day(f, now, today);
	if (strcmp(today, m->day) != 0)
		return 0;
	if (breaks_load(f, s, m->day, now, d, &bf, e) < 0)
		return -1;
	for (i = 0; i < bf.n; i++) {
		const struct brk *b = &bf.b[i];
		struct seat_view *v;
		int seat = b->staff >= 0 ? f->staff[b->staff].seat : -1;

		if (b->group >= 0) {
			if (b->state == BRK_AWAY)
				m->grp_away[b->group]++;
			else
				m->grp_queued[b->group]++;
		}
		if (b->state == BRK_AWAY)
			m->brk_away++;
		else
			m->brk_queued++;
		if (seat < 0)
			continue;
		v = &m->seats[seat];
		v->brk = b->state == BRK_AWAY ? SEAT_BRK_AWAY : b->state ==
		    BRK_NEXT ? SEAT_BRK_NEXT : SEAT_BRK_QUEUED;
		memcpy(v->brk_reason, b->row.reason, STORE_ID);
		v->brk_place = b->place;
		v->brk_since = b->row.started_at;
		v->brk_limit = b->row.limit_minutes;
	}
	breaks_free(&bf);
	seatmap_tick(f, m, now);
	return 0;
}

static int
seat_of_staff(const struct floor *f, const char *staff)
{
	int si = floor_staff_find(f, staff);

	return si >= 0 ? f->staff[si].seat : -1;
}

/* Each seated agent's attendance on the map's day; insp: the seats
 * inspected that day (who sits there was seen at the desk). */
static int
load_attendance(const struct floor *f, struct store *s, struct seatmap *m,
    const bool *insp, struct err *e)
{
	struct att_day *d = xcalloc((size_t)f->nstaff + 1, sizeof *d);
	bool *seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
	int i, rc;

	for (i = 0; i < f->nseats; i++)
		if (insp[i] && f->seats[i].staff >= 0)
			seen[f->seats[i].staff] = true;
	rc = attendance_day_seen(f, s, m->day, seen, d, e);
	if (rc == 0)
		rc = load_breaks(f, s, m, d, e);
	for (i = 0; rc == 0 && i < f->nseats; i++) {
		int who = f->seats[i].staff;

		if (who < 0)
			continue;
		m->seats[i].att = d[who].status;
		m->seats[i].att_threshold = d[who].threshold;
		if (d[who].status != ATT_UNTRACKED)
			m->attendance = true;
	}
	free(seen);
	free(d);
	return rc;
}

/*
 * The seats inspected on day (insp, f->nseats of them): an i, or a mark
 * made on the seat (in: the day's incidents, read once by the caller).
 * *list, when asked for, gets their ids: the i's first, then the marks'.
 */
static int
inspected_seats(const struct floor *f, struct store *s, const char *day,
    const struct incident *in, int nin, bool *insp, char (**list)[STORE_ID],
    int *n, struct err *e)
{
	char (*ids)[STORE_ID] = NULL;
	int nids, i, st;

	if (store_inspected(s, day, &ids, &nids, e) < 0)
		return -1;
	for (i = 0; i < nids; i++)
		if ((st = floor_seat_find(f, ids[i])) >= 0)
			insp[st] = true;
	/* A mark made on a seat means its desk was looked at too; a LATE
	 * from a sign-in or a missed meeting (attendance) does not. */
	for (i = 0; i < nin; i++) {
		int r = floor_rule_find(f, in[i].rule);

		if (in[i].voided_at != 0 || in[i].seat[0] == '\0' || (r >= 0 &&
		    (strcmp(f->rules[r].section, "attendance") == 0 ||
		    f->rules[r].t.absence_halfdays > 0)))
			continue;
		if ((st = floor_seat_find(f, in[i].seat)) >= 0) {
			if (insp[st])
				continue;
			insp[st] = true;
		} else if (list != NULL) {	/* a seat no longer on the floor */
			int j;

			for (j = 0; j < nids && strcmp(ids[j], in[i].seat) != 0; j++)
				;
			if (j < nids)
				continue;
		}
		if (list != NULL) {
			ids = xrealloc(ids, (size_t)(nids + 1) * sizeof *ids);
			snprintf(ids[nids++], STORE_ID, "%s", in[i].seat);
		}
	}
	if (list != NULL) {
		*list = ids;
		*n = nids;
	} else
		free(ids);
	return 0;
}

int
seatmap_inspected(const struct floor *f, struct store *s, const char *day,
    char (**out)[STORE_ID], int *n, struct err *e)
{
	struct incident *in = NULL;
	bool *insp = xcalloc((size_t)f->nseats + 1, sizeof *insp);
	int nin, rc;

	*out = NULL;
	*n = 0;
	rc = store_incidents(s, day, day, NULL, &in, &nin, e);
	if (rc == 0)
		rc = inspected_seats(f, s, day, in, nin, insp, out, n, e);
	free(in);
	free(insp);
	return rc;
}

static int
by_incident(const void *a, const void *b)
{
	const struct fine_line *x = a, *y = b;

	return (x->in.id > y->in.id) - (x->in.id < y->in.id);
}

/* The own fine the engine stored for incident id (lines sorted by it). */
static fen_t
stored_own(const struct fine_line *fl, int n, int64_t id)
{
	int lo = 0, hi = n;
	fen_t sum = 0;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (fl[mid].in.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && fl[lo].in.id == id; lo++)
		if (fl[lo].f.own)
			sum += fl[lo].f.amount;
	return sum;
}

/*
 * The worst incident of each seat: a flag first, then the larger own fine
 * (sev: its rank, flag: its flag).  A view never prices: the flag is the
 * one frozen with the incident's rule version, the fine the one the
 * engine stored, so the map and the report agree after a rulebook edit.
 */
static int
rank_seats(const struct floor *f, struct store *s, const char *day,
    const struct incident *in, int nin, struct seatmap *m, int *sev,
    enum flag *flag, struct err *e)
{
	struct fine_line *fl = NULL;
	struct rule_terms t;
	int64_t tv = -1;
	int nfl = 0, i;

	if (store_fine_lines(s, day, day, &fl, &nfl, e) < 0)
		return -1;
	if (nfl > 1)
		qsort(fl, (size_t)nfl, sizeof *fl, by_incident);
	for (i = 0; i < nin; i++) {
		int st, r, rank;

		if (in[i].voided_at != 0 || in[i].staff[0] == '\0' ||
		    (st = seat_of_staff(f, in[i].staff)) < 0)
			continue;
		if (in[i].rule_version != tv) {
			if (terms_load(s, in[i].rule_version, &t, e) < 0) {
				free(fl);
				return -1;
			}
			tv = in[i].rule_version;
		}
		if (t.positive)
			continue;
		m->seats[st].incidents++;
		/* A failed inspection is a floor rule's mark. */
		r = floor_rule_find(f, in[i].rule);
		if (r >= 0 && strcmp(f->rules[r].section, "floor") == 0)
			m->seats[st].desk_incidents++;
		rank = (int)t.flag * 1000000 +
		    (int)(stored_own(fl, nfl, in[i].id) / 100);
		if (rank >= sev[st] || m->seats[st].worst[0] == '\0') {
			sev[st] = rank;
			flag[st] = t.flag;
			memcpy(m->seats[st].worst, in[i].rule, STORE_ID);
		}
	}
	free(fl);
	return 0;
}

int
seatmap_load(const struct floor *f, struct store *s, const char *day,
    struct seatmap *m, struct err *e)
{
	struct incident *in = NULL;
	struct custody *cu = NULL;
	enum flag *flag;
	bool *insp;
	int nin, ncu, i;
	int *sev;

	memset(m, 0, sizeof *m);
	snprintf(m->day, sizeof m->day, "%s", day);
	m->seats = xcalloc((size_t)f->nseats + 1, sizeof *m->seats);
	insp = xcalloc((size_t)f->nseats + 1, sizeof *insp);
	/* The day's incidents are read once: for the seats, for what was
	 * inspected, and (through that) for who was seen at the desk. */
	if (store_incidents(s, day, day, NULL, &in, &nin, e) < 0 ||
	    store_custody_held(s, &cu, &ncu, e) < 0 ||
	    inspected_seats(f, s, day, in, nin, insp, NULL, NULL, e) < 0 ||
	    load_attendance(f, s, m, insp, e) < 0) {
		free(in);
		free(cu);
		free(insp);
		seatmap_free(m);
		return -1;
	}
	sev = xcalloc((size_t)f->nseats + 1, sizeof *sev);
	for (i = 0; i < f->nseats; i++)
		m->seats[i].inspected = insp[i];
	for (i = 0; i < ncu; i++) {
		int st = seat_of_staff(f, cu[i].staff);

		if (st >= 0)
			m->seats[st].custody = true;
	}
	flag = xcalloc((size_t)f->nseats + 1, sizeof *flag);
	if (rank_seats(f, s, day, in, nin, m, sev, flag, e) < 0) {
		free(flag);
		free(sev);
		free(in);
		free(cu);
		free(insp);
		seatmap_free(m);
		return -1;
	}
	for (i = 0; i < f->nseats; i++) {
		struct seat_view *v = &m->seats[i];

		if (f->seats[i].staff < 0)
			v->state = SEAT_EMPTY;
		else if (v->custody)
			v->state = SEAT_CUSTODY;
		else if (v->incidents > 0 && flag[i] != FLAG_NONE)
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
	free(flag);
	free(in);
	free(cu);
	free(insp);
	return 0;
}

void
seatmap_free(struct seatmap *m)
{
	free(m->seats);
	free(m->grp_away);
	free(m->grp_over);
	free(m->grp_queued);
	m->seats = NULL;
	m->grp_away = m->grp_over = m->grp_queued = NULL;
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
	if (m->seats[seat].brk != SEAT_BRK_NONE) {
		char tag[24];

		seatmap_brk_tag(&m->seats[seat], ascii, tag, sizeof tag);
		buf_puts(&cell, " ");
		buf_puts(&cell, tag);
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
seatmap_brk_legend(const struct floor *f, const struct seatmap *m, bool ascii,
    struct buf *out)
{
	int i;

	buf_printf(out, _("breaks: %d away, %d over the limit, %d queued.  W12: "
	    "away 12 minutes for the reason whose code starts W;  %sW12: over "
	    "the limit;  Q2: queued, place 2;  N: next, starts on B\n"),
	    m->brk_away, m->brk_over, m->brk_queued, ascii ? "!!" : "‼");
	for (i = 0; i < f->nbreaks; i++)
		/* TRANSLATORS: one break reason in the map's legend: code,
		 * title, the Chinese title, the limit in minutes. */
		buf_printf(out, _("%s%s %s%s%s, %d min%s"), i ? "   " : "",
		    f->breaks[i].code, f->breaks[i].title,
		    ascii || !f->breaks[i].title_zh[0] ? "" : " ",
		    ascii ? "" : f->breaks[i].title_zh, f->breaks[i].limit_minutes,
		    i + 1 < f->nbreaks ? "" : "\n");
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
		if (m->seats[st].brk != SEAT_BRK_NONE) {
			char tag[24];

			seatmap_brk_tag(&m->seats[st], ascii, tag, sizeof tag);
			w += 1 + text_width(tag);
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
	if (m->brk_away + m->brk_queued > 0)
		seatmap_brk_legend(f, m, ascii, out);
}
