/*
 * i18n.c - the locale, the catalogs and the report's own language.
 *
 * A missing locale: setlocale(LC_ALL, "") fails when the locale the
 * environment names is not installed (Debian generates only C.UTF-8 by
 * default).  The C locale would turn every Chinese name into '?', so we
 * fall back to C.UTF-8 instead, keep the requested language through
 * LANGUAGE (which gettext honours in any locale but "C"), and say once
 * on stderr what is missing and how to install it.
 *
 * Switching the language for the report: LANGUAGE set for the time of
 * the build, LC_MESSAGES moved off "C" when it is there (gettext ignores
 * LANGUAGE in "C"), and _nl_msg_cat_cntr bumped so gettext forgets the
 * translations it cached for the other language.
 */
#include "i18n.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#define DOMAIN "callfloor"

extern int _nl_msg_cat_cntr;

/* A message with a context (msgctxt), as xgettext's -kP_:1c,2 reads it. */
#define P_(ctx, s) ctx "\004" s

static char catalog_dir[PATH_MAX + 32];
static char notice[512];

/* The folder of the running binary's catalogs when not setgid: build/locale
 * or locale beside the binary, when there. */
static void
find_catalogs(void)
{
	char exe[PATH_MAX], try[PATH_MAX + 32];
	static const char *const sub[] = { "/build/locale", "/locale" };
	struct stat st;
	ssize_t n;
	char *slash;
	size_t i;

	snprintf(catalog_dir, sizeof catalog_dir, "%s", LOCALEDIR);
	/* A setgid (or otherwise secure) run: the system folder only. */
	if (getauxval(AT_SECURE) || getegid() != getgid() ||
	    geteuid() != getuid())
		return;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return;
	*slash = '\0';
	for (i = 0; i < sizeof sub / sizeof sub[0]; i++) {
		snprintf(try, sizeof try, "%s%s", exe, sub[i]);
		if (stat(try, &st) == 0 && S_ISDIR(st.st_mode) &&
		    strlen(try) < sizeof catalog_dir) {
			snprintf(catalog_dir, sizeof catalog_dir, "%s", try);
			return;
		}
	}
}

/* The locale the environment asks for messages: LC_ALL, else LC_MESSAGES,
 * else LANG (NULL when none). */
static const char *
requested_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && v[0])
			return v;
	}
	return NULL;
}

/* The first locale variable that names a locale which cannot be loaded. */
static const char *
missing_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE",
	    "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < 4; i++) {
		const char *v = getenv(vars[i]);
		locale_t l;

		if (v == NULL || !v[0])
			continue;
		if ((l = newlocale(LC_ALL_MASK, v, (locale_t)0)) == (locale_t)0)
			return v;
		freelocale(l);
	}
	return requested_locale();
}

void
i18n_init(void)
{
	char lang[64] = "", want[128] = "";
	const char *req;

	find_catalogs();
	bindtextdomain(DOMAIN, catalog_dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	if (setlocale(LC_ALL, "") != NULL)
		return;

	req = missing_locale();
	snprintf(want, sizeof want, "%s", req ? req : "?");
	if (req != NULL) {
		/* "zh_CN.UTF-8@x" -> "zh_CN" for LANGUAGE. */
		snprintf(lang, sizeof lang, "%.*s", (int)strcspn(req, ".@"),
		    req);
		if (strcmp(lang, "C") == 0 || strcmp(lang, "POSIX") == 0)
			lang[0] = '\0';
	}
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "C.utf8") == NULL)
		setlocale(LC_ALL, "C");
	if (lang[0] && getenv("LANGUAGE") == NULL)
		setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
	if (lang[0] && strcmp(lang, "en") != 0 &&
	    strncmp(lang, "en_", 3) != 0 && !i18n_known(lang))
		snprintf(notice, sizeof notice,
		    _("callfloor: the locale %s is not installed and there is no "
		    "%s catalog; showing English in C.UTF-8. To install the "
		    "locale: sudo localedef -i %s -f UTF-8 %s.UTF-8"),
		    want, lang, lang, lang);
	else
		snprintf(notice, sizeof notice,
		    _("callfloor: the locale %s is not installed; using C.UTF-8 "
		    "(UTF-8 text, the same language). To install it: sudo "
		    "localedef -i %s -f UTF-8 %s.UTF-8 (or dpkg-reconfigure "
		    "locales)"), want, lang[0] ? lang : "en_US",
		    lang[0] ? lang : "en_US");
	fprintf(stderr, "%s\n", notice);
}

const char *
i18n_notice(void)
{
	return notice;
}

const char *
i18n_lang(void)
{
	/* TRANSLATORS: this catalog's language code, as in floor.language
	 * (e.g. "zh_CN"); it picks the Chinese rule titles. */
	const char *id = P_("language", "en");
	const char *t = gettext(id);

	return t == id || strcmp(t, id) == 0 ? "en" : t;
}

bool
i18n_chinese(void)
{
	return strncmp(i18n_lang(), "zh", 2) == 0;
}

bool
i18n_known(const char *lang)
{
	char path[PATH_MAX + 128];
	struct stat st;

	if (lang == NULL || !lang[0] || strchr(lang, '/') != NULL ||
	    strstr(lang, "..") != NULL)
		return false;
	if (strcmp(lang, "en") == 0 || strcmp(lang, "C") == 0)
		return true;
	snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/" DOMAIN ".mo",
	    catalog_dir[0] ? catalog_dir : bindtextdomain(DOMAIN, NULL), lang);
	return stat(path, &st) == 0;
}

/* The saved states of i18n_push, innermost last. */
#define PUSH_MAX 4
static struct {
	char *language;		/* LANGUAGE before, NULL when unset */
	char *messages;		/* LC_MESSAGES before, NULL when unchanged */
	bool active;
} stack[PUSH_MAX];
static int depth;

void
i18n_push(const char *lang)
{
	const char *cur;

	if (depth >= PUSH_MAX)
		die("i18n_push nested too deep");
	stack[depth].active = lang != NULL && lang[0];
	stack[depth].language = stack[depth].messages = NULL;
	if (stack[depth].active) {
		const char *l = getenv("LANGUAGE");

		stack[depth].language = l ? xstrdup(l) : NULL;
		setenv("LANGUAGE", lang, 1);
		cur = setlocale(LC_MESSAGES, NULL);
		if (cur == NULL || strcmp(cur, "C") == 0 ||
		    strcmp(cur, "POSIX") == 0) {
			stack[depth].messages = xstrdup(cur ? cur : "C");
			if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
				setlocale(LC_MESSAGES, "C.utf8");
		}
		++_nl_msg_cat_cntr;
	}
	depth++;
}

void
i18n_pop(void)
{
	if (depth == 0)
		return;
	depth--;
	if (!stack[depth].active)
		return;
	if (stack[depth].language != NULL)
		setenv("LANGUAGE", stack[depth].language, 1);
	else
		unsetenv("LANGUAGE");
	if (stack[depth].messages != NULL)
		setlocale(LC_MESSAGES, stack[depth].messages);
	free(stack[depth].language);
	free(stack[depth].messages);
	++_nl_msg_cat_cntr;
}
