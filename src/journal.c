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

#include "../db/store.h"
#include "cli.h"
#include "clock.h"
#include "floor.h"
#include "terms.h"
#include "text.h"

static int
usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "callfloor: journal: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see callfloor --help)\n");
	return EXIT_USAGE;
}

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
		char *p;

		start = out->len;
		buf_printf(out, "%23snote: %s\n", "", in->note);
		/* A note stays on its line. */
		for (p = out->s + start; *p; p++)
			if ((unsigned char)*p < 0x20 && p[1] != '\0')
				*p = ' ';
	}
}

int
cli_journal(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct floor *f = c->floor;
	const char *from = NULL, *to = NULL;
	char fd[DAY_LEN], td[DAY_LEN];
	struct incident *in = NULL;
	struct buf out = { 0 };
	struct err e = { 0 }, e2 = { 0 };
	struct rule_terms t;
	int64_t tv = -1;
	bool started;
	int ch, n = 0, i, rows = 0, rc = 0;

	while ((ch = getopt_long(argc, argv, ":c:d:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs("usage: callfloor journal [--from D --to D]\n\n"
			    "The management work journal: incidents of rules with "
			    "journal = true\n(default: this month).\n", stdout);
			return 0;
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'c': c->config_path = optarg; break;
		case 'd': c->db_arg = optarg; break;
		case ':': return usage("%s needs a value", argv[optind - 1]);
		default: return usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage("unexpected argument '%s'", argv[optind]);
	if ((from == NULL) != (to == NULL))
		return usage("--from and --to go together");
	if (from != NULL) {
		if (clock_parse_day(from, fd) < 0)
			return usage("--from '%s' is not a date YYYY-MM-DD", from);
		if (clock_parse_day(to, td) < 0)
			return usage("--to '%s' is not a date YYYY-MM-DD", to);
		if (strcmp(fd, td) > 0)
			return usage("--from %s is after --to %s", fd, td);
	} else {
		char today[DAY_LEN];

		clock_shift_day(f, clock_now(), today);
		snprintf(fd, sizeof fd, "%.7s-01", today);
		clock_month_last(fd, td);
	}
	if (cli_open_store(c, STORE_NOCREATE, &e) < 0 &&
	    cli_open_store(c, STORE_READONLY | STORE_NOCREATE, &e2) < 0) {
		fprintf(stderr, "callfloor: %s\n", e.msg);
		return e.code ? e.code : EXIT_RUNTIME;
	}
	if (store_read_begin(c->store, &started, &e) < 0 ||
	    store_incidents(c->store, fd, td, NULL, &in, &n, &e) < 0) {
		fprintf(stderr, "callfloor: %s\n", e.msg);
		return e.code ? e.code : EXIT_RUNTIME;
	}
	buf_printf(&out, "%s: work journal %s to %s (%s)\n\n", f->name, fd, td,
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
			col(&out, "day", 11);
			col(&out, "time", 12);
			col(&out, "no.", 6);
			col(&out, "seat", 6);
			col(&out, "staff", 7);
			col(&out, "name", 13);
			col(&out, "rule", 10);
			col(&out, "offence", 8);
			buf_puts(&out, "     fine  marked by\n");
		}
		entry(f, &in[i], fine, &out);
	}
	store_read_end(c->store, started);
	free(in);
	if (rc < 0) {
		buf_free(&out);
		fprintf(stderr, "callfloor: %s\n", e.msg);
		return e.code ? e.code : EXIT_RUNTIME;
	}
	if (rows == 0)
		buf_puts(&out, "no entries\n");
	fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	return 0;
}
