/*
 * journal.c - `callfloor journal`: the management work journal, i.e. every
 * not-voided incident whose rule, as frozen when it was marked, says
 * journal = true (GAMES in the shipped rulebook).  Reads only; prices
 * nothing: its amount is every stored fine row of the incident that fell
 * on someone ("all fines", as the report's WORK JOURNAL shows it).  No
 * SQL, no curses.
 */
#include "report.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/monthend.h"
#include "../db/store.h"
#include "cli.h"
#include "clock.h"
#include "floor.h"
#include "report_day.h"
#include "report_fmt.h"
#include "terms.h"
#include "text.h"

/* Notes and appeals stand under the entry, from column NOTE_AT, wrapped
 * to a line of JOURNAL_WIDTH. */
#define NOTE_AT 23
#define JOURNAL_WIDTH 80

/* label and text (cleaned) under the entry, wrapped. */
static void
under(struct buf *out, const char *label, const char *text)
{
	char **l;
	int n, i;

	n = text_note_wrap(label, text, JOURNAL_WIDTH - NOTE_AT, &l);
	for (i = 0; i < n; i++) {
		text_spaces(out, NOTE_AT);
		buf_printf(out, "%s\n", l[i]);
	}
	text_lines_free(l, n);
}

/* One journal line (and its note) for incident in, fined `fine`. */
static void
entry(const struct floor *f, const struct incident *in, fen_t fine,
    struct buf *out)
{
	char tm[32], no[24], off[16];
	size_t start;

	report_time(in->day, in->at, tm);
	snprintf(no, sizeof no, "#%lld", (long long)in->id);
	snprintf(off, sizeof off, "#%d", in->offence);
	start = out->len;
	text_col(out, in->day, 11);
	text_col(out, tm, 12);
	text_col(out, no, 6);
	text_col(out, in->seat[0] ? in->seat : "-", 6);
	text_col(out, in->staff, 7);
	text_col(out, report_staff_name(f, in->staff), 13);
	text_col(out, in->rule, 10);
	text_col(out, off, 7);
	report_amount(out, fine);
	buf_printf(out, "  %s", in->marked_by);
	while (out->len > start && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	buf_puts(out, "\n");
	if (in->note[0] != '\0')
		under(out, _("note: "), in->note);
}

/* The appeals (申诉) of incident id, under its entry. */
static void
appeals_of(const struct appeal *ap, int n, int64_t id, struct buf *out)
{
	int i;

	for (i = 0; i < n; i++) {
		char *label;

		if (ap[i].incident != id)
			continue;
		if (ap[i].decision[0] == '\0')
			label = xasprintf(_("appeal %lld by %s (pending): "),
			    (long long)ap[i].id, ap[i].staff);
		else if (strcmp(ap[i].decision, "uphold") == 0)
			label = xasprintf(_("appeal %lld by %s (upheld): "),
			    (long long)ap[i].id, ap[i].staff);
		else
			label = xasprintf(_("appeal %lld by %s (voided): "),
			    (long long)ap[i].id, ap[i].staff);
		under(out, label, ap[i].reason);
		free(label);
	}
}

static const struct option journal_opts[] = {
	{ "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },
	{ NULL, 0, NULL, 0 }
};

static int
journal_exec(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	const char *from = NULL, *to = NULL;
	char fd[DAY_LEN], td[DAY_LEN];
	struct incident *in = NULL;
	struct appeal *ap = NULL;
	struct buf out = { 0 };
	struct err e = { 0 };
	struct rule_terms t;
	int64_t tv = -1;
	bool started = false;
	int ch, n = 0, nap = 0, i, rows = 0, rc = 0;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		default: return cli_bad_option("journal", ch, argv);
		}
	}
	if (cli_no_more("journal", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (cli_parse_period("journal", c, NULL, NULL, from, to, fd, td) != 0)
		return EXIT_USAGE;
	if (store_read_begin(c->store, &started, &e) < 0 ||
	    store_incidents(c->store, fd, td, NULL, &in, &n, &e) < 0 ||
	    store_appeals(c->store, &ap, &nap, &e) < 0) {
		store_read_end(c->store, started);
		free(in);
		return cli_fail(&e);
	}
	buf_printf(&out, _("%s: work journal %s to %s (%s)\n\n"), f->name, fd, td,
	    f->currency);
	for (i = 0; i < n && rc == 0; i++) {
		struct fine_row *fr;
		fen_t fine;
		int nf;

		if (in[i].voided_at != 0)
			continue;
		if (in[i].rule_version != tv) {
			if ((rc = terms_load(c->store, in[i].rule_version, &t,
			    &e)) < 0)
				break;
			tv = in[i].rule_version;
		}
		if (!t.journal)
			continue;
		if ((rc = store_fines_of(c->store, in[i].id, &fr, &nf, &e)) < 0)
			break;
		fine = report_fines_paid(fr, nf);
		free(fr);
		if (rows++ == 0) {
			text_col(&out, _("day"), 11);
			text_col(&out, _("time"), 12);
			text_col(&out, _("no."), 6);
			text_col(&out, _("seat"), 6);
			text_col(&out, _("staff"), 7);
			text_col(&out, _("name"), 13);
			text_col(&out, _("rule"), 10);
			text_fit(&out, _("offence"), 7, false, false);
			text_fit(&out, _("all fines"), 10, true, false);
			buf_printf(&out, "  %s\n", _("marked by"));
		}
		entry(f, &in[i], fine, &out);
		appeals_of(ap, nap, in[i].id, &out);
	}
	store_read_end(c->store, started);
	free(in);
	free(ap);
	if (rc < 0) {
		buf_free(&out);
		return cli_fail(&e);
	}
	if (rows == 0)
		buf_printf(&out, "%s\n", _("no entries"));
	cli_print(&out);
	buf_free(&out);
	return 0;
}

const struct verb verb_journal = {
	.name = "journal",
	.args = "[--from D --to D]",
	.help = N_("the management work journal\n"
	    "Incidents of rules with journal = true (default: this month).\n"),
	.opts = journal_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = journal_exec,
};
