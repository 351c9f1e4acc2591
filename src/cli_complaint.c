/*
 * cli_complaint.c - `callfloor complaint add|list|forward|close|purge`:
 * rule B14's register from the command line.  One verb row that
 * dispatches on its first operand; the rules and writes are complaint.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "complaint.h"
#include "text.h"

static const struct option complaint_opts[] = {
	{ "staff", required_argument, NULL, 'S' },
	{ "kind", required_argument, NULL, 'k' },
	{ "caller", required_argument, NULL, 'C' },
	{ "phone", required_argument, NULL, 'p' },
	{ "note", required_argument, NULL, 'n' },
	{ "at", required_argument, NULL, 't' },
	{ "day", required_argument, NULL, 'D' },
	{ "open", no_argument, NULL, 'O' },
	{ "group", required_argument, NULL, 'g' },
	{ "format", required_argument, NULL, 'f' },
	{ "outcome", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 }
};

/* What was given on the command line, for every subcommand. */
struct copts {
	const char *staff, *kind, *caller, *phone, *note, *at, *day, *group,
	    *format, *outcome;
	bool open;
	char given[16];		/* the short codes of the options given */
};

/* Refuses an option the subcommand does not take, naming it. */
static int
only(const char *sub, const struct copts *o, const char *allowed)
{
	const char *p;
	const struct option *q;

	for (p = o->given; *p != '\0'; p++) {
		if (strchr(allowed, *p) != NULL)
			continue;
		for (q = complaint_opts; q->name != NULL; q++)
			if (q->val == *p)
				return cli_usage("complaint", _("complaint %s does not take "
				    "--%s"), sub, q->name);
	}
	return 0;
}

static int
add(struct cli *c, const struct copts *o, int argc, char **argv)
{
	const struct floor *f = c->floor;
	struct complaint_req r = { 0 };
	struct err e = { 0 };
	int64_t id;

	if (only("add", o, "SkCpnt") != 0 || cli_no_more("complaint", argc, argv,
	    1) != 0)
		return EXIT_USAGE;
	if (o->staff == NULL)
		return cli_usage("complaint", _("complaint add needs --staff ID: the "
		    "agent who took the call"));
	if ((r.staff = cli_staff("complaint", f, o->staff)) < 0)
		return EXIT_USAGE;
	if (o->kind == NULL)
		return cli_usage("complaint", _("complaint add needs --kind "
		    "repair|complaint"));
	if (complaint_kind_parse(o->kind, &r.kind) < 0)
		return cli_usage("complaint", _("unknown kind '%s': repair or "
		    "complaint"), o->kind);
	r.caller = o->caller;
	r.phone = o->phone;
	r.note = o->note;
	r.at = clock_now();
	if (o->at != NULL && clock_parse_local(o->at, &r.at) < 0)
		return cli_usage("complaint", _("--at '%s' is not a time 'YYYY-MM-DD "
		    "HH:MM'"), o->at);
	if (complaint_add(f, c->store, &c->actor, &r, &id, &e) < 0)
		return cli_fail(&e);
	cli_printf("%lld\n", (long long)id);
	/* TRANSLATORS: the first %s is the kind, "repair" or "complaint". */
	cli_printf(_("%s entry for %s %s (group %s)\n"), _(complaint_kind_name(r.kind)),
	    f->staff[r.staff].id, f->staff[r.staff].name,
	    f->staff[r.staff].group >= 0 ? f->groups[f->staff[r.staff].group].id :
	    "-");
	return 0;
}

static const char *
staff_name(const struct floor *f, const char *id)
{
	int i = floor_staff_find(f, id);

	return i >= 0 && strcmp(f->staff[i].id, id) == 0 ? f->staff[i].name : "?";
}

/* The age of an entry seen on `today`: open ones to today, closed ones
 * to the day they were closed. */
static int
age_of(const struct floor *f, const struct complaint *k, const char *today)
{
	char closed[DAY_LEN];

	if (k->closed_at == 0)
		return complaint_age(k->day, today);
	clock_shift_day(f, (time_t)k->closed_at, closed);
	return complaint_age(k->day, closed);
}

static void
list_csv(struct cli *c, const struct complaint *k, int n, const char *today,
    struct buf *out)
{
	static const char *const head[] = { "id", "day", "at", "age_days",
	    "kind", "state", "staff_id", "name", "group", "caller", "phone",
	    "note", "recorded_by", "late", "forwarded_by", "forwarded_at",
	    "closed_by", "closed_at", "outcome" };
	int i;

