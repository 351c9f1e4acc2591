/*
 * report_sections.h - the sections of the end-of-day summary, each built
 * into the document (report_doc.h) from the day (report_day.h) or from
 * lines another module wrote.  report.c reads the store and calls them in
 * the order the summary prints them.  Nothing here is priced: every
 * amount is a stored fine row.  Shared by report*.c only.
 */
#ifndef CALLFLOOR_REPORT_SECTIONS_H
#define CALLFLOOR_REPORT_SECTIONS_H

#include "report_day.h"
#include "report_doc.h"

/* Column widths shared by the tables (each includes the gap after it). */
enum { C_ID = 7, C_NAME = 13, C_INC = 28, C_TIME = 12, C_NO = 6, C_SEAT = 6,
	C_RULE = 17 };
/* Where a note under an incident's row starts: under its staff column. */
#define C_NOTE (2 + C_TIME + C_NO)

/* ---- report_people.c: the money, per floor, group and person ---- */

/* FLOOR TOTALS and INCIDENTS BY RULE. */
void report_floor_totals(struct doc *doc, const struct report_day *d);
/* A group's section: its heads, desks, group fines, vacant roles, its
 * people's rows and its total. */
void report_group_section(struct doc *doc, const struct report_day *d,
    int g);
/* The people fined who are no longer on the staff list; nothing if none. */
void report_former_section(struct doc *doc, const struct report_day *d);
/* The PDF picture's numbers (doc->bars): each group's total row, split. */
void report_group_bars(struct doc *doc, const struct report_day *d);

/* ---- report_sections.c: the lists ---- */

struct att_day;
struct att_month;

void report_custody_section(struct doc *doc, const struct report_day *d);
/* Left out on a floor that keeps no attendance. */
void report_attendance_section(struct doc *doc, const struct floor *f,
    const struct att_day *a, const struct att_month *m);
/* A section made of lines another file wrote (report_breaks.c,
 * report_appeals.c), one a "\n"; nothing when there are none.  Frees
 * lines. */
void report_lines_section(struct doc *doc, const char *title,
    const char *cont, struct buf *lines);
void report_journal_section(struct doc *doc, const struct report_day *d);
void report_flags_section(struct doc *doc, const struct report_day *d);
void report_voids_section(struct doc *doc, const struct report_day *d);
void report_praise_section(struct doc *doc, const struct report_day *d);

/* ---- report_register.c: rule B14's register ---- */

/*
 * The entries recorded on day and every earlier one not closed by the
 * shift's end (time end), read inside the report's snapshot; then a
 * section per group that has any, each caller named, phones as `viewer`
 * may see them (complaint_phone_show).
 */
struct complaint;
int report_register_load(struct store *s, const char *day, long long end,
    struct complaint **out, int *n, struct err *e);
void report_register_section(struct doc *doc, const struct floor *f,
    const char *day, const struct complaint *k, int n, int viewer);

#endif
