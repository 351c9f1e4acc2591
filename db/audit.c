/*
 * audit.c - the audit trail, the rulebook record and the backup copy.
 * SQL for the audit and rulebook tables lives here; store.c keeps the
 * connection (store_internal.h).  Nothing here decides who may do what:
 * the engine and the CLI check roles before they call in.
 */
#include "audit.h"
#include "store_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One process acts for one person (see audit.h). */
static struct {
	char login[STORE_LOGIN];
	long long uid;
	char terminal[AUDIT_FIELD], ssh[AUDIT_FIELD];
	int set;
} who;

void
store_audit_who(const char *login, long long uid, const char *terminal,
    const char *ssh)
{
	snprintf(who.login, sizeof who.login, "%s", login && *login ? login : "?");
	who.uid = uid;
	snprintf(who.terminal, sizeof who.terminal, "%s",
	    terminal && *terminal ? terminal : "-");
	snprintf(who.ssh, sizeof who.ssh, "%s", ssh && *ssh ? ssh : "-");
	who.set = 1;
}

/* Steps a statement that returns no rows, then finalizes it. */
static int
finish(struct store *s, sqlite3_stmt *st, struct err *e, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE) {
		store_fail(s, e, what);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

int
store_audit_add(struct store *s, const char *action, const char *object,
    const char *detail, struct err *e)
{
	sqlite3_stmt *st;

	if (!who.set)
		store_audit_who("?", (long long)getuid(), "-", "-");
	st = store_prepare(s, "INSERT INTO audit (at, login, uid, terminal, ssh, "
	    "action, object, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", e);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(st, 2, who.login, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, who.uid);
	sqlite3_bind_text(st, 4, who.terminal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, who.ssh, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, object ? object : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, detail ? detail : "", -1, SQLITE_STATIC);
	return finish(s, st, e, "writing the audit trail");
}

static void
col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	snprintf(out, n, "%s", v ? (const char *)v : "");
}

int
store_audit_list(struct store *s, int64_t from, int64_t to,
    struct audit_row **out, int *n, struct err *e)
{
	sqlite3_stmt *st;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	st = store_prepare(s, "SELECT id, at, login, uid, terminal, ssh, action, "
	    "object, detail FROM audit WHERE at BETWEEN ?1 AND ?2 ORDER BY id", e);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_row *r;
		const unsigned char *d;

		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		r = &(*out)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		r->at = sqlite3_column_int64(st, 1);
		col(st, 2, r->login, sizeof r->login);
		r->uid = sqlite3_column_int64(st, 3);
		col(st, 4, r->terminal, sizeof r->terminal);
		col(st, 5, r->ssh, sizeof r->ssh);
		col(st, 6, r->action, sizeof r->action);
		col(st, 7, r->object, sizeof r->object);
		d = sqlite3_column_text(st, 8);
		r->detail = xstrdup(d ? (const char *)d : "");
	}
	if (rc != SQLITE_DONE) {
		store_fail(s, e, "reading the audit trail");
		audit_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void
change_row(sqlite3_stmt *st, void *row)
{
	struct audit_change *c = row;

	c->id = sqlite3_column_int64(st, 0);
	store_text_col(st, 1, c->action, sizeof c->action);
	store_text_col(st, 2, c->object, sizeof c->object);
}

int
store_audit_since(struct store *s, int64_t after, int max,
    struct audit_change **out, int *n, bool *more, struct err *e)
{
	sqlite3_stmt *st;
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	*more = false;
	st = store_prepare(s, "SELECT id, action, object FROM audit WHERE id > ?1 "
	    "ORDER BY id LIMIT ?2", e);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max + 1);
	rc = store_rows(s, st, sizeof **out, change_row, &rows, n, e,
	    "reading the audit trail");
	sqlite3_finalize(st);
	*out = rows;
	if (rc == 0 && *n > max) {
		*n = max;
		*more = true;
	}
	return rc;
}

