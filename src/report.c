/* report.c - TEMPORARY placeholder while the report is being written. */
#include "report.h"
#include <stdio.h>
#include "cli.h"
#include "util.h"
int report_text(const struct floor *f, struct store *s, const char *day, const char *by_login, struct buf *out, struct err *e) { (void)f; (void)s; (void)day; (void)by_login; (void)out; return err_set(e, EXIT_RUNTIME, "report: not built yet"); }
int report_print(const struct floor *f, const char *text, const char *printer, struct err *e) { (void)f; (void)text; (void)printer; return err_set(e, EXIT_RUNTIME, "report: printing not built yet"); }
int cli_report(struct cli *c, int argc, char **argv) { (void)c; (void)argc; (void)argv; fprintf(stderr, "callfloor: report: not built yet\n"); return 1; }
int cli_journal(struct cli *c, int argc, char **argv) { (void)c; (void)argc; (void)argv; fprintf(stderr, "callfloor: journal: not built yet\n"); return 1; }
