/*
 * cli_attendance.c - the attendance verbs: signin, signout, leave,
 * leave-form and the month's attendance.  Rules live in attendance.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#include "att_import.h"
#include "attendance.h"
#include "breaks.h"
#include "cli.h"
#include "i18n.h"
#include "text.h"

static const struct option signin_opts[] = {
	{ "at", required_argument, NULL, 't' },
	{ "outside-shift", no_argument, NULL, 'O' },
	{ "void", no_argument, NULL, 'v' },
	{ "day", required_argument, NULL, 'D' },
	{ "reason", required_argument, NULL, 'r' },
	{ "import", required_argument, NULL, 'I' },
	{ NULL, 0, NULL, 0 }
};

static const struct option signout_opts[] = {
	{ "at", required_argument, NULL, 't' },
	{ "outside-shift", no_argument, NULL, 'O' },
	{ NULL, 0, NULL, 0 }
};

/* signin --void STAFF --day D [--reason TEXT]: the sign-in and its LATE. */
static int
sign_void(struct cli *c, int staff, const char *day, const char *reason)
{
	const struct floor *f = c->floor;
	struct err e = { 0 };
	char d[DAY_LEN];
	int64_t late;

	if (day == NULL)
		clock_shift_day(f, clock_now(), d);
	else if (clock_parse_day(day, d) < 0)
		return cli_usage("signin", _("--day '%s' is not a date YYYY-MM-DD in %s"), day, CLOCK_YEARS);
	if (attendance_signin_void(f, c->store, &c->actor, staff, d, reason ?
	    reason : "sign-in voided", &late, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("%s %s: sign-in of %s voided (kept on record)\n"), f->staff[staff].id,
	    f->staff[staff].name, d);
	if (late != 0)
		cli_printf(_("LATE incident %lld voided\n"), (long long)late);
	return 0;
}

static size_t import_prefix;	/* strlen("FILE:") of the errors sorted */

static int
by_line(const void *pa, const void *pb)
{
	long a = atol(*(char *const *)pa + import_prefix);
	long b = atol(*(char *const *)pb + import_prefix);

	return (a > b) - (a < b);
}

/* Prints each "FILE:LINE: message" of errs in the file's order, through
 * cli_say (control characters shown). */
static void
say_lines(struct buf *errs, const char *file)
{
	char *line, *save = NULL, **v = NULL;
	size_t n = 0, i;

	for (line = strtok_r(errs->s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = line;
	}
	import_prefix = strlen(file) + 1;
	if (n > 0)
		qsort(v, n, sizeof *v, by_line);
	for (i = 0; i < n; i++)
		cli_say(v[i]);
	free(v);
}

/* signin --import FILE [--outside-shift]: a time clock's export.  The
 * file is read with the user's own rights (the group is gone by now). */
static int
sign_import(struct cli *c, const char *file, bool outside)
{
	struct import_row *rows = NULL;
	struct buf text = { 0 }, errs = { 0 };
	struct err e = { 0 };
	char chunk[65536];
	size_t got;
	int n, added, skipped, rc = 0;
	FILE *in = fopen(file, "r");

	if (in == NULL)
		return cli_usage("signin", _("cannot read --import '%s': %s"), file,
		    strerror(errno));
	while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
		buf_add(&text, chunk, got);
	if (ferror(in)) {
		fclose(in);
		buf_free(&text);
		return cli_usage("signin", _("cannot read --import '%s': %s"), file,
		    strerror(errno));
	}
	fclose(in);
	/* The good lines are judged even when others are bad: every error of
	 * the file at once.  Nothing is written while errs holds any. */
	import_parse(c->floor, file, text.s ? text.s : "", text.len, &rows, &n,
	    &errs);
	if (attendance_import(c->floor, c->store, &c->actor, rows, n, outside,
	    file, &errs, &added, &skipped, &e) < 0)
		rc = cli_fail(&e);
	else if (errs.len > 0) {
		say_lines(&errs, file);
		rc = EXIT_USAGE;
	} else
		printf(_("%d imported from %s (%d already recorded)\n"), added, file,
		    skipped);
	buf_free(&text);
	buf_free(&errs);
	free(rows);
	return rc;
}

/* STAFF [--at T] [--outside-shift]: shared by signin and signout; signin
 * also takes --void STAFF --day D. */
static int
sign_verb(struct cli *c, int argc, char **argv, const char *verb, bool in)
{
	const struct floor *f = c->floor;
	struct signin_result r;
	struct err e = { 0 };
	const char *at = NULL, *day = NULL, *reason = NULL, *import = NULL;
	time_t when = clock_now();
	bool outside = false, voiding = false;
	char stamp[32];
	int ch, staff;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 't')
			at = optarg;
		else if (ch == 'O')
			outside = true;
		else if (ch == 'v' && in)
			voiding = true;
		else if (ch == 'D' && in)
			day = optarg;
		else if (ch == 'r' && in)
			reason = optarg;
		else if (ch == 'I' && in)
			import = optarg;
		else
			return cli_bad_option(verb, ch, argv);
	}
	if (import != NULL) {
		if (at != NULL || voiding || day != NULL || reason != NULL)
			return cli_usage(verb, _("--import takes --outside-shift only"));
		if (optind != argc)
			return cli_usage(verb, _("--import FILE takes no staff id"));
		return sign_import(c, import, outside);
	}
	if (optind + 1 != argc)
		return cli_usage(verb, _("give one staff id or name"));
	if ((staff = cli_staff(verb, f, argv[optind])) < 0)
		return EXIT_USAGE;
	if (voiding && (at != NULL || outside))
		return cli_usage(verb, _("--void takes --day (and --reason), not --at"));
	if (!voiding && (day != NULL || reason != NULL))
		return cli_usage(verb, _("--day and --reason go with --void"));
	if (voiding)
		return sign_void(c, staff, day, reason);
	if (at != NULL && clock_parse_local(at, &when) < 0)
		return cli_usage(verb, _("--at '%s' is not a time 'YYYY-MM-DD HH:MM'"), at);
	if ((in ? attendance_signin : attendance_signout)(f, c->store, &c->actor,
	    staff, when, at != NULL, outside, &r, &e) < 0)
		return cli_fail(&e);
	clock_format(when, stamp, sizeof stamp);
	cli_printf(in ? _("%s %s signed in at %s") : _("%s %s signed out at %s"),
	    f->staff[staff].id, f->staff[staff].name, stamp);
	if (r.minutes > 0) {
		if (in)
			cli_printf(ngettext(", %d minute late", ", %d minutes late",
			    (unsigned long)r.minutes), r.minutes);
		else
			cli_printf(ngettext(", %d minute early", ", %d minutes early",
			    (unsigned long)r.minutes), r.minutes);
		if (r.half_day)
			cli_printf("%s", _(" (half a day of personal leave, A1)"));
	}
	cli_printf("%s\n", outside ? _(" (outside the shift)") : "");
	if (r.late_incident != 0) {
		char a[32];

		cli_printf(_("LATE incident %lld: %s %s\n"), (long long)r.late_incident,
		    f->staff[staff].id, fen_format(r.late_fine, a, sizeof a));
	}
	return 0;
}

