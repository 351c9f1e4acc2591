/*
 * floor.h - the floor model: seats and their layout, groups with their role
 * holders, staff, console users, the rulebook and the work calendar, as
 * loaded and validated from the configuration (config.c).
 *
 * The model is read-only once loaded.  It knows nothing of SQL or curses.
 * Indexes into the arrays are used as references; -1 means "none".
 */
#ifndef CALLFLOOR_FLOOR_H
#define CALLFLOOR_FLOOR_H

#include <stdbool.h>

#include "util.h"

/* A person's role in a group. */
enum grole { GROLE_AGENT, GROLE_DIRECTOR, GROLE_DEPUTY, GROLE_SUPERVISOR };

/* What a console user may do. */
enum urole { UROLE_LEAD, UROLE_SUPERVISOR, UROLE_DIRECTOR, UROLE_MANAGER };

enum window { WINDOW_DAY, WINDOW_MONTH, WINDOW_YEAR, WINDOW_EVER };

enum flag { FLAG_NONE, FLAG_WARNING, FLAG_CRITICISM, FLAG_TERMINATION_REVIEW,
	FLAG_TERMINATION };

enum pricing { PRICE_NONE, PRICE_FINE, PRICE_LADDER, PRICE_RANGE };

/* What `report --print` sends (floor.print_format); AUTO: PDF when the
 * print command is lp or lpr (or unset), text otherwise (report_pdf.h). */
enum print_format { PRINT_AUTO, PRINT_PDF, PRINT_TEXT };

/* The PDF's paper (floor.paper). */
enum paper { PAPER_A4, PAPER_LETTER };

#define LADDER_MAX 8
#define CO_MAX 4

struct co_penalty {
	enum grole role;
	fen_t fine;
};

/*
 * The part of a rule that decides money and consequences.  It is frozen
 * with every incident (rules.c serialises it), so that editing the
 * rulebook never re-prices the past.
 */
struct rule_terms {
	enum pricing pricing;
	fen_t fine;			/* PRICE_FINE */
	fen_t ladder[LADDER_MAX];	/* PRICE_LADDER */
	int nladder;
	fen_t lo, hi;			/* PRICE_RANGE */
	int repeat_factor, repeat_from;	/* 1, 0 when none */
	enum window window;
	struct co_penalty co[CO_MAX];
	int nco;
	fen_t group_fine;
	bool has_group_fine;
	char confiscate[16];		/* "" when nothing is confiscated */
	bool journal;
	enum flag flag;
	bool positive;
	bool note_required;
	int absence_halfdays;		/* MEETING, ABSENCE: 2 = one day */
};

struct rule {
	char *code, *title, *title_zh, *section;
	int key;			/* hotkey, 0 when none */
	struct rule_terms t;
	int line;
};

struct seat {
	char *id;
	int row, col;			/* position in the layout */
	int staff;			/* who sits there, -1 when empty */
};

/* How many of a group may be away at once (max_away): a number, or a
 * percentage of the group's agents present; unset: no cap. */
struct cap {
	bool set, percent;
	int value;
};

struct group {
	char *id, *name;
	int director, deputy, supervisor;	/* staff indexes, -1 vacant */
	struct cap max_away;		/* the group's own, else unset */
};

/* A reason for a break away from the desk (the rulebook's breaks list). */
struct break_reason {
	char *code, *title, *title_zh;
	int limit_minutes;
	int over_rule;			/* rule offered when it ends late, or -1 */
	int line;
};

struct staff {
	char *id, *name;
	int group;
	int seat;			/* -1: no fixed seat */
	enum grole role;		/* role in its own group */
	fen_t wage;			/* the month's wage, -1 when not given */
};

struct user {
	char *login;			/* "*" matches any other login */
	enum urole role;
	int staff;			/* -1 when not on the floor's staff */
};

/* Attendance thresholds (rulebook section 3), from the rulebook file. */
struct attendance {
	int late_grace_minutes;		/* later than start + grace is late */
	int half_day_after_minutes;
	int lates_per_month_absence;
	int lates_per_year_termination;
	int absences_month_forfeit;
	int absences_total_termination;
	int consecutive_absences_termination;
};

/* Rule A7's deduction policy (the rulebook's `deductions` block), and the
 * legal cap on a month's deductions (工资支付暂行规定 art. 16). */
