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
finish(struct store *s, db_stmt *st, struct err *e, const char *what)
{
	int rc = db_step(st);

	if (rc != DB_DONE) {
		store_fail(s, e, what);
		db_finalize(st);
		return -1;
	}
	db_finalize(st);
	return 0;
}

/*
 * The detail's common phrases, each stored as one byte (its code): a mark's
 * detail is half its length.  Codes skip tab, newline and return.  Once a
 * database holds lines coded with this list, a phrase is only ever added
 * at the end (the view decodes with the list the database was made with:
 * see store_audit_schema).
 */
static const char *const phrases[] = {
	" handed back (taken with incident ", "undone at console",
	", shift day 20", " minutes early", " minutes late", " supervisor ",
	"; fines: ", ", offence ", " offender ", " director ", " deputy ",
	" member ", "reason: ", " seat ", " at 20", ".00, ", ".00", " on ",
};
#define NPHRASES (int)(sizeof phrases / sizeof phrases[0])
/* A detail stored as it is (it holds a code byte itself) starts so. */
#define RAW_MARK '\x7f'

static int
phrase_code(int i)
{
	int c = i + 1;

	return c + (c >= 9) + (c >= 10) + (c >= 12);	/* past 9, 10, 13 */
}

/* detail with its phrases coded, into out (caller frees). */
static char *
detail_code(const char *detail)
{
	struct buf b = { 0 };
	const char *p;
	int i;

	for (p = detail; *p; p++)
		for (i = 0; i < NPHRASES; i++)
			if (*p == (char)phrase_code(i))
				goto raw;
	if (detail[0] == RAW_MARK)
		goto raw;
	buf_add(&b, "", 0);
	for (p = detail; *p;) {
		for (i = 0; i < NPHRASES; i++) {
			size_t n = strlen(phrases[i]);

			if (strncmp(p, phrases[i], n) == 0) {
				char c = (char)phrase_code(i);

				buf_add(&b, &c, 1);
				p += n;
				break;
			}
		}
		if (i == NPHRASES)
			buf_add(&b, p++, 1);
	}
	return b.s;
raw:
	buf_printf(&b, "%c%s", RAW_MARK, detail);
	return b.s;
}

/*
 * The view `audit` over the compact tables, reading as the table of
 * schema 6 did, and the append-only triggers.  Made with the database
 * (after schema.sql) and by step 7.
 */
static void
view_sql(struct buf *q, bool pg)
{
	/* PostgreSQL spells SQLite's char(n) chr(n); its triggers call a
	 * function (schema_pg.sql's callfloor_append_only). */
	const char *chr = pg ? "chr" : "char";
	static const char *const tables[] = { "audit_line", "audit_who",
		"audit_word" };
	struct buf dec = { 0 };
	char *sql;
	size_t i;

	buf_puts(&dec, "l.detail");
	for (i = 0; i < (size_t)NPHRASES; i++) {
		sql = sqlite3_mprintf("replace(%s, %s(%d), %Q)", dec.s, chr,
		    phrase_code((int)i), phrases[i]);
		dec.len = 0;
		buf_puts(&dec, sql);
		sqlite3_free(sql);
	}
	buf_printf(q, "CREATE VIEW audit (id, at, login, uid, terminal, ssh, "
	    "action, object, detail) AS SELECT l.id, l.at, w.login, w.uid, "
	    "w.terminal, w.ssh, a.word, CASE WHEN l.ref IS NULL THEN k.word ELSE "
	    "k.word || ' ' || l.ref END, CASE WHEN substr(l.detail, 1, 1) = "
	    "%s(%d) THEN substr(l.detail, 2) ELSE %s END FROM audit_line l "
	    "JOIN audit_who w ON w.id = l.who JOIN audit_word a ON a.id = "
	    "l.action JOIN audit_word k ON k.id = l.kind;", chr, RAW_MARK, dec.s);
	if (pg) {
		buf_puts(q, "CREATE TRIGGER audit_no_change INSTEAD OF INSERT OR "
		    "UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION "
		    "callfloor_append_only('audit trail');");
		for (i = 0; i < 3; i++)
			buf_printf(q, "CREATE TRIGGER %s_no_change BEFORE UPDATE OR "
			    "DELETE ON %s FOR EACH ROW EXECUTE FUNCTION "
			    "callfloor_append_only('audit trail'); CREATE TRIGGER "
			    "%s_no_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT "
			    "EXECUTE FUNCTION callfloor_append_only('audit trail');",
			    tables[i], tables[i], tables[i], tables[i]);
		buf_free(&dec);
		return;
	}
	/* Written to only through audit_line; the view refuses as the
	 * table did. */
	for (i = 0; i < 3; i++)
		buf_printf(q, "CREATE TRIGGER audit_no_%s INSTEAD OF %s ON audit "
		    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); "
		    "END;", i == 0 ? "insert" : i == 1 ? "update" : "delete",
		    i == 0 ? "INSERT" : i == 1 ? "UPDATE" : "DELETE");
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		buf_printf(q, "CREATE TRIGGER %s_no_update BEFORE UPDATE ON %s "
		    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); "
		    "END; CREATE TRIGGER %s_no_delete BEFORE DELETE ON %s BEGIN "
		    "SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",
		    tables[i], tables[i], tables[i], tables[i]);
	buf_free(&dec);
}