static int signin_exec(struct cli *c, int argc, char **argv) { return sign_verb(c, argc, argv, "signin", true); }
static int signout_exec(struct cli *c, int argc, char **argv) { return sign_verb(c, argc, argv, "signout", false); }

static const struct option explain_opts[] = {
	{ "day", required_argument, NULL, 'D' },
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 }
};

/* explain STAFF [--day D] --note TEXT: an attendance explanation (A2). */
static int
explain_exec(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	struct err e = { 0 };
	const char *day = NULL, *note = NULL;
	char d[DAY_LEN];
	int ch, staff;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'D')
			day = optarg;
		else if (ch == 'n')
			note = optarg;
		else
			return cli_bad_option("explain", ch, argv);
	}
	if (optind + 1 != argc)
		return cli_usage("explain", _("give one staff id or name"));
	if ((staff = cli_staff("explain", f, argv[optind])) < 0)
		return EXIT_USAGE;
	if (note == NULL || note[0] == '\0')
		return cli_usage("explain", _("--note TEXT is required"));
	if (day == NULL)
		clock_shift_day(f, clock_now(), d);
	else if (clock_parse_day(day, d) < 0)
		return cli_usage("explain", _("--day '%s' is not a date YYYY-MM-DD in %s"), day, CLOCK_YEARS);
	if (attendance_explain(f, c->store, &c->actor, staff, d, note, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("%s %s: attendance explanation for %s recorded\n"),
	    f->staff[staff].id, f->staff[staff].name, d);
	return 0;
}