struct deductions {
	fen_t personal_leave_day, sick_leave_day, absence_day, late_early, bonus;
	int cap_percent;		/* of the wage, default 20 */
	fen_t minimum_wage;		/* what is paid stays at or above it */
};

struct floor {
	char *id, *name, *currency, *timezone, *database, *print_command;
	char *database_file;		/* PostgreSQL credentials, or NULL */
	char *language;			/* floor.language: the report's, or NULL */
	int shift_start, shift_end;	/* minutes after midnight */
	int signin_window;		/* minutes before the start a sign-in counts */
	int signout_window;		/* minutes after the end a sign-out counts */
	int complaint_retention_days;	/* B14 register: caller data kept after close */
	enum print_format print_format;
	enum paper paper;
	char *source;			/* the configuration file, or "(demo)" */

	int nrows, ncols;
	int *cells;			/* nrows * ncols seat indexes, -1 aisle */

	struct seat *seats;
	int nseats;
	struct group *groups;
	int ngroups;
	struct staff *staff;
	int nstaff;
	struct user *users;
	int nusers;
	struct rule *rules;
	int nrules;
	struct attendance att;
	struct break_reason *breaks;	/* the rulebook's break reasons */
	int nbreaks;
	struct cap max_away;		/* the rulebook's, for every group */
	struct deductions ded;
	bool has_wages;			/* some staff member has a wage */

	/* The work calendar: working weekdays and public holidays. */
	unsigned workdays;		/* bit (1 << tm_wday), Sunday = 0 */
	char (*holidays)[11];		/* "YYYY-MM-DD", sorted */
	int nholidays;

	/* Hashes of staff and seat ids and rule codes, grown by floor.c on
	 * look-up; not part of the model (a 2,000-seat floor is 2,400
	 * people; a month's sums look a rule up for each of 135,000 fine
	 * lines). */
	struct floor_index *staff_index, *seat_index, *rule_index;
	/* A floor roster.c made from a roster in the database: the loaded
	 * floor whose other settings it shares; NULL for a loaded floor. */
	const struct floor *base;
};

/* True when day ("YYYY-MM-DD") is a working day on this floor. */
bool floor_workday(const struct floor *f, const char *day);

/*
 * Loads and validates a configuration.  path NULL loads the embedded demo
 * floor.  On failure returns NULL and appends every error, one
 * "FILE:LINE: message" a line, to errs.
 */
struct floor *floor_load(const char *path, struct buf *errs);
void floor_free(struct floor *f);
/* Frees a floor that roster.c made over another's settings: its id, name,
 * clock and calendar where the roster gave its own,
 * seats, groups and staff, not what it shares with that floor. */
void floor_free_roster(struct floor *f);
/* Appends callfloor.cfg(5), the manual of every configuration key, in
 * roff (config_man.c). */
void config_manual(struct buf *b);

int floor_staff_find(const struct floor *f, const char *id);
int floor_seat_find(const struct floor *f, const char *id);
int floor_group_find(const struct floor *f, const char *id);
int floor_rule_find(const struct floor *f, const char *code);
int floor_rule_by_key(const struct floor *f, int key);
/* The codes of the rules that count as absence (MEETING): *n of them, in
 * an array the caller frees (every rule of the book fits). */
const char **floor_absence_codes(const struct floor *f, int *n);
/* The break reason of a code (case-insensitive), or -1. */
int floor_break_find(const struct floor *f, const char *code);
/* Group g's max_away: its own, else the rulebook's. */
const struct cap *floor_max_away(const struct floor *f, int g);
/* The user entry for login, else the "*" entry, else -1. */
int floor_user_find(const struct floor *f, const char *login);
/* The staff index holding role r in group g, or -1 when vacant. */
int floor_role_holder(const struct floor *f, int g, enum grole r);

const char *grole_name(enum grole r);
const char *urole_name(enum urole r);
const char *window_name(enum window w);
const char *flag_name(enum flag fl);
int grole_parse(const char *s, enum grole *out);
int urole_parse(const char *s, enum urole *out);
int window_parse(const char *s, enum window *out);
int flag_parse(const char *s, enum flag *out);

/* The embedded demo floor (generated from conf/ at build time). */
extern const char demo_config_text[];

#endif