	cli_csv_row(out, head, (int)(sizeof head / sizeof head[0]));
	for (i = 0; i < n; i++) {
		char id[24], at[32], age[16], ph[COMPLAINT_PHONE], fw[32] = "",
		    cl[32] = "";
		const char *row[19];

		snprintf(id, sizeof id, "%lld", (long long)k[i].id);
		clock_format((time_t)k[i].at, at, sizeof at);
		snprintf(age, sizeof age, "%d", age_of(c->floor, &k[i], today));
		complaint_phone_show(k[i].phone, c->actor.role, ph, sizeof ph);
		if (k[i].forwarded_at)
			clock_format((time_t)k[i].forwarded_at, fw, sizeof fw);
		if (k[i].closed_at)
			clock_format((time_t)k[i].closed_at, cl, sizeof cl);
		row[0] = id; row[1] = k[i].day; row[2] = at; row[3] = age;
		row[4] = k[i].kind; row[5] = complaint_state(&k[i]);
		row[6] = k[i].staff; row[7] = staff_name(c->floor, k[i].staff);
		row[8] = k[i].grp; row[9] = k[i].caller; row[10] = ph;
		row[11] = k[i].note; row[12] = k[i].recorded_by;
		row[13] = k[i].late ? "1" : "0"; row[14] = k[i].forwarded_by;
		row[15] = fw; row[16] = k[i].closed_by; row[17] = cl;
		row[18] = k[i].outcome;
		cli_csv_row(out, row, 19);
	}
}

static void
list_text(struct cli *c, const struct complaint *k, int n, const char *today,
    struct buf *out)
{
	int i;

	if (n == 0) {
		buf_puts(out, _("no register entries\n"));
		return;
	}
	/* TRANSLATORS: the headings of `callfloor complaint list`: id (6
	 * columns), day (11), age (4), kind (10), state (10), staff (14),
	 * caller (12), phone. */
	text_fit(out, _("id"), 6, true, false);
	buf_puts(out, "  ");
	text_fit(out, _("day"), 11, false, false);
	text_fit(out, _("age"), 4, true, false);
	buf_puts(out, " ");
	text_fit(out, _("kind"), 10, false, false);
	text_fit(out, _("state"), 10, false, false);
	text_fit(out, _("staff"), 14, false, false);
	text_fit(out, _("caller"), 12, false, false);
	buf_printf(out, "%s\n", _("phone"));
	for (i = 0; i < n; i++) {
		char id[24], age[16], ph[COMPLAINT_PHONE], who[96];

		snprintf(id, sizeof id, "%lld", (long long)k[i].id);
		/* TRANSLATORS: an age in days, 4 columns at most. */
		snprintf(age, sizeof age, _("%dd"), age_of(c->floor, &k[i], today));
		complaint_phone_show(k[i].phone, c->actor.role, ph, sizeof ph);
		snprintf(who, sizeof who, "%s %s", k[i].staff,
		    staff_name(c->floor, k[i].staff));
		text_fit(out, id, 6, true, false);
		buf_puts(out, "  ");
		text_fit(out, k[i].day, 11, false, false);
		text_fit(out, age, 4, true, false);
		buf_puts(out, " ");
		text_fit(out, _(k[i].kind), 10, false, false);
		text_fit(out, _(complaint_state(&k[i])), 10, false, false);
		text_fit(out, who, 14, false, false);
		text_fit(out, k[i].purged_at ? _("(purged)") : k[i].caller, 12, false,
		    false);
		buf_printf(out, "%s\n", ph[0] ? ph : "-");
		buf_printf(out, _("        group %s: %s\n"), k[i].grp, k[i].note);
		if (k[i].late)
			buf_printf(out, _("        recorded late by %s: found unrecorded "
			    "(UNLOGGED #%lld)\n"), k[i].recorded_by,
			    (long long)k[i].incident);
		if (k[i].forwarded_at)
			buf_printf(out, _("        forwarded by %s\n"), k[i].forwarded_by);
		if (k[i].closed_at)
			buf_printf(out, _("        closed by %s: %s\n"), k[i].closed_by,
			    k[i].outcome);
	}
}

static int
list(struct cli *c, const struct copts *o, int argc, char **argv)
{
	const struct floor *f = c->floor;
	enum complaint_sel sel = CSEL_DAY_OR_OPEN;
	struct complaint *k = NULL;
	struct buf out = { 0 };
	struct err e = { 0 };
	char today[DAY_LEN], day[DAY_LEN];
	const char *grp = NULL;
	bool csv = false;
	int n, g;

	if (only("list", o, "DOgf") != 0 || cli_no_more("complaint", argc, argv,
	    1) != 0)
		return EXIT_USAGE;
	if (o->day != NULL && o->open)
		return cli_usage("complaint", _("give --day or --open, not both"));
	clock_shift_day(f, clock_now(), today);
	memcpy(day, today, DAY_LEN);
	if (o->day != NULL) {
		if (clock_parse_day(o->day, day) < 0)
			return cli_usage("complaint", _("--day '%s' is not a date "
			    "YYYY-MM-DD in %s"), o->day, CLOCK_YEARS);
		sel = CSEL_DAY;
	} else if (o->open)
		sel = CSEL_OPEN;
	if (o->group != NULL) {
		if ((g = cli_group("complaint", f, o->group)) < 0)
			return EXIT_USAGE;
		grp = f->groups[g].id;
	}
	if (o->format != NULL && cli_parse_format("complaint", o->format, &csv) != 0)
		return EXIT_USAGE;
	if (store_complaint_list(c->store, sel, day, grp, &k, &n, &e) < 0)
		return cli_fail(&e);
	if (csv)
		list_csv(c, k, n, today, &out);
	else
		list_text(c, k, n, today, &out);
	cli_print(&out);
	buf_free(&out);
	free(k);
	return 0;
}

