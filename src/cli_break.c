/*
 * cli_break.c - `break start|end|list` and `wallboard`.  The break rules
 * live in breaks.c; the wallboard's screen is ui/'s, reached through
 * cli_wallboard (main.c sets it: src/ never includes ui/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "cli.h"
#include "i18n.h"
#include "text.h"

int (*cli_wallboard)(const struct floor *f, struct store *s);

static const struct option break_opts[] = {
	{ "reason", required_argument, NULL, 'r' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

/* The reasons, for a message: "WC (Toilet), REST (Rest)". */
static void
reason_list(const struct floor *f, struct buf *b)
{
	int i;

	for (i = 0; i < f->nbreaks; i++)
		buf_printf(b, "%s%s (%s)", i ? ", " : "", f->breaks[i].code,
		    i18n_chinese() && f->breaks[i].title_zh[0] ?
		    f->breaks[i].title_zh : f->breaks[i].title);
	if (f->nbreaks == 0)
		buf_puts(b, _("none: the rulebook has no breaks list"));
}

static int
staff_arg(struct cli *c, const char *what, int argc, char **argv, int *staff)
{
	if (optind + 1 >= argc)
		return cli_usage("break", _("%s: give one staff id"), what);
	if (cli_no_more("break", argc, argv, 2) != 0)
		return EXIT_USAGE;
	if ((*staff = cli_staff("break", c->floor, argv[optind + 1])) < 0)
		return EXIT_USAGE;
	return 0;
}

static const char *
name_of(const struct floor *f, int staff)
{
	return staff >= 0 ? f->staff[staff].name : "?";
}

static int
do_start(struct cli *c, int argc, char **argv, const char *reason)
{
	const struct floor *f = c->floor;
	struct brk_result r;
	struct err e = { 0 };
	int staff, rc, ri;

	if ((rc = staff_arg(c, "start", argc, argv, &staff)) != 0)
		return rc;
	if (reason == NULL || reason[0] == '\0') {
		struct buf b = { 0 };

		reason_list(f, &b);
		rc = cli_usage("break", _("start needs --reason CODE: %s"), b.s);
		buf_free(&b);
		return rc;
	}
	if ((ri = floor_break_find(f, reason)) < 0) {
		struct buf b = { 0 };

		reason_list(f, &b);
		rc = cli_usage("break", _("--reason '%s' is not a break reason of the "
		    "rulebook: %s"), reason, b.s);
		buf_free(&b);
		return rc;
	}
	if (break_start(f, c->store, &c->actor, staff, ri, &r, &e) < 0)
		return cli_fail(&e);
	if (r.queued)
		cli_printf(_("%s %s queued for %s: place %d in group %s (max_away "
		    "reached)\n"), f->staff[staff].id, f->staff[staff].name,
		    f->breaks[ri].code, r.place, f->groups[f->staff[staff].group].id);
	else
		cli_printf(_("%s %s away: %s, limit %d minutes\n"), f->staff[staff].id,
		    f->staff[staff].name, f->breaks[ri].code, r.limit);
	return 0;
}

static int
do_end(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	struct brk_result r;
	struct err e = { 0 };
	int staff, rc;

	if ((rc = staff_arg(c, "end", argc, argv, &staff)) != 0)
		return rc;
	if (break_end(f, c->store, &c->actor, staff, &r, &e) < 0)
		return cli_fail(&e);
	if (r.cancelled)
		cli_printf(_("%s %s left the queue\n"), f->staff[staff].id,
		    f->staff[staff].name);
	else
		cli_printf(r.over ? _("%s %s back after %d minutes (over the "
		    "limit)\n") : _("%s %s back after %d minutes\n"),
		    f->staff[staff].id, f->staff[staff].name, r.minutes);
	if (r.over && r.reason >= 0 && f->breaks[r.reason].over_rule >= 0)
		cli_printf(_("over the %d-minute limit of %s: rule %s may be marked "
		    "(callfloor mark --staff %s --rule %s)\n"), r.limit,
		    f->breaks[r.reason].code,
		    f->rules[f->breaks[r.reason].over_rule].code, f->staff[staff].id,
		    f->rules[f->breaks[r.reason].over_rule].code);
	if (r.next >= 0)
		cli_printf(_("next: %s %s (%s)\n"), f->staff[r.next].id,
		    name_of(f, r.next), f->groups[f->staff[r.next].group].id);
	return 0;
}