int
store_audit_last(struct store *s, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT coalesce(max(id), 0) FROM "
	    "audit", e);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		store_fail(s, e, "reading the audit trail");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

void
audit_rows_free(struct audit_row *rows, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(rows[i].detail);
	free(rows);
}

int
store_rulebook_note(struct store *s, const char *hash, int nrules,
    const char *text, int *added, struct err *e)
{
	sqlite3_stmt *st;
	char prev[16] = "", object[80], detail[160];
	int rc;

	if (added != NULL)
		*added = 0;
	st = store_prepare(s, "SELECT hash FROM rulebook WHERE hash = ?1 UNION ALL "
	    "SELECT * FROM (SELECT hash FROM rulebook ORDER BY id DESC LIMIT 1)", e);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *h = sqlite3_column_text(st, 0);

		if (h != NULL && strcmp((const char *)h, hash) == 0) {
			sqlite3_finalize(st);
			return 0;		/* seen before */
		}
		snprintf(prev, sizeof prev, "%.12s", h ? (const char *)h : "");
	} else if (rc != SQLITE_DONE) {
		store_fail(s, e, "reading the rulebook record");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "INSERT INTO rulebook (hash, rules, first_seen, text) "
	    "VALUES (?1, ?2, ?3, ?4)", e);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, nrules);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	if (finish(s, st, e, "recording the rulebook") < 0)
		return -1;
	snprintf(object, sizeof object, "rulebook %.12s", hash);
	if (prev[0] != '\0')
		snprintf(detail, sizeof detail, "%d rules; replaces rulebook %s",
		    nrules, prev);
	else
		snprintf(detail, sizeof detail, "%d rules; the first rulebook this "
		    "database has seen", nrules);
	if (store_audit_add(s, "rulebook change", object, detail, e) < 0)
		return -1;
	if (added != NULL)
		*added = 1;
	return 0;
}

/*
 * The online backup API copies the live database, as one committed state,
 * into a private in-memory database; its image is then written to fd.  The
 * file itself is opened by the caller, so it is created with the caller's
 * own rights (not the callfloor group's: see src/priv.h).
 */
int
store_backup_fd(struct store *s, int fd, struct err *e)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	unsigned char *img;
	sqlite3_int64 size = 0;
	int rc;

	if (sqlite3_open_v2("file:callfloor-backup?vfs=memdb", &mem,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) !=
	    SQLITE_OK) {
		err_set(e, EXIT_RUNTIME, _("backup: cannot open a memory database: %s"),
		    mem ? sqlite3_errmsg(mem) : "out of memory");
		sqlite3_close(mem);
		return -1;
	}
	b = sqlite3_backup_init(mem, "main", store_sqlite(s), "main");
	if (b == NULL) {
		err_set(e, EXIT_RUNTIME, _("backup: %s"), sqlite3_errmsg(mem));
		sqlite3_close(mem);
		return -1;
	}
	/* -1: every page in one step, under one read transaction. */
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		err_set(e, EXIT_RUNTIME, _("backup of %s failed: %s"), store_path(s),
		    sqlite3_errstr(rc));
		sqlite3_close(mem);
		return -1;
	}
	img = sqlite3_serialize(mem, "main", &size, SQLITE_SERIALIZE_NOCOPY);
	if (img == NULL || size < 100) {
		err_set(e, EXIT_RUNTIME, _("backup: cannot read the copy's image"));
		sqlite3_close(mem);
		return -1;
	}
	/* The copy is a plain rollback-journal database (header bytes 18 and
	 * 19: file format versions 1), so it opens read-only anywhere without
	 * a -wal or -shm file beside it. */
	img[18] = 1;
	img[19] = 1;
	if (write_all(fd, img, (size_t)size) < 0 || fsync(fd) < 0) {
		err_set(e, EXIT_RUNTIME, _("backup: cannot write the copy: %s"),
		    strerror(errno));
		sqlite3_close(mem);
		return -1;
	}
	sqlite3_close(mem);
	return 0;
}
