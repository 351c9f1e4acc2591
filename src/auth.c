/*
 * auth.c - resolves the acting user from the real uid.  Nothing in the
 * environment can change who callfloor thinks you are.
 */
#include "auth.h"

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utmpx.h>

/* Keeps the first word of s, and only characters an address may have. */
static void
address_of(const char *s, char *out, size_t n)
{
	size_t i = 0;

	for (; *s && !isspace((unsigned char)*s) && i + 1 < n; s++)
		if (isalnum((unsigned char)*s) || strchr(".:-_%[]", *s))
			out[i++] = *s;
	out[i] = '\0';
}

/*
 * Where the user came in from.  SSH sets SSH_CONNECTION; read through
 * secure_getenv, it is absent in a setgid run, so the login record of the
 * terminal (utmp, written by sshd) is asked next.  Informational only:
 * nothing is decided on it.
 */
static void
ssh_client(const char *tty, char *out, size_t n)
{
	const char *env = secure_getenv("SSH_CONNECTION");
	struct utmpx key, *u;

	snprintf(out, n, "-");
	if (env == NULL || *env == '\0')
		env = secure_getenv("SSH_CLIENT");
	if (env != NULL && *env != '\0') {
		address_of(env, out, n);
		if (out[0] == '\0')
			snprintf(out, n, "-");
		return;
	}
	if (strncmp(tty, "/dev/", 5) != 0)
		return;
	memset(&key, 0, sizeof key);
	snprintf(key.ut_line, sizeof key.ut_line, "%s", tty + 5);
	setutxent();
	u = getutxline(&key);
	if (u != NULL && u->ut_type == USER_PROCESS && u->ut_host[0] != '\0' &&
	    u->ut_host[0] != ':') {
		char host[sizeof u->ut_host + 1];

		memcpy(host, u->ut_host, sizeof u->ut_host);
		host[sizeof u->ut_host] = '\0';
		address_of(host, out, n);
		if (out[0] == '\0')
			snprintf(out, n, "-");
	}
	endutxent();
}

int
auth_actor(const struct floor *f, struct actor *a, struct err *e)
{
	struct passwd *pw = getpwuid(getuid());
	int u;

	if (pw == NULL)
		return err_set(e, EXIT_REFUSED, _("uid %u has no login name"),
		    (unsigned)getuid());
	u = floor_user_find(f, pw->pw_name);
	if (u < 0)
		return err_set(e, EXIT_REFUSED, _("%s is not a user of floor %s "
		    "(see users in %s)"), pw->pw_name, f->id, f->source);
	snprintf(a->login, sizeof a->login, "%s", pw->pw_name);
	a->role = f->users[u].role;
	a->staff = f->users[u].staff;
	a->uid = (long long)getuid();
	{
		const char *tty = ttyname(STDIN_FILENO);

		snprintf(a->tty, sizeof a->tty, "%s", tty ? tty : "-");
		ssh_client(a->tty, a->ssh, sizeof a->ssh);
	}
	return 0;
}
