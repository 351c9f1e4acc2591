/*
 * config_internal.h - for the configuration loader's files only (config.c,
 * config_read.c, config_rules.c, config_breaks.c): the error collector,
 * the key tables' checks and what each file loads for config.c.
 */
#ifndef CALLFLOOR_CONFIG_INTERNAL_H
#define CALLFLOOR_CONFIG_INTERNAL_H

#include <libconfig.h>
#include <stdbool.h>

#include "floor.h"

struct ctx {
	const char *path;
	struct buf *errs;
	int nerr;
	struct floor *f;
};

/* K_CAP: a whole number, or a string such as "20%". */
enum ktype { K_STRING, K_INT, K_NUMBER, K_BOOL, K_ARRAY, K_LIST, K_GROUP,
	K_CAP };

struct key {
	const char *name;
	enum ktype type;
	bool required;
	const char *help;
};

/* Adds "FILE:LINE: message" for setting s (NULL: the file itself). */
void cerr(struct ctx *c, const config_setting_t *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Unknown keys, wrong types, missing required keys; false if unusable. */
bool check_keys(struct ctx *c, const config_setting_t *g,
    const struct key *keys, const char *what);
const char *get_str(const config_setting_t *g, const char *name);
bool get_int(const config_setting_t *g, const char *name, int *out);

/* "FILE:LINE: " for a place in the configuration at path (config.c). */
void config_where(struct buf *b, const char *path, const char *file, int line);
/* An amount of money in setting s (what: its name in messages); false
 * after an error. */
bool get_amount(struct ctx *c, const config_setting_t *s, const char *what,
    fen_t *out);
bool get_bool(const config_setting_t *g, const char *name);

/* config_read.c: the main file's text with its @include paths made
 * absolute, every file checked for size; NULL after errors. */
char *config_read_main(struct ctx *c, const char *path);

/* config_rules.c: one rule, the attendance thresholds, the deductions. */
void config_load_rule(struct ctx *c, const config_setting_t *g);
void config_load_attendance(struct ctx *c, const config_setting_t *g);
void config_load_deductions(struct ctx *c, const config_setting_t *g);

/* config_breaks.c: the rulebook's breaks list, and a max_away value (s
 * NULL: unset). */
void config_load_breaks(struct ctx *c, const config_setting_t *l);
void config_load_cap(struct ctx *c, const config_setting_t *s,
    struct cap *out);

#endif
