/*
 * i18n.h - the interface language (gettext).
 *
 * The console and the CLI speak the language of the locale (LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG, as gettext reads them).  The end-of-day
 * report speaks the floor's language when floor.language is set: its
 * builder wraps itself in i18n_push / i18n_pop.
 *
 * Catalogs: a setgid run reads them only from the compiled-in LOCALEDIR;
 * any other run prefers build/locale/ (or locale/) next to the binary, so
 * ./callfloor from the checkout and the tests find the freshly built ones.
 */
#ifndef CALLFLOOR_I18N_H
#define CALLFLOOR_I18N_H

#include <stdbool.h>

/* Call first thing in main, before anything is printed: the locale (with a
 * UTF-8 fallback and a one-line notice when the requested one is missing),
 * and the catalogs. */
void i18n_init(void);

/* The notice i18n_init printed on stderr ("" when none), for the console
 * to repeat on its message line. */
const char *i18n_notice(void);

/* The language messages are shown in now: "zh_CN", or "en" (no catalog). */
const char *i18n_lang(void);
/* True when messages are in Chinese now (rule titles: title_zh). */
bool i18n_chinese(void);

/* True when lang ("en", "zh_CN", ...) can be shown: English, or a
 * language with a callfloor catalog in the catalog folder. */
bool i18n_known(const char *lang);

/* Messages in lang until the matching i18n_pop (nests); a NULL or empty
 * lang keeps the current language.  For the report of a floor. */
void i18n_push(const char *lang);
void i18n_pop(void);

#endif
