/*
 * seatmap_internal.h - shared by seatmap.c (the views, the text map) and
 * seatload.c (the model and how it follows writes) only.
 */
#ifndef CALLFLOOR_SEATMAP_INTERNAL_H
#define CALLFLOOR_SEATMAP_INTERNAL_H

#include <stdbool.h>

#include "floor.h"
#include "seatmap.h"

/* True when a mark of rule made on a seat counts as a look at its desk
 * (a LATE from a sign-in or a missed meeting does not). */
bool seatmap_rule_looks(const struct floor *f, const char *rule);

struct seatmap;

/* Every seat's view from the model (src/seatview.c), written (and noted
 * in m->changed) where it differs; the counts and the group fines too.
 * insp: per seat, inspected today. */
void seatview_derive(const struct floor *f, struct seatmap *m,
    const bool *insp);

/* The seats a followed write touched, each once: slot[seat] is its place
 * in list plus one (0: not touched).  Both sized for the floor's seats. */
struct seat_touch {
	int *slot, *list, n;
	/* The incidents the follow added (new to the map), when that is all
	 * it re-read; else rescan. */
	struct seat_in added[8];
	int nadded;
	bool rescan;
};
void seatview_touch(struct seat_touch *t, int seat);
/* Touches the seats whose view differs from the model in what is not an
 * incident: inspected (insp), custody, attendance; custody alone when
 * insp is NULL. */
void seatview_touch_inputs(const struct floor *f, const struct seatmap *m,
    const bool *insp, struct seat_touch *t);
/* As seatview_derive for the touched seats only (the counts kept by
 * taking each touched seat's old share and adding its new one); the
 * day's fines are kept line by line as they are followed (below). */
void seatview_derive_some(const struct floor *f, struct seatmap *m,
    const bool *insp, const struct seat_touch *touch);
/* As seatview_derive_some after a follow that read no inspections,
 * attendance or breaks again, where only the touched seats (a re-read
 * incident's seat and its person's, a custody that changed) can differ:
 * whether they were looked at, who was seen there, and their views,
 * found from the model in one pass over the day's incidents. */
void seatview_follow_touched(const struct floor *f, struct seatmap *m,
    const struct seat_touch *touch);
/* A fine line's share of the day's fines (the group panel), added (sign
 * 1) or taken (-1). */
struct seat_fine;
void seatview_fine(const struct floor *f, struct seatmap *m,
    const struct seat_fine *x, int sign);

#endif
