/*
 * What drives the overall rating, the accumulator: see
 * include/servqual/drivers.h, and drivers_int.h for the files that
 * hold the rest.
 */
#include <math.h>
#include <stdlib.h>

#include "servqual/gap.h"
#include "drivers_int.h"

#define NQ	DRV_NQ

int
sq_drivers_new(const sq_instrument *ins, int by_segment, sq_drivers **out)
{
	sq_drivers *a;

	*out = NULL;
	if (ins->ndims > SQ_MAX_DIMS)
		return SQ_EUSAGE;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return SQ_ENOMEM;
	a->nd = ins->ndims;
	a->L = sq_score_den(ins);
	if (sq_scores_new(ins, &a->sg) != SQ_OK ||
	    sq_scores_new(ins, &a->sp) != SQ_OK)
		goto nomem;
	if ((a->all = calloc(2 * a->nd + 1, sizeof(*a->all))) == NULL)
		goto nomem;
	a->by_segment = by_segment;
	if (by_segment && sq_drv_segments_init(a) != SQ_OK)
		goto nomem;
	*out = a;
	return SQ_OK;
nomem:
	sq_drivers_free(a);
	return SQ_ENOMEM;
}

void
sq_drivers_free(sq_drivers *a)
{
	if (a == NULL)
		return;
	sq_scores_free(a->sg);
	sq_scores_free(a->sp);
	free(a->all);
	sq_drv_segments_free(a);
	free(a->tot);
	free(a);
}

/* The scores in s as integers over L (x[d]), where they are (ok[d]). */
static void
scores_exact(const sq_drivers *a, const sq_scores *s, long long *x, int *ok)
{
	size_t d;

	for (d = 0; d < a->nd; d++)
		ok[d] = sq_drv_score_exact(s, d, a->L, &x[d]);
}

/* The P and G scores into the moments mom (2 * nd: P then G). */
static void
add_scores(sq_drivers *a, struct drv_mom1 *mom, const long long *xp,
    const int *okp, const long long *xg, const int *okg)
{
	size_t d, nd = a->nd;

	for (d = 0; d < nd; d++) {
		sq_drv_mom1_add(&mom[d], okp[d], xp[d], a->sp->dim[d]);
		sq_drv_mom1_add(&mom[nd + d], okg[d], xg[d], a->sg->dim[d]);
	}
}

/*
 * A complete case of model m (scores s, x[d] exact where ok[d]) with
 * outcome y, exact as Y when yok; a case with a missing score is none.
 */
static void
add_model(sq_drivers *a, int m, const sq_scores *s, const long long *x,
    const int *ok, double y, int yok, long long Y)
{
	size_t nd = a->nd, d;
	double z[NQ];
	long long X[NQ];
	int exact = yok;

	for (d = 0; d < nd; d++) {
		if (isnan(z[d] = s->dim[d]))
			return;
		exact = exact && ok[d];
		X[d] = x[d];
	}
	z[nd] = y;
	X[nd] = Y;
	sq_drv_mom_add(&a->mod[m], nd + 1, z, exact ? X : NULL);
}

int
sq_drivers_add(sq_drivers *a, const sq_instrument *ins,
    const sq_response *r, double y, sq_error *err)
{
	long long xg[SQ_MAX_DIMS], xp[SQ_MAX_DIMS], Y = 0;
	int okg[SQ_MAX_DIMS], okp[SQ_MAX_DIMS], yok, rc;
	struct drv_mom1 *sm = NULL;

	a->respondents += 1;
	sq_scores_dims(a->sg, ins, r, SQ_SCORE_G);
	sq_scores_dims(a->sp, ins, r, SQ_SCORE_P);
	if (a->by_segment && r->segment != NULL) {
		rc = sq_drivers_segment(a, r->segment[0] ? r->segment :
		    "(blank)", &sm);
		if (rc == SQ_ELIMIT)
			return sq_error_set(err, rc, NULL, r->line, 0, NULL,
			    "more than 100000 distinct segment values");
		if (rc != SQ_OK)
			return sq_error_set(err, rc, NULL, r->line, 0, NULL,
			    "out of memory");
	}
	scores_exact(a, a->sp, xp, okp);
	scores_exact(a, a->sg, xg, okg);
	add_scores(a, a->all, xp, okp, xg, okg);
	if (sm != NULL)
		add_scores(a, sm, xp, okp, xg, okg);
	if (!isnan(y) && a->nd > 0) {
		yok = sq_drv_as_exact(y, SQ_DRV_YDEN, &Y);
		add_model(a, SQ_DRV_SERVQUAL, a->sg, xg, okg, y, yok, Y);
		add_model(a, SQ_DRV_SERVPERF, a->sp, xp, okp, y, yok, Y);
	}
	if (sq_drv_weights_add(a, r->w) != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, NULL, r->line, 0, NULL,
		    "out of memory");
	return SQ_OK;
}

int
sq_drivers_fold(sq_drivers *a, const sq_drivers *b)
{
	size_t q = a->nd + 1, per = 2 * a->nd, i, d;
	struct drv_mom1 *sm;
	int rc;

	if (b->nd != a->nd || b->L != a->L)
		return SQ_EUSAGE;
	a->respondents += b->respondents;
	for (i = 0; i < SQ_DRV_NMODELS; i++)
		sq_drv_mom_fold(&a->mod[i], &b->mod[i], q, a->L);
	for (i = 0; i < b->ntot; i++)
		if ((rc = sq_drv_total_add(a, b->tot[i].total, b->tot[i].n,
		    b->tot[i].w)) != SQ_OK)
			return rc;
	for (d = 0; d < a->nd; d++)
		a->wrun[d] += b->wrun[d];
	a->wrn += b->wrn;
	for (i = 0; i < per; i++)
		sq_drv_mom1_fold(&a->all[i], &b->all[i], a->L);
	for (i = 0; i < b->nseg; i++) {
		if (!a->by_segment)
			return SQ_EUSAGE;
		if ((rc = sq_drivers_segment(a, b->seg[i], &sm)) != SQ_OK)
			return rc;
		for (d = 0; d < per; d++)
			sq_drv_mom1_fold(&sm[d], &b->segmom[i * per + d],
			    a->L);
	}
	return SQ_OK;
}
