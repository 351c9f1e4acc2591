/*
 * config_man.c - callfloor.cfg(5), the configuration's manual page, made
 * from the key table (config_table.c) and the console's key table
 * (console_keys.c): every key with its type, default, range and help, the
 * structure of the sections, and the keys a rule's hotkey may not take.
 * tools/cfgman.c writes it at build time; nothing here reads a file.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "config_internal.h"
#include "console_keys.h"

const char *
cfg_type_name(enum ktype t)
{
	static const char *names[K_NTYPES] = { "string", "integer", "amount",
		"boolean", "array", "list of entries", "group", "agents or "
		"percentage" };

	return names[t];
}

/* Text for roff: backslashes as \e, a leading '.' or '\'' kept from
 * reading as a request, "-" as the minus of names and options, `a
 * command` in bold. */
static void
roff_text(struct buf *b, const char *s)
{
	bool bold = false;

	if (*s == '.' || *s == '\'')
		buf_puts(b, "\\&");
	for (; *s; s++) {
		if (*s == '`')
			buf_puts(b, (bold = !bold) ? "\\fB" : "\\fR");
		else if (*s == '\\')
			buf_puts(b, "\\e");
		else if (*s == '-')
			buf_puts(b, "\\-");
		else
			buf_printf(b, "%c", *s);
	}
}

static const char head[] =
".\\\" callfloor.cfg.5 - made by tools/cfgman from src/config_table.c and\n"
".\\\" src/console_keys.c; do not edit.\n"
".TH CALLFLOOR.CFG 5 \"2026\" \"callfloor " VERSION "\" \"File Formats\"\n"
".SH NAME\n"
"callfloor.cfg \\- the configuration of a callfloor floor and its rulebook\n"
".SH SYNOPSIS\n"
".I /etc/callfloor/callfloor.cfg\n"
".br\n"
".I /etc/callfloor/rules.cfg\n"
".SH DESCRIPTION\n"
".B callfloor\n"
"reads its floor from one file in libconfig syntax\n"
"(\\fBcallfloor \\-c\\fR \\fIFILE\\fR, else \\fB$CALLFLOOR_CONFIG\\fR,\n"
"else \\fI/etc/callfloor/callfloor.cfg\\fR).\n"
"The file may take in others with\n"
".BR @include \" \\(dqrules.cfg\\(dq\" ;\n"
"a relative name is taken from the folder of the including file.\n"
".PP\n"
"The whole configuration is checked before anything runs.\n"
"Every problem is reported, each as\n"
".IR FILE : LINE :\n"
"followed by what is wrong (an unknown key, a wrong type, a value out of\n"
"its range, a reference to nothing), and a configuration with any\n"
"problem is not used at all.\n"
".B callfloor check\\-config\n"
"checks a file without doing anything else.\n"
".PP\n"
"Amounts are in currency units with at most two decimals\n"
"(\\fB12.50\\fR); callfloor keeps them in hundredths.\n"
"Ids of seats, groups and staff are letters, digits, \\(aq\\-\\(aq and\n"
"\\(aq_\\(aq.\n"
".SH STRUCTURE\n"
"A floor has a\n"
".B floor\n"
"group and the lists\n"
".BR groups ,\n"
".BR staff ,\n"
".B users\n"
"and\n"
".BR rules ;\n"
".BR attendance ,\n"
".BR breaks ,\n"
".B max_away\n"
"and\n"
".B deductions\n"
"are optional.\n"
"A list holds entries in braces; below, a key of a list's entries is\n"
"named after the list:\n"
".B rules.fine\n"
"is the\n"
".B fine\n"
"of an entry of\n"
".BR rules .\n"
".PP\n"
".EX\n"
"floor = {\n"
"  id = \"f3\";\n"
"  name = \"Customer Hotline, Floor 3\";\n"
"  shift = { start = \"09:00\"; end = \"18:00\"; };\n"
"  layout = [ \"A01 A02 . B01\",\n"
"             \"A03 A04 . B02\" ];\n"
"};\n"
"groups = (\n"
"  { id = \"A\"; name = \"Group A\"; director = \"D001\"; },\n"
"  { id = \"B\"; name = \"Group B\"; }\n"
");\n"
"staff = (\n"
"  { id = \"E101\"; name = \"Li Na\"; group = \"A\"; seat = \"A01\"; },\n"
"  { id = \"D001\"; name = \"Wang Fang\"; group = \"A\"; }\n"
");\n"
"users = (\n"
"  { login = \"wangf\"; role = \"supervisor\"; staff = \"D001\"; },\n"
"  { login = \"boss\"; role = \"manager\"; }\n"
");\n"
"@include \"rules.cfg\"\n"
"\n"
"# rules.cfg\n"
"rules = (\n"
"  { code = \"SLEEP\"; title = \"Resting head on the desk\";\n"
"    key = \"s\"; fine = 10;\n"
"    co_penalty = ( { role = \"director\"; fine = 10; } ); }\n"
");\n"
"attendance = { late_grace_minutes = 0; };\n"
"breaks = ( { code = \"WC\"; title = \"Toilet\"; limit_minutes = 10; } );\n"
"max_away = \"20%\";\n"
"deductions = { absence_day = 200.00; };\n"
".EE\n"
".SH KEYS\n"
"Each key with its type, default and range; a key marked\n"
".I required\n"
"must be given.\n";

