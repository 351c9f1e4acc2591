/*
 * test_text.c - the small text formats everything else stands on: frozen
 * rule terms (terms_format/terms_parse), money in fen (fen_parse and
 * fen_format), and text measured in columns (UTF-8, CJK, cutting with …).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "../../src/terms.h"
#include "../../src/text.h"

/* ---- terms ---- */

static void
assert_same_terms(const struct rule_terms *a, const struct rule_terms *b,
    const char *what)
{
	int i;

	cr_assert_eq(a->pricing, b->pricing, "%s: pricing", what);
	cr_assert_eq(a->fine, b->fine, "%s: fine", what);
	cr_assert_eq(a->nladder, b->nladder, "%s: ladder", what);
	for (i = 0; i < a->nladder; i++)
		cr_assert_eq(a->ladder[i], b->ladder[i], "%s: step %d", what, i);
	cr_assert_eq(a->lo, b->lo, "%s: lo", what);
	cr_assert_eq(a->hi, b->hi, "%s: hi", what);
	cr_assert_eq(a->repeat_factor, b->repeat_factor, "%s: factor", what);
	if (a->repeat_factor > 1)
		cr_assert_eq(a->repeat_from, b->repeat_from, "%s: from", what);
	cr_assert_eq(a->window, b->window, "%s: window", what);
	cr_assert_eq(a->nco, b->nco, "%s: co", what);
	for (i = 0; i < a->nco; i++) {
		cr_assert_eq(a->co[i].role, b->co[i].role, "%s: co role", what);
		cr_assert_eq(a->co[i].fine, b->co[i].fine, "%s: co fine", what);
	}
	cr_assert_eq(a->has_group_fine, b->has_group_fine, "%s: group", what);
	cr_assert_eq(a->group_fine, b->group_fine, "%s: group fine", what);
	cr_assert_str_eq(a->confiscate, b->confiscate, "%s: confiscate", what);
	cr_assert_eq(a->journal, b->journal, "%s: journal", what);
	cr_assert_eq(a->flag, b->flag, "%s: flag", what);
	cr_assert_eq(a->positive, b->positive, "%s: positive", what);
	cr_assert_eq(a->note_required, b->note_required, "%s: note", what);
	cr_assert_eq(a->absence_halfdays, b->absence_halfdays, "%s: absence", what);
}

/* format, parse, format again: same terms, same text. */
static void
round_trip(const struct rule_terms *t, const char *what)
{
	struct buf a = { 0 }, b = { 0 };
	struct rule_terms back;

	terms_format(t, &a);
	cr_assert_eq(terms_parse(a.s, &back), 0, "%s: '%s' does not parse", what,
	    a.s);
	assert_same_terms(t, &back, what);
	terms_format(&back, &b);
	cr_assert_str_eq(a.s, b.s, "%s", what);
	buf_free(&a);
	buf_free(&b);
}

Test(text, terms_of_every_shipped_rule_round_trip, .init = fx_small,
    .fini = fx_done)
{
	int i;

	cr_assert_geq(fx.f->nrules, 29);
	for (i = 0; i < fx.f->nrules; i++)
		round_trip(&fx.f->rules[i].t, fx.f->rules[i].code);
}

Test(text, terms_with_everything_round_trip_to_a_known_text)
{
	struct rule_terms t = { 0 };
	struct buf b = { 0 };
	int i;

	t.pricing = PRICE_LADDER;
	for (i = 0; i < LADDER_MAX; i++)
		t.ladder[i] = (fen_t)(i + 1) * 500;
	t.nladder = LADDER_MAX;
	t.repeat_factor = 3;
	t.repeat_from = 4;
	t.window = WINDOW_EVER;
	t.co[0] = (struct co_penalty){ GROLE_DIRECTOR, 2000 };
	t.co[1] = (struct co_penalty){ GROLE_DEPUTY, 1550 };
	t.co[2] = (struct co_penalty){ GROLE_SUPERVISOR, 1 };
	t.nco = 3;
	t.has_group_fine = true;
	t.group_fine = 0;
	snprintf(t.confiscate, sizeof t.confiscate, "phone");
	t.journal = true;
	t.flag = FLAG_TERMINATION_REVIEW;
	t.note_required = true;
	t.absence_halfdays = 3;
	terms_format(&t, &b);
	cr_assert_str_eq(b.s, "v=1;p=ladder;l=500,1000,1500,2000,2500,3000,3500,"
	    "4000;rf=3;rs=4;w=ever;co=director:2000,deputy:1550,supervisor:1;"
	    "g=0;c=phone;j=1;fl=termination-review;nr=1;ab=3");
	round_trip(&t, "everything");
	buf_free(&b);
	memset(&t, 0, sizeof t);
	t.pricing = PRICE_RANGE;
	t.lo = 1;
	t.hi = 100000;
	t.repeat_factor = 1;
	t.window = WINDOW_DAY;
	t.positive = false;
	round_trip(&t, "range");
	memset(&t, 0, sizeof t);
	t.pricing = PRICE_NONE;
	t.repeat_factor = 1;
	t.positive = true;
	round_trip(&t, "positive");
}

