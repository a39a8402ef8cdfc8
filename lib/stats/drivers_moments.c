/*
 * sq-drivers' moments (drivers_int.h): of one score (the targets and the
 * IPA performance) and of a model's complete cases (scores and outcome).
 * Each has an exact part, integer sums, and a running part (Welford to
 * add, Chan et al. to fold); they meet only when read out.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "drivers_int.h"

#define NQ	DRV_NQ

/* Mean and sum of squared deviations of one score. */
struct mom1 {
	double n, mean, m2;
};

/* Welford: one value into the running part. */
static void
mom1_run(struct drv_mom1 *s, double x)
{
	double d;

	s->rn += 1;
	d = x - s->rm;
	s->rm += d / s->rn;
	s->rm2 += d * (x - s->rm);
}

void
sq_drv_mom1_add(struct drv_mom1 *s, int ok, long long X, double x)
{
	if (isnan(x))
		return;
	if (ok && s->n < DRV_NMAX - 1) {
		s->n++;
		s->s += X;
		s->ss += (__int128)X * X;
	} else
		mom1_run(s, x);
}

/* The moments of s with scores over den: exact and running combined. */
static void
mom1_get(const struct drv_mom1 *s, long long den, struct mom1 *out)
{
	double n, d;

	out->n = (double)s->n;
	out->mean = out->m2 = 0;
	if (s->n > 0) {
		out->mean = (double)((long double)s->s / ((long double)s->n *
		    (long double)den));
		out->m2 = (double)sq_drv_centred(s->n, s->s, s->s, s->ss,
		    (long double)den * (long double)den);
	}
	if (s->rn == 0)
		return;
	if (s->n == 0) {
		out->n = s->rn;
		out->mean = s->rm;
		out->m2 = s->rm2;
		return;
	}
	n = out->n + s->rn;
	d = s->rm - out->mean;
	out->m2 += s->rm2 + d * d * out->n * s->rn / n;
	out->mean += d * s->rn / n;
	out->n = n;
}

/* Chan et al.: running moments b folded into a. */
static void
mom1_chan(double *an, double *am, double *am2, double bn, double bm,
    double bm2)
{
	double n, d;

	if (bn == 0)
		return;
	if (*an == 0) {
		*an = bn;
		*am = bm;
		*am2 = bm2;
		return;
	}
	n = *an + bn;
	d = bm - *am;
	*am2 += bm2 + d * d * *an * bn / n;
	*am += d * bn / n;
	*an = n;
}

void
sq_drv_mom1_fold(struct drv_mom1 *a, const struct drv_mom1 *b, long long L)
{
	if (a->n + b->n < DRV_NMAX) {
		a->n += b->n;
		a->s += b->s;
		a->ss += b->ss;
	} else {
		/* beyond 2^46 respondents: b's exact part runs too */
		struct drv_mom1 e = *b;
		struct mom1 m;

		e.rn = 0;
		mom1_get(&e, L, &m);
		mom1_chan(&a->rn, &a->rm, &a->rm2, m.n, m.mean, m.m2);
	}
	mom1_chan(&a->rn, &a->rm, &a->rm2, b->rn, b->rm, b->rm2);
}

void
sq_drv_mom1_ci(const struct drv_mom1 *s, long long L, double conf,
    double target, struct drv_ci *out)
{
	struct mom1 m;
	double se, q;

	mom1_get(s, L, &m);
	out->n = m.n;
	out->mean = m.n > 0 ? m.mean : NAN;
	out->lo = out->hi = out->t = out->p = NAN;
	if (m.n < 2)
		return;
	se = sqrt(m.m2 / (m.n - 1) / m.n);
	q = gsl_cdf_tdist_Pinv((1 + conf) / 2, m.n - 1);
	out->lo = out->mean - q * se;
	out->hi = out->mean + q * se;
	if (se > 0 && !isnan(target)) {
		out->t = (out->mean - target) / se;
		out->p = gsl_cdf_tdist_P(out->t, m.n - 1);
	}
}

/* ---- a model's complete cases ---- */

/* Welford: one case z[0..q) into the running part of a model. */
static void
mom_run(struct drv_mom *a, size_t q, const double *z)
{
	double d[NQ];
	size_t i, j;

	a->rn += 1;
	for (i = 0; i < q; i++) {
		d[i] = z[i] - a->rm[i];
		a->rm[i] += d[i] / a->rn;
	}
	for (i = 0; i < q; i++)
		for (j = i; j < q; j++)
			a->rc[DRV_UT(q, i, j)] += d[i] * (z[j] - a->rm[j]);
}

