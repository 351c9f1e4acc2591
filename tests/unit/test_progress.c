/*
 * test_progress.c - the progress line's words: done/total, the rate and
 * the time left; and that nothing is drawn when stderr is no terminal.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../src/progress.h"

Test(progress, the_line_says_done_total_rate_and_time_left)
{
	char line[160];

	progress_format("import", 250, 1000, 5.0, line, sizeof line);
	cr_assert_str_eq(line, "import: 250/1000 (50/s, 15s left)");
	progress_format("import", 100, 100000, 10.0, line, sizeof line);
	cr_assert_str_eq(line, "import: 100/100000 (10/s, 2h46m left)");
	progress_format("backup", 3000, 9000, 60.0, line, sizeof line);
	cr_assert_str_eq(line, "backup: 3000/9000 (50/s, 2m00s left)");
	progress_format("x", 0, 10, 3.0, line, sizeof line);
	cr_assert_str_eq(line, "x: 0/10 (0/s, ? left)", "no rate yet");
}

Test(progress, nothing_is_drawn_when_stderr_is_not_a_terminal)
{
	struct progress p;
	FILE *f = tmpfile();
	int saved = dup(STDERR_FILENO);

	cr_assert_not_null(f);
	dup2(fileno(f), STDERR_FILENO);
	progress_start(&p, "work", 10);
	p.start -= 10;		/* as if it had run for ten seconds */
	progress_update(&p, 5);
	progress_end(&p);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	cr_assert(!p.tty);
	cr_assert(!p.shown);
	cr_assert_eq(ftell(f), 0, "progress went to a file");
	fclose(f);
}