Test(text, terms_parse_refuses_what_it_did_not_write)
{
	static const char *const bad[] = {
		"", "p=fine;f=500;w=month", "v=2;p=fine;f=500", "v=1;p=bogus",
		"v=1;p=fine;f=-5", "v=1;p=fine;f=5x", "v=1;p=fine;f=",
		"v=1;zz=1", "v=1;garbage", "v=1;p=ladder;l=",
		"v=1;p=ladder;l=1,2,3,4,5,6,7,8,9", "v=1;co=boss:5",
		"v=1;co=director", "v=1;co=director:x", "v=1;w=week", "v=1;fl=",
		"v=1;fl=sacked", "v=1;rf=0", "v=1;p=range;lo=5;hi=-1",
	};
	struct rule_terms t;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_eq(terms_parse(bad[i], &t), -1, "'%s' accepted", bad[i]);
}

/* ---- money ---- */

static fen_t
fen(const char *s)
{
	fen_t v = -12345;

	cr_assert_eq(fen_parse(s, &v), 0, "'%s' refused", s);
	return v;
}

Test(text, fen_parse_reads_yuan_into_fen)
{
	cr_assert_eq(fen("12"), 1200);
	cr_assert_eq(fen("12.5"), 1250);
	cr_assert_eq(fen("12.50"), 1250);
	cr_assert_eq(fen("12.05"), 1205);
	cr_assert_eq(fen("0.05"), 5);
	cr_assert_eq(fen("0"), 0);
	cr_assert_eq(fen("007"), 700);
	cr_assert_eq(fen("200"), 20000);
	cr_assert_eq(fen("92233720368547"), (fen_t)9223372036854700);
}

Test(text, fen_parse_refuses_what_is_not_an_amount)
{
	static const char *const bad[] = { "", ".", "12.", ".5", "1.234",
		"-1", "+1", "1e3", " 1", "1 ", "1,5", "¥5", "12.5a", "0x10",
		"99999999999999999999", "922337203685477580.07" };
	size_t i;
	fen_t v = 777;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_eq(fen_parse(bad[i], &v), -1, "'%s' accepted", bad[i]);
	cr_assert_eq(fen_parse(NULL, &v), -1);
	cr_assert_eq(v, 777, "a refused amount was written");
}

Test(text, fen_format_writes_two_decimals)
{
	char out[32];
	static const fen_t back[] = { 0, 1, 99, 100, 1250, 20000, 123456789 };
	size_t i;

	cr_assert_str_eq(fen_format(0, out, sizeof out), "0.00");
	cr_assert_str_eq(fen_format(5, out, sizeof out), "0.05");
	cr_assert_str_eq(fen_format(1250, out, sizeof out), "12.50");
	cr_assert_str_eq(fen_format(-5, out, sizeof out), "-0.05");
	cr_assert_str_eq(fen_format(-1250, out, sizeof out), "-12.50");
	cr_assert_str_eq(fen_format(INT64_MAX, out, sizeof out),
	    "92233720368547758.07");
	cr_assert_str_eq(fen_format(INT64_MIN, out, sizeof out),
	    "-92233720368547758.08");
	for (i = 0; i < sizeof back / sizeof back[0]; i++)
		cr_assert_eq(fen(fen_format(back[i], out, sizeof out)), back[i]);
}

/* ---- UTF-8 and columns ---- */

Test(text, utf8_validity)
{
	cr_assert(utf8_valid("李娜 Tom"));
	cr_assert(utf8_valid(""));
	cr_assert(utf8_valid("\xf0\x9f\x98\x80"), "a 4-byte character");
	cr_assert(utf8_valid("\xef\xbf\xbd"), "a real U+FFFD");
	cr_assert_not(utf8_valid("a\xff" "b"));
	cr_assert_not(utf8_valid("\xc0\xaf"), "overlong '/'");
	cr_assert_not(utf8_valid("\xed\xa0\x80"), "a surrogate");
	cr_assert_not(utf8_valid("\xe5\xae"), "cut short");
	cr_assert_not(utf8_valid("\xf4\x90\x80\x80"), "past U+10FFFF");
	cr_assert_not(utf8_valid(NULL));
	cr_assert(check_name_like("王芳"));
	cr_assert_not(check_name_like(""));
	cr_assert_not(check_name_like(NULL));
	cr_assert_not(check_name_like("\xff"));
}

