/*
 * report.h - the end-of-day summary (text: report.c; CSV: report_csv.c)
 * and its printing (report_print.c); the verbs are cli_report.c's and
 * journal.c's.  The report reads fines as the engine stored them; it
 * never prices anything.  No curses, no SQL.
 */
#ifndef CALLFLOOR_REPORT_H
#define CALLFLOOR_REPORT_H

#include <stddef.h>

struct floor;
struct store;
struct buf;
struct err;

/*
 * Appends the printable summary of shift day `day` ("YYYY-MM-DD") to out:
 * pages of 60 lines separated by form feeds, each with its page header.
 * by_login names who generated it (the end line).  0, or -1 with e set.
 */
int report_text(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct buf *out, struct err *e);

/*
 * Sends text to the floor's print_command (default "lp -t 'callfloor'"),
 * with "-d PRINTER" appended when printer is not NULL.  0, or -1 with e set
 * (exit code EXIT_RUNTIME) when the command cannot run or fails.
 */
int report_print(const struct floor *f, const char *text, const char *printer,
    struct err *e);
/* report_print of n bytes that may hold NULs (a PDF). */
int report_print_data(const struct floor *f, const char *text, size_t n,
    const char *printer, struct err *e);

/* ---- shared by the report's files and its verbs ---- */

#define REPORT_PAGE_LINES 60	/* report_text's page length */
#define REPORT_PAGE_MIN 20	/* the shortest page --page-lines takes */

/* report_text with a page length other than REPORT_PAGE_LINES. */
int report_text_paged(const struct floor *f, struct store *s, const char *day,
    const char *by_login, int page_lines, struct buf *out, struct err *e);

/* The day's fine lines as CSV (columns: see report_csv.c). */
int report_csv(const struct floor *f, struct store *s, const char *day,
    struct buf *out, struct err *e);

#endif
