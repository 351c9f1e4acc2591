/*
 * config_table.c - every key of the configuration, one row each: its full
 * path, type, default, range and help.  The loader takes defaults, ranges
 * and which keys may stand where from here (config.c, config_rules.c,
 * config_breaks.c), and callfloor.cfg(5) is made from it (config_man.c),
 * so that the manual cannot drift from what the loader accepts.
 *
 * A path names a key in a list's entries after the list: "rules.fine" is
 * the fine of an entry of `rules = ( { ... } )`.  Defaults are written as
 * a user would write them; ranges are whole numbers, of currency units for
 * amounts; an array's range is its elements'.  A check that is no plain
 * range is a function named in the row.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_internal.h"

#define AMOUNT_MAX 1000000000	/* currency units: more is a typo */

/* A limit of floor.h in a help text. */
#define STR(x) STR_(x)
#define STR_(x) #x

#define RANGE(lo, hi) .min = (lo), .max = (hi)
#define AMOUNT RANGE(0, AMOUNT_MAX)

const struct cfg_key cfg_keys[] = {
	/* ---- the top level ---- */
	{ "floor", K_GROUP, true, .help = "The floor: its name, shift, calendar, "
	    "seat map and printing." },
	{ "groups", K_LIST, true, .help = "The groups, one entry each." },
	{ "staff", K_LIST, true, .help = "The people of the floor, one entry "
	    "each." },
	{ "users", K_LIST, true, .help = "Who may use the console and the "
	    "commands, and with which role." },
	{ "rules", K_LIST, true, .help = "The rulebook: one entry a rule." },
	{ "attendance", K_GROUP, false, .help = "The rulebook's attendance "
	    "thresholds (section 3)." },
	{ "breaks", K_LIST, false, .help = "The reasons for a break away from "
	    "the desk, one entry each." },
	{ "max_away", K_CAP, false, .check = cfg_check_cap,
	    .range = "1 to 10000 agents, or \"1%\" to \"100%\"", RANGE(1, 10000),
	    .help = "How many of a group may be away at once: a number of "
	    "agents, or a share of the group's agents present (\"20%\", at "
	    "least one). Starts beyond it are queued. Unset: no cap." },
	{ "deductions", K_GROUP, false, .help = "Rule A7's deduction policy, "
	    "for `callfloor payroll`." },

	/* ---- floor ---- */
	{ "floor.id", K_STRING, true, .help = "Short name (letters, digits, "
	    "'-', '_'); names the default database file." },
	{ "floor.name", K_STRING, true, .help = "The floor's name, shown in "
	    "every header." },
	{ "floor.currency", K_STRING, false, .def = "¥",
	    .help = "The currency sign." },
	{ "floor.timezone", K_STRING, false, .help = "IANA time zone, such as "
	    "\"Asia/Shanghai\"; default the machine's." },
	{ "floor.database", K_STRING, false, .help = "The database: an absolute "
	    "path (SQLite), or a PostgreSQL postgresql://... URI or service=NAME "
	    "without a secret (the installed, setgid callfloor looks NAME up in "
	    "/etc/callfloor/pg_service.conf, then the system's pg_service.conf, "
	    "never in a user's); default a file named after floor.id." },
	{ "floor.database_file", K_STRING, false, .help = "A file (root:callfloor, "
	    "mode 0640) whose first line is the PostgreSQL connection string "
	    "with its password, read once at start." },
	{ "floor.print_command", K_STRING, false, .help = "How reports are "
	    "printed, the report on its standard input; default "
	    "`lp -t 'callfloor'`." },
	{ "floor.print_format", K_STRING, false, .help = "What --print sends: "
	    "\"pdf\" or \"text\"; default pdf when print_command is lp or lpr "
	    "(or unset), else text." },
	{ "floor.paper", K_STRING, false, .def = "a4", .help = "The PDF's paper: "
	    "\"a4\" or \"letter\"." },
	{ "floor.language", K_STRING, false, .help = "The printed report's "
	    "language, such as \"zh_CN\" or \"en\"; default the reader's." },
	{ "floor.shift", K_GROUP, true, .help = "The working day: shift = { "
	    "start = \"09:00\"; end = \"18:00\"; }; an end before the start "
	    "runs past midnight." },
	{ "floor.shift.start", K_STRING, true, .help = "When the shift starts, "
	    "\"HH:MM\"." },
	{ "floor.shift.end", K_STRING, true, .help = "When the shift ends, "
	    "\"HH:MM\"." },
	{ "floor.layout", K_ARRAY, true, .help = "The seat map, one string a "
	    "row: a token is a seat id, \".\" an aisle or gap." },
	{ "floor.workdays", K_ARRAY, false, .def = "[1, 2, 3, 4, 5]",
	    RANGE(1, 7), .help = "The working weekdays, 1 (Monday) to 7 "
	    "(Sunday)." },
	{ "floor.holidays", K_ARRAY, false, .help = "Public holidays, "
	    "\"YYYY-MM-DD\"." },
	{ "floor.signin_window", K_INT, false, .def = "240", RANGE(0, 24 * 60),
	    .unit = N_("minutes"), .help = "How long before the shift start a "
	    "sign-in is accepted." },
	{ "floor.signout_window", K_INT, false, .def = "240", RANGE(0, 24 * 60),
	    .unit = N_("minutes"), .help = "How long after the shift end a "
	    "sign-out is accepted." },
	{ "floor.complaint_retention_days", K_INT, false, .def = "180",
	    RANGE(0, 3650), .unit = N_("days"), .help = "How long after its "
	    "close a register entry (B14) keeps the caller's name and phone, "
	    "until `callfloor complaint purge`." },

	/* ---- groups, staff, users ---- */
	{ "groups.id", K_STRING, true, .help = "The group's id (letters, "
	    "digits, '-', '_')." },
	{ "groups.name", K_STRING, true, .help = "The group's name." },
	{ "groups.director", K_STRING, false, .help = "Staff id of the "
	    "group's director, a member of the group; left out when vacant." },
	{ "groups.deputy", K_STRING, false, .help = "Staff id of the deputy "
	    "director, a member of the group; left out when vacant." },
	{ "groups.supervisor", K_STRING, false, .help = "Staff id of the "
	    "group's supervisor, of any group." },
	{ "groups.max_away", K_CAP, false, .check = cfg_check_cap,
	    .range = "1 to 10000 agents, or \"1%\" to \"100%\"", RANGE(1, 10000),
	    .help = "The group's own max_away, in place of the rulebook's." },
	{ "staff.id", K_STRING, true, .help = "The staff id (letters, digits, "
	    "'-', '_'), unique on the floor." },
	{ "staff.name", K_STRING, true, .help = "The person's name (UTF-8)." },
	{ "staff.group", K_STRING, true, .help = "The id of the person's "
	    "group." },
	{ "staff.seat", K_STRING, false, .help = "The person's seat in the "
	    "layout; left out: no fixed seat." },
	{ "staff.wage", K_AMOUNT, false, AMOUNT, .help = "The month's wage, for "
	    "payroll's legal cap on deductions." },
	{ "users.login", K_STRING, true, .help = "The login name; \"*\" is "
	    "everyone else." },
	{ "users.role", K_STRING, true, .help = "\"lead\" (reads, reports, "
	    "prints), \"supervisor\" (marks), \"director\" or \"manager\" "
	    "(everything: voids, backdating, closing months)." },
	{ "users.staff", K_STRING, false, .help = "The user's staff id, when "
	    "the user is on the floor's staff." },

	/* ---- rules ---- */
	{ "rules.code", K_STRING, true, .help = "The rule's code: capitals, "
	    "digits and '_', unique." },
	{ "rules.title", K_STRING, true, .help = "A short English title." },
	{ "rules.title_zh", K_STRING, false, .help = "A short Chinese title." },
	{ "rules.section", K_STRING, false, .help = "The rulebook's section, "
	    "such as \"floor\" or \"service\"; the report groups by it." },
	{ "rules.key", K_STRING, false,
	    .range = "one printable character, no console key",
	    .help = "The console hotkey that marks the rule: one printable "
	    "character, unique among the rules, and none of the console's own "
	    "keys (listed below)." },
	{ "rules.fine", K_AMOUNT, false, AMOUNT, .help = "A fixed fine for the "
	    "offender (at most one of fine, ladder and range)." },
	{ "rules.ladder", K_ARRAY, false, AMOUNT, .help = "Fines of the 1st, 2nd, "
	    "3rd... offence (up to " STR(LADDER_MAX) " steps); past the end, the "
	    "last step." },
	{ "rules.range", K_ARRAY, false, AMOUNT, .help = "[low, high]: the "
	    "marker gives the amount; default low." },
	{ "rules.repeat_factor", K_INT, false, .def = "1", RANGE(1, 100),
	    .help = "Multiplies the offender's own fine from the "
	    "repeat_from-th offence (never co-penalties)." },
	{ "rules.repeat_from", K_INT, false, RANGE(2, INT_MAX),
	    .help = "The offence from which repeat_factor applies; default 2 "
	    "with a repeat_factor, else never." },
	{ "rules.window", K_STRING, false, .def = "month", .help = "What counts "
	    "as an earlier offence: \"day\", \"month\", \"year\" or \"ever\"." },
	{ "rules.co_penalty", K_LIST, false, .help = "Also fines role holders "
	    "of the offender's group: ( { role = \"director\"; fine = 10; }, "
	    "... ), up to " STR(CO_MAX) "." },
	{ "rules.co_penalty.role", K_STRING, true, .help = "\"director\", "
	    "\"deputy\" or \"supervisor\", each once." },
	{ "rules.co_penalty.fine", K_AMOUNT, true, AMOUNT,
	    .help = "What the role holder pays." },
	{ "rules.group_fine", K_AMOUNT, false, AMOUNT, .help = "Fines every "
	    "member of the group instead (a group rule has no own fine)." },
	{ "rules.confiscate", K_STRING, false, .help = "What is confiscated, "
	    "a short word such as \"phone\": opens a custody record." },
	{ "rules.journal", K_BOOL, false, .def = "false", .help = "Entered in "
	    "the management work journal." },
	{ "rules.flag", K_STRING, false, .help = "Recorded with the incident: "
	    "\"warning\", \"criticism\", \"termination-review\" or "
	    "\"termination\"." },
	{ "rules.positive", K_BOOL, false, .def = "false", .help = "A "
	    "commendation, never a fine." },
	{ "rules.note_required", K_BOOL, false, .def = "false",
	    .help = "The marker must write a note." },
	{ "rules.absence_days", K_AMOUNT, false, .def = "0", RANGE(0, 10),
	    .check = cfg_check_half_days, .range = "0 to 10 in steps of 0.5",
	    .help = "Counts as that many days of absence, which feed the "
	    "attendance thresholds." },

	/* ---- attendance ---- */
	{ "attendance.late_grace_minutes", K_INT, false, .def = "0",
	    RANGE(0, 1000), .unit = N_("minutes"), .help = "A3a: a sign-in "
	    "later than the shift start plus this is late." },
	{ "attendance.half_day_after_minutes", K_INT, false, .def = "10",
	    RANGE(0, 1000), .unit = N_("minutes"), .help = "A1: late or early "
	    "by more than this is half a day of personal leave." },
	{ "attendance.lates_per_month_absence", K_INT, false, .def = "3",
	    RANGE(0, 1000), .help = "A3b: more late arrivals and early "
	    "leaves than this in a month are a day of absence (0: never)." },
	{ "attendance.lates_per_year_termination", K_INT, false, .def = "30",
	    RANGE(0, 1000), .help = "A3c: this many late arrivals and early "
	    "leaves in a year flag the contract's termination (0: never)." },
	{ "attendance.absences_month_forfeit", K_INT, false, .def = "2",
	    RANGE(0, 1000), .unit = N_("days"), .help = "A6a: this many days "
	    "of absence in a month forfeit the bonus (0: never)." },
	{ "attendance.absences_total_termination", K_INT, false, .def = "3",
	    RANGE(0, 1000), .unit = N_("days"), .help = "A6b: this many days "
	    "of absence in all flag the contract's end (0: never)." },
	{ "attendance.consecutive_absences_termination", K_INT, false,
	    .def = "3", RANGE(0, 1000), .unit = N_("days"), .help = "A2b: this "
	    "many consecutive days of absence flag termination (0: never)." },

	/* ---- breaks ---- */
	{ "breaks.code", K_STRING, true, .help = "The reason's code: 1 to "
	    STR(BREAK_CODE_MAX) " "
	    "capitals, digits or '_', unique." },
	{ "breaks.title", K_STRING, true, .help = "A short English title." },
	{ "breaks.title_zh", K_STRING, false, .help = "A short Chinese title." },
	{ "breaks.limit_minutes", K_INT, true, RANGE(1, 480),
	    .unit = N_("minutes"), .help = "A break this long shows as over "
	    "the limit." },
	{ "breaks.over_limit_rule", K_STRING, false, .help = "The code of a rule "
	    "the console offers to mark when a break ends over the limit." },

	/* ---- deductions ---- */
	{ "deductions.personal_leave_day", K_AMOUNT, false, .def = "0", AMOUNT,
	    .help = "Per day of personal leave (A1 half days count 0.5)." },
	{ "deductions.sick_leave_day", K_AMOUNT, false, .def = "0", AMOUNT,
	    .help = "Per day of sick leave." },
	{ "deductions.absence_day", K_AMOUNT, false, .def = "0", AMOUNT,
	    .help = "Per day of absence." },
	{ "deductions.late_early", K_AMOUNT, false, .def = "0", AMOUNT,
	    .help = "Per late arrival or early leave." },
	{ "deductions.bonus", K_AMOUNT, false, .def = "0", AMOUNT,
	    .help = "The bonus that A6a forfeits." },
	{ "deductions.cap_percent", K_INT, false, .def = "20", RANGE(0, 100),
	    .unit = N_("percent"), .help = "At most this share of a month's "
	    "wage is deducted." },
	{ "deductions.minimum_wage", K_AMOUNT, false, .def = "0", AMOUNT,
	    .help = "What stays paid out of a wage at the least." },
	{ .name = NULL }
};

