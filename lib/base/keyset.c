/*
 * The keyed name index (keyset.h): names in an array by index, and an
 * open-addressing table of index + 1 hashed with the set's SipHash key.
 * An add allocates all it needs before it changes anything, so a failed
 * add leaves the set as it was. The table is rebuilt from the names in
 * index order, so the last name added is always the last one placed:
 * removing it (sq_keyset_pop) is clearing its slot, no probe chain runs
 * through it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/error.h"
#include "servqual/keyset.h"

#define FIRST_SLOTS	64
#define FIRST_NAMES	16

void
sq_keyset_init(sq_keyset *k, size_t limit)
{
	memset(k, 0, sizeof(*k));
	k->limit = limit;
	sq_hash_key_init(&k->key);
}

void
sq_keyset_release(sq_keyset *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->name[i]);
	free(k->name);
	free(k->slot);
	k->name = NULL;
	k->slot = NULL;
	k->n = k->cap = k->scap = 0;
}

/* The slot of s, or the empty slot where s would go (scap > 0). */
static size_t
probe(const sq_keyset *k, const char *s)
{
	size_t mask = k->scap - 1;
	size_t j = (size_t)sq_hash_keyed(&k->key, s) & mask;

	while (k->slot[j] != 0 && strcmp(k->name[k->slot[j] - 1], s) != 0)
		j = (j + 1) & mask;
	return j;
}

int
sq_keyset_find(const sq_keyset *k, const char *s, size_t *i)
{
	size_t j;

	if (k->scap == 0)
		return 0;
	j = probe(k, s);
	if (k->slot[j] == 0)
		return 0;
	*i = k->slot[j] - 1;
	return 1;
}

/* Room for one more name: the name array and a table at most half full. */
static int
make_room(sq_keyset *k)
{
	size_t cap, i, j;
	size_t *ns;
	char **nn;

	if (k->n == k->cap) {
		cap = k->cap ? 2 * k->cap : FIRST_NAMES;
		if (cap > SIZE_MAX / sizeof(*nn) ||
		    (nn = realloc(k->name, cap * sizeof(*nn))) == NULL)
			return SQ_ENOMEM;
		k->name = nn;
		k->cap = cap;
	}
	if (2 * (k->n + 1) <= k->scap)
		return SQ_OK;
	cap = k->scap ? 2 * k->scap : FIRST_SLOTS;
	if (cap > SIZE_MAX / sizeof(*ns) ||
	    (ns = calloc(cap, sizeof(*ns))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < k->n; i++) {
		j = (size_t)sq_hash_keyed(&k->key, k->name[i]) & (cap - 1);
		while (ns[j] != 0)
			j = (j + 1) & (cap - 1);
		ns[j] = i + 1;
	}
	free(k->slot);
	k->slot = ns;
	k->scap = cap;
	return SQ_OK;
}

int
sq_keyset_add(sq_keyset *k, const char *s, size_t *i, int *added)
{
	size_t j;
	char *dup;
	int rc;

	*added = 0;
	if (sq_keyset_find(k, s, i))
		return SQ_OK;
	if (k->n >= k->limit)
		return SQ_ELIMIT;
	if ((rc = make_room(k)) != SQ_OK)
		return rc;
	if ((dup = strdup(s)) == NULL)
		return SQ_ENOMEM;
	j = probe(k, s);
	k->name[k->n] = dup;
	k->slot[j] = ++k->n;
	*i = k->n - 1;
	*added = 1;
	return SQ_OK;
}

void
sq_keyset_pop(sq_keyset *k)
{
	size_t j;

	if (k->n == 0)
		return;
	j = probe(k, k->name[k->n - 1]);
	k->slot[j] = 0;
	free(k->name[--k->n]);
}

size_t
sq_keyset_count(const sq_keyset *k)
{
	return k->n;
}

const char *
sq_keyset_name(const sq_keyset *k, size_t i)
{
	return k->name[i];
}

int
sq_keyset_fit(const sq_keyset *k, void *arr, size_t *cap, size_t elem)
{
	void **p = arr, *np;
	size_t bytes;

	if (*cap >= k->n)
		return SQ_OK;
	if (elem == 0)
		elem = 1;
	if (k->cap > SIZE_MAX / elem)
		return SQ_ENOMEM;
	bytes = k->cap * elem;
	if ((np = realloc(*p, bytes)) == NULL)
		return SQ_ENOMEM;
	*p = np;
	*cap = k->cap;
	return SQ_OK;
}

int
sq_keyset_entry(sq_keyset *k, const char *s, void *arr, size_t *cap,
    size_t elem, int (*make)(void *entry, void *ctx), void *ctx, size_t *i)
{
	int added, rc;

	if ((rc = sq_keyset_add(k, s, i, &added)) != SQ_OK || !added)
		return rc;
	if ((rc = sq_keyset_fit(k, arr, cap, elem)) == SQ_OK)
		rc = make((char *)*(void **)arr + *i * elem, ctx);
	if (rc != SQ_OK)
		sq_keyset_pop(k);
	return rc;
}
