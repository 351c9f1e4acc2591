/*
 * cfgman.c - writes callfloor.cfg(5) to standard output, made from the
 * configuration's key table (src/config_man.c).  Run by the Makefile.
 */
#include <stdio.h>

#include "../src/floor.h"

int
main(void)
{
	struct buf b = { 0 };

	config_manual(&b);
	fputs(b.s, stdout);
	buf_free(&b);
	return fflush(stdout) == 0 ? 0 : 1;
}
