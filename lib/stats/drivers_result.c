/*
 * sq-drivers' results put together from the accumulator: the two
 * models and their LMG, importance, IPA, targets; their release; the
 * names of models, blocks, verdicts, rules and quadrants.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers_int.h"

#define NQ	DRV_NQ

/* The segment names, copied. */
static int
copy_segments(sq_drvresult *res, const sq_drivers *a)
{
	size_t i;

	if (a->nseg == 0)
		return SQ_OK;
	if ((res->seg = calloc(a->nseg, sizeof(*res->seg))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < a->nseg; i++) {
		if ((res->seg[i] = strdup(a->seg[i])) == NULL)
			return SQ_ENOMEM;
		res->nseg = i + 1;
	}
	return SQ_OK;
}

int
sq_drivers_result(const sq_drivers *a, const sq_instrument *ins,
    const sq_drivers_opts *o, sq_drvresult **out, sq_error *err)
{
	sq_drvresult *res;
	size_t nd = a->nd, m;
	int rc;

	*out = NULL;
	if ((res = calloc(1, sizeof(*res))) == NULL)
		return SQ_ENOMEM;
	res->ndims = nd;
	res->respondents = a->respondents;
	res->conf = o->conf;
	res->scale_min = ins->min;
	res->scale_max = ins->max;
	for (m = 0; m < SQ_DRV_NMODELS; m++) {
		double n, mean[NQ], C[NQ * NQ];

		sq_drv_mom_get(&a->mod[m], nd + 1, a->L, &n, mean, C);
		sq_drivers_fit(n, nd, mean, C, &res->model[m]);
		sq_drv_model_lmg(nd, C, &res->model[m]);
	}
	sq_drv_importance(res, a);
	if ((rc = sq_drv_ipa(res, a, ins, o, err)) != SQ_OK) {
		sq_drvresult_free(res);
		return rc;
	}
	res->by_segment = a->by_segment;
	if (sq_drv_verdicts(res, a, o) != SQ_OK ||
	    copy_segments(res, a) != SQ_OK) {
		sq_drvresult_free(res);
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	}
	*out = res;
	return SQ_OK;
}

void
sq_drvresult_free(sq_drvresult *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nseg; i++)
		free(r->seg[i]);
	free(r->seg);
	free(r->target);
	free(r);
}

/* ---- names ---- */

const char *
sq_drivers_model_name(int m)
{
	return m == SQ_DRV_SERVQUAL ? "servqual" : "servperf";
}

const char *
sq_drivers_block_name(int b)
{
	return b == SQ_DRV_G ? "G" : "P";
}

const char *
sq_drivers_verdict_name(int v)
{
	return v == SQ_MET ? "met" : v == SQ_MISSED ? "missed" :
	    "inconclusive";
}

const char *
sq_drivers_rule_name(int r)
{
	return r == SQ_CROSS_MEDIAN ? "median" : r == SQ_CROSS_SCALE ?
	    "scale" : "mean";
}

const char *
sq_drivers_quadrant_name(int q)
{
	static const char *const names[] = {
		"concentrate", "keep_up", "low_priority", "overkill"
	};

	return q >= 0 && q < 4 ? names[q] : "";
}
