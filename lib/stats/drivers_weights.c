/*
 * sq-drivers' stated importance (drivers_int.h): each respondent's
 * weights rescaled to 100. While they are whole numbers the sums are
 * kept exactly, per distinct total S (100 W_d / S is formed only at the
 * end), so they fold in any order; other weights, and totals past
 * DRV_NTOTALS, go to running sums of the rescaled weights.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "drivers_int.h"

/* The rescaled weights of n respondents as running sums. */
static void
total_run(sq_drivers *a, long long total, unsigned long long n,
    const long long *w)
{
	size_t d;

	for (d = 0; d < a->nd; d++)
		a->wrun[d] += 100 * (double)w[d] / (double)total;
	a->wrn += (double)n;
}

/* A new total at index lo of a->tot, kept in increasing order. */
static struct drv_total *
total_insert(sq_drivers *a, size_t lo, long long total)
{
	struct drv_total *t;

	if (a->ntot % 16 == 0) {
		t = realloc(a->tot, (a->ntot + 16) * sizeof(*t));
		if (t == NULL)
			return NULL;
		a->tot = t;
	}
	memmove(a->tot + lo + 1, a->tot + lo, (a->ntot - lo) *
	    sizeof(*a->tot));
	a->ntot++;
	t = &a->tot[lo];
	memset(t, 0, sizeof(*t));
	t->total = total;
	return t;
}

int
sq_drv_total_add(sq_drivers *a, long long total, unsigned long long n,
    const long long *w)
{
	size_t lo = 0, hi = a->ntot, mid, d;
	struct drv_total *t;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (a->tot[mid].total < total)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->ntot && a->tot[lo].total == total) {
		t = &a->tot[lo];
		if (t->n + n >= DRV_NMAX) {
			total_run(a, total, n, w);
			return SQ_OK;
		}
	} else if (a->ntot >= DRV_NTOTALS) {
		total_run(a, total, n, w);
		return SQ_OK;
	} else if ((t = total_insert(a, lo, total)) == NULL)
		return SQ_ENOMEM;
	t->n += n;
	for (d = 0; d < a->nd; d++)
		t->w[d] += w[d];
	return SQ_OK;
}

int
sq_drv_weights_add(sq_drivers *a, const double *w)
{
	long long wi[SQ_MAX_DIMS], wtot = 0;
	double wsum = 0;
	int wint = 1;
	size_t d, nd = a->nd;

	if (w == NULL || nd == 0)
		return SQ_OK;
	for (d = 0; d < nd; d++) {
		if (isnan(w[d]))
			return SQ_OK;
		wsum += w[d];
		if (fabs(w[d]) <= DRV_WMAX && w[d] == floor(w[d])) {
			wi[d] = (long long)w[d];
			wtot += wi[d];
		} else
			wint = 0;
	}
	if (!(wsum > 0))
		return SQ_OK;
	if (wint)
		return sq_drv_total_add(a, wtot, 1, wi);
	for (d = 0; d < nd; d++)
		a->wrun[d] += 100 * w[d] / wsum;
	a->wrn += 1;
	return SQ_OK;
}

/*
 * Per total S, 100 W_d / S of the exact sums (totals in increasing
 * order), plus the running sums, over all.
 */
void
sq_drv_stated(const sq_drivers *a, double *n, double *stated)
{
	size_t d, i;
	double k = a->wrn;

	for (i = 0; i < a->ntot; i++)
		k += (double)a->tot[i].n;
	*n = k;
	for (d = 0; d < a->nd; d++) {
		long double s = 0;

		for (i = 0; i < a->ntot; i++)
			s += 100.0L * (long double)a->tot[i].w[d] /
			    (long double)a->tot[i].total;
		stated[d] = k > 0 ? ((double)s + a->wrun[d]) / k : NAN;
	}
}
