/* console.c - TEMPORARY placeholder while the console is being written. */
#include "console.h"
#include <stdio.h>
int console_run(const struct floor *f, struct store *s, const struct actor *a) { (void)f; (void)s; (void)a; fprintf(stderr, "callfloor: console not built yet; use callfloor map\n"); return 1; }
