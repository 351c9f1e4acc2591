/*
 * config_internal.h - for the configuration loader's files only (config.c,
 * config_breaks.c): the error collector and the key tables' checks.
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

/* config_breaks.c: the rulebook's breaks list, and a max_away value (s
 * NULL: unset). */
void config_load_breaks(struct ctx *c, const config_setting_t *l);
void config_load_cap(struct ctx *c, const config_setting_t *s,
    struct cap *out);

#endif
