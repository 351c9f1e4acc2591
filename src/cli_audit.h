/*
 * cli_audit.h - the record-keeping verbs: `callfloor audit` lists the
 * audit trail, `callfloor backup FILE` copies a live database.
 */
#ifndef CALLFLOOR_CLI_AUDIT_H
#define CALLFLOOR_CLI_AUDIT_H

#include "cli.h"

int cli_audit(struct cli *c, int argc, char **argv);
int cli_backup(struct cli *c, int argc, char **argv);

#endif