Test(text, utf8_next_decodes_and_replaces)
{
	unsigned cp = 0;

	cr_assert_eq(utf8_next("宽", 3, &cp), 3);
	cr_assert_eq(cp, 0x5bbd);
	cr_assert_eq(utf8_next("\xff" "a", 2, &cp), 1);
	cr_assert_eq(cp, 0xfffd);
	cr_assert_eq(utf8_next("宽", 2, &cp), 1, "read past n");
	cr_assert_eq(cp, 0xfffd);
	cr_assert_eq(utf8_next("", 5, &cp), 0);
	cr_assert_eq(utf8_next("a", 0, &cp), 0);
}

Test(text, widths_in_columns)
{
	cr_assert_eq(text_width(""), 0);
	cr_assert_eq(text_width("Tom Lee"), 7);
	cr_assert_eq(text_width("宽"), 2);
	cr_assert_eq(text_width("李娜"), 4);
	cr_assert_eq(text_width("欧阳志远"), 8);
	cr_assert_eq(text_width("a宽b"), 4);
	cr_assert_eq(text_width("Ａ"), 2, "fullwidth A");
	cr_assert_eq(text_width("한"), 2, "Hangul");
	cr_assert_eq(text_width("é"), 1);
	cr_assert_eq(text_width("e\xcc\x81"), 1, "a combining accent");
	cr_assert_eq(text_width("a\xff" "b"), 3, "a bad byte is one U+FFFD");
	cr_assert_eq(text_width("a\x07" "b"), 2, "a control character");
}

Test(text, widths_agree_in_a_utf8_locale)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		cr_skip_test("no C.UTF-8 locale");
	cr_assert(text_locale_utf8());
	cr_assert_eq(text_width("宽"), 2);
	cr_assert_eq(text_width("欧阳志远 Tom"), 12);
	cr_assert_eq(text_width("a\xff" "b"), 3);
}

/* text_fit into a fresh buffer; the result is static until the next call. */
static const char *
fit(const char *s, int width, bool right, bool ascii)
{
	static struct buf b;

	buf_free(&b);
	buf_add(&b, "", 0);
	text_fit(&b, s, width, right, ascii);
	return b.s;
}

Test(text, fit_pads_to_the_width)
{
	cr_assert_str_eq(fit("李娜", 6, false, false), "李娜  ");
	cr_assert_str_eq(fit("李娜", 6, true, false), "  李娜");
	cr_assert_str_eq(fit("李娜", 4, false, false), "李娜");
	cr_assert_str_eq(fit("", 3, false, false), "   ");
	cr_assert_str_eq(fit("Tom", 3, true, false), "Tom");
}

Test(text, fit_cuts_with_an_ellipsis)
{
	cr_assert_str_eq(fit("欧阳志远", 5, false, false), "欧阳…");
	cr_assert_str_eq(fit("欧阳志远", 6, false, false), "欧阳 …",
	    "a wide character across the edge becomes a space");
	cr_assert_str_eq(fit("欧阳志远", 7, false, false), "欧阳志…");
	cr_assert_str_eq(fit("Anna Schmidt", 6, false, false), "Anna …");
	cr_assert_str_eq(fit("Anna Schmidt", 6, false, true), "Anna ~");
	cr_assert_str_eq(fit("李娜", 1, false, false), "…");
	cr_assert_str_eq(fit("李娜", 0, false, false), "");
	cr_assert_str_eq(fit("欧阳志远", 5, true, false), "欧阳…");
}

Test(text, fit_cuts_bad_bytes_into_replacement_characters)
{
	cr_assert_str_eq(fit("ab\xff" "cdefgh", 5, false, false),
	    "ab\xef\xbf\xbd" "c…");
	cr_assert_str_eq(fit("ab\xff" "cdefgh", 5, false, true), "ab?c~");
}

Test(text, fit_replaces_bad_bytes_in_a_string_that_fits)
{
	cr_assert_str_eq(fit("ab\xff" "c", 5, false, false), "ab\xef\xbf\xbd" "c ");
	cr_assert_str_eq(fit("ab\xff" "c", 5, false, true), "ab?c ");
}

/* Columns by glibc's own table (wcswidth in C.UTF-8), not ours. */
static int
libc_width(const char *s)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, s, 256);

	cr_assert_neq(n, (size_t)-1, "'%s' is not UTF-8", s);
	return wcswidth(w, n);
}

Test(text, fit_always_takes_exactly_the_width)
{
	static const char *const names[] = { "", "Tom Lee", "李娜", "欧阳志远",
		"Anna Schmidt", "a宽b宽c", "e\xcc\x81" "宽", "ab\xff" "cd",
		"谢雨涵\x1b[2J" };
	size_t i;
	int w;

	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"));
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		for (w = 0; w <= 12; w++) {
			cr_assert_eq(libc_width(fit(names[i], w, false, false)), w,
			    "'%s' in %d columns: '%s'", names[i], w,
			    fit(names[i], w, false, false));
			cr_assert_eq(libc_width(fit(names[i], w, true, true)), w);
		}
	setlocale(LC_CTYPE, "C");
}