#define CFG_SLOTS 512		/* a power of two, over twice the keys */

/* The key of a path, by hash: the loader asks for every key of every
 * staff and seat entry, and a scan of the table was a tenth of a
 * 2,000-seat floor's load.  The table never changes: indexed once. */
const struct cfg_key *
cfg_key(const char *path)
{
	static const struct cfg_key *slot[CFG_SLOTS];
	static bool indexed;
	const struct cfg_key *k;
	unsigned h;

	if (!indexed) {
		for (k = cfg_keys; k->name; k++) {
			if (2 * (k - cfg_keys + 1) > CFG_SLOTS)
				abort();	/* grow CFG_SLOTS */
			for (h = str_hash(k->name) & (CFG_SLOTS - 1); slot[h];
			    h = (h + 1) & (CFG_SLOTS - 1))
				;
			slot[h] = k;
		}
		indexed = true;
	}
	for (h = str_hash(path) & (CFG_SLOTS - 1); slot[h] != NULL;
	    h = (h + 1) & (CFG_SLOTS - 1))
		if (strcmp(slot[h]->name, path) == 0)
			return slot[h];
	return NULL;
}

/* The key's last part: "signin_window" of "floor.signin_window". */
const char *
cfg_leaf(const struct cfg_key *k)
{
	const char *dot = strrchr(k->name, '.');

	return dot ? dot + 1 : k->name;
}