static int
do_list(struct cli *c, int argc, char **argv, const char *format)
{
	const struct floor *f = c->floor;
	struct brk_floor bf;
	struct buf out = { 0 };
	struct err e = { 0 };
	time_t now = clock_now();
	char day[DAY_LEN], since[32];
	bool csv;
	int i;

	if (cli_no_more("break", argc, argv, 1) != 0)
		return EXIT_USAGE;
	if (cli_parse_format("break", format, &csv) != 0)
		return EXIT_USAGE;
	clock_shift_day(f, now, day);
	if (breaks_load(f, c->store, day, now, NULL, &bf, &e) < 0)
		return cli_fail(&e);
	if (csv) {
		static const char *const head[] = { "staff_id", "name", "group",
			"state", "reason", "since", "minutes" };

		cli_csv_row(&out, head, 7);
	} else if (bf.n == 0)
		buf_puts(&out, _("nobody is away or queued\n"));
	else {
		/* TRANSLATORS: the headings of `callfloor break list`: staff (8
		 * columns), name (16), group (8), state (8), reason (6), since
		 * (16), minutes. */
		text_fit(&out, _("staff"), 8, false, false);
		buf_puts(&out, " ");
		text_fit(&out, _("name"), 16, false, false);
		buf_puts(&out, " ");
		text_fit(&out, _("group"), 8, false, false);
		buf_puts(&out, " ");
		text_fit(&out, _("state"), 8, false, false);
		buf_puts(&out, " ");
		text_fit(&out, _("reason"), 6, false, false);
		buf_puts(&out, " ");
		text_fit(&out, _("since"), 16, false, false);
		buf_printf(&out, " %s\n", _("minutes"));
	}
	for (i = 0; i < bf.n; i++) {
		const struct brk *b = &bf.b[i];
		const char *name = b->staff >= 0 ? f->staff[b->staff].name : "";
		char mins[16], state[24];

		clock_format((time_t)(b->state == BRK_AWAY ? b->row.started_at :
		    b->row.queued_at), since, sizeof since);
		snprintf(mins, sizeof mins, "%d", b->minutes);
		if (csv) {
			const char *row[] = { b->row.staff, name, b->row.grp,
				brk_state_name(b->state), b->row.reason, since, mins };

			cli_csv_row(&out, row, 7);
			continue;
		}
		if (b->state == BRK_AWAY)
			snprintf(state, sizeof state, "%s", b->over ? _("OVER") :
			    _("away"));
		else
			snprintf(state, sizeof state, "%s %d",
			    _(brk_state_name(b->state)), b->place);
		text_fit(&out, b->row.staff, 8, false, false);
		buf_puts(&out, " ");
		text_fit(&out, name, 16, false, false);
		buf_puts(&out, " ");
		text_fit(&out, b->row.grp, 8, false, false);
		buf_puts(&out, " ");
		text_fit(&out, state, 8, false, false);
		buf_printf(&out, " %-6s %-16s %s\n", b->row.reason, since, mins);
	}
	if (!csv && bf.over > 0)
		buf_printf(&out, ngettext("%d over the limit\n", "%d over the limit\n",
		    bf.over), bf.over);
	cli_print(&out);
	buf_free(&out);
	breaks_free(&bf);
	return 0;
}

static int
break_exec(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *format = NULL, *op;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'r')
			reason = optarg;
		else if (ch == 'f')
			format = optarg;
		else
			return cli_bad_option("break", ch, argv);
	}
	if (optind >= argc)
		return cli_usage("break", _("say start, end or list"));
	op = argv[optind];
	if (strcmp(op, "list") != 0 && format != NULL)
		return cli_usage("break", _("--format goes with list"));
	if (strcmp(op, "start") != 0 && reason != NULL)
		return cli_usage("break", _("--reason goes with start"));
	if (strcmp(op, "start") == 0)
		return do_start(c, argc, argv, reason);
	if (strcmp(op, "end") == 0)
		return do_end(c, argc, argv);
	if (strcmp(op, "list") == 0)
		return do_list(c, argc, argv, format);
	return cli_usage("break", _("'%s' is not start, end or list"), op);
}

const struct verb verb_break = {
	.name = "break",
	.args = "start STAFF --reason CODE | end STAFF | list [--format text|csv]",
	.help = N_("breaks away from the desk, capped per group by max_away\n"
	    "A start beyond the group's max_away is queued in order; when a\n"
	    "place frees the first in the queue is next and starts with another\n"
	    "`break start`.  end on a queued agent leaves the queue.  list:\n"
	    "everyone away, queued or next (CSV header\n"
	    "staff_id,name,group,state,reason,since,minutes).\n"),
	.opts = break_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = break_exec,
};

static int
wallboard_exec(struct cli *c, int argc, char **argv)
{
	if (cli_bare(c, argc, argv) != 0)
		return EXIT_USAGE;
	if (cli_wallboard == NULL) {
		cli_eprintf("%s", _("callfloor: wallboard: this build has no screen\n"));
		return EXIT_RUNTIME;
	}
	return cli_wallboard(c->floor, c->store);
}

const struct verb verb_wallboard = {
	.name = "wallboard",
	.args = "",
	.help = N_("a read-only full-screen view of every seat for a floor TV\n"
	    "One tile a seat coloured by its state, totals per state and per\n"
	    "group, today's fines per group and the clock; q quits.  It reads\n"
	    "the database only when another process wrote to it.\n"),
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = wallboard_exec,
};