int
store_audit_schema(struct store *s, struct err *e)
{
	struct buf q = { 0 };
	int rc;

	view_sql(&q, store_sqlite(s) == NULL);
	rc = db_exec_sql(s, q.s);
	buf_free(&q);
	return rc == DB_OK ? 0 : store_fail(s, e, "making the audit view");
}

/*
 * Step 7: the audit table of schema 6 copied into the compact tables,
 * line for line (the view reads every line back as it was), then dropped.
 * The SQL codes the details with the same phrase list, longest first as
 * detail_code does.
 */
char *
store_audit_v7_sql(void)
{
	struct buf q = { 0 }, enc = { 0 }, cls = { 0 };
	char *sql;
	int i;

	buf_puts(&enc, "detail");
	for (i = 0; i < NPHRASES; i++) {
		sql = sqlite3_mprintf("replace(%s, %Q, char(%d))", enc.s, phrases[i],
		    phrase_code(i));
		enc.len = 0;
		buf_puts(&enc, sql);
		sqlite3_free(sql);
		buf_printf(&cls, "%s%d", i ? ", " : "", phrase_code(i));
	}
	buf_printf(&q, "DROP TRIGGER audit_no_update; DROP TRIGGER "
	    "audit_no_delete; DROP INDEX audit_at;"
	    "CREATE TABLE audit_who (id INTEGER PRIMARY KEY, login TEXT NOT NULL,"
	    "  uid INTEGER NOT NULL, terminal TEXT NOT NULL, ssh TEXT NOT NULL,"
	    "  UNIQUE (login, uid, terminal, ssh));"
	    "CREATE TABLE audit_word (id INTEGER PRIMARY KEY,"
	    "  word TEXT NOT NULL UNIQUE);"
	    "CREATE TABLE audit_line (id INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
	    "  who INTEGER NOT NULL REFERENCES audit_who (id),"
	    "  action INTEGER NOT NULL REFERENCES audit_word (id),"
	    "  kind INTEGER NOT NULL REFERENCES audit_word (id), ref,"
	    "  detail TEXT NOT NULL);"
	    "INSERT INTO audit_who (login, uid, terminal, ssh) SELECT login, uid,"
	    "  terminal, ssh FROM audit GROUP BY login, uid, terminal, ssh"
	    "  ORDER BY min(id);"
	    "CREATE TEMP TABLE audit_split AS SELECT id, action, CASE WHEN "
	    "  instr(object, ' ') = 0 THEN object ELSE substr(object, 1, "
	    "  instr(object, ' ') - 1) END AS kind, CASE WHEN instr(object, ' ') "
	    "  = 0 THEN NULL ELSE substr(object, instr(object, ' ') + 1) END AS "
	    "  rest FROM audit;"
	    "INSERT OR IGNORE INTO audit_word (word) SELECT action FROM "
	    "  audit_split UNION ALL SELECT kind FROM audit_split;"
	    "INSERT INTO audit_line (id, at, who, action, kind, ref, detail) "
	    "  SELECT a.id, a.at, w.id, x.id, k.id, CASE WHEN p.rest IS NULL THEN "
	    "  NULL WHEN (p.rest = '0' OR (p.rest GLOB '[1-9]*' AND p.rest NOT "
	    "  GLOB '*[^0-9]*')) AND length(p.rest) <= 18 THEN CAST(p.rest AS "
	    "  INTEGER) ELSE p.rest END, CASE WHEN substr(a.detail, 1, 1) = "
	    "  char(%d) OR a.detail GLOB '*[' || char(%s) || ']*' THEN char(%d) || "
	    "  a.detail ELSE %s END"
	    "  FROM audit a JOIN audit_split p ON p.id = a.id"
	    "  JOIN audit_who w ON w.login = a.login AND w.uid = a.uid AND "
	    "  w.terminal = a.terminal AND w.ssh = a.ssh"
	    "  JOIN audit_word x ON x.word = a.action"
	    "  JOIN audit_word k ON k.word = p.kind ORDER BY a.id;"
	    "DROP TABLE audit_split; DROP TABLE audit;"
	    "CREATE INDEX audit_at ON audit_line (at);", RAW_MARK, cls.s,
	    RAW_MARK, enc.s);
	view_sql(&q, false);
	buf_free(&enc);
	buf_free(&cls);
	return q.s;
}