bool
cfg_in(const struct cfg_key *k, const char *section)
{
	size_t n = strlen(section);

	if (n == 0)
		return strchr(k->name, '.') == NULL;
	return strncmp(k->name, section, n) == 0 && k->name[n] == '.' &&
	    strchr(k->name + n + 1, '.') == NULL;
}

#define CFG_SECTIONS 32
#define CFG_PER_SECTION 128

const struct cfg_key *const *
cfg_section(const char *section, int *n)
{
	/* The table never changes: each section's keys are listed once (a
	 * floor of 2,000 seats checks the keys of 2,400 staff entries). */
	static struct {
		char name[64];
		const struct cfg_key *keys[CFG_PER_SECTION];
		int n;
	} cache[CFG_SECTIONS];
	static int ncache;
	static const struct cfg_key *list[CFG_PER_SECTION];
	const struct cfg_key *k;
	int i, m = 0;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].name, section) == 0) {
			*n = cache[i].n;
			return cache[i].keys;
		}
	for (k = cfg_keys; k->name && m < CFG_PER_SECTION; k++)
		if (cfg_in(k, section))
			list[m++] = k;
	*n = m;
	if (ncache == CFG_SECTIONS || strlen(section) >= sizeof cache[0].name)
		return list;	/* not kept: listed again next time */
	snprintf(cache[ncache].name, sizeof cache[0].name, "%s", section);
	memcpy(cache[ncache].keys, list, (size_t)m * sizeof *list);
	cache[ncache].n = m;
	return cache[ncache++].keys;
}

const struct cfg_key *
cfg_child(const char *section, const char *name)
{
	char path[128];
	size_t ns = strlen(section), nn = strlen(name);

	/* No key's path is longer than path (nor has a dot in its leaf). */
	if (ns + nn + 2 > sizeof path || memchr(name, '.', nn) != NULL)
		return NULL;
	if (ns == 0)
		return cfg_key(name);
	memcpy(path, section, ns);
	path[ns] = '.';
	memcpy(path + ns + 1, name, nn + 1);
	return cfg_key(path);
}