const struct verb verb_explain = {
	.name = "explain",
	.args = "STAFF [--day D] --note TEXT",
	.help = N_("records an attendance explanation (A2)\n"
	    "An explained day (default today) is not an absence.\n"),
	.opts = explain_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = explain_exec,
};

const struct verb verb_signin = {
	.name = "signin",
	.args = "STAFF [--at T] [--outside-shift] | --void STAFF [--day D]\n"
	    "                [--reason TEXT] | --import FILE [--outside-shift]",
	.help = N_("signs STAFF in; a late arrival is fined (LATE)\n"
	    "A sign-in is taken from floor.signin_window minutes before the shift\n"
	    "until its end; outside that only a manager records one, with\n"
	    "--outside-shift.  --void voids the day's sign-in and its LATE mark\n"
	    "(kept on record); a corrected one may then be recorded.\n"
	    "--import FILE (managers): a time clock's CSV, header staff_id,time,kind\n"
	    "(time YYYY-MM-DD HH:MM, kind in|out), each row judged as signin and\n"
	    "signout judge it; any bad row is listed as FILE:LINE and nothing is\n"
	    "written; a row already recorded (or voided) adds nothing.\n"),
	.opts = signin_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = signin_exec,
};

const struct verb verb_signout = {
	.name = "signout",
	.args = "STAFF [--at T] [--outside-shift]",
	.help = N_("signs STAFF out; an early leave is counted\n"
	    "Taken from the sign-in until floor.signout_window minutes after the\n"
	    "shift; outside that only a manager records one (--outside-shift).\n"),
	.opts = signout_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = signout_exec,
};

static const struct option leave_opts[] = {
	{ "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },
	{ "kind", required_argument, NULL, 'k' },
	{ "via", required_argument, NULL, 'v' },
	{ "requested-at", required_argument, NULL, 'r' },
	{ "record-invalid", no_argument, NULL, 'I' },
	{ NULL, 0, NULL, 0 }
};

static int
leave_exec(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	const char *from = NULL, *to = NULL, *kind = NULL, *via = NULL, *req = NULL;
	struct leave_req r = { 0 };
	struct err e = { 0 };
	int64_t id;
	bool valid;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'k': kind = optarg; break;
		case 'v': via = optarg; break;
		case 'r': req = optarg; break;
		case 'I': r.record_invalid = true; break;
		default: return cli_bad_option("leave", ch, argv);
		}
	}
	if (optind + 1 != argc)
		return cli_usage("leave", _("give one staff id or name"));
	if ((r.staff = cli_staff("leave", f, argv[optind])) < 0)
		return EXIT_USAGE;
	if (from == NULL || clock_parse_day(from, r.from) < 0)
		return cli_usage("leave", _("--from '%s' is not a date YYYY-MM-DD in %s"), from ? from : "", CLOCK_YEARS);
	if (to == NULL)
		memcpy(r.to, r.from, sizeof r.to);
	else if (clock_parse_day(to, r.to) < 0)
		return cli_usage("leave", _("--to '%s' is not a date YYYY-MM-DD in %s"), to, CLOCK_YEARS);
	if (kind == NULL || (strcmp(kind, "sick") != 0 && strcmp(kind, "personal") != 0))
		return cli_usage("leave", _("--kind '%s' is not sick or personal"),
		    kind ? kind : "");
	r.kind = kind[0] == 's' ? LEAVE_SICK : LEAVE_PERSONAL;
	if (via == NULL)
		return cli_usage("leave", _("--via written|phone|sms is required"));
	if (strcmp(via, "written") == 0)
		r.via = VIA_WRITTEN;
	else if (strcmp(via, "phone") == 0)
		r.via = VIA_PHONE;
	else if (strcmp(via, "sms") == 0)
		r.via = VIA_SMS;
	else
		return cli_usage("leave", _("--via '%s' is not written, phone or sms"), via);
	if (req == NULL || clock_parse_local(req, &r.requested_at) < 0)
		return cli_usage("leave", _("--requested-at '%s' is not a time "
		    "'YYYY-MM-DD HH:MM'"), req ? req : "");
	if (attendance_leave(f, c->store, &c->actor, &r, &id, &valid, &e) < 0)
		return cli_fail(&e);
	if (valid) {
		cli_printf(_("leave %lld: %s %s %s to %s, requested by %s%s\n"),
		    (long long)id, f->staff[r.staff].id, kind, r.from, r.to, via,
		    r.via == VIA_PHONE ? _(" (written form pending: callfloor "
		    "leave-form ID)") : "");
		if (leave_needs_approval(f, r.from, r.to))
			cli_printf(_("pending a manager's approval (A5): callfloor "
			    "leave-approve %lld; a day that passes unapproved "
			    "counts as absence\n"), (long long)id);
	} else {
		char why[STORE_TEXT];

		leave_check(f, &r, why, sizeof why);
		cli_printf(_("leave %lld recorded as INVALID: %s; its days count as "
		    "absence\n"), (long long)id, why);
	}
	return 0;
}