/* The rest of an object after its first word: an integer id as a number
 * (exactly as written: no sign, no leading zero), anything else as text. */
static void
bind_ref(db_stmt *st, int i, const char *rest)
{
	const char *p;

	if (rest == NULL) {
		db_bind_null(st, i);
		return;
	}
	for (p = rest; *p >= '0' && *p <= '9'; p++)
		;
	if (*p == '\0' && p > rest && p - rest <= 18 && (rest[0] != '0' ||
	    rest[1] == '\0'))
		db_bind_int64(st, i, strtoll(rest, NULL, 10));
	else
		db_bind_text(st, i, rest, -1, DB_TRANSIENT);
}

int
store_audit_add(struct store *s, const char *action, const char *object,
    const char *detail, struct err *e)
{
	db_stmt *st;
	char kind[AUDIT_FIELD], *coded;
	const char *sp;
	int rc;

	if (!who.set)
		store_audit_who("?", (long long)getuid(), "-", "-");
	object = object ? object : "";
	sp = strchr(object, ' ');
	snprintf(kind, sizeof kind, "%.*s", sp ? (int)(sp - object) : (int)strlen(
	    object), object);
	/* Who and the words first (once each in the database), then the
	 * line naming them; statements kept prepared (one runs each write). */
	st = store_cached(s, Q_AUDIT_WHO, "INSERT INTO audit_who "
	    "(login, uid, terminal, ssh) VALUES (?1, ?2, ?3, ?4) "
	    "ON CONFLICT DO NOTHING", e);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, who.login, -1, DB_STATIC);
	db_bind_int64(st, 2, who.uid);
	db_bind_text(st, 3, who.terminal, -1, DB_STATIC);
	db_bind_text(st, 4, who.ssh, -1, DB_STATIC);
	if (store_run(s, st, e, "writing the audit trail") < 0)
		return -1;
	st = store_cached(s, Q_AUDIT_WORD, "INSERT INTO audit_word "
	    "(word) VALUES (?1), (?2) ON CONFLICT DO NOTHING", e);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, action, -1, DB_STATIC);
	db_bind_text(st, 2, kind, -1, DB_STATIC);
	if (store_run(s, st, e, "writing the audit trail") < 0)
		return -1;
	st = store_cached(s, Q_AUDIT_LINE, "INSERT INTO audit_line (at, who, "
	    "action, kind, ref, detail) VALUES (?1, (SELECT id FROM audit_who WHERE login = ?2 "
	    "AND uid = ?3 AND terminal = ?4 AND ssh = ?5), (SELECT id FROM "
	    "audit_word WHERE word = ?6), (SELECT id FROM audit_word WHERE word = "
	    "?7), ?8, ?9)", e);
	if (st == NULL)
		return -1;
	coded = detail_code(detail ? detail : "");
	db_bind_int64(st, 1, (sqlite3_int64)time(NULL));
	db_bind_text(st, 2, who.login, -1, DB_STATIC);
	db_bind_int64(st, 3, who.uid);
	db_bind_text(st, 4, who.terminal, -1, DB_STATIC);
	db_bind_text(st, 5, who.ssh, -1, DB_STATIC);
	db_bind_text(st, 6, action, -1, DB_STATIC);
	db_bind_text(st, 7, kind, -1, DB_STATIC);
	bind_ref(st, 8, sp ? sp + 1 : NULL);
	db_bind_text(st, 9, coded, -1, DB_TRANSIENT);
	rc = store_run(s, st, e, "writing the audit trail");
	free(coded);
	return rc;
}

