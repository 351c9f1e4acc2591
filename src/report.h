/*
 * report.h - the end-of-day summary and the work journal (CLI verbs).
 */
#ifndef CALLFLOOR_REPORT_H
#define CALLFLOOR_REPORT_H

struct cli;

int cli_report(struct cli *c, int argc, char **argv);
int cli_journal(struct cli *c, int argc, char **argv);

#endif
