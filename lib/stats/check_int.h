/*
 * The checker's insides, shared by check.c (the flags), checkstate.c,
 * check_table.c (counts and gates) and check_clean.c (the clean CSV).
 */
#ifndef SERVQUAL_CHECK_INT_H
#define SERVQUAL_CHECK_INT_H

#include <stddef.h>
#include <stdint.h>

#include "servqual/check.h"
#include "servqual/hash.h"

/*
 * Respondent ids, kept compactly: the text in one arena, an entry per id,
 * and an open-addressing table of 32-bit entry numbers (0: empty).
 */
struct identry {
	size_t off;		/* into the arena */
	unsigned long line;	/* where it was first seen (0: a state) */
};

struct sq_check {
	const sq_instrument *ins;
	sq_check_opts o;
	sq_check_summary s;
	unsigned long *miss_e, *miss_p, *miss_a, *miss_d;
	int auto_min;		/* min_answers follows the form */
	int *need;		/* per dimension: items needed, ceil(k/2) */
	char *text;		/* the ids, NUL-terminated, one after another */
	size_t tlen, tcap;
	struct identry *ent;
	size_t nids, capent;
	uint32_t *slot;
	size_t capids;
	unsigned flags;		/* SQ_CHECK_* of the last respondent */
	int current;		/* the flag being reported */
	sq_hash_key key;	/* of the id index: random per check */
	const char **files;	/* the file names sq_check_add was given,
				   in order (borrowed) */
	size_t *ffirst;		/* per file: its first entry in ent[] (ids
				   are added in file order) */
	size_t nfiles;
};

/*
 * Remember id (first seen on line); *found says whether it was known,
 * and then *first the line and *idx the entry where it was first seen.
 * SQ_OK or SQ_ENOMEM.
 */
int sq_check_ids_add(sq_check *c, const char *id, unsigned long line,
    int *found, unsigned long *first, size_t *idx);

/*
 * Make room for need more elements of size bytes in *p (*cap of them, len
 * used), doubling from 1024; SQ_ENOMEM leaves *p as it was.
 */
int chk_room(void **p, size_t *cap, size_t len, size_t need, size_t size);

#endif
