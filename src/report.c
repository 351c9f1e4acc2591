/* report.c - TEMPORARY placeholder while the report is being written. */
#include "report.h"
#include <stdio.h>
#include "cli.h"
int cli_report(struct cli *c, int argc, char **argv) { (void)c; (void)argc; (void)argv; fprintf(stderr, "callfloor: report: not built yet\n"); return 1; }
int cli_journal(struct cli *c, int argc, char **argv) { (void)c; (void)argc; (void)argv; fprintf(stderr, "callfloor: journal: not built yet\n"); return 1; }
