/*
 * report_doc.h - the end-of-day summary (and the month's ledger) as a
 * document: its lines, laid out in REPORT_WIDTH columns, each marked with
 * what a page break must respect, and the day's fines per group for the
 * PDF's picture.  report_doc.c keeps the lines and cuts them into text
 * pages (it knows nothing of the store); the sections (report_sections.c,
 * report_people.c, report_register.c) and report_ledger.c put lines in;
 * report_pdf.c typesets them.  Nothing here is priced.
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

void report_doc_free(struct doc *d);

/* ---- putting lines in (report_doc.c) ---- */

/* Ends the line being built in d->lb (trailing blanks cut) and adds it. */
void report_doc_emit(struct doc *d, int flags);
/* A whole line: s (or the format) after what d->lb holds. */
void report_doc_line(struct doc *d, int flags, const char *s);
void report_doc_linef(struct doc *d, int flags, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Binds the last line added to the next one (a total to its rows). */
void report_doc_keep_prev(struct doc *d);
/* A section: a gap, its title; a page break inside it repeats `cont`. */
void report_doc_section(struct doc *d, const char *title, const char *cont);
/* The column headers being built in d->lb start a table; a page break
 * inside it repeats the section's title and these headers. */
void report_doc_table(struct doc *d);
/* A note (or a reason) under a row: label and the cleaned text, wrapped
 * to the line, each line indented by `indent`; the last one gets
 * last_flags, the others KEEP. */
void report_doc_note(struct doc *d, int indent, const char *label,
    const char *text, int last_flags);

/*
 * Cuts d into pages of page_lines lines (the header included) and appends
 * them to out, a form feed before every page but the first.  A run of
 * KEEP lines moves whole to the next page when it fits there; a page that
 * starts inside a section repeats the section's title and column headers.
 */
void report_doc_paginate(const struct doc *d, int page_lines, struct buf *out);

/* ---- the builders ---- */

/*
 * Builds the summary of shift day `day` ("YYYY-MM-DD") into doc (zeroed
 * by the caller), in report.c.  0, or -1 with e set; report_doc_free
 * either way.
 */
int report_doc_build(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct doc *doc, struct err *e);

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

#endif
