/*
 * report_doc.h - the end-of-day summary as a document: its lines, laid
 * out in 80 columns, each marked with what a page break must respect, and
 * the day's fines per group for the PDF's picture.  report.c builds it
 * (from the store, through the engine's stored fine rows: nothing here is
 * priced); report.c cuts it into text pages, report_pdf.c into PDF pages.
 * Shared by those two files only.
 */
#ifndef CALLFLOOR_REPORT_DOC_H
#define CALLFLOOR_REPORT_DOC_H

#include "util.h"

struct floor;
struct store;
struct err;

#define REPORT_WIDTH 80		/* columns of a line */

enum {
	KEEP = 1,	/* no page break between this line and the next */
	HEAD = 2,	/* a heading itself: nothing to repeat above it */
	SECTION = 4,	/* a section's title */
	TABLE = 8,	/* a table's column headers */
	TOTAL = 16	/* a table's total row */
};

struct rline {
	char *s;
	int ctx;	/* the heading to repeat above it on a new page, -1 */
	int flags;
};

struct rctx {
	char *title;	/* "GROUP A  ... (continued)" */
	char *cols;	/* the table's column headers, or NULL */
};

/* One group's fines of the day, as the group's total row adds them. */
struct report_bar {
	const char *id, *name;	/* the floor's */
	fen_t own;		/* its people's own fines */
	fen_t co;		/* co-penalties that fell on them */
	fen_t grp;		/* their shares of group fines */
};

/* One group's fines day by day (the month ledger's picture). */
struct report_series {
	const char *id, *name;	/* the floor's */
	fen_t *day;		/* doc.ndays amounts, own and co together */
	fen_t total;
};

struct doc {
	struct rline *l;
	int n, cap;
	struct rctx *c;
	int nc;
	int cur;	/* context of the lines being added */
	struct buf lb;	/* the line being built */
	char *title, *subtitle;		/* every page's header */
	struct report_bar *bars;	/* one a group, the floor's order */
	int nbars;
	long long now;			/* when it was generated */
	struct report_series *series;	/* the groups drawn, most fined first */
	int nseries, nseries_all;	/* drawn, and groups with any fine */
	int ndays;
	char from[11];			/* the first day of the series */
};

/*
 * Builds the summary of shift day `day` ("YYYY-MM-DD") into doc (zeroed
 * by the caller).  0, or -1 with e set; report_doc_free either way.
 */
int report_doc_build(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct doc *doc, struct err *e);
void report_doc_free(struct doc *d);

/*
 * The fines ledger of from..to (inclusive days) as a document: per group,
 * its people's own and co fines and the group's total, the floor's total,
 * and (for at most REPORT_SERIES_DAYS days) each group's fines day by day.
 * Sums of the ledger (ledger.h); prices nothing.  0, or -1 with e set.
 */
#define REPORT_SERIES_DAYS 62
#define REPORT_SERIES_MAX 8	/* lines in one picture */
int report_ledger_doc(const struct floor *f, struct store *s, const char *from,
    const char *to, struct doc *doc, struct err *e);

/* Lines, sections, tables and wrapped notes for the sections built
 * outside report.c, laid out as report.c lays out its own. */
void report_doc_line(struct doc *d, int flags, const char *s);
void report_doc_section(struct doc *d, const char *title, const char *cont);
void report_doc_table(struct doc *d, const char *cols);
void report_doc_note(struct doc *d, int indent, const char *label,
    const char *text, int last_flags);

/*
 * Rule B14's register in the summary (report_register.c): the entries
 * recorded on day and every earlier one not closed by the shift's end
 * (time end), read inside the report's snapshot; then a section per group that has any, each caller named,
 * phones as `viewer` may see them (complaint_phone_show).
 */
struct complaint;
int report_register_load(struct store *s, const char *day, long long end,
    struct complaint **out, int *n, struct err *e);
void report_register_section(struct doc *doc, const struct floor *f,
    const char *day, const struct complaint *k, int n, int viewer);

#endif
