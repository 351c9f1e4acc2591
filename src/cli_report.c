/*
 * cli_report.c - `callfloor report`: the end-of-day summary to standard
 * output, a file (-o) or the printer.  The summary itself is report.c's;
 * this file only reads the command line and delivers the result.  Like
 * every verb it runs after cli_setup gave up the callfloor group, so -o
 * and the printer see the user's own rights alone.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "report_pdf.h"
#include "text.h"

#define REPORT_HELP N_( \
"the end-of-day summary\n" \
"Of shift day D (default: today's shift day).\n" \
"\n" \
"  --format csv      one row per fine line instead of the printable text\n" \
"  --format pdf      the summary as a PDF (floor.paper: a4 or letter)\n" \
"  --floor ID        another floor of the same PostgreSQL database (managers)\n" \
"  -o, --output FILE write it to FILE (whole or not at all)\n" \
"  --print           send it to floor.print_command (default lp): as PDF\n" \
"                    or text by floor.print_format (check-config says)\n" \
"  --printer NAME    ... on printer NAME (lp -d NAME)\n" \
"  --page-lines N    lines per printed page (default 60, at least 20)\n")

int
cli_write_atomic(const char *path, const char *data, size_t n, struct err *e)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	mode_t mask;
	int fd;

	if ((fd = mkstemp(tmp)) < 0) {
		err_set(e, EXIT_RUNTIME, _("cannot write %s: %s"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, data, n) < 0 ||
	    fsync(fd) < 0) {
		err_set(e, EXIT_RUNTIME, _("cannot write %s: %s"), path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		err_set(e, EXIT_RUNTIME, _("cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

static const struct option report_opts[] = {
	{ "day", required_argument, NULL, 'D' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "print", no_argument, NULL, 'p' },
	{ "printer", required_argument, NULL, 'P' },
	{ "page-lines", required_argument, NULL, 'L' },
	{ "floor", required_argument, NULL, 'R' },
	{ NULL, 0, NULL, 0 }
};

static int
report_exec(struct cli *c, int argc, char **argv)
{
	const char *day = NULL, *format = NULL, *output = NULL, *printer = NULL;
	const char *lines = NULL, *other = NULL;
	char d[DAY_LEN];
	struct buf out = { 0 }, doc = { 0 };
	struct err e = { 0 };
	bool csv = false, print = false, pdf = false;
	int ch, page = REPORT_PAGE_LINES, rc;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'D': day = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'p': print = true; break;
		case 'P': printer = optarg; break;
		case 'L': lines = optarg; break;
		case 'R': other = optarg; break;
		default: return cli_bad_option("report", ch, argv);
		}
	}
	if (cli_no_more("report", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (day != NULL && clock_parse_day(day, d) < 0)
		return cli_usage("report", _("--day '%s' is not a date YYYY-MM-DD in %s"), day, CLOCK_YEARS);
	if (day == NULL)
		clock_shift_day(c->floor, clock_now(), d);
	/* Another floor is named as it stood that day. */
	if (other != NULL && (ch = cli_other_floor(c, "report", other, d)) != 0)
		return ch;
	if (format != NULL && strcmp(format, "pdf") == 0)
		pdf = true;
	else if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "csv") != 0)
		return cli_usage("report", _("--format '%s' is not text, csv or pdf"),
		    format);
	else if (cli_parse_format("report", format, &csv) != 0)
		return EXIT_USAGE;
	/* --print without --format sends what the floor prints. */
	if (print && format == NULL)
		pdf = report_print_format(c->floor, NULL) == PRINT_PDF;
	if (lines != NULL) {
		char *end;
		long v;

		errno = 0;
		v = strtol(lines, &end, 10);
		if (errno != 0 || end == lines || *end != '\0' ||
		    v < REPORT_PAGE_MIN || v > 10000)
			return cli_usage("report", _("--page-lines '%s' is not a number "
			    "from %d to 10000"), lines, REPORT_PAGE_MIN);
		page = (int)v;
	}
	if (printer != NULL && !print)
		return cli_usage("report", _("--printer NAME goes with --print"));
	if (print && csv)
		return cli_usage("report", _("--print prints the text report, not CSV"));
	if (output != NULL && output[0] == '\0')
		return cli_usage("report", _("-o needs a file name"));
	if (pdf && lines != NULL)
		return cli_usage("report", _("--page-lines is for the text report; "
		    "a PDF page holds what its paper holds"));
	if (pdf && output == NULL && !print && isatty(STDOUT_FILENO))
		return cli_usage("report", _("a PDF is not for the terminal: write "
		    "it with -o FILE, or pipe it"));
	rc = pdf ? report_pdf(c->floor, c->store, d, c->actor.login, &out, &e) :
	    csv ? report_csv(c->floor, c->store, d, &out, &e) :
	    report_text_paged(c->floor, c->store, d, c->actor.login, page, &out,
	    &e);
	if (rc < 0) {
		buf_free(&out);
		return cli_fail(&e);
	}
	/* Text for a file, a terminal or a printer is sanitised once; a PDF
	 * is bytes (its text is drawn, never sent to a terminal). */
	if (pdf)
		doc = out;
	else {
		text_clean(&doc, out.s ? out.s : "", out.len, true);
		buf_free(&out);
	}
	if (output != NULL && cli_write_atomic(output, doc.s, doc.len, &e) < 0) {
		buf_free(&doc);
		return cli_fail(&e);
	}
	if (print) {
		if (report_print_data(c->floor, doc.s, doc.len, printer, &e) < 0) {
			buf_free(&doc);
			return cli_fail(&e);
		}
		cli_printf(_("report for %s sent to %s%s\n"), d, printer ? printer :
		    "the printer", pdf ? " as PDF" : "");
	} else if (output == NULL)
		fwrite(doc.s, 1, doc.len, stdout);
	buf_free(&doc);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_eprintf(_("callfloor: report: writing to standard output: "
		    "%s\n"), strerror(errno));
		return EXIT_RUNTIME;
	}
	return 0;
}

const struct verb verb_report = {
	.name = "report",
	.args = "[--day D] [--format text|csv|pdf] [-o FILE]\n"
	    "                [--print [--printer NAME]] [--page-lines N] [--floor ID]",
	.help = REPORT_HELP,
	.shortopts = "o:",
	.opts = report_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = report_exec,
};
