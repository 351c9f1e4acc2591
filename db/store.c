/*
 * store.c - callfloor's SQLite layer, the fossil way: one open function
 * (WAL, busy timeout, foreign keys, defensive mode, untrusted schema),
 * prepared statements only, every write inside BEGIN IMMEDIATE, the schema
 * as commented SQL (schema.sql) with application_id and user_version.
 *
 * This is the only file that speaks SQL.  It never prices a fine: it keeps
 * what the engine decided.
 */
#include "store.h"
#include "store_internal.h"
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern const char store_schema_sql[];	/* db/schema.sql, embedded */



_Static_assert(Q_COUNT <= STORE_CACHE, "STORE_CACHE holds every cached statement");

static void (*wait_note)(const char *path, time_t since);
static store_progress_fn *progress_fn;
static void *progress_arg;

void
store_on_progress(store_progress_fn *fn, void *arg)
{
	progress_fn = fn;
	progress_arg = arg;
}

void
store_on_wait(void (*note)(const char *path, time_t since))
{
	wait_note = note;
}

/*
 * SQLite's busy handler: waits for another process's lock, a little
 * longer each time, up to STORE_BUSY_SECONDS (for ever while a patient
 * open waits), and remembers since when, for the message.
 */
static int
busy_wait(void *arg, int count)
{
	struct store *s = arg;
	struct timespec now;
	double waited;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0) {
		s->busy_since = time(NULL);
		s->busy_start = now;
	}
	waited = (double)(now.tv_sec - s->busy_start.tv_sec) +
	    (double)(now.tv_nsec - s->busy_start.tv_nsec) / 1e9;
	if (s->patient && waited >= 1 && s->busy_since != 0 && wait_note) {
		wait_note(s->path, s->busy_since);
		s->busy_since = -s->busy_since;	/* said once */
	}
	if (!s->patient && waited >= STORE_BUSY_SECONDS)
		return 0;
	usleep(count < 20 ? 1000u * (unsigned)(count + 1) : 50000u);
	return 1;
}

/* True when the database file or the -wal opened with it is gone or is
 * another file now (someone removed it under this process). */
static bool
files_replaced(const struct store *s)
{
	char *wal = xasprintf("%s-wal", s->path);
	struct stat st;
	bool gone;

	/* Only what can be seen counts: after the group is given up the
	 * shared folder cannot be searched (EACCES), and that is no loss. */
	gone = (stat(s->path, &st) < 0 && errno == ENOENT) ||
	    (s->wal_ino != 0 && (stat(wal, &st) < 0 ? errno == ENOENT :
	    st.st_ino != s->wal_ino || st.st_dev != s->wal_dev));
	free(wal);
	return gone;
}

static int
replaced(const struct store *s, struct err *e, const char *what)
{
	return err_set(e, EXIT_RUNTIME, _("database %s: its file or its -wal file "
	    "was removed or replaced while this callfloor had it open (%s); "
	    "nothing more was written.  Quit and start callfloor again"), s->path,
	    what);
}

static int
dberr(struct store *s, struct err *e, const char *what)
{
	int rc;

	if (s->pg != NULL)
		return store_pg_error(s, e, what);
	rc = sqlite3_errcode(s->db);

	/* A full disk can also surface as an I/O error (growing the -shm). */
	if (rc == SQLITE_FULL || (rc == SQLITE_IOERR &&
	    sqlite3_system_errno(s->db) == ENOSPC))
		return err_set(e, EXIT_RUNTIME, _("database %s: the disk is full; "
		    "nothing was written"), s->path);
	if (rc == SQLITE_READONLY)
		return err_set(e, EXIT_RUNTIME, _("database %s is read-only; "
		    "nothing was written"), s->path);
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return err_set(e, EXIT_RUNTIME, _("database %s is damaged or not a "
		    "database (%s)"), s->path, sqlite3_errmsg(s->db));
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_PROTOCOL) {
		time_t since = s->busy_since < 0 ? -s->busy_since : s->busy_since;
		char when[16] = "?";
		struct tm tm;

		if (since == 0 || localtime_r(&since, &tm) == NULL)
			return err_set(e, EXIT_RUNTIME, _("the floor database %s is "
			    "busy (another callfloor is writing); nothing was "
			    "written.  Try again"), s->path);
		strftime(when, sizeof when, "%H:%M:%S", &tm);
		return err_set(e, EXIT_RUNTIME, _("the floor database %s is busy: "
		    "another callfloor has held its write lock since %s at least "
		    "(%ld s); nothing was written.  Try again; a callfloor "
		    "stopped with Ctrl-Z holds it until it goes on or ends"),
		    s->path, when, (long)(time(NULL) - since));
	}
	if (rc == SQLITE_IOERR || rc == SQLITE_CANTOPEN) {
		int en = sqlite3_system_errno(s->db);

		if (files_replaced(s))
			return replaced(s, e, what);
		return err_set(e, EXIT_RUNTIME, _("database %s: cannot read or write "
		    "it (%s: %s%s%s)"), s->path, what, sqlite3_errmsg(s->db),
		    en ? ": " : "", en ? strerror(en) : "");
	}
	return err_set(e, EXIT_RUNTIME, _("database %s: %s: %s"), s->path, what,
	    sqlite3_errmsg(s->db));
}