const struct verb verb_leave = {
	.name = "leave",
	.args = "STAFF --from D [--to D] --kind sick|personal\n"
	    "                --via written|phone|sms --requested-at T "
	    "[--record-invalid]",
	.help = N_("records a leave request, checked as A4/A5 say\n"
	    "  --requested-at T  when it was asked: at most 48 hours back for a\n"
	    "                    supervisor, further for a manager\n"
	    "  --record-invalid  keep an invalid request on record (its days\n"
	    "                    count as absence) instead of refusing it\n"
	    "A request of more than one working day waits for a manager's\n"
	    "callfloor leave-approve ID.\n"),
	.opts = leave_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = leave_exec,
};

static int
leave_approve_exec(struct cli *c, int argc, char **argv)
{
	struct err e = { 0 };
	int64_t id;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1)
		return cli_bad_option("leave-approve", ch, argv);
	if (optind + 1 != argc)
		return cli_usage("leave-approve", _("give one leave request id"));
	if (cli_parse_id("leave-approve", _("leave id"), argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (attendance_leave_approve(c->floor, c->store, &c->actor, id, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("leave %lld: approved by %s\n"), (long long)id, c->actor.login);
	return 0;
}

const struct verb verb_leave_approve = {
	.name = "leave-approve",
	.args = "ID",
	.help = N_("approves leave request ID, as you (managers; A5)\n"),
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = leave_approve_exec,
};

static int
leave_form_exec(struct cli *c, int argc, char **argv)
{
	struct err e = { 0 };
	int64_t id;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1)
		return cli_bad_option("leave-form", ch, argv);
	if (optind + 1 != argc)
		return cli_usage("leave-form", _("give one leave request id"));
	if (cli_parse_id("leave-form", _("leave id"), argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (attendance_leave_form(c->floor, c->store, &c->actor, id, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("leave %lld: written form received\n"), (long long)id);
	return 0;
}

const struct verb verb_leave_form = {
	.name = "leave-form",
	.args = "ID",
	.help = N_("the written form of phone request ID came in\n"),
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = leave_form_exec,
};

static const struct option attendance_opts[] = {
	{ "month", required_argument, NULL, 'M' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

static int
attendance_exec(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	const char *month = NULL, *format = NULL;
	char first[DAY_LEN], last[DAY_LEN];
	struct att_month *m;
	struct brk_totals *bt;
	int *peak;
	struct buf out = { 0 };
	struct err e = { 0 };
	bool csv;
	int ch, i, rc;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'M')
			month = optarg;
		else if (ch == 'f')
			format = optarg;
		else
			return cli_bad_option("attendance", ch, argv);
	}
	if (cli_no_more("attendance", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (cli_parse_period("attendance", c, NULL, month, NULL, NULL, first, last) != 0 ||
	    cli_parse_format("attendance", format, &csv) != 0)
		return EXIT_USAGE;
	m = xcalloc((size_t)f->nstaff + 1, sizeof *m);
	bt = xcalloc((size_t)f->nstaff + 1, sizeof *bt);
	peak = xcalloc((size_t)f->ngroups + 1, sizeof *peak);
	/* CSV is data: its flags stay in English whatever the locale. */
	if (csv)
		i18n_push("en");
	rc = attendance_month(f, c->store, first, m, &e);
	if (csv)
		i18n_pop();
	if (rc < 0 || breaks_totals(f, c->store, first, last, clock_now(), bt,
	    peak, &e) < 0) {
		free(m);
		free(bt);
		free(peak);
		return cli_fail(&e);
	}
	if (csv)
		buf_puts(&out, "staff_id,name,late,early,half_days,absences,"
		    "bonus_forfeit,flags,breaks,break_minutes,breaks_over\r\n");
	else {
		buf_printf(&out, _("%s: attendance %.7s\n\n"), f->name, first);
		text_fit(&out, _("staff"), 8, false, false);
		text_fit(&out, _("name"), 16, false, false);
		/* Each heading as wide as its column below, measured. */
		buf_puts(&out, " ");
		/* TRANSLATORS: attendance table headings, columns of 4, 5,
		 * 4, 6 and 6: counts of late arrivals, early leaves, half
		 * days, days of absence, the attendance bonus. */
		text_fit(&out, _("late"), 4, true, false);
		buf_puts(&out, " ");
		text_fit(&out, _("early"), 5, true, false);
		buf_puts(&out, " ");
		text_fit(&out, _("half"), 4, true, false);
		buf_puts(&out, " ");
		text_fit(&out, _("absent"), 6, true, false);
		buf_puts(&out, " ");
		text_fit(&out, _("bonus"), 6, false, false);
		buf_puts(&out, " ");
		/* TRANSLATORS: breaks taken, minutes away, breaks over the
		 * limit: columns of 6, 3 and 4. */
		text_fit(&out, _("breaks"), 6, true, false);
		buf_puts(&out, " ");
		text_fit(&out, _("min"), 3, true, false);
		buf_puts(&out, " ");
		text_fit(&out, _("over"), 4, true, false);
		buf_printf(&out, "  %s\n", _("flags"));
	}
	for (i = 0; i < f->nstaff; i++) {
		const struct att_month *a = &m[i];
		char abs[16];

		snprintf(abs, sizeof abs, "%d%s", a->absence_halfdays / 2,
		    a->absence_halfdays % 2 ? ".5" : "");
		if (csv) {
			cli_csv_field(&out, f->staff[i].id);
			buf_puts(&out, ",");
			cli_csv_field(&out, f->staff[i].name);
			buf_printf(&out, ",%d,%d,%d,%s,%s,", a->late, a->early,
			    a->half_days, abs, a->bonus_forfeit ? "yes" : "no");
			cli_csv_field(&out, a->flags);
			buf_printf(&out, ",%d,%d,%d\r\n", bt[i].breaks, bt[i].minutes,
			    bt[i].over);
			continue;
		}
		text_fit(&out, f->staff[i].id, 8, false, false);
		text_fit(&out, f->staff[i].name, 16, false, false);
		buf_printf(&out, " %4d %5d %4d %6s ", a->late, a->early,
		    a->half_days, abs);
		/* TRANSLATORS: the attendance bonus is lost this month. */
		text_fit(&out, a->bonus_forfeit ? _("lost") : "-", 6, false,
		    false);
		buf_printf(&out, " %6d %3d %4d  %s\n", bt[i].breaks, bt[i].minutes,
		    bt[i].over, a->flags);
	}
	cli_print(&out);
	buf_free(&out);
	free(m);
	free(bt);
	free(peak);
	return 0;
}

const struct verb verb_attendance = {
	.name = "attendance",
	.args = "[--month YYYY-MM] [--format text|csv]",
	.help = N_("late, early, half days, absences, flags and breaks\n"
	    "Breaks: how many, the minutes away, how many over the limit.\n"),
	.opts = attendance_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = attendance_exec,
};
