/*
 * report_pdf.h - the end-of-day summary as a PDF (Cairo's PDF surface,
 * Pango for the text, fonts found by fontconfig and embedded as subsets),
 * and which of PDF or text `report --print` sends.  No curses, no SQL.
 */
#ifndef CALLFLOOR_REPORT_PDF_H
#define CALLFLOOR_REPORT_PDF_H

#include "floor.h"
#include "util.h"

struct store;
struct err;
struct report_bar;

/*
 * Appends the PDF of shift day `day` ("YYYY-MM-DD") to out, on the
 * floor's paper (floor.paper).  The day is read here, with whatever
 * rights the caller holds; the rendering runs in a child process that
 * gave up the set-group id for good first (priv_child), since fontconfig
 * reads the user's environment and writes a cache in the user's home.
 * 0, or -1 with e set (EXIT_RUNTIME when rendering fails).
 */
int report_pdf(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct buf *out, struct err *e);

/*
 * Appends the PDF of the fines ledger from..to (`fines --format pdf`):
 * per group and person, with the groups' fines day by day as lines.  As
 * report_pdf: rendered in a child without the group.
 */
int report_ledger_pdf(const struct floor *f, struct store *s, const char *from,
    const char *to, struct buf *out, struct err *e);

/*
 * What `report --print` sends on this floor: floor.print_format when set,
 * else PDF when the print command is lp or lpr (or unset: lp), else text.
 * *why (may be NULL) says which rule decided, for check-config.
 */
enum print_format report_print_format(const struct floor *f, const char **why);

/*
 * Prints the summary of shift day `day` as the floor prints it: the PDF
 * or the paginated text by report_print_format, through report_print_data
 * (printer as there).  The console's print key.  0, or -1 with e set.
 */
int report_print_day(const struct floor *f, struct store *s, const char *day,
    const char *by_login, const char *printer, struct err *e);

/*
 * The lengths of a group's bar in the picture, its three parts in order
 * (own fines, co-penalties, group fines): where `max` fen is `full` points
 * long.  All zero when max is not positive.
 */
void report_bar_lengths(const struct report_bar *b, fen_t max, double full,
    double out[3]);

#endif