static void
col(db_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *v = db_column_text(st, i);

	snprintf(out, n, "%s", v ? (const char *)v : "");
}

int
store_audit_list(struct store *s, int64_t from, int64_t to,
    struct audit_row **out, int *n, struct err *e)
{
	db_stmt *st;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	/* The span of ids the hours of from ... to hold (audit_hour), and
	 * in it the lines of that time. */
	st = store_prepare(s, "SELECT id, at, login, uid, terminal, ssh, action, "
	    "object, detail FROM audit WHERE id BETWEEN (SELECT min(lo) FROM "
	    "audit_hour WHERE hour BETWEEN ?3 AND ?4) AND (SELECT max(hi) FROM "
	    "audit_hour WHERE hour BETWEEN ?3 AND ?4) AND at BETWEEN ?1 AND ?2 "
	    "ORDER BY id", e);
	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, from);
	db_bind_int64(st, 2, to);
	db_bind_int64(st, 3, from < 0 ? -1 : from / 3600);
	db_bind_int64(st, 4, to < 0 ? -1 : to / 3600);
	while ((rc = db_step(st)) == DB_ROW) {
		struct audit_row *r;
		const unsigned char *d;

		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		r = &(*out)[(*n)++];
		r->id = db_column_int64(st, 0);
		r->at = db_column_int64(st, 1);
		col(st, 2, r->login, sizeof r->login);
		r->uid = db_column_int64(st, 3);
		col(st, 4, r->terminal, sizeof r->terminal);
		col(st, 5, r->ssh, sizeof r->ssh);
		col(st, 6, r->action, sizeof r->action);
		col(st, 7, r->object, sizeof r->object);
		d = db_column_text(st, 8);
		r->detail = xstrdup(d ? (const char *)d : "");
	}
	if (rc != DB_DONE) {
		store_fail(s, e, "reading the audit trail");
		audit_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}

static void
change_row(db_stmt *st, void *row)
{
	struct audit_change *c = row;

	c->id = db_column_int64(st, 0);
	store_text_col(st, 1, c->action, sizeof c->action);
	store_text_col(st, 2, c->object, sizeof c->object);
}