db_stmt *
store_cached(struct store *s, enum stmt q, const char *sql, struct err *e)
{
	if (s->st[q] == NULL) {
		if (db_prepare_kept(s, sql, &s->st[q]) != DB_OK) {
			dberr(s, e, "prepare");
			return NULL;
		}
	} else {
		db_reset(s->st[q]);
		db_clear_bindings(s->st[q]);
	}
	return s->st[q];
}

int
store_run(struct store *s, db_stmt *st, struct err *e, const char *what)
{
	int rc = db_step(st);

	db_reset(st);
	if (rc != DB_DONE)
		return dberr(s, e, what);
	return 0;
}

static int
exec(struct store *s, const char *q, struct err *e)
{
	if (db_exec_sql(s, q) != DB_OK)
		return dberr(s, e, q);
	return 0;
}

static int64_t
pragma_int(struct store *s, const char *q)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
wal_mode(struct store *s, struct err *e)
{
	sqlite3_stmt *st;
	bool wal = false;

	if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &st, NULL) !=
	    SQLITE_OK)
		return dberr(s, e, "PRAGMA journal_mode");
	if (sqlite3_step(st) == SQLITE_ROW)
		wal = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0),
		    "wal") == 0;
	if (sqlite3_finalize(st) != SQLITE_OK)
		return dberr(s, e, "PRAGMA journal_mode");
	return wal ? 0 : exec(s, "PRAGMA journal_mode = WAL", e);
}

/* The statements of a step: each ends at a ';' that completes it (not one
 * in a string or inside a trigger's body). */
static long long
statements(const char *sql)
{
	const char *start = sql, *p;
	long long n = 0;

	for (p = sql; *p; p++)
		if (*p == ';') {
			char *one = strndup(start, (size_t)(p - start + 1));

			if (sqlite3_complete(one)) {
				n++;
				start = p + 1;
			}
			free(one);
		}
	return n;
}

/* What the progress handler reports while one statement runs. */
struct step_progress {
	long long done, total;
};

static int
step_tick(void *arg)
{
	struct step_progress *p = arg;

	progress_fn(progress_arg, _("migrating the database: statements"),
	    p->done, p->total);
	return 0;
}

/*
 * Runs the steps after version ver, a statement at a time, so that a
 * migration of a large database (a table copied, an index built) tells
 * the progress hook how far it is; during a long statement the hook is
 * called every few thousand SQLite instructions to keep its rate fresh.
 */
static int
migrate_steps(struct store *s, const char *const *step, int64_t ver,
    struct err *e)
{
	struct step_progress p = { 0, 0 };
	const char *sql, *tail;
	sqlite3_stmt *st;
	int64_t v;
	int rc = 0;

	for (v = ver + 1; v <= STORE_SCHEMA_VERSION; v++)
		p.total += statements(step[v]);
	if (progress_fn) {
		progress_fn(progress_arg, _("migrating the database: statements"),
		    0, p.total);
		sqlite3_progress_handler(s->db, 10000, step_tick, &p);
	}
	for (v = ver + 1; v <= STORE_SCHEMA_VERSION && rc == 0; v++)
		for (sql = step[v]; rc == 0 && *sql; sql = tail) {
			if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) !=
			    SQLITE_OK) {
				rc = dberr(s, e, sql);
				break;
			}
			if (st == NULL)		/* only blanks were left */
				break;
			if (sqlite3_step(st) != SQLITE_DONE) {
				rc = dberr(s, e, sqlite3_sql(st));
				sqlite3_finalize(st);
				break;
			}
			sqlite3_finalize(st);
			p.done++;
			if (progress_fn)
				progress_fn(progress_arg, _("migrating the database: "
				    "statements"), p.done < p.total ? p.done :
				    p.total - 1, p.total);
		}
	if (progress_fn) {
		sqlite3_progress_handler(s->db, 0, NULL, NULL);
		progress_fn(progress_arg, _("migrating the database: statements"),
		    p.total, p.total);
	}
	return rc;
}

