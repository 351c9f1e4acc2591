/*
 * ticks.c - a period's incidents and fine lines as sums and the seat map
 * read them (db/store.h): each row handed to a callback as it comes, in
 * no order, nothing held, a few integer columns read binary on
 * PostgreSQL.  A busy day is thirteen thousand incidents and a month a
 * hundred thousand fine lines; whole rows, held and sorted, cost more
 * than the reading.
 */
#include "store.h"
#include "store_internal.h"

struct fine_each {
	int (*fn)(void *arg, const struct fine_tick *t);
	void *arg;
	bool co;			/* co-penalties only, no day, rule or group */
};

static int
fine_each_row(db_stmt *st, void *arg)
{
	const struct fine_each *fe = arg;
	struct store *s = db_store(st);
	struct fine_tick t;
	int64_t staff = db_column_int64(st, 0);	/* 0: NULL, a vacant role */
	char day[11];

	t.staff = staff == 0 ? "" : store_name_of(s, staff);
	t.amount = db_column_int64(st, 1);
	t.own = db_column_int(st, 2) != 0;
	t.incident = db_column_int64(st, 3);
	t.day = t.rule = t.grp = NULL;
	if (!fe->co) {
		store_day_col(st, 4, day);
		t.day = day;
		t.rule = store_name_of(s, db_column_int64(st, 5));
		t.grp = store_name_of(s, db_column_int64(st, 6));
	}
	return fe->fn(fe->arg, &t);
}

static int
fine_each(struct store *s, const char *from, const char *to, bool co,
    int (*fn)(void *arg, const struct fine_tick *t), void *arg,
    struct err *e)
{
	/* No order and few columns: a month of a large floor is a hundred
	 * thousand lines, and sorting them cost more than reading them.
	 * SQLite joins them to the period's incidents.  On PostgreSQL a
	 * join read the month's incidents and three times as many fine
	 * lines as the month has, where ids of months interleave; each line
	 * there carries its incident's day, rule and void (schema 10): one
	 * index-only read of the period's live lines, in binary. */
	static const char *const sql[2][2] = {
		{ "SELECT f.staff, f.amount, f.own, f.incident, i.day, i.rule, "
		  "f.grp FROM incident_row i JOIN fine_row f ON f.incident = "
		  "i.id WHERE i.day BETWEEN ?1 AND ?2 AND i.voided_at IS NULL",
		  "SELECT staff, amount, own, incident, day, rule, grp FROM "
		  "fine_row WHERE live AND day BETWEEN ?1 AND ?2" },
		{ "SELECT f.staff, f.amount, f.own, f.incident FROM "
		  "incident_row i JOIN fine_row f ON f.incident = i.id WHERE "
		  "i.day BETWEEN ?1 AND ?2 AND i.voided_at IS NULL AND f.own = 0",
		  "SELECT staff, amount, own, incident FROM fine_row WHERE live "
		  "AND own = 0 AND day BETWEEN ?1 AND ?2" },
	};
	db_stmt *st = store_prepare(s, db_dialect(s, sql[co][0],
	    sql[co][1]), e);
	struct fine_each fe = { fn, arg, co };

	if (st != NULL) {
		db_binary(st);
		db_bind_int64(st, 1, store_day_num(from, false));
		db_bind_int64(st, 2, store_day_num(to, true));
	}
	return store_each(s, st, fine_each_row, &fe, e, "reading fine lines");
}

int
store_fine_each(struct store *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct fine_tick *t), void *arg,
    struct err *e)
{
	return fine_each(s, from, to, false, fn, arg, e);
}

int
store_co_fine_each(struct store *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct fine_tick *t), void *arg,
    struct err *e)
{
	return fine_each(s, from, to, true, fn, arg, e);
}

struct incident_each {
	int (*fn)(void *arg, const struct incident_tick *t);
	void *arg;
};

static int
incident_each_row(db_stmt *st, void *arg)
{
	const struct incident_each *ie = arg;
	struct incident_tick t;
	/* Copies: fn may query, and a reconnect forgets every name. */
	char rule[STORE_ID], staff[STORE_ID], seat[STORE_ID];

	t.id = db_column_int64(st, 0);
	t.at = db_column_int64(st, 1);
	t.rule_version = db_column_int64(st, 2);
	t.voided_at = db_column_int64(st, 3);
	store_name_col(st, 4, rule, sizeof rule);
	store_name_col(st, 5, staff, sizeof staff);	/* "" for NULL */
	store_name_col(st, 6, seat, sizeof seat);
	t.rule = rule;
	t.staff = staff;
	t.seat = seat;
	t.own_fine = db_column_int64(st, 7);
	return ie->fn(ie->arg, &t);
}

int
store_incident_each(struct store *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct incident_tick *t), void *arg,
    struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT id, at, rule_version, "
	    "coalesce(voided_at, 0), rule, staff, seat, coalesce(own_fine, -1) "
	    "FROM incident_row WHERE day BETWEEN ?1 AND ?2", e);
	struct incident_each ie = { fn, arg };

	if (st != NULL) {
		db_binary(st);
		db_bind_int64(st, 1, store_day_num(from, false));
		db_bind_int64(st, 2, store_day_num(to, true));
	}
	return store_each(s, st, incident_each_row, &ie, e,
	    "reading incidents");
}