void
sq_drv_mom_add(struct drv_mom *a, size_t q, const double *z,
    const long long *X)
{
	size_t i, j;

	if (X == NULL || a->n >= DRV_NMAX - 1) {
		mom_run(a, q, z);
		return;
	}
	a->n++;
	for (i = 0; i < q; i++) {
		a->s[i] += X[i];
		for (j = i; j < q; j++)
			a->ss[DRV_UT(q, i, j)] += (__int128)X[i] * X[j];
	}
}

/* The exact part of a model as means and co-moments (dens: per column). */
static void
mom_exact(const struct drv_mom *a, size_t q, const long long *den,
    double *m, double *C)
{
	size_t i, j;

	for (i = 0; i < q; i++) {
		m[i] = (double)((long double)a->s[i] / ((long double)a->n *
		    (long double)den[i]));
		for (j = i; j < q; j++)
			C[DRV_UT(q, i, j)] = (double)sq_drv_centred(a->n,
			    a->s[i], a->s[j], a->ss[DRV_UT(q, i, j)],
			    (long double)den[i] * (long double)den[j]);
	}
}

/* The denominators of a model's columns: scores over L, the outcome last. */
static void
mom_dens(size_t q, long long L, long long *den)
{
	size_t i;

	for (i = 0; i < q; i++)
		den[i] = i + 1 < q ? L : SQ_DRV_YDEN;
}

/* Chan et al. for co-moments: (bn, bm, bC) folded into (an, am, aC). */
static void
mom_chan(double *an, double *am, double *aC, double bn, const double *bm,
    const double *bC, size_t q)
{
	double n, d[NQ];
	size_t i, j;

	if (bn == 0)
		return;
	if (*an == 0) {
		*an = bn;
		memcpy(am, bm, q * sizeof(*am));
		memcpy(aC, bC, q * (q + 1) / 2 * sizeof(*aC));
		return;
	}
	n = *an + bn;
	for (i = 0; i < q; i++)
		d[i] = bm[i] - am[i];
	for (i = 0; i < q; i++)
		for (j = i; j < q; j++)
			aC[DRV_UT(q, i, j)] += bC[DRV_UT(q, i, j)] +
			    d[i] * d[j] * *an * bn / n;
	for (i = 0; i < q; i++)
		am[i] += d[i] * bn / n;
	*an = n;
}

void
sq_drv_mom_fold(struct drv_mom *a, const struct drv_mom *b, size_t q,
    long long L)
{
	size_t i;

	if (a->n + b->n < DRV_NMAX) {
		a->n += b->n;
		for (i = 0; i < q; i++)
			a->s[i] += b->s[i];
		for (i = 0; i < q * (q + 1) / 2; i++)
			a->ss[i] += b->ss[i];
	} else if (b->n > 0) {
		/* beyond 2^46 respondents: b's exact part runs too */
		long long den[NQ];
		double m[NQ], C[DRV_NCROSS], n = (double)b->n;

		mom_dens(q, L, den);
		mom_exact(b, q, den, m, C);
		mom_chan(&a->rn, a->rm, a->rc, n, m, C, q);
	}
	mom_chan(&a->rn, a->rm, a->rc, b->rn, b->rm, b->rc, q);
}

void
sq_drv_mom_get(const struct drv_mom *a, size_t q, long long L, double *n,
    double *mean, double *C)
{
	long long den[NQ];
	double em[NQ], eC[DRV_NCROSS];
	size_t i, j;

	*n = 0;
	memset(mean, 0, q * sizeof(*mean));
	memset(eC, 0, sizeof(eC));
	if (a->n > 0) {
		mom_dens(q, L, den);
		mom_exact(a, q, den, em, eC);
		*n = (double)a->n;
		memcpy(mean, em, q * sizeof(*mean));
	}
	mom_chan(n, mean, eC, a->rn, a->rm, a->rc, q);
	for (i = 0; i < q; i++)
		for (j = 0; j < q; j++)
			C[i * q + j] = eC[i <= j ? DRV_UT(q, i, j) :
			    DRV_UT(q, j, i)];
}
