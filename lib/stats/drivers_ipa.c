/*
 * sq-drivers' importance: stated (the respondents' weights) against
 * derived (the servperf LMG shares), their ranks and Spearman's rho;
 * and the importance-performance analysis: each dimension's mean P
 * score against its importance, crosshairs, quadrants.
 */
#include <math.h>
#include <stdlib.h>

#include "servqual/chart.h"
#include "drivers_int.h"

void
sq_rank_desc(const double *x, size_t n, double *rank)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		double above = 0, tie = 0;

		if (isnan(x[i])) {
			rank[i] = NAN;
			continue;
		}
		for (j = 0; j < n; j++) {
			if (j == i || isnan(x[j]))
				continue;
			if (x[j] > x[i])
				above++;
			else if (x[j] == x[i])
				tie++;
		}
		rank[i] = 1 + above + tie / 2;
	}
}

/* Pearson correlation of the pairs where both are defined. */
static double
pearson(const double *a, const double *b, size_t n)
{
	double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0, k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(a[i]) && !isnan(b[i])) {
			ma += a[i];
			mb += b[i];
			k++;
		}
	if (k < 2)
		return NAN;
	ma /= k;
	mb /= k;
	for (i = 0; i < n; i++)
		if (!isnan(a[i]) && !isnan(b[i])) {
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
			sab += (a[i] - ma) * (b[i] - mb);
		}
	if (!(saa > 0) || !(sbb > 0))
		return NAN;
	return sab / sqrt(saa * sbb);
}

void
sq_drv_importance(sq_drvresult *res, const sq_drivers *a)
{
	size_t d, nd = a->nd;

	sq_drv_stated(a, &res->stated_n, res->stated);
	for (d = 0; d < nd; d++)
		res->derived[d] = res->model[SQ_DRV_SERVPERF].share[d];
	sq_rank_desc(res->stated, nd, res->rank_stated);
	sq_rank_desc(res->derived, nd, res->rank_derived);
	res->spearman = pearson(res->rank_stated, res->rank_derived, nd);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(const double *x, size_t n)
{
	double v[SQ_MAX_DIMS];
	size_t k = 0, i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			v[k++] = x[i];
	if (k == 0)
		return NAN;
	qsort(v, k, sizeof(*v), cmp_double);
	return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

static double
mean_def(const double *x, size_t n)
{
	double s = 0, k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i])) {
			s += x[i];
			k++;
		}
	return k > 0 ? s / k : NAN;
}

/* The crosshairs by res->rule: mean, median or the scale's middle. */
static void
crosshairs(sq_drvresult *res, const sq_instrument *ins)
{
	size_t nd = res->ndims;

	switch (res->rule) {
	case SQ_CROSS_MEDIAN:
		res->icross = median(res->importance, nd);
		res->pcross = median(res->perf, nd);
		break;
	case SQ_CROSS_SCALE:
		res->icross = nd > 0 ? 100.0 / (double)nd : NAN;
		res->pcross = (ins->min + ins->max) / 2;
		break;
	default:
		res->icross = mean_def(res->importance, nd);
		res->pcross = mean_def(res->perf, nd);
		break;
	}
}

int
sq_drv_ipa(sq_drvresult *res, const sq_drivers *a, const sq_instrument *ins,
    const sq_drivers_opts *o, sq_error *err)
{
	size_t nd = a->nd, d;
	double wn = res->stated_n;
	struct drv_ci ci;

	res->source = o->importance;
	if (res->source == SQ_IMP_AUTO)
		res->source = wn > 0 ? SQ_IMP_STATED : SQ_IMP_DERIVED;
	if (res->source == SQ_IMP_STATED && !(wn > 0))
		return sq_error_set(err, SQ_EDATA, NULL, 0, 0, NULL,
		    "--importance stated: no respondent has all %zu "
		    "importance weights with a sum above 0", nd);
	res->rule = o->crosshair;
	for (d = 0; d < nd; d++) {
		res->importance[d] = res->source == SQ_IMP_STATED ?
		    res->stated[d] : res->derived[d];
		sq_drv_mom1_ci(&a->all[d], a->L, o->conf, NAN, &ci);
		res->perf_n[d] = ci.n;
		res->perf[d] = ci.mean;
		res->perf_lo[d] = ci.lo;
		res->perf_hi[d] = ci.hi;
	}
	crosshairs(res, ins);
	for (d = 0; d < nd; d++)
		res->quadrant[d] = isnan(res->importance[d]) ||
		    isnan(res->perf[d]) || isnan(res->icross) ||
		    isnan(res->pcross) ? -1 : sq_ipa_quadrant(
		    res->importance[d], res->perf[d], res->icross,
		    res->pcross);
	return SQ_OK;
}
