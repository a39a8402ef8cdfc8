/*
 * servqual hashing for the library's lookup tables.
 *
 * Tables keyed by input (ids, segment values, codebook labels) hash with
 * SipHash-2-4 under a random key drawn when the table is made, so input
 * crafted to collide (hash flooding) cannot force quadratic probing: an
 * attacker does not know the key.
 */
#ifndef SERVQUAL_HASH_H
#define SERVQUAL_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct sq_hash_key {
	uint64_t k0, k1;
} sq_hash_key;

/*
 * A fresh random key from getrandom(2); if that fails, from the clock,
 * the process id and addresses (still unpredictable enough across runs).
 */
void sq_hash_key_init(sq_hash_key *k);

/* SipHash-2-4 of the n bytes at p under k. */
uint64_t sq_siphash(const sq_hash_key *k, const void *p, size_t n);

/* SipHash-2-4 of the NUL-terminated string s under k. */
uint64_t sq_hash_keyed(const sq_hash_key *k, const char *s);

/*
 * 64-bit FNV-1a of s: unkeyed, so only for keys the program chose, never
 * for input (crafted input collides at will).
 */
uint64_t sq_hash_str(const char *s);

#endif
