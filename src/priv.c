/*
 * priv.c - holds, sets aside and drops the callfloor group (priv.h).
 * Only gids: the binary is never setuid, and nothing here grants a right
 * the installation did not give.
 */
#include "priv.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static gid_t real_gid, set_gid;
static bool is_setgid;
static mode_t user_umask;

void
priv_init(void)
{
	real_gid = getgid();
	set_gid = getegid();
	is_setgid = real_gid != set_gid;
	user_umask = umask(0);
	/* Files of the shared database: the group reads and writes them,
	 * others nothing (the folder already keeps them out). */
	umask(is_setgid ? 007 : user_umask);
	/* Days and offence windows follow the floor's zone (or the
	 * machine's), never one the user sets for the shared database. */
	if (is_setgid)
		unsetenv("TZ");
}

bool
priv_held(void)
{
	return is_setgid;
}

int
priv_check_folder(const char *path, char *why, size_t n)
{
	char tmp[PATH_MAX];
	struct stat st;

	snprintf(tmp, sizeof tmp, "%s", path);
	if (lstat(dirname(tmp), &st) < 0)
		return snprintf(why, n, "%s: %s", tmp, strerror(errno)), -1;
	if (!S_ISDIR(st.st_mode) || st.st_uid != 0 || st.st_gid != set_gid ||
	    (st.st_mode & 0007) != 0)
		return snprintf(why, n, _("the database folder %s must be a folder "
		    "owned by root, group callfloor, mode 2770 (it is %04o, "
		    "uid %u, gid %u): anyone else who can reach the database "
		    "file could change it without callfloor"), tmp,
		    (unsigned)(st.st_mode & 07777), (unsigned)st.st_uid,
		    (unsigned)st.st_gid), -1;
	return 0;
}

void
priv_drop(void)
{
	/* The user's own umask again, for the files they name. */
	umask(user_umask);
	if (!is_setgid)
		return;
	if (setresgid(real_gid, real_gid, real_gid) < 0 ||
	    getegid() != real_gid)
		die(_("cannot give up the callfloor group: %s"), strerror(errno));
	is_setgid = false;
}

void
priv_child(void)
{
	gid_t g = getgid();
	uid_t u = getuid();

	if (setresgid(g, g, g) < 0 || getegid() != g ||
	    setresuid(u, u, u) < 0 || geteuid() != u)
		_exit(127);
}

void
priv_shared_folder(const char *path)
{
	char tmp[PATH_MAX];
	struct stat st;
	mode_t m;

	snprintf(tmp, sizeof tmp, "%s", path);
	if (stat(dirname(tmp), &st) < 0 || !(st.st_mode & S_ISGID))
		return;
	m = umask(0);
	umask(m & ~(mode_t)060);
}
