/*
 * config_internal.h - for the configuration loader's files only (config.c,
 * config_read.c, config_rules.c, config_breaks.c, config_table.c,
 * config_man.c): the error collector, the one key table and the reads
 * that take defaults and ranges from it, and what each file loads for
 * config.c.
 */
#ifndef CALLFLOOR_CONFIG_INTERNAL_H
#define CALLFLOOR_CONFIG_INTERNAL_H

#include <libconfig.h>
#include <stdbool.h>

#include "floor.h"

/* A break reason's code: at most so many characters. */
#define BREAK_CODE_MAX 16

struct ctx {
	const char *path;
	struct buf *errs;
	int nerr;
	struct floor *f;
};

/* K_AMOUNT: money in currency units, whole or with two decimals; K_CAP:
 * a whole number, or a string such as "20%". */
enum ktype { K_STRING, K_INT, K_AMOUNT, K_BOOL, K_ARRAY, K_LIST, K_GROUP,
	K_CAP, K_NTYPES };

struct cfg_key;

/* A check that is no plain range: reads s (NULL: the key is not given;
 * sets the default) into out for the entry named who ("rule SLEEP", NULL
 * in a section); false after an error or when s is NULL. */
typedef bool cfg_check_fn(struct ctx *c, const config_setting_t *s,
    const struct cfg_key *k, const char *who, void *out);

/* A key of the configuration (config_table.c). */
struct cfg_key {
	const char *name;	/* the full path: "floor.signin_window" */
	enum ktype type;
	bool required;
	const char *def;	/* the default as written; NULL: none */
	long long min, max;	/* K_INT, K_AMOUNT (currency units) and an
				   array's elements; min == max: no range */
	const char *unit;	/* of the range, N_() marked; or NULL */
	cfg_check_fn *check;	/* in place of the plain range, or NULL */
	const char *range;	/* what check accepts, for the manual */
	const char *help;	/* for the manual (callfloor.cfg(5)) */
};

/* Every key, in the manual's order; ends with a NULL name. */
extern const struct cfg_key cfg_keys[];
/* The key at path, or NULL. */
const struct cfg_key *cfg_key(const char *path);
/* True when k is a key right inside section ("" for the top level). */
bool cfg_in(const struct cfg_key *k, const char *section);
/* The keys right inside section, in the table's order (n of them). */
const struct cfg_key *const *cfg_section(const char *section, int *n);
/* The key name of section (such as "rules"), or NULL. */
const struct cfg_key *cfg_child(const char *section, const char *name);
/* The last part of k's path: "signin_window". */
const char *cfg_leaf(const struct cfg_key *k);
/* The type's name in the manual: "integer", "amount"... */
const char *cfg_type_name(enum ktype t);

/*
 * Reads the key at path from group g into out (K_INT: int, K_AMOUNT and
 * the half days of rules.absence_days: fen_t or int as the row says, K_CAP:
 * struct cap), the default when g has no such key, and checks it against
 * the row's range or check; errors name who (NULL: the path).  True when
 * the key is given and good.
 */
bool cfg_get(struct ctx *c, const config_setting_t *g, const char *path,
    const char *who, void *out);
/* The string at path in g, else the row's default (may be NULL). */
const char *cfg_str(const config_setting_t *g, const char *path);

cfg_check_fn cfg_check_cap, cfg_check_half_days;

/* Adds "FILE:LINE: message" for setting s (NULL: the file itself). */
void cerr(struct ctx *c, const config_setting_t *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* g's keys against the table's keys of section ("rules"): unknown keys,
 * wrong types, missing required keys; false if unusable.  what names g in
 * messages ("rule"). */
bool check_keys(struct ctx *c, const config_setting_t *g,
    const char *section, const char *what);
const char *get_str(const config_setting_t *g, const char *name);

/* "FILE:LINE: " for a place in the configuration at path (config.c). */
void config_where(struct buf *b, const char *path, const char *file, int line);
/* An amount of money in setting s, in the range of key path (what: its
 * name in messages); false after an error. */
bool get_amount(struct ctx *c, const config_setting_t *s, const char *path,
    const char *what, fen_t *out);
bool get_bool(const config_setting_t *g, const char *name);

/* config_read.c: the main file's text with its @include paths made
 * absolute, every file checked for size; NULL after errors. */
char *config_read_main(struct ctx *c, const char *path);

/* config_rules.c: one rule, the attendance thresholds, the deductions. */
void config_load_rule(struct ctx *c, const config_setting_t *g);
void config_load_attendance(struct ctx *c, const config_setting_t *g);
void config_load_deductions(struct ctx *c, const config_setting_t *g);

/* config_breaks.c: the rulebook's breaks list. */
void config_load_breaks(struct ctx *c, const config_setting_t *l);

#endif
