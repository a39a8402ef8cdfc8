/*
 * Each group's summary of one score for the comparison tests: n, mean,
 * variance and median from its counted values, the spread about the
 * median (Brown-Forsythe) and rank sums over all groups with ties.
 */
#include <math.h>
#include <stdlib.h>

#include "compare_int.h"

struct ent {
	double v;
	unsigned long long c;
	size_t k;		/* position in gsum[] */
};

static int
ent_cmp(const void *a, const void *b)
{
	double x = ((const struct ent *)a)->v, y = ((const struct ent *)b)->v;

	return (x > y) - (x < y);
}

/* The k-th smallest (0-based) of counted sorted values. */
static double
kth(const double *v, const unsigned long long *c, size_t m, double k)
{
	double cum = 0;
	size_t i;

	for (i = 0; i < m; i++) {
		cum += (double)c[i];
		if (k < cum)
			return v[i];
	}
	return v[m - 1];
}

/*
 * n, mean and sample variance of counted sorted values, as
 * sq_valcount_moments computes them but in increasing order of value, so
 * the bits depend on the counts only, not on the order they came in.
 */
static void
moments(const double *v, const unsigned long long *c, size_t m, double *n,
    double *mean, double *var)
{
	double s = 0, ss = 0, tot = 0, mu;
	size_t i;

	for (i = 0; i < m; i++)
		tot += (double)c[i];
	*n = tot;
	*mean = NAN;
	*var = NAN;
	if (tot == 0)
		return;
	for (i = 0; i < m; i++)
		s += (double)c[i] * v[i];
	mu = s / tot;
	/* a second pass, as R's mean() refines */
	s = 0;
	for (i = 0; i < m; i++) {
		s += (double)c[i] * (v[i] - mu);
		ss += (double)c[i] * (v[i] - mu) * (v[i] - mu);
	}
	*mean = mu + s / tot;
	if (tot >= 2)
		*var = (ss - s * s / tot) / (tot - 1);
}

/*
 * Summaries of score sc over the groups in order (those with n > 0 land
 * in gs[0..*k-1]); ranks over all of them: sums into gs[].rsum, tie term
 * sum(t^3 - t) into *ties.
 */
int
cmp_summarise(const sq_cmpset *s, size_t sc, const size_t *order,
    struct gsum *gs, size_t *k, double *ties)
{
	struct ent *e = NULL;
	size_t i, j, m, ne = 0, tot = 0, kk = 0;
	double rank = 0;
	int rc = SQ_OK;

	for (i = 0; i < s->ngroups; i++)
		tot += s->vc[order[i]][sc].n;
	if ((e = malloc((tot ? tot : 1) * sizeof(*e))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < s->ngroups; i++) {
		const sq_valcount *vc = &s->vc[order[i]][sc];
		struct gsum *g = &gs[kk];
		double *v;
		unsigned long long *c;
		double zs = 0, zss = 0;

		if (vc->total == 0)
			continue;
		if ((rc = sq_valcount_sorted(vc, &v, &c)) != SQ_OK)
			break;
		m = vc->n;
		g->g = (long)order[i];
		moments(v, c, m, &g->n, &g->mean, &g->var);
		g->med = fmod(g->n, 2) == 1 ? kth(v, c, m, (g->n - 1) / 2) :
		    0.5 * (kth(v, c, m, g->n / 2 - 1) + kth(v, c, m, g->n / 2));
		for (j = 0; j < m; j++)
			zs += (double)c[j] * fabs(v[j] - g->med);
		g->zmean = zs / g->n;
		for (j = 0; j < m; j++) {
			double z = fabs(v[j] - g->med) - g->zmean;

			zss += (double)c[j] * z * z;
		}
		g->zss = zss;
		g->rsum = 0;
		for (j = 0; j < m; j++) {
			e[ne].v = v[j];
			e[ne].c = c[j];
			e[ne++].k = kk;
		}
		free(v);
		free(c);
		kk++;
	}
	*ties = 0;
	if (rc == SQ_OK) {
		qsort(e, ne, sizeof(*e), ent_cmp);
		for (i = 0; i < ne; i = j) {
			double t = 0, mid;

			for (j = i; j < ne && e[j].v == e[i].v; j++)
				t += (double)e[j].c;
			mid = rank + (t + 1) / 2;
			for (j = i; j < ne && e[j].v == e[i].v; j++)
				gs[e[j].k].rsum += (double)e[j].c * mid;
			rank += t;
			*ties += t * t * t - t;
		}
	}
	free(e);
	*k = kk;
	return rc;
}
