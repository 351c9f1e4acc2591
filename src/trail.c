/*
 * trail.c - writes the audit line of each engine write.  The store keeps
 * the table (db/audit.c); this file only knows who is acting and which
 * rulebook is in force.  It must not decide permissions: by the time it
 * is called, the engine has already said yes.
 */
#include "trail.h"

#include <stdarg.h>
#include <stdio.h>

#include "../db/attendance.h"
#include "../db/audit.h"
#include "attendance.h"
#include "clock.h"
#include "rulebook.h"

int
trail_write(const struct floor *f, struct store *s, const struct actor *a,
    const char *action, const char *object, struct err *e, const char *fmt, ...)
{
	char detail[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);
	store_audit_who(a->login, a->uid, a->tty, a->ssh);
	if (f != NULL && rulebook_note(f, s, e) < 0)
		return -1;
	return store_audit_add(s, action, object, detail, e);
}

int
trail_mark(const struct floor *f, struct store *s, const struct actor *a,
    const struct mark_result *r, struct err *e)
{
	const struct incident *in = &r->in;
	struct buf d = { 0 };
	char object[40], when[32], amount[32];
	int i, rc;

	snprintf(object, sizeof object, "incident %lld", (long long)in->id);
	clock_format((time_t)in->at, when, sizeof when);
	if (in->staff[0] != '\0')
		buf_printf(&d, "%s on %s%s%s at %s, offence %d", in->rule, in->staff,
		    in->seat[0] ? " seat " : "", in->seat, when, in->offence);
	else
		buf_printf(&d, "%s on group %s at %s", in->rule, in->grp, when);
	if (in->amount >= 0)
		buf_printf(&d, ", amount %s", fen_format(in->amount, amount,
		    sizeof amount));
	for (i = 0; i < r->nfines; i++)
		buf_printf(&d, "%s%s %s %s", i ? ", " : "; fines: ",
		    r->fines[i].staff[0] ? r->fines[i].staff : "(vacant)",
		    r->fines[i].role, fen_format(r->fines[i].amount, amount,
		    sizeof amount));
	if (in->note[0] != '\0')
		buf_printf(&d, "; note: %s", in->note);
	rc = trail_write(f, s, a, "mark", object, e, "%s", d.s);
	buf_free(&d);
	return rc;
}

int
trail_leave(const struct floor *f, struct store *s, const struct actor *a,
    const struct leave *l, struct err *e)
{
	char object[40];

	snprintf(object, sizeof object, "leave %lld", (long long)l->id);
	return trail_write(f, s, a, "leave", object, e, "%s leave for %s, %s "
	    "to %s, asked by %s%s%s%s", l->kind, l->staff, l->from, l->to,
	    l->via, l->valid ? "; valid" : "; not valid: ", l->valid ? "" :
	    l->why_invalid, l->valid && leave_needs_approval(f, l->from, l->to) ?
	    "; pending a manager's approval" : "");
}