/*
 * Brings the schema up to STORE_SCHEMA_VERSION inside one transaction.
 * A database from a newer callfloor, or another program's, is refused.
 */
static int migrate_write(struct store *s, struct err *e);

static int
migrate(struct store *s, struct err *e)
{
	int64_t app, ver;
	int rc;

	app = pragma_int(s, "PRAGMA application_id");
	ver = pragma_int(s, "PRAGMA user_version");
	s->found_version = ver;
	if (app < 0 || ver < 0)
		return dberr(s, e, "reading the schema version");
	if (app != 0 && app != STORE_APPLICATION_ID)
		return err_set(e, EXIT_RUNTIME, _("%s is not a callfloor database "
		    "(application id %lld)"), s->path, (long long)app);
	if (ver > STORE_SCHEMA_VERSION)
		return err_set(e, EXIT_RUNTIME, _("%s was written by a newer callfloor "
		    "(schema %lld; this one knows %d); upgrade callfloor"), s->path,
		    (long long)ver, STORE_SCHEMA_VERSION);
	if (ver == STORE_SCHEMA_VERSION)
		return 0;
	if (ver == 0 && s->nocreate)
		return err_set(e, EXIT_RUNTIME, _("%s holds no callfloor database "
		    "(run `callfloor init` to start one there)"), s->path);
	if (s->readonly)
		return err_set(e, EXIT_RUNTIME, _("%s needs `callfloor init` first "
		    "(schema %lld, wanted %d)"), s->path, (long long)ver,
		    STORE_SCHEMA_VERSION);
	/* Step 8 drops tables that others name (foreign keys are checked by
	 * the step itself); the setting holds only outside a transaction. */
	if (exec(s, "PRAGMA foreign_keys = OFF", e) < 0)
		return -1;
	rc = migrate_write(s, e);
	if (exec(s, "PRAGMA foreign_keys = ON", rc < 0 ? NULL : e) < 0)
		rc = -1;
	/* Step 8 rewrote the incidents and fines into half the pages: the
	 * file gives the rest back (a failure, say a full disk, leaves it
	 * whole and merely larger). */
	if (rc == 0 && ver > 0 && ver < 8)
		exec(s, "VACUUM", NULL);
	return rc;
}

