/*
 * sq-drivers' service-level targets tested: each target's block and
 * dimension mean with its t-based CI, met when the CI lies at or above
 * the target, missed when wholly below, else inconclusive. (Reading the
 * targets: targets.c.)
 */
#include <math.h>
#include <stdlib.h>

#include "drivers_int.h"

/* o's targets on the moments mom (2 * nd: P then G) of segment seg. */
static void
verdicts(sq_drvresult *res, const struct drv_mom1 *mom, long seg,
    const sq_drivers_opts *o, size_t nd, long long L)
{
	size_t i;

	for (i = 0; i < o->ntargets; i++) {
		const sq_target *tg = &o->targets[i];
		sq_drvtarget *r = &res->target[res->ntarget++];
		struct drv_ci ci;

		sq_drv_mom1_ci(&mom[(tg->block == SQ_DRV_G ? nd : 0) +
		    (size_t)tg->dim], L, o->conf, tg->target, &ci);
		r->dim = tg->dim;
		r->block = tg->block;
		r->seg = seg;
		r->target = tg->target;
		r->n = ci.n;
		r->mean = ci.mean;
		r->ci_low = ci.lo;
		r->ci_high = ci.hi;
		r->t = ci.t;
		r->p = ci.p;
		if (r->ci_low >= tg->target)
			r->verdict = SQ_MET;
		else if (r->ci_high < tg->target)
			r->verdict = SQ_MISSED;
		else
			r->verdict = SQ_INCONCLUSIVE;
	}
}

int
sq_drv_verdicts(sq_drvresult *res, const sq_drivers *a,
    const sq_drivers_opts *o)
{
	size_t i, nd = a->nd;

	if (o->ntargets == 0)
		return SQ_OK;
	res->target = calloc(o->ntargets * (1 + a->nseg),
	    sizeof(*res->target));
	if (res->target == NULL)
		return SQ_ENOMEM;
	verdicts(res, a->all, -1, o, nd, a->L);
	for (i = 0; i < a->nseg; i++)
		verdicts(res, a->segmom + i * 2 * nd, (long)i, o, nd, a->L);
	return SQ_OK;
}

int
sq_drivers_missed(const sq_drvresult *r)
{
	size_t i;

	for (i = 0; i < r->ntarget; i++)
		if (r->target[i].verdict == SQ_MISSED)
			return 1;
	return 0;
}
