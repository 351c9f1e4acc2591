/*
 * cli_audit.c - `callfloor audit [--from D --to D] [--format text|csv]`
 * and `callfloor backup FILE`.  Both read the whole record, so both are
 * for managers and leads.  The audit trail is only ever read here; it is
 * written by the engine inside each write (trail.c).
 */
#include "cli_audit.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../db/audit.h"
#include "clock.h"
#include "priv.h"
#include "text.h"

static int
refuse_unless_reader(const struct cli *c, const char *verb)
{
	if (c->actor.role == UROLE_MANAGER || c->actor.role == UROLE_LEAD)
		return 0;
	fprintf(stderr, "callfloor: %s: %s is a %s: only managers and leads "
	    "read the whole record\n", verb, c->actor.login,
	    urole_name(c->actor.role));
	return EXIT_REFUSED;
}

static int
usage(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
usage(const char *verb, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "callfloor: %s: ", verb);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see callfloor --help)\n");
	return EXIT_USAGE;
}

/* -c/-d after the verb, as every verb takes them. */
static const struct option audit_opts[] = {
	{ "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },
	{ "format", required_argument, NULL, 'f' },
	{ "config", required_argument, NULL, 'c' },
	{ "db", required_argument, NULL, 'd' },
	{ NULL, 0, NULL, 0 }
};

static void
csv_cell(struct buf *b, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n") == NULL)
		buf_puts(b, s);
	else {
		buf_puts(b, "\"");
		for (; *s; s++) {
			if (*s == '"')
				buf_puts(b, "\"");
			buf_add(b, s, 1);
		}
		buf_puts(b, "\"");
	}
	buf_puts(b, last ? "\r\n" : ",");
}

static void
audit_csv(const struct audit_row *r, int n, struct buf *out)
{
	int i;

	buf_puts(out, "at,login,uid,terminal,ssh,action,object,detail\r\n");
	for (i = 0; i < n; i++) {
		char when[32], uid[24];
		struct tm tm;
		time_t t = (time_t)r[i].at;

		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		snprintf(uid, sizeof uid, "%lld", r[i].uid);
		csv_cell(out, when, false);
		csv_cell(out, r[i].login, false);
		csv_cell(out, uid, false);
		csv_cell(out, r[i].terminal, false);
		csv_cell(out, r[i].ssh, false);
		csv_cell(out, r[i].action, false);
		csv_cell(out, r[i].object, false);
		csv_cell(out, r[i].detail, true);
	}
}

static void
audit_text(const struct audit_row *r, int n, struct buf *out)
{
	bool ascii = !text_locale_utf8();
	int i;

	if (n == 0) {
		buf_puts(out, "no audit lines\n");
		return;
	}
	text_fit(out, "when", 20, false, ascii);
	text_fit(out, "login", 10, false, ascii);
	text_fit(out, "uid", 7, false, ascii);
	text_fit(out, "terminal", 12, false, ascii);
	text_fit(out, "from", 16, false, ascii);
	text_fit(out, "action", 16, false, ascii);
	text_fit(out, "object", 22, false, ascii);
	buf_puts(out, "detail\n");
	for (i = 0; i < n; i++) {
		char when[32], uid[24];
		struct tm tm;
		time_t t = (time_t)r[i].at;

		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		snprintf(uid, sizeof uid, "%lld", r[i].uid);
		text_fit(out, when, 20, false, ascii);
		text_fit(out, r[i].login, 10, false, ascii);
		text_fit(out, uid, 7, false, ascii);
		text_fit(out, r[i].terminal, 12, false, ascii);
		text_fit(out, r[i].ssh, 16, false, ascii);
		text_fit(out, r[i].action, 16, false, ascii);
		text_fit(out, r[i].object, 22, false, ascii);
		buf_printf(out, "%s\n", r[i].detail);
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

int
cli_audit(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *format = NULL;
	char f[DAY_LEN], t[DAY_LEN], next[DAY_LEN];
	int64_t lo = INT64_MIN, hi = INT64_MAX;
	struct audit_row *rows;
	struct buf out = { 0 };
	struct err e = { 0 };
	bool csv = false;
	int ch, n, rc;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:d:", audit_opts, NULL)) != -1) {
		switch (ch) {
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'f': format = optarg; break;
		case 'c': c->config_path = optarg; break;
		case 'd': c->db_arg = optarg; break;
		case ':': return usage("audit", "%s needs a value", argv[optind - 1]);
		default: return usage("audit", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage("audit", "unexpected argument '%s'", argv[optind]);
	if (format != NULL && strcmp(format, "csv") == 0)
		csv = true;
	else if (format != NULL && strcmp(format, "text") != 0)
		return usage("audit", "--format '%s' is not text or csv", format);
	if ((from == NULL) != (to == NULL))
		return usage("audit", "%s", "--from and --to go together");
	if (from != NULL) {
		time_t a, b;

		if (clock_parse_day(from, f) < 0)
			return usage("audit", "--from '%s' is not a date YYYY-MM-DD",
			    from);
		if (clock_parse_day(to, t) < 0)
			return usage("audit", "--to '%s' is not a date YYYY-MM-DD", to);
		if (strcmp(f, t) > 0)
			return usage("audit", "--from %s is after --to", from);
		clock_add_days(t, 1, next);
		if (day_start(f, &a) < 0 || day_start(next, &b) < 0)
			return usage("audit", "cannot place %s in floor time", from);
		lo = a;
		hi = (int64_t)b - 1;
	}
	if ((rc = refuse_unless_reader(c, "audit")) != 0)
		return rc;
	if (cli_open_store(c, STORE_NOCREATE, &e) < 0 ||
	    store_audit_list(c->store, lo, hi, &rows, &n, &e) < 0) {
		fprintf(stderr, "callfloor: %s\n", e.msg);
		return e.code ? e.code : EXIT_RUNTIME;
	}
	if (csv)
		audit_csv(rows, n, &out);
	else
		audit_text(rows, n, &out);
	if (out.len > 0)
		fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	audit_rows_free(rows, n);
	return 0;
}

int
cli_backup(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct err e = { 0 };
	struct store *copy;
	const char *file;
	int ch, fd, rc;

	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:d:", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': c->config_path = optarg; break;
		case 'd': c->db_arg = optarg; break;
		case ':': return usage("backup", "%s needs a value", argv[optind - 1]);
		default: return usage("backup", "unknown option '%s'",
		    argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return usage("backup", "%s", "give one file to write the copy to");
	file = argv[optind];
	if ((rc = refuse_unless_reader(c, "backup")) != 0)
		return rc;
	if (cli_open_store(c, STORE_NOCREATE, &e) < 0)
		goto fail;
	/* The copy is the user's file: created with the user's own rights,
	 * never over an existing one, never through a symbolic link. */
	priv_suspend();
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	priv_resume();
	if (fd < 0) {
		if (errno == EEXIST)
			err_set(&e, EXIT_USAGE, "backup: %s already exists; callfloor "
			    "does not overwrite it", file);
		else
			err_set(&e, EXIT_RUNTIME, "backup: cannot create %s: %s", file,
			    strerror(errno));
		goto fail;
	}
	if (store_backup_fd(c->store, fd, &e) < 0) {
		close(fd);
		unlink(file);
		goto fail;
	}
	close(fd);
	/* Proves the copy opens as a callfloor database of this schema. */
	priv_suspend();
	rc = store_open(file, STORE_READONLY | STORE_NOCREATE, &copy, &e);
	priv_resume();
	if (rc < 0) {
		unlink(file);
		goto fail;
	}
	store_close(copy);
	printf("copied %s to %s\n", c->db_path, file);
	return 0;
fail:
	fprintf(stderr, "callfloor: %s\n", e.msg);
	return e.code ? e.code : EXIT_RUNTIME;
}
