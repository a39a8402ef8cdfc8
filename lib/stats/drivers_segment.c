/*
 * sq-drivers' segments (drivers_int.h): the moments of each value of the
 * -b column, by the value's index in a keyset (keyset.h), names kept in
 * first-appearance order; a->segmom grows alongside the names.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers_int.h"

int
sq_drv_segments_init(sq_drivers *a)
{
	sq_keyset_init(&a->keys, DRV_MAX_SEGMENTS);
	return SQ_OK;
}

void
sq_drv_segments_free(sq_drivers *a)
{
	sq_keyset_release(&a->keys);
	free(a->segmom);
}

/* A new segment's moments start at zero (sq_keyset_entry). */
static int
zero(void *entry, void *a)
{
	memset(entry, 0, 2 * ((sq_drivers *)a)->nd * sizeof(struct drv_mom1));
	return SQ_OK;
}

int
sq_drivers_segment(sq_drivers *a, const char *v, struct drv_mom1 **out)
{
	size_t i, per = 2 * a->nd;
	int rc;

	if ((rc = sq_keyset_entry(&a->keys, v, &a->segmom, &a->cap,
	    per * sizeof(struct drv_mom1), zero, a, &i)) != SQ_OK)
		return rc;
	a->nseg = a->keys.n;
	a->seg = a->keys.name;
	*out = a->segmom + i * per;
	return SQ_OK;
}