/* migrate's write: the schema created or its steps run, one transaction. */
static int
migrate_write(struct store *s, struct err *e)
{
	int64_t ver;

	if (store_begin(s, e) < 0)
		return -1;
	/* Read again under the write lock: another process may have won. */
	ver = pragma_int(s, "PRAGMA user_version");
	if (ver == 0) {
		if (pragma_int(s, "SELECT count(*) FROM sqlite_schema") != 0) {
			store_rollback(s);
			return err_set(e, EXIT_RUNTIME, _("%s is not a callfloor database "
			    "(it has tables of its own)"), s->path);
		}
		if (exec(s, store_schema_sql, e) < 0 ||
		    store_audit_schema(s, e) < 0) {
			store_rollback(s);
			return -1;
		}
	}
	else {
		/* The steps, one a version, in order; each self-contained. */
		static const char *const step[STORE_SCHEMA_VERSION + 1] = {
			[2] = store_migrate_v2, [3] = store_migrate_v3,
			[4] = store_migrate_v4, [5] = store_migrate_v5,
			[6] = store_migrate_v6, [8] = store_migrate_v8,
			[9] = store_migrate_v9, [10] = store_migrate_v10,
			[11] = store_migrate_v11,
		};
		/* Step 7 (the audit trail made compact) is made from db/audit.c's
		 * phrase list, so its SQL is built here. */
		const char *steps[STORE_SCHEMA_VERSION + 1];
		char *v7 = store_audit_v7_sql();
		int rc;

		memcpy(steps, step, sizeof steps);
		steps[7] = v7;
		rc = migrate_steps(s, steps, ver, e);
		free(v7);
		if (rc < 0) {
			store_rollback(s);
			return -1;
		}
	}
	{
		char q[96];

		snprintf(q, sizeof q, "PRAGMA application_id = %d; PRAGMA "
		    "user_version = %d", STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
		if (exec(s, q, e) < 0) {
			store_rollback(s);
			return -1;
		}
	}
	return store_commit(s, e);
}

/*
 * A WAL database that this process may only read, in a folder it may not
 * write, has no -shm file to share, and SQLite will not read it.  Read it
 * as an immutable file then: sound while no -wal file holds commits that
 * are not yet in the database file (checked), and while nobody with more
 * rights writes it meanwhile (a read-only archive, a backup).
 */
static int
reopen_immutable(struct store *s, struct err *e)
{
	struct buf uri = { 0 };
	struct stat st;
	char *wal = xasprintf("%s-wal", s->path);
	const char *p;
	int rc;

	rc = stat(wal, &st);
	free(wal);
	if (rc == 0 && st.st_size > 0)
		return dberr(s, e, _("reading a read-only database whose -wal "
		    "file holds commits"));
	buf_puts(&uri, "file:");
	for (p = s->path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_printf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_add(&uri, p, 1);
	buf_puts(&uri, "?immutable=1");
	sqlite3_close(s->db);
	s->db = NULL;
	rc = sqlite3_open_v2(uri.s, &s->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	buf_free(&uri);
	if (rc != SQLITE_OK)
		return err_set(e, EXIT_RUNTIME, _("cannot open database %s: %s"),
		    s->path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
	sqlite3_extended_result_codes(s->db, 0);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	return 0;
}

int
store_open(const char *path, int flags, struct store **out, struct err *e)
{
	struct store *s = xcalloc(1, sizeof *s);
	int oflags;
	struct stat stbuf;

	*out = NULL;
	s->path = xstrdup(path);
	s->readonly = (flags & STORE_READONLY) != 0;
	s->nocreate = (flags & STORE_NOCREATE) != 0;
	s->patient = (flags & STORE_PATIENT) != 0;
	if (store_is_pg(path)) {
		if (store_pg_open(s, e) < 0)
			goto fail;
		*out = s;
		return 0;
	}
	if (stat(path, &stbuf) < 0) {
		if (errno != ENOENT || (flags & STORE_NOCREATE) || s->readonly) {
			err_set(e, EXIT_RUNTIME, _("database %s: %s"), path,
			    errno == ENOENT ? _("no such file (run `callfloor init`)") :
			    strerror(errno));
			goto fail;
		}
		/* Created here with 0666, not by SQLite with 0644, so that the
		 * umask alone decides: a shared install's 007 makes the file
		 * (and its -wal and -shm, which copy its mode) group-writable. */
		{
			int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
			    0666);

			if (fd >= 0)
				close(fd);
		}
	} else if (!S_ISREG(stbuf.st_mode)) {
		err_set(e, EXIT_RUNTIME, _("database %s is not a regular file"), path);
		goto fail;
	} else if (stbuf.st_size == 0 && s->nocreate) {
		err_set(e, EXIT_RUNTIME, _("database %s is empty (run `callfloor "
		    "init` to start a new one, or restore it from a backup)"), path);
		goto fail;
	} else if (!s->readonly && faccessat(AT_FDCWD, path, W_OK,
	    AT_EACCESS) < 0 && (errno == EACCES || errno == EROFS)) {
		/* A file we may not write opens read-only: reads work, and a
		 * write says "read-only; nothing was written". */
		s->readonly = true;
	}
	oflags = s->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		err_set(e, EXIT_RUNTIME, _("cannot open database %s: %s"), path,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 0);
	sqlite3_busy_handler(s->db, busy_wait, s);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (exec(s, "PRAGMA foreign_keys = ON", e) < 0)
		goto fail;
	if (s->readonly && pragma_int(s, "PRAGMA user_version") < 0 &&
	    (sqlite3_errcode(s->db) == SQLITE_READONLY ||
	    sqlite3_errcode(s->db) == SQLITE_CANTOPEN) &&
	    reopen_immutable(s, e) < 0)
		goto fail;
	/* WAL is a property of the file: set once, when it is not yet. */
	if (!s->readonly && (wal_mode(s, e) < 0 ||
	    exec(s, "PRAGMA synchronous = FULL", e) < 0))
		goto fail;
	if (migrate(s, e) < 0)
		goto fail;
	s->patient = false;
	{
		char *wal = xasprintf("%s-wal", path);

		if (stat(wal, &stbuf) == 0) {
			s->wal_dev = stbuf.st_dev;
			s->wal_ino = stbuf.st_ino;
		}
		free(wal);
	}
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

void
store_close(struct store *s)
{
	int i;

	if (s == NULL)
		return;
	/* A transaction still open here is a bug: name it, write nothing. */
	if (s->depth > 0) {
		fprintf(stderr, _("callfloor: internal error: the write begun at "
		    "%s:%d was never ended; it was rolled back\n"), s->txn_file,
		    s->txn_line);
		db_exec_sql(s, "ROLLBACK");
	}
	/* PostgreSQL's prepared statements end with the connection: none is
	 * deallocated one by one, a round trip each (generation -1 is no
	 * connection's, nor that of a statement never prepared, 0). */
	s->pg_gen = -1;
	for (i = 0; i < Q_COUNT; i++)
		db_finalize(s->st[i]);
	store_names_forget(s);
	store_terms_forget(s);
	if (s->db != NULL)
		sqlite3_close(s->db);
	store_pg_close(s);
	free(s->path);
	free(s);
}

const char *store_path(const struct store *s) { return s->path; }
int64_t store_found_version(const struct store *s) { return s->found_version; }
bool store_readonly(const struct store *s) { return s->readonly; }

int
store_begin_at(struct store *s, struct err *e, const char *file, int line)
{
	if (s->readonly)
		return err_set(e, EXIT_RUNTIME, _("database %s is open read-only; "
		    "nothing was written"), s->path);
	if (s->depth == 0 && s->pg != NULL && store_pg_ready(s, e) < 0)
		return -1;
	if (s->depth++ > 0)
		return 0;		/* joins the transaction already open */
	/* A write into a -wal file nobody else sees would be lost. */
	if (s->db != NULL && files_replaced(s)) {
		s->depth = 0;
		return replaced(s, e, "before a write");
	}
	s->doomed = false;
	s->txn_file = file;
	s->txn_line = line;
	if (exec(s, s->pg ? s->begin_sql : "BEGIN IMMEDIATE", e) < 0) {
		if (s->pg != NULL && !db_autocommit(s))
			db_exec_sql(s, "ROLLBACK");
		s->depth = 0;
		return -1;
	}
	return 0;
}

int
store_commit(struct store *s, struct err *e)
{
	int rc;

	if (s->depth == 0)
		return err_set(e, EXIT_RUNTIME, _("database %s: a commit without a "
		    "transaction; nothing was written"), s->path);
	if (--s->depth > 0)
		return 0;
	if (s->doomed) {
		db_exec_sql(s, "ROLLBACK");
		store_names_rolled_back(s);
		return err_set(e, EXIT_RUNTIME, _("database %s: part of the write "
		    "begun at %s:%d failed; nothing was written"), s->path,
		    s->txn_file, s->txn_line);
	}
	if (s->pg != NULL)
		rc = store_pg_commit(s, e);
	else if ((rc = exec(s, "COMMIT", e)) < 0 && !db_autocommit(s))
		db_exec_sql(s, "ROLLBACK");
	if (rc < 0)
		store_names_rolled_back(s);
	else
		store_names_committed(s);
	return rc;
}

void
store_rollback(struct store *s)
{
	/* Inside another's transaction: that one must not commit now. */
	if (s->depth > 1) {
		s->depth--;
		s->doomed = true;
		return;
	}
	s->depth = 0;
	if (!db_autocommit(s))
		db_exec_sql(s, "ROLLBACK");
	store_names_rolled_back(s);
}

const char *
store_txn_where(const struct store *s, int *line)
{
	if (s->depth == 0)
		return NULL;
	*line = s->txn_line;
	return s->txn_file;
}

int64_t
store_data_version(struct store *s)
{
	db_stmt *st;
	int64_t v = -1;

	if (s->pg != NULL)
		return store_pg_version(s);
	st = store_cached(s, Q_DATA_VERSION, "PRAGMA data_version", NULL);

	if (st != NULL && db_step(st) == DB_ROW)
		v = db_column_int64(st, 0);
	if (st != NULL)
		db_reset(st);
	return v;
}

/* ---- for the other db/ modules (store_internal.h) ---- */

sqlite3 *
store_sqlite(struct store *s)
{
	return s->db;
}

int
store_fail(struct store *s, struct err *e, const char *what)
{
	return dberr(s, e, what);
}

db_stmt *
store_prepare(struct store *s, const char *q, struct err *e)
{
	db_stmt *st = NULL;

	if (db_prepare(s, q, &st) != DB_OK) {
		dberr(s, e, "prepare");
		return NULL;
	}
	return st;
}

/* ---- reads for the end-of-day report (src/report.c) ---- */

int
store_read_begin(struct store *s, bool *started, struct err *e)
{
	*started = false;
	/* Inside someone's transaction the snapshot is already theirs. */
	if (!db_autocommit(s))
		return 0;
	if (exec(s, db_dialect(s, "BEGIN DEFERRED",
	    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), e) < 0)
		return -1;
	*started = true;
	return 0;
}

void
store_read_end(struct store *s, bool started)
{
	if (started)
		db_exec_sql(s, "COMMIT");
}

int
store_set_synchronous(struct store *s, bool full, struct err *e)
{
	if (s->pg != NULL)
		return 0;
	return exec(s, full ? "PRAGMA synchronous = FULL" :
	    "PRAGMA synchronous = OFF", e);
}
