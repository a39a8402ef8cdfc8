/* servqual hashing: one string hash for the library's lookup tables. */
#ifndef SERVQUAL_HASH_H
#define SERVQUAL_HASH_H

#include <stdint.h>

/* 64-bit FNV-1a of the NUL-terminated string s. */
uint64_t sq_hash_str(const char *s);

#endif