static const char tail[] =
".SH FILES\n"
".TP\n"
".I /etc/callfloor/callfloor.cfg\n"
"The floor, where a shared install keeps it.\n"
".TP\n"
".I /etc/callfloor/rules.cfg\n"
"The rulebook, included by the floor.\n"
".SH SEE ALSO\n"
".BR callfloor (1)\n";

/* The range of k as the loader checks it, or "" for none. */
static void
range_text(struct buf *b, const struct cfg_key *k)
{
	if (k->range != NULL)
		buf_puts(b, k->range);
	else if (k->min == k->max)
		return;
	else if (k->max == INT_MAX)
		buf_printf(b, "%lld or more", k->min);
	else
		buf_printf(b, "%lld to %lld", k->min, k->max);
	if (k->unit != NULL && k->range == NULL)
		buf_printf(b, " %s", k->unit);
}

/* "type, required; default D; range." and the help, for an entry under
 * .TP (or a section's paragraph). */
static void
key_text(struct buf *b, const struct cfg_key *k)
{
	struct buf line = { 0 };

	buf_printf(&line, "%s", cfg_type_name(k->type));
	if (k->required)
		buf_puts(&line, ", required");
	if (k->def != NULL)
		buf_printf(&line, "; default %s", k->def);
	if (k->range != NULL || k->min != k->max) {
		buf_puts(&line, "; ");
		range_text(&line, k);
	}
	buf_puts(&line, ".");
	buf_puts(b, "\\fI");
	roff_text(b, line.s);
	buf_puts(b, "\\fR\n.br\n");
	roff_text(b, k->help);
	buf_puts(b, "\n");
	buf_free(&line);
}

static void
console_keys_section(struct buf *b)
{
	size_t i;

	buf_puts(b, ".SH CONSOLE KEYS\n"
	    "A rule's\n.B key\nmay not be one of the console's own keys:\n"
	    "a configuration that gives one is refused, naming the key and what "
	    "it does.\n");
	for (i = 0; i < console_nkeys; i++) {
		const struct console_key *k = &console_keys[i];

		if (k->act == ACT_SECTION || k->key > 0x7e || !isprint(k->key))
			continue;
		buf_puts(b, ".TP\n");
		if (k->key == ' ')
			buf_puts(b, ".B Space\n");
		else {
			buf_puts(b, ".B ");
			roff_text(b, (char[]){ (char)k->key, '\0' });
			buf_puts(b, "\n");
		}
		roff_text(b, console_key_help(k));
		buf_puts(b, "\n");
	}
}

void
config_manual(struct buf *b)
{
	const struct cfg_key *top, *k;

	buf_puts(b, head);
	for (top = cfg_keys; top->name; top++) {
		size_t n = strlen(top->name);

		if (!cfg_in(top, ""))
			continue;
		/* A section, its type and help, then each of its keys. */
		buf_printf(b, ".SS %s\n", top->name);
		key_text(b, top);
		for (k = cfg_keys; k->name; k++)
			if (strncmp(k->name, top->name, n) == 0 &&
			    k->name[n] == '.') {
				buf_printf(b, ".TP\n.B %s\n", k->name);
				key_text(b, k);
			}
	}
	console_keys_section(b);
	buf_puts(b, tail);
}
