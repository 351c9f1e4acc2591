/*
 * sha256.h - SHA-256 (FIPS 180-4), small and dependency-free, so that the
 * database can name each rulebook it has seen by a hash nobody can forge.
 */
#ifndef CALLFLOOR_SHA256_H
#define CALLFLOOR_SHA256_H

#include <stddef.h>

#define SHA256_HEX 65		/* 64 hex digits and the NUL */

/* The hex digest of n bytes at p into out. */
void sha256_hex(const void *p, size_t n, char out[SHA256_HEX]);

#endif
