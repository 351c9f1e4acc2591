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
#include "seatmap_internal.h"
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

/* A mark made on a seat means its desk was looked at too; a LATE from a
 * sign-in or a missed meeting (attendance) does not. */
bool
seatmap_rule_looks(const struct floor *f, const char *rule)
{
	int r = floor_rule_find(f, rule);

	return !(r >= 0 && (strcmp(f->rules[r].section, "attendance") == 0 ||
	    f->rules[r].t.absence_halfdays > 0));
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
	for (i = 0; i < nin; i++) {
		if (in[i].voided_at != 0 || in[i].seat[0] == '\0' ||
		    !seatmap_rule_looks(f, in[i].rule))
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
	int nin, rc;

	*out = NULL;
	*n = 0;
	rc = store_incidents(s, day, day, NULL, &in, &nin, e);
	if (rc == 0)
		rc = seatmap_inspected_in(f, s, day, in, nin, out, n, e);
	free(in);
	return rc;
}

int
seatmap_inspected_in(const struct floor *f, struct store *s,
    const char *day, const struct incident *in, int nin,
    char (**out)[STORE_ID], int *n, struct err *e)
{
	bool *insp = xcalloc((size_t)f->nseats + 1, sizeof *insp);
	int rc;

	*out = NULL;
	*n = 0;
	rc = inspected_seats(f, s, day, in, nin, insp, out, n, e);
	free(insp);
	return rc;
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