Test(text, clean_shows_control_characters_and_never_sends_them)
{
	struct buf b = { 0 };
	const char *in = "a\nb\tc\x1b]0;x\x07\x7f\xc2\x85" "d";

	text_clean(&b, in, strlen(in), false);
	cr_assert_str_eq(b.s, "a\\nb\\tc^[]0;x^G^?\\u0085d");
	buf_free(&b);
	/* A whole document keeps its lines and pages, nothing else. */
	in = "l1\r\nl2\fp2\x1b[2J\xc2\x9b";
	text_clean(&b, in, strlen(in), true);
	cr_assert_str_eq(b.s, "l1\r\nl2\fp2^[[2J\\u009B");
	buf_free(&b);
	text_clean(&b, "宽\xff", strlen("宽\xff"), false);
	cr_assert_str_eq(b.s, "宽\xef\xbf\xbd", "a bad byte is U+FFFD");
	buf_free(&b);
	cr_assert(text_has_control("x\x1b"));
	cr_assert(text_has_control("\xc2\x9b"), "C1 CSI");
	cr_assert(!text_has_control("李娜 Tom"));
}

Test(text, fit_cuts_a_control_sequence_only_as_visible_text)
{
	/* ESC [ 2 J is shown as "^[[2J": a cut leaves no half sequence. */
	cr_assert_str_eq(fit("ab\x1b[2J", 5, false, false), "ab^[…");
	cr_assert_str_eq(fit("a\nb", 4, false, false), "a\\nb");
}

Test(text, fit_appends)
{
	struct buf b = { 0 };

	buf_puts(&b, "[");
	text_fit(&b, "宽", 3, false, false);
	buf_puts(&b, "]");
	cr_assert_str_eq(b.s, "[宽 ]");
	buf_free(&b);
}

Test(text, col_is_the_width_with_its_gap)
{
	struct buf b = { 0 };

	text_col(&b, "李娜", 7);
	text_col(&b, "Anna Schmidt", 6);
	cr_assert_str_eq(b.s, "李娜   Anna\xe2\x80\xa6 ", "'%s'", b.s);
	buf_free(&b);
}

/* text_wrap's lines joined by '|'. */
static const char *
wrapped(const char *s, int width)
{
	static char out[256];
	char **l;
	int n, i;

	n = text_wrap(s, width, &l);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		cr_assert_leq(text_width(l[i]), width, "'%s' over %d", l[i], width);
		strncat(out, i ? "|" : "", sizeof out - strlen(out) - 1);
		strncat(out, l[i], sizeof out - strlen(out) - 1);
	}
	text_lines_free(l, n);
	return out;
}

Test(text, wrap_cuts_at_spaces_and_inside_chinese)
{
	cr_assert_str_eq(wrapped("  caught again at the desk", 10),
	    "caught|again at|the desk");
	/* Two columns a character: four in 9 columns, never half of one. */
	cr_assert_str_eq(wrapped("第二次玩游戏被抓到", 9), "第二次玩|游戏被抓|到");
	cr_assert_str_eq(wrapped("abcdefghijkl", 5), "abcde|fghij|kl");
	cr_assert_str_eq(wrapped("", 5), "");
}

Test(text, a_note_is_cleaned_before_it_is_wrapped)
{
	char **l;
	int n;

	n = text_note_wrap("note: ", "one\ntwo\fthree", 80, &l);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(l[0], "note: one\\ntwo^Lthree");
	text_lines_free(l, n);
}

/* lower_bound_i64: the first record whose key is not below the one asked,
 * on records with the key after other fields; n when every key is below. */
Test(text, lower_bound_i64_finds_the_first_not_below)
{
	struct rec { int pad; int64_t key; } r[] = { { 0, -5 }, { 0, 3 },
		{ 0, 3 }, { 0, 3 }, { 0, 9 } };
	size_t off = offsetof(struct rec, key);

	cr_assert_eq(lower_bound_i64(r, 5, sizeof *r, off, 3), 1, "the first 3");
	cr_assert_eq(lower_bound_i64(r, 5, sizeof *r, off, -9), 0);
	cr_assert_eq(lower_bound_i64(r, 5, sizeof *r, off, 4), 4, "before 9");
	cr_assert_eq(lower_bound_i64(r, 5, sizeof *r, off, 10), 5, "past the end");
	cr_assert_eq(lower_bound_i64(NULL, 0, sizeof *r, off, 1), 0, "none");
}
