/* Counts of distinct values: see include/servqual/valcount.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "servqual/error.h"
#include "servqual/valcount.h"

static size_t
slot(double x, size_t cap)
{
	uint64_t h;

	memcpy(&h, &x, sizeof(h));
	/* splitmix64's finaliser: answers differ in few bits */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return (size_t)h & (cap - 1);
}

static int
grow(sq_valcount *m)
{
	size_t cap = m->cap ? 2 * m->cap : 16, i, j;
	double *v = malloc(cap * sizeof(*v));
	unsigned long long *c = calloc(cap, sizeof(*c));

	if (v == NULL || c == NULL) {
		free(v);
		free(c);
		return SQ_ENOMEM;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->c[i] == 0)
			continue;
		for (j = slot(m->v[i], cap); c[j] != 0; j = (j + 1) &
		    (cap - 1))
			;
		v[j] = m->v[i];
		c[j] = m->c[i];
	}
	free(m->v);
	free(m->c);
	m->v = v;
	m->c = c;
	m->cap = cap;
	return SQ_OK;
}

int
sq_valcount_add(sq_valcount *m, double x, unsigned long long c)
{
	size_t j;

	if (c == 0)
		return SQ_OK;
	if (x == 0)
		x = 0;		/* -0 and 0 are one value */
	if (4 * (m->n + 1) > 3 * m->cap && grow(m) != SQ_OK)
		return SQ_ENOMEM;
	for (j = slot(x, m->cap); m->c[j] != 0; j = (j + 1) & (m->cap - 1))
		if (m->v[j] == x) {
			m->c[j] += c;
			m->total += (double)c;
			return SQ_OK;
		}
	m->v[j] = x;
	m->c[j] = c;
	m->n++;
	m->total += (double)c;
	return SQ_OK;
}

int
sq_valcount_merge(sq_valcount *a, const sq_valcount *b)
{
	size_t i;

	for (i = 0; i < b->cap; i++)
		if (b->c[i] != 0 && sq_valcount_add(a, b->v[i], b->c[i]) !=
		    SQ_OK)
			return SQ_ENOMEM;
	return SQ_OK;
}

struct vc {
	double v;
	unsigned long long c;
};

static int
vc_cmp(const void *a, const void *b)
{
	double x = ((const struct vc *)a)->v, y = ((const struct vc *)b)->v;

	return (x > y) - (x < y);
}

int
sq_valcount_sorted(const sq_valcount *m, double **v, unsigned long long **c)
{
	struct vc *t;
	size_t i, k = 0;

	*v = NULL;
	*c = NULL;
	if (m->n == 0)
		return SQ_OK;
	if ((t = malloc(m->n * sizeof(*t))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < m->cap; i++)
		if (m->c[i] != 0) {
			t[k].v = m->v[i];
			t[k++].c = m->c[i];
		}
	qsort(t, k, sizeof(*t), vc_cmp);
	*v = malloc(k * sizeof(**v));
	*c = malloc(k * sizeof(**c));
	if (*v == NULL || *c == NULL) {
		free(*v);
		free(*c);
		*v = NULL;
		*c = NULL;
		free(t);
		return SQ_ENOMEM;
	}
	for (i = 0; i < k; i++) {
		(*v)[i] = t[i].v;
		(*c)[i] = t[i].c;
	}
	free(t);
	return SQ_OK;
}

void
sq_valcount_moments(const sq_valcount *m, double *n, double *mean,
    double *var)
{
	double s = 0, ss = 0, mu;
	size_t i;

	*n = m->total;
	*mean = NAN;
	*var = NAN;
	if (m->total == 0)
		return;
	for (i = 0; i < m->cap; i++)
		if (m->c[i] != 0)
			s += (double)m->c[i] * m->v[i];
	mu = s / m->total;
	/* a second pass over the distinct values, as R's mean() refines */
	s = 0;
	for (i = 0; i < m->cap; i++)
		if (m->c[i] != 0) {
			s += (double)m->c[i] * (m->v[i] - mu);
			ss += (double)m->c[i] * (m->v[i] - mu) *
			    (m->v[i] - mu);
		}
	*mean = mu + s / m->total;
	if (m->total >= 2)
		*var = (ss - s * s / m->total) / (m->total - 1);
}

static int
abs_cmp(const void *a, const void *b)
{
	double x = fabs(((const struct vc *)a)->v);
	double y = fabs(((const struct vc *)b)->v);

	return (x > y) - (x < y);
}

int
sq_signrank(const sq_valcount *m, double *nz, double *w, double *p)
{
	struct vc *t;
	size_t i, j, k = 0;
	double n = 0, ties = 0, rank = 0, z, sigma;

	*nz = 0;
	*w = NAN;
	*p = NAN;
	if ((t = malloc((m->n ? m->n : 1) * sizeof(*t))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < m->cap; i++)
		if (m->c[i] != 0 && m->v[i] != 0) {
			t[k].v = m->v[i];
			t[k++].c = m->c[i];
		}
	qsort(t, k, sizeof(*t), abs_cmp);
	*w = 0;
	for (i = 0; i < k; i = j) {
		double tc = 0, mid;

		for (j = i; j < k && fabs(t[j].v) == fabs(t[i].v); j++)
			tc += (double)t[j].c;
		mid = rank + (tc + 1) / 2;
		for (j = i; j < k && fabs(t[j].v) == fabs(t[i].v); j++)
			if (t[j].v > 0)
				*w += (double)t[j].c * mid;
		rank += tc;
		ties += tc * tc * tc - tc;
	}
	free(t);
	n = rank;
	*nz = n;
	if (n == 0) {
		*w = NAN;
		return SQ_OK;
	}
	z = *w - n * (n + 1) / 4;
	sigma = sqrt(n * (n + 1) * (2 * n + 1) / 24 - ties / 48);
	z = (z - (z > 0 ? 0.5 : (z < 0 ? -0.5 : 0))) / sigma;
	if (sigma > 0)
		*p = 2 * fmin(gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z));
	return SQ_OK;
}

void
sq_valcount_release(sq_valcount *m)
{
	free(m->v);
	free(m->c);
	memset(m, 0, sizeof(*m));
}
