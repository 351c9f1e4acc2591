/*
 * cli_audit.c - `callfloor audit [--from D --to D] [--format text|csv]`
 * and `callfloor backup FILE`.  Both read the whole record, so both are
 * for managers and leads.  The audit trail is only ever read here; it is
 * written by the engine inside each write (trail.c).
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../db/audit.h"
#include "clock.h"
#include "progress.h"
#include "text.h"

static int
refuse_unless_reader(const struct cli *c, const char *verb)
{
	if (c->actor.role == UROLE_MANAGER || c->actor.role == UROLE_LEAD)
		return 0;
	cli_eprintf(_("callfloor: %s: %s is a %s: only managers and leads "
	    "read the whole record\n"), verb, c->actor.login,
	    urole_name(c->actor.role));
	return EXIT_REFUSED;
}

/* When r happened, floor-local, and its uid, as printed in both formats. */
static void
row_stamps(const struct audit_row *r, char when[32], char uid[24])
{
	struct tm tm;
	time_t t = (time_t)r->at;

	localtime_r(&t, &tm);
	strftime(when, 32, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(uid, 24, "%lld", r->uid);
}

static void
audit_csv(const struct audit_row *r, int n, struct buf *out)
{
	int i;

	buf_puts(out, "at,login,uid,terminal,ssh,action,object,detail\r\n");
	for (i = 0; i < n; i++) {
		char when[32], uid[24];
		const char *row[] = { when, r[i].login, uid, r[i].terminal,
		    r[i].ssh, r[i].action, r[i].object, r[i].detail };

		row_stamps(&r[i], when, uid);
		cli_csv_row(out, row, (int)(sizeof row / sizeof row[0]));
	}
}

static void
audit_text(const struct audit_row *r, int n, struct buf *out)
{
	bool ascii = !text_locale_utf8();
	int i;

	if (n == 0) {
		buf_printf(out, "%s\n", _("no audit lines"));
		return;
	}
	text_fit(out, _("when"), 20, false, ascii);
	text_fit(out, _("login"), 10, false, ascii);
	text_fit(out, _("uid"), 7, false, ascii);
	text_fit(out, _("terminal"), 12, false, ascii);
	text_fit(out, _("from"), 16, false, ascii);
	text_fit(out, _("action"), 16, false, ascii);
	text_fit(out, _("object"), 22, false, ascii);
	buf_printf(out, "%s\n", _("detail"));
	for (i = 0; i < n; i++) {
		char when[32], uid[24];

		row_stamps(&r[i], when, uid);
		text_fit(out, when, 20, false, ascii);
		text_fit(out, r[i].login, 10, false, ascii);
		text_fit(out, uid, 7, false, ascii);
		text_fit(out, r[i].terminal, 12, false, ascii);
		text_fit(out, r[i].ssh, 16, false, ascii);
		text_fit(out, r[i].action, 16, false, ascii);
		text_fit(out, r[i].object, 22, false, ascii);
		text_clean(out, r[i].detail, strlen(r[i].detail), false);
		buf_puts(out, "\n");
	}
}

/* The first second of day d, floor time. */
static int
day_start(const char *d, time_t *out)
{
	char s[32];

	snprintf(s, sizeof s, "%s 00:00", d);
	return clock_parse_local(s, out);
}

static const struct option audit_opts[] = {
	{ "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

static int
audit_exec(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *format = NULL;
	char f[DAY_LEN], t[DAY_LEN], next[DAY_LEN];
	int64_t lo = INT64_MIN, hi = INT64_MAX;
	struct audit_row *rows;
	struct buf out = { 0 };
	struct err e = { 0 };
	bool csv = false;
	int ch, n, rc;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'f': format = optarg; break;
		default: return cli_bad_option("audit", ch, argv);
		}
	}
	if (cli_no_more("audit", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (cli_parse_format("audit", format, &csv) != 0)
		return EXIT_USAGE;
	/* No period: the whole trail. */
	if (from != NULL || to != NULL) {
		time_t a, b;

		if (cli_parse_period("audit", c, NULL, NULL, from, to, f, t) != 0)
			return EXIT_USAGE;
		clock_add_days(t, 1, next);
		if (day_start(f, &a) < 0 || day_start(next, &b) < 0)
			return cli_usage("audit", _("cannot place %s in floor time"),
			    from);
		lo = a;
		hi = (int64_t)b - 1;
	}
	if ((rc = refuse_unless_reader(c, "audit")) != 0)
		return rc;
	if (store_audit_list(c->store, lo, hi, &rows, &n, &e) < 0)
		return cli_fail(&e);
	if (csv)
		audit_csv(rows, n, &out);
	else
		audit_text(rows, n, &out);
	if (out.len > 0)
		cli_print(&out);
	buf_free(&out);
	audit_rows_free(rows, n);
	return 0;
}

static int
backup_exec(struct cli *c, int argc, char **argv)
{
	struct progress prog = { 0 };
	struct err e = { 0 };
	struct store *copy;
	const char *file;
	int ch, fd, rc;

	while (cli_getopt(c, argc, argv, &ch) != -1)
		return cli_bad_option("backup", ch, argv);
	if (optind + 1 != argc)
		return cli_usage("backup", _("give one file to write the copy to"));
	file = argv[optind];
	if ((rc = refuse_unless_reader(c, "backup")) != 0)
		return rc;
	/* The copy is the user's file (the group is long gone, cli_main.c):
	 * never over an existing one, never through a symbolic link. */
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			err_set(&e, EXIT_USAGE, _("backup: %s already exists; callfloor "
			    "does not overwrite it"), file);
		else
			err_set(&e, EXIT_RUNTIME, _("backup: cannot create %s: %s"), file,
			    strerror(errno));
		goto fail;
	}
	if (store_backup_fd(c->store, fd, progress_hook, &prog, &e) < 0) {
		close(fd);
		unlink(file);
		goto fail;
	}
	close(fd);
	/* Proves the copy opens as a callfloor database of this schema. */
	rc = store_open(file, STORE_READONLY | STORE_NOCREATE, &copy, &e);
	if (rc < 0) {
		unlink(file);
		goto fail;
	}
	store_close(copy);
	cli_printf(_("copied %s to %s\n"), c->db_path, file);
	return 0;
fail:
	return cli_fail(&e);
}

const struct verb verb_audit = {
	.name = "audit",
	.args = "[--from D --to D] [--format text|csv]",
	.help = N_("the audit trail of every write (managers, leads)\n"
	    "Who (login, uid, terminal, SSH address) wrote what, when.\n"),
	.opts = audit_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = audit_exec,
};

const struct verb verb_backup = {
	.name = "backup",
	.args = "FILE",
	.help = N_("a consistent copy of the live database\n"
	    "For managers and leads; never overwrites FILE.\n"),
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = backup_exec,
};
