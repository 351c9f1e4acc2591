/*
 * test_i18n.c - the report's own language: i18n_push switches gettext to
 * a floor's language and i18n_pop puts the reader's back, nested, from
 * an English ("C.UTF-8") session and from a "C" one (where gettext would
 * ignore LANGUAGE); which languages a floor may name.  The catalogs are
 * the ones `make` built in build/locale, beside the test binary.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/i18n.h"
#include "../../src/util.h"

static void
english_session(void)
{
	unsetenv("LANGUAGE");
	setenv("LC_ALL", "C.UTF-8", 1);
	i18n_init();
}

Test(i18n, push_switches_and_pop_restores, .init = english_session)
{
	cr_assert_str_eq(_("Fines today"), "Fines today");
	cr_assert(!i18n_chinese());
	i18n_push("zh_CN");
	cr_assert_str_eq(_("Fines today"), "今日罚款");
	cr_assert(i18n_chinese());
	cr_assert_str_eq(i18n_lang(), "zh_CN");
	/* Nested: an English floor inside stays English, then Chinese. */
	i18n_push("en");
	cr_assert_str_eq(_("Fines today"), "Fines today");
	i18n_pop();
	cr_assert_str_eq(_("Fines today"), "今日罚款");
	i18n_pop();
	cr_assert_str_eq(_("Fines today"), "Fines today");
	cr_assert_null(getenv("LANGUAGE"), "LANGUAGE left set after the pop");
}

Test(i18n, no_language_keeps_the_readers)
{
	english_session();
	i18n_push(NULL);
	cr_assert_str_eq(_("Fines today"), "Fines today");
	i18n_pop();
	i18n_push("");
	cr_assert_str_eq(_("Fines today"), "Fines today");
	i18n_pop();
}

Test(i18n, works_from_the_c_locale)
{
	unsetenv("LANGUAGE");
	setenv("LC_ALL", "C", 1);
	i18n_init();
	cr_assert_str_eq(setlocale(LC_MESSAGES, NULL), "C");
	i18n_push("zh_CN");
	cr_assert_str_eq(_("Fines today"), "今日罚款");
	i18n_pop();
	cr_assert_str_eq(setlocale(LC_MESSAGES, NULL), "C");
	cr_assert_str_eq(_("Fines today"), "Fines today");
}

Test(i18n, known_languages, .init = english_session)
{
	cr_assert(i18n_known("en"));
	cr_assert(i18n_known("zh_CN"));
	cr_assert(!i18n_known("xx_YY"));
	cr_assert(!i18n_known(""));
	cr_assert(!i18n_known("../zh_CN"));
	cr_assert(!i18n_known("zh_CN/../zh_CN"));
}