static int
forward(struct cli *c, const struct copts *o, int argc, char **argv)
{
	struct err e = { 0 };
	int64_t *ids;
	int i, n = argc - optind - 1;

	if (only("forward", o, "") != 0)
		return EXIT_USAGE;
	if (n <= 0)
		return cli_usage("complaint", _("complaint forward needs the ids of the "
		    "entries to hand to the manager"));
	ids = xcalloc((size_t)n, sizeof *ids);
	for (i = 0; i < n; i++)
		if (cli_parse_id("complaint", _("entry id"), argv[optind + 1 + i],
		    &ids[i]) != 0) {
			free(ids);
			return EXIT_USAGE;
		}
	if (complaint_forward(c->floor, c->store, &c->actor, ids, n, &e) < 0) {
		free(ids);
		return cli_fail(&e);
	}
	for (i = 0; i < n; i++)
		cli_printf(_("%lld forwarded to the manager\n"), (long long)ids[i]);
	free(ids);
	return 0;
}

static int
close_entry(struct cli *c, const struct copts *o, int argc, char **argv)
{
	struct err e = { 0 };
	int64_t id;

	if (only("close", o, "o") != 0)
		return EXIT_USAGE;
	if (optind + 2 != argc)
		return cli_usage("complaint", _("complaint close takes one entry id"));
	if (cli_parse_id("complaint", _("entry id"), argv[optind + 1], &id) != 0)
		return EXIT_USAGE;
	if (complaint_close(c->floor, c->store, &c->actor, id, o->outcome, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("%lld closed\n"), (long long)id);
	return 0;
}

static int
purge(struct cli *c, const struct copts *o, int argc, char **argv)
{
	struct err e = { 0 };
	int n;

	if (only("purge", o, "") != 0 || cli_no_more("complaint", argc, argv,
	    1) != 0)
		return EXIT_USAGE;
	if (complaint_purge(c->floor, c->store, &c->actor, clock_now(), &n,
	    &e) < 0)
		return cli_fail(&e);
	cli_printf(ngettext("%d entry closed more than %d days ago: caller's "
	    "name and phone purged\n", "%d entries closed more than %d days ago: "
	    "caller's name and phone purged\n", n), n,
	    c->floor->complaint_retention_days);
	return 0;
}

static int
complaint_exec(struct cli *c, int argc, char **argv)
{
	struct copts o = { 0 };
	const char *sub;
	size_t ng = 0;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'S': o.staff = optarg; break;
		case 'k': o.kind = optarg; break;
		case 'C': o.caller = optarg; break;
		case 'p': o.phone = optarg; break;
		case 'n': o.note = optarg; break;
		case 't': o.at = optarg; break;
		case 'D': o.day = optarg; break;
		case 'O': o.open = true; break;
		case 'g': o.group = optarg; break;
		case 'f': o.format = optarg; break;
		case 'o': o.outcome = optarg; break;
		default: return cli_bad_option("complaint", ch, argv);
		}
		if (ng + 1 < sizeof o.given && strchr(o.given, ch) == NULL)
			o.given[ng++] = (char)ch;
	}
	if (optind >= argc)
		return cli_usage("complaint", _("say what to do: add, list, forward, "
		    "close or purge"));
	sub = argv[optind];
	if (strcmp(sub, "add") == 0)
		return add(c, &o, argc, argv);
	if (strcmp(sub, "list") == 0)
		return list(c, &o, argc, argv);
	if (strcmp(sub, "forward") == 0)
		return forward(c, &o, argc, argv);
	if (strcmp(sub, "close") == 0)
		return close_entry(c, &o, argc, argv);
	if (strcmp(sub, "purge") == 0)
		return purge(c, &o, argc, argv);
	return cli_usage("complaint", _("unknown subcommand '%s': add, list, "
	    "forward, close or purge"), sub);
}

const struct verb verb_complaint = {
	.name = "complaint",
	.args = "add --staff ID --kind repair|complaint --caller TEXT\n"
	    "                [--phone NUMBER] --note TEXT [--at 'YYYY-MM-DD HH:MM']\n"
	    "  callfloor complaint list [--day D | --open] [--group G]\n"
	    "                [--format text|csv]\n"
	    "  callfloor complaint forward ID...\n"
	    "  callfloor complaint close ID --outcome TEXT\n"
	    "  callfloor complaint purge",
	.help = N_("rule B14's register of unrepaired and complaint callers\n"
	    "add: records a caller on behalf of the agent who took the call\n"
	    "(supervisors and up); prints the new entry's id on the first line.\n"
	    "list: the day's entries and every open one (--day: that day's;\n"
	    "--open: every open one), with their age in days.\n"
	    "forward: hands entries to the manager (the group's director, or a\n"
	    "manager).  close: a manager closes an entry with its outcome.\n"
	    "purge: a manager forgets the caller's name and phone of entries\n"
	    "closed more than floor.complaint_retention_days ago (default 180).\n"
	    "Phones are masked for everyone but managers.\n"),
	.opts = complaint_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = complaint_exec,
};
