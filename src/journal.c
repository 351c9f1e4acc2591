/*
 * journal.c - `callfloor journal`: the management work journal, i.e. every
 * not-voided incident whose rule, as frozen when it was marked, says
 * journal = true (GAMES in the shipped rulebook).  Reads only; prices
 * nothing (the fine shown is the stored fine row).  No SQL, no curses.
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
#include "terms.h"
#include "text.h"

static void
col(struct buf *b, const char *s, int w)
{
	text_fit(b, s, w - 1, false, false);
	buf_puts(b, " ");
}

/* One journal line (and its note) for incident in, fined `fine`. */
static void
entry(const struct floor *f, const struct incident *in, fen_t fine,
    struct buf *out)
{
	char full[32], no[24], off[16], a[32];
	int si = floor_staff_find(f, in->staff);
	size_t start;

	clock_format((time_t)in->at, full, sizeof full);
	snprintf(no, sizeof no, "#%lld", (long long)in->id);
	snprintf(off, sizeof off, "#%d", in->offence);
	start = out->len;
	col(out, in->day, 11);
	/* A night shift's small hours: say which calendar day. */
	col(out, strncmp(full, in->day, 10) == 0 ? full + 11 : full + 5, 12);
	col(out, no, 6);
	col(out, in->seat[0] ? in->seat : "-", 6);
	col(out, in->staff, 7);
	col(out, si >= 0 ? f->staff[si].name : "?", 13);
	col(out, in->rule, 10);
	col(out, off, 8);
	buf_printf(out, "%9s  %s", fen_format(fine, a, sizeof a), in->marked_by);
	while (out->len > start && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	buf_puts(out, "\n");
	if (in->note[0] != '\0') {
		/* A note stays on its line: text_clean shows a newline as \n. */
		buf_printf(out, "%23snote: ", "");
		text_clean(out, in->note, strlen(in->note), false);
		buf_puts(out, "\n");
	}
}

/* The appeals (申诉) of incident id, under its entry. */
static void
appeals_of(const struct appeal *ap, int n, int64_t id, struct buf *out)
{
	int i;

	for (i = 0; i < n; i++) {
		if (ap[i].incident != id)
			continue;
		buf_printf(out, "%23s", "");
		if (ap[i].decision[0] == '\0')
			buf_printf(out, _("appeal %lld by %s (pending): "),
			    (long long)ap[i].id, ap[i].staff);
		else if (strcmp(ap[i].decision, "uphold") == 0)
			buf_printf(out, _("appeal %lld by %s (upheld): "),
			    (long long)ap[i].id, ap[i].staff);
		else
			buf_printf(out, _("appeal %lld by %s (voided): "),
			    (long long)ap[i].id, ap[i].staff);
		text_clean(out, ap[i].reason, strlen(ap[i].reason), false);
		buf_puts(out, "\n");
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
	bool started;
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
		free(in);
		return cli_fail(&e);
	}
	buf_printf(&out, _("%s: work journal %s to %s (%s)\n\n"), f->name, fd, td,
	    f->currency);
	for (i = 0; i < n && rc == 0; i++) {
		struct fine_row *fr;
		fen_t fine = 0;
		int nf, k;

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
		for (k = 0; k < nf; k++)
			if (fr[k].own)
				fine += fr[k].amount;
		free(fr);
		if (rows++ == 0) {
			col(&out, _("day"), 11);
			col(&out, _("time"), 12);
			col(&out, _("no."), 6);
			col(&out, _("seat"), 6);
			col(&out, _("staff"), 7);
			col(&out, _("name"), 13);
			col(&out, _("rule"), 10);
			col(&out, _("offence"), 8);
			text_fit(&out, _("fine"), 9, true, false);
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
