/*
 * sq-drivers' segments (drivers_int.h): the moments of each value of the
 * -b column, found by value through an open-addressing hash of indices
 * into a->seg (keyed per run), names kept in first-appearance order.
 * Kept apart so the lookup can move to a shared keyed index.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers_int.h"

int
sq_drv_segments_init(sq_drivers *a)
{
	a->hcap = 64;
	sq_hash_key_init(&a->key);
	if ((a->hash = calloc(a->hcap, sizeof(*a->hash))) == NULL)
		return SQ_ENOMEM;
	return SQ_OK;
}

void
sq_drv_segments_free(sq_drivers *a)
{
	size_t i;

	for (i = 0; i < a->nseg; i++)
		free(a->seg[i]);
	free(a->seg);
	free(a->segmom);
	free(a->hash);
}

static int
rehash(sq_drivers *a)
{
	size_t cap = a->hcap * 2, i, h;
	size_t *nh = calloc(cap, sizeof(*nh));

	if (nh == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < a->nseg; i++) {
		h = (size_t)sq_hash_keyed(&a->key, a->seg[i]) & (cap - 1);
		while (nh[h] != 0)
			h = (h + 1) & (cap - 1);
		nh[h] = i + 1;
	}
	free(a->hash);
	a->hash = nh;
	a->hcap = cap;
	return SQ_OK;
}

/* Room for one more segment's name and moments. */
static int
grow(sq_drivers *a, size_t per)
{
	size_t cap = a->cap ? a->cap * 2 : 16;
	char **ns;
	struct drv_mom1 *nm;

	if ((ns = realloc(a->seg, cap * sizeof(*ns))) == NULL)
		return SQ_ENOMEM;
	a->seg = ns;
	nm = realloc(a->segmom, cap * (per ? per : 1) * sizeof(*nm));
	if (nm == NULL)
		return SQ_ENOMEM;
	a->segmom = nm;
	a->cap = cap;
	return SQ_OK;
}

int
sq_drivers_segment(sq_drivers *a, const char *v, struct drv_mom1 **out)
{
	size_t h = (size_t)sq_hash_keyed(&a->key, v) & (a->hcap - 1), i,
	    per = 2 * a->nd;

	while (a->hash[h] != 0) {
		i = a->hash[h] - 1;
		if (strcmp(a->seg[i], v) == 0) {
			*out = a->segmom + i * per;
			return SQ_OK;
		}
		h = (h + 1) & (a->hcap - 1);
	}
	if (a->nseg >= DRV_MAX_SEGMENTS)
		return SQ_ELIMIT;
	if (a->nseg == a->cap && grow(a, per) != SQ_OK)
		return SQ_ENOMEM;
	if ((a->seg[a->nseg] = strdup(v)) == NULL)
		return SQ_ENOMEM;
	memset(a->segmom + a->nseg * per, 0, per * sizeof(struct drv_mom1));
	a->hash[h] = a->nseg + 1;
	*out = a->segmom + a->nseg * per;
	a->nseg++;
	if (2 * a->nseg > a->hcap)
		return rehash(a);
	return SQ_OK;
}
