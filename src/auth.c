/*
 * auth.c - resolves the acting user from the real uid.  Nothing in the
 * environment can change who callfloor thinks you are.
 */
#include "auth.h"

#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int
auth_actor(const struct floor *f, struct actor *a, struct err *e)
{
	struct passwd *pw = getpwuid(getuid());
	int u;

	if (pw == NULL)
		return err_set(e, EXIT_REFUSED, "uid %u has no login name",
		    (unsigned)getuid());
	u = floor_user_find(f, pw->pw_name);
	if (u < 0)
		return err_set(e, EXIT_REFUSED, "%s is not a user of floor %s "
		    "(see users in %s)", pw->pw_name, f->id, f->source);
	snprintf(a->login, sizeof a->login, "%s", pw->pw_name);
	a->role = f->users[u].role;
	a->staff = f->users[u].staff;
	return 0;
}
