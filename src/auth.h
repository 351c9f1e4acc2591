/*
 * auth.h - who is at the keyboard.  Identity is the real uid's login
 * (getpwuid(getuid())), never $USER or $LOGNAME, looked up in the
 * configuration's users.
 */
#ifndef CALLFLOOR_AUTH_H
#define CALLFLOOR_AUTH_H

#include "engine.h"

/* Fills a from the real uid; refuses (EXIT_REFUSED) an unknown user. */
int auth_actor(const struct floor *f, struct actor *a, struct err *e);

#endif
