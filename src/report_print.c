/*
 * report_print.c - hands a finished report to the floor's print command
 * (report.h): /bin/sh runs it with the report on its standard input,
 * what it says is kept for the error message (in the console it must not
 * scribble over the screen), and it runs with the user's own ids alone
 * (priv_child), never with the group callfloor is installed setgid to.
 */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "floor.h"
#include "i18n.h"
#include "priv.h"
#include "text.h"

#define DEFAULT_PRINT "lp -t 'callfloor'"

/* The first line of what the print command said, for an error message. */
static const char *
first_line(struct buf *said, char *line, size_t n)
{
	const char *p = said->s ? said->s : "";
	size_t k;

	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	k = strcspn(p, "\r\n");
	if (k >= n)
		k = n - 1;
	memcpy(line, p, k);
	line[k] = '\0';
	return line;
}

/*
 * Feeds text to the child's stdin while collecting what it says on
 * stdout and stderr (kept, up to a few kilobytes, for an error message:
 * in the console it must not scribble over the screen).  Returns the
 * errno of a failed write (the command stopped reading), else 0.
 */
static int
feed(int in, int out, const char *text, size_t n, struct buf *said)
{
	size_t done = 0;
	int werr = 0;

	if (n == 0) {
		close(in);
		in = -1;
	} else
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) | O_NONBLOCK);
	while (out >= 0) {
		struct pollfd pf[2] = { { out, POLLIN, 0 }, { in, POLLOUT, 0 } };

		if (poll(pf, in >= 0 ? 2 : 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (in >= 0 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = write(in, text + done, n - done);

			if (w > 0)
				done += (size_t)w;
			else if (w < 0 && errno != EAGAIN && errno != EINTR) {
				werr = errno;
				done = n;
			}
			if (done == n) {
				close(in);
				in = -1;
			}
		}
		if (pf[0].revents & (POLLIN | POLLERR | POLLHUP)) {
			char chunk[1024];
			ssize_t r = read(out, chunk, sizeof chunk);

			if (r > 0 && said->len < 4096)
				buf_add(said, chunk, (size_t)r);
			else if (r == 0 || (r < 0 && errno != EINTR &&
			    errno != EAGAIN)) {
				close(out);
				out = -1;
			}
		}
	}
	if (in >= 0) {
		/* It closed its output but is still reading: finish. */
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) & ~O_NONBLOCK);
		if (write_all(in, text + done, n - done) < 0)
			werr = errno;
		close(in);
	}
	return werr;
}

/*
 * Runs the print command through /bin/sh with the report on its standard
 * input.  The printer's name never enters the command text: it reaches
 * the shell as "$1", so no name can inject a command.
 */
int
report_print_data(const struct floor *f, const char *text, size_t n,
    const char *printer, struct err *e)
{
	const char *base = f->print_command && f->print_command[0] ?
	    f->print_command : DEFAULT_PRINT;
	struct sigaction ign = { 0 }, old;
	struct buf said = { 0 };
	int in[2], out[2], ep[2], status, werr, cerr = 0, rc = -1;
	char *cmd, line[200];
	const char *p;
	pid_t pid;
	ssize_t r;

	if (printer != NULL) {
		if (printer[0] == '\0')
			return err_set(e, EXIT_USAGE, _("the printer name is empty"));
		for (p = printer; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return err_set(e, EXIT_USAGE, _("the printer name has a "
				    "control character in it"));
	}
	if (pipe2(in, O_CLOEXEC) < 0)
		return err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
	if (pipe2(out, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		return err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
	}
	if (pipe2(ep, O_CLOEXEC) < 0) {
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
	}
	cmd = printer ? xasprintf("%s -d \"$1\"", base) : xstrdup(base);
	fflush(NULL);
	if ((pid = fork()) < 0) {
		err_set(e, EXIT_RUNTIME, "printing: %s", strerror(errno));
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		close(ep[0]);
		close(ep[1]);
		free(cmd);
		return -1;
	}
	if (pid == 0) {
		int en;

		/* stdin the report, stdout and stderr back to callfloor;
		 * nothing else of ours (the database) goes along. */
		if (dup2(in[0], STDIN_FILENO) < 0 ||
		    dup2(out[1], STDOUT_FILENO) < 0 ||
		    dup2(out[1], STDERR_FILENO) < 0)
			goto child_fail;
		/* Every descriptor past stderr closed, however many there
		 * are, but the error pipe (it closes itself on exec). */
		if ((ep[1] > 3 && close_range(3, (unsigned)ep[1] - 1, 0) < 0) ||
		    close_range((unsigned)ep[1] + 1, ~0U, 0) < 0)
			goto child_fail;
		/* The print command runs with the user's own ids, never with
		 * the group callfloor is installed setgid to (src/priv.h). */
		priv_child();
		execl("/bin/sh", "sh", "-c", cmd, "callfloor-print", printer,
		    (char *)NULL);
child_fail:
		en = errno ? errno : EPERM;
		(void)!write(ep[1], &en, sizeof en);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	close(ep[1]);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	werr = feed(in[1], out[0], text, n, &said);
	sigaction(SIGPIPE, &old, NULL);
	while ((r = read(ep[0], &cerr, sizeof cerr)) < 0 && errno == EINTR)
		;
	close(ep[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			err_set(e, EXIT_RUNTIME, _("printing: waiting for `%s`: %s"),
			    cmd, strerror(errno));
			goto done;
		}
	first_line(&said, line, sizeof line);
	if (r == (ssize_t)sizeof cerr)
		err_set(e, EXIT_RUNTIME, _("printing failed: cannot start `%s` "
		    "(/bin/sh): %s"), cmd, strerror(cerr));
	else if (WIFSIGNALED(status))
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s` was killed by "
		    "signal %d"), cmd, WTERMSIG(status));
	else if (WEXITSTATUS(status) == 127)
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s`: command not "
		    "found (is the print system installed? see "
		    "floor.print_command)"), cmd);
	else if (WEXITSTATUS(status) != 0)
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s` exited with "
		    "status %d%s%s"), cmd, WEXITSTATUS(status), line[0] ? ": " : "",
		    line);
	else if (werr != 0)
		err_set(e, EXIT_RUNTIME, _("printing failed: `%s` did not take the "
		    "whole report (%s)"), cmd, strerror(werr));
	else
		rc = 0;
done:
	buf_free(&said);
	free(cmd);
	return rc;
}

int
report_print(const struct floor *f, const char *raw, const char *printer,
    struct err *e)
{
	struct buf doc = { 0 };
	int rc;

	/* Nothing but text and its layout reaches a printer. */
	text_clean(&doc, raw, strlen(raw), true);
	rc = report_print_data(f, doc.s, doc.len, printer, e);
	buf_free(&doc);
	return rc;
}
