/*
 * servqual keyed name index (sq_keyset): names (segment values, group
 * names, column keys) given dense indices 0, 1, 2... in order of first
 * appearance, found again in constant time. The index is open addressing
 * under a SipHash key drawn per set (hash.h), so input crafted to collide
 * cannot force quadratic probing; it doubles before it is half full.
 *
 * A caller keeps what it accumulates per name in its own arrays indexed
 * by the dense index, grown with sq_keyset_fit() after an add; when its
 * own allocation for a new name fails, sq_keyset_pop() undoes the add.
 *
 * Ownership: the set holds its own copies of the names (name[i] stays
 * where it is until the set is released); the fields are read-only to
 * callers. Memory: a name's bytes plus about 40 bytes a name.
 */
#ifndef SERVQUAL_KEYSET_H
#define SERVQUAL_KEYSET_H

#include <stddef.h>

#include "servqual/hash.h"

typedef struct sq_keyset {
	size_t n;		/* names held */
	char **name;		/* n names, by index */
	size_t cap;		/* entries name has room for */
	size_t *slot;		/* scap slots: index + 1, 0 empty */
	size_t scap;		/* a power of two; 0 before the first add */
	size_t limit;		/* most names the set takes */
	sq_hash_key key;	/* random per set: no hash flooding */
} sq_keyset;

/* An empty set taking at most limit names; allocates nothing. */
void sq_keyset_init(sq_keyset *k, size_t limit);

/* Free what the set holds and leave it empty (limit kept). */
void sq_keyset_release(sq_keyset *k);

/* 1 and the index of s in *i when s is held, else 0. */
int sq_keyset_find(const sq_keyset *k, const char *s, size_t *i);

/*
 * The index of s in *i, adding s (last) when it is new; *added says which.
 * SQ_ELIMIT when s is new and the set holds limit names, SQ_ENOMEM: in
 * both cases the set is as it was.
 */
int sq_keyset_add(sq_keyset *k, const char *s, size_t *i, int *added);

/* Remove the name added last (the caller could not follow the add). */
void sq_keyset_pop(sq_keyset *k);

/* Names held. */
size_t sq_keyset_count(const sq_keyset *k);

/* Name i (i < count), NUL-terminated. */
const char *sq_keyset_name(const sq_keyset *k, size_t i);

/*
 * Make the caller's array *arr (of *cap entries of elem bytes) hold an
 * entry for every name: grown to k->cap entries when *cap < k->n, so it
 * keeps pace with the names. SQ_ENOMEM leaves *arr and *cap as they were.
 */
int sq_keyset_fit(const sq_keyset *k, void *arr, size_t *cap, size_t elem);

/*
 * sq_keyset_add() with the caller's array kept in step: when s is new,
 * *arr (of *cap entries of elem bytes) is grown and make() fills its
 * entry (make(entry, ctx) returns SQ_OK or an SQ_E* code); when either
 * fails, the add is undone. The index of s in *i.
 */
int sq_keyset_entry(sq_keyset *k, const char *s, void *arr, size_t *cap,
    size_t elem, int (*make)(void *entry, void *ctx), void *ctx, size_t *i);

#endif
