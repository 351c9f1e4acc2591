/*
 * test_pinyin.c - finding names by the pinyin a supervisor types: full,
 * initials, mixed, every reading of a polyphonic character, and the
 * things that must not match.
 */
#include <criterion/criterion.h>

#include "../../src/pinyin.h"

Test(pinyin, full_initials_and_mixed)
{
	cr_expect(pinyin_match("李娜", "lina"));
	cr_expect(pinyin_match("李娜", "ln"));
	cr_expect(pinyin_match("李娜", "lin"));
	cr_expect(pinyin_match("李娜", "LiNa"), "any case");
	cr_expect(pinyin_match("欧阳志远", "oyzy"));
	cr_expect(pinyin_match("欧阳志远", "ouyang"));
	cr_expect(pinyin_match("欧阳志远", "zhiyuan"), "a run inside the name");
	cr_expect(pinyin_match("谢雨涵", "xyh"));
}

Test(pinyin, every_reading_of_a_polyphonic_character)
{
	cr_expect(pinyin_match("单", "dan"));
	cr_expect(pinyin_match("单", "shan"), "the surname reading (not in kMandarin)");
	cr_expect(pinyin_match("区", "ou"));
	cr_expect(pinyin_match("覃", "qin"));
	cr_expect(pinyin_match("吕", "lv"), "ü typed as v");
	cr_expect(pinyin_match("吕", "lu"), "and as u");
	cr_expect_str_eq(pinyin_of(0x674e), "li");
	cr_expect_null(pinyin_of('A'));
}

Test(pinyin, what_must_not_match)
{
	cr_expect(!pinyin_match("李娜", "lx"));
	cr_expect(!pinyin_match("李娜", "nal"), "order counts");
	cr_expect(!pinyin_match("李娜", "linaa"), "longer than the name");
	cr_expect(!pinyin_match("李娜", ""));
	cr_expect(!pinyin_match("李娜", "li na"), "not pinyin: a space");
	cr_expect(!pinyin_match("李娜", "E101"), "not pinyin: digits");
	cr_expect(pinyin_match("Tom Lee", "tom"), "Latin names by their letters");
	cr_expect(!pinyin_match("Tom Lee", "tl"), "Latin letters are no initials");
}