int
store_audit_since(struct store *s, int64_t after, int max,
    struct audit_change **out, int *n, bool *more, struct err *e)
{
	db_stmt *st;
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	*more = false;
	/* Kept prepared (a console follows after every write: preparing
	 * the view's joins cost more than the lines it reads), on the lines
	 * themselves, without the writer the view joins in. */
	st = store_cached(s, Q_AUDIT_SINCE, "SELECT l.id, a.word, CASE WHEN "
	    "l.ref IS NULL THEN k.word ELSE k.word || ' ' || l.ref END FROM "
	    "audit_line l JOIN audit_word a ON a.id = l.action JOIN audit_word "
	    "k ON k.id = l.kind WHERE l.id > ?1 ORDER BY l.id LIMIT ?2", e);
	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, after);
	db_bind_int(st, 2, max + 1);
	rc = store_rows(s, st, sizeof **out, change_row, &rows, n, e,
	    "reading the audit trail");
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
	/* The lines themselves, not the view: every line names its writer
	 * and words, and PostgreSQL does not see through the view's joins
	 * to the index (a scan of the whole trail at every console start). */
	db_stmt *st = store_prepare(s, "SELECT coalesce(max(id), 0) FROM "
	    "audit_line", e);
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == DB_ROW)
		*id = db_column_int64(st, 0);
	else
		store_fail(s, e, "reading the audit trail");
	db_finalize(st);
	return rc == DB_ROW ? 0 : -1;
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
	db_stmt *st;
	char prev[16] = "", object[80], detail[160];
	int rc;

	if (added != NULL)
		*added = 0;
	st = store_prepare(s, "SELECT hash FROM rulebook WHERE hash = ?1 UNION ALL "
	    "SELECT * FROM (SELECT hash FROM rulebook ORDER BY id DESC LIMIT 1) AS newest", e);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, hash, -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW) {
		const unsigned char *h = db_column_text(st, 0);

		if (h != NULL && strcmp((const char *)h, hash) == 0) {
			db_finalize(st);
			return 0;		/* seen before */
		}
		snprintf(prev, sizeof prev, "%.12s", h ? (const char *)h : "");
	} else if (rc != DB_DONE) {
		store_fail(s, e, "reading the rulebook record");
		db_finalize(st);
		return -1;
	}
	db_finalize(st);
	st = store_prepare(s, "INSERT INTO rulebook (hash, rules, first_seen, text) "
	    "VALUES (?1, ?2, ?3, ?4)", e);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, hash, -1, DB_STATIC);
	db_bind_int(st, 2, nrules);
	db_bind_int64(st, 3, (sqlite3_int64)time(NULL));
	db_bind_text(st, 4, text, -1, DB_STATIC);
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

/* Pages one backup step copies: small enough for the progress line to
 * move, large enough that the steps cost nothing. */
#define BACKUP_STEP_PAGES 256

/* Copies every page of the source into b, a step at a time, under the
 * read transaction the caller holds on the source: one committed state,
 * however long it takes and whoever writes meanwhile. */
static int
backup_steps(sqlite3_backup *b, store_progress_fn *fn, void *arg)
{
	long long total = -1;
	int rc;

	do {
		rc = sqlite3_backup_step(b, BACKUP_STEP_PAGES);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
		if (fn == NULL || (rc != SQLITE_OK && rc != DB_DONE))
			continue;
		if (total < 0) {
			total = sqlite3_backup_pagecount(b);
			fn(arg, _("backup: pages copied"), 0, total);
		}
		fn(arg, _("backup: pages copied"), total -
		    sqlite3_backup_remaining(b), total);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	return rc;
}

/*
 * The online backup API copies the live database, as one committed state,
 * into a private in-memory database; its image is then written to fd.  The
 * file itself is opened by the caller, so it is created with the caller's
 * own rights (not the callfloor group's: see src/priv.h).
 */
int
store_backup_fd(struct store *s, int fd, store_progress_fn *fn, void *arg,
    struct err *e)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	unsigned char *img;
	sqlite3_int64 size = 0;
	bool started;
	int rc;

	if (store_sqlite(s) == NULL)
		return store_not_sqlite(s, e, _("a backup copy"));

	if (store_sqlite(s) == NULL)
		return store_not_sqlite(s, e, _("a backup copy"));

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
	/* The read transaction is opened (by a read) before the first step,
	 * so every step copies from the same snapshot. */
	if (store_read_begin(s, &started, e) < 0)
		rc = -1;
	else if (sqlite3_exec(store_sqlite(s), "SELECT count(*) FROM "
	    "sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
		rc = store_fail(s, e, "backup");
	else
		rc = backup_steps(b, fn, arg);
	if (rc < 0) {
		store_read_end(s, started);
		sqlite3_backup_finish(b);
		sqlite3_close(mem);
		return -1;
	}
	sqlite3_backup_finish(b);
	store_read_end(s, started);
	if (rc != DB_DONE) {
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
