/* The studentized range distribution: see include/servqual/ptukey.h. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>

#include "servqual/error.h"
#include "servqual/ptukey.h"

#define LIMIT	200		/* subintervals per quadrature */
#define ZMAX	9.0		/* phi(9) ~ 1e-18: the inner range */
#define DROP	46.0		/* log density drop bounding s: e^-46 */

struct range {
	int k, upper;
	double w;
};

/*
 * The integrand of W(w) = P(range of k normals <= w) over the largest
 * value z, or of 1 - W(w) written without cancellation:
 * Phi(z)^(k-1) - d^(k-1) = Phi(z - w) sum_i Phi(z)^i d^(k-2-i), with
 * d = Phi(z) - Phi(z - w).
 */
static double
range_f(double z, void *arg)
{
	const struct range *r = arg;
	double a = 0.5 * erfc(-z * M_SQRT1_2);
	double lo = 0.5 * erfc((r->w - z) * M_SQRT1_2);
	double d, s, ai, phi = exp(-0.5 * z * z) * M_SQRT1_2 * M_2_SQRTPI
	    * 0.5;
	int i;

	/* Phi(z) - Phi(z - w) from the upper tails when both are near 1 */
	d = z > 0.5 * r->w ? 0.5 * (erfc((z - r->w) * M_SQRT1_2) -
	    erfc(z * M_SQRT1_2)) : a - lo;
	if (!r->upper)
		return r->k * phi * pow(d, r->k - 1);
	s = 0;
	ai = 1;
	for (i = 0; i <= r->k - 2; i++) {
		s += ai * pow(d, r->k - 2 - i);
		ai *= a;
	}
	return r->k * phi * lo * s;
}

/* W(w) or 1 - W(w); NAN when the quadrature fails. */
static double
range_cdf(double w, int k, int upper, gsl_integration_workspace *ws)
{
	struct range r;
	gsl_function f;
	double v, e;

	if (w <= 0)
		return upper ? 1 : 0;
	r.k = k;
	r.upper = upper;
	r.w = w;
	f.function = range_f;
	f.params = &r;
	if (gsl_integration_qag(&f, -ZMAX, ZMAX, 1e-16, 1e-13, LIMIT,
	    GSL_INTEG_GAUSS61, ws, &v, &e) != GSL_SUCCESS)
		return NAN;
	return v;
}

/*
 * The tabulated range distribution: W and 1 - W on [0, WMAX] as
 * Chebyshev series of NCHEB terms on NPANEL panels of width 1, exact to
 * about 1e-15 (tests/unit/test_ptukey.c holds it to the direct
 * integral); beyond WMAX, 1 - W < k^2 1e-28.
 */
#define WMAX	16
#define NPANEL	16
#define NCHEB	24

struct sq_srange {
	int k;
	double c[2][NPANEL][NCHEB];	/* [upper][panel][term] */
};

static double
cheb(const struct sq_srange *t, double w, int upper)
{
	const double *c;
	double x, b0 = 0, b1 = 0, b2;
	int j, i;

	if (w <= 0)
		return upper ? 1 : 0;
	if (w >= WMAX)
		return upper ? 0 : 1;
	j = (int)w;
	c = t->c[upper][j];
	x = 2 * (w - j) - 1;
	for (i = NCHEB - 1; i >= 1; i--) {	/* Clenshaw */
		b2 = b1;
		b1 = b0;
		b0 = 2 * x * b1 - b2 + c[i];
	}
	return x * b0 - b1 + 0.5 * c[0];
}

struct outer {
	double q, df, logc;
	int k, upper;
	gsl_integration_workspace *inner;
	const struct sq_srange *table;
};

/* log density of s = sqrt(chi2_df / df), without the constant */
static double
logf_s(double s, double df)
{
	return (df - 1) * log(s) - 0.5 * df * s * s;
}

static double
outer_f(double s, void *arg)
{
	const struct outer *o = arg;

	if (s <= 0)
		return 0;
	return exp(o->logc + logf_s(s, o->df)) * (o->table ?
	    cheb(o->table, o->q * s, o->upper) :
	    range_cdf(o->q * s, o->k, o->upper, o->inner));
}

/* The s where the log density has dropped by DROP, below or above mode. */
static double
bound(double mode, double df, int above)
{
	double top = logf_s(mode, df), lo, hi, mid;
	int i;

	if (above) {
		lo = mode;
		hi = mode + 1;
		while (top - logf_s(hi, df) < DROP)
			hi = mode + 2 * (hi - mode);
	} else {
		lo = 0;
		hi = mode;
		if (mode <= 0)
			return 0;
	}
	for (i = 0; i < 200; i++) {
		mid = 0.5 * (lo + hi);
		if (mid <= 0 || mid == lo || mid == hi)
			break;
		if ((top - logf_s(mid, df) < DROP) == above)
			lo = mid;
		else
			hi = mid;
	}
	return above ? hi : (lo > 0 ? lo : 0);
}

static double
tail_t(double q, double k, double df, int upper, const sq_srange *table)
{
	gsl_integration_workspace *wi, *wo;
	struct outer o;
	gsl_function f;
	double v = NAN, e, mode, lo, hi;
	int ki;

	if (isnan(q) || isnan(k) || isnan(df) || k < 2 || df <= 0 ||
	    k > 1e6)
		return NAN;
	if (q <= 0)
		return upper ? 1 : 0;
	if (isinf(q))
		return upper ? 0 : 1;
	ki = (int)k;
	if ((double)ki != k)
		return NAN;
	wi = gsl_integration_workspace_alloc(LIMIT);
	wo = gsl_integration_workspace_alloc(LIMIT);
	if (wi == NULL || wo == NULL)
		goto done;
	if (isinf(df)) {
		v = table ? cheb(table, q, upper) : range_cdf(q, ki, upper, wi);
		goto done;
	}
	o.q = q;
	o.df = df;
	o.k = ki;
	o.upper = upper;
	o.inner = wi;
	o.table = table;
	o.logc = 0.5 * df * log(df) - lgamma(0.5 * df) -
	    (0.5 * df - 1) * M_LN2;
	f.function = outer_f;
	f.params = &o;
	mode = df > 1 ? sqrt((df - 1) / df) : 0;
	lo = bound(mode, df, 0);
	hi = bound(mode, df, 1);
	if (mode > lo) {
		double v1, v2, e2;

		/* split at the mode: the two slopes are adapted apart */
		if (gsl_integration_qags(&f, lo, mode, 1e-15, 1e-12, LIMIT,
		    wo, &v1, &e) != GSL_SUCCESS ||
		    gsl_integration_qag(&f, mode, hi, 1e-15, 1e-12, LIMIT,
		    GSL_INTEG_GAUSS31, wo, &v2, &e2) != GSL_SUCCESS)
			goto done;
		v = v1 + v2;
	} else if (gsl_integration_qags(&f, lo, hi, 1e-15, 1e-12, LIMIT,
	    wo, &v, &e) != GSL_SUCCESS)
		v = NAN;
done:
	gsl_integration_workspace_free(wi);
	gsl_integration_workspace_free(wo);
	if (!isnan(v))
		v = v < 0 ? 0 : (v > 1 ? 1 : v);
	return v;
}

static double
tail(double q, double k, double df, int upper)
{
	return tail_t(q, k, df, upper, NULL);
}

double
sq_ptukey_upper(double q, double k, double df)
{
	return tail(q, k, df, 1);
}

double
sq_ptukey(double q, double k, double df)
{
	return tail(q, k, df, 0);
}

struct root {
	double p, k, df;
	int upper;
	const sq_srange *table;
};

static double
root_f(double q, void *arg)
{
	const struct root *r = arg;

	return r->upper ? r->p - tail_t(q, r->k, r->df, 1, r->table) :
	    tail_t(q, r->k, r->df, 0, r->table) - r->p;
}

static double
qtukey_t(double p, double k, double df, const sq_srange *table)
{
	gsl_root_fsolver *s;
	struct root r;
	gsl_function f;
	double lo = 0, hi, x = NAN, fh;
	int i, st;

	if (isnan(p) || p <= 0 || p >= 1 || isnan(k) || isnan(df) ||
	    k < 2 || df <= 0 || k > 1e6 || (double)(int)k != k)
		return NAN;
	/* solve in the tail that is small, where it is accurate */
	r.upper = p > 0.5;
	r.p = r.upper ? 1 - p : p;
	r.k = k;
	r.df = df;
	r.table = table;
	f.function = root_f;
	f.params = &r;
	hi = 4;
	for (i = 0; i < 60; i++) {
		fh = root_f(hi, &r);
		if (isnan(fh))
			return NAN;
		if (fh > 0)
			break;
		lo = hi;
		hi *= 2;
	}
	if (i == 60 || (s = gsl_root_fsolver_alloc(
	    gsl_root_fsolver_brent)) == NULL)
		return NAN;
	if (gsl_root_fsolver_set(s, &f, lo, hi) == GSL_SUCCESS) {
		for (i = 0; i < 200; i++) {
			if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
				break;
			lo = gsl_root_fsolver_x_lower(s);
			hi = gsl_root_fsolver_x_upper(s);
			st = gsl_root_test_interval(lo, hi, 0, 1e-13);
			if (st == GSL_SUCCESS) {
				x = gsl_root_fsolver_root(s);
				break;
			}
		}
	}
	gsl_root_fsolver_free(s);
	return x;
}

double
sq_qtukey(double p, double k, double df)
{
	return qtukey_t(p, k, df, NULL);
}

int
sq_srange_new(int k, sq_srange **out)
{
	gsl_integration_workspace *ws;
	sq_srange *t;
	double f[NCHEB];
	int up, j, i, m;

	*out = NULL;
	if (k < 2 || k > 10000)
		return SQ_EUSAGE;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return SQ_ENOMEM;
	if ((ws = gsl_integration_workspace_alloc(LIMIT)) == NULL) {
		free(t);
		return SQ_ENOMEM;
	}
	t->k = k;
	for (up = 0; up < 2; up++)
		for (j = 0; j < NPANEL; j++) {
			/* values at the Chebyshev nodes, then coefficients */
			for (i = 0; i < NCHEB; i++) {
				double x = cos(M_PI * (i + 0.5) / NCHEB);

				f[i] = range_cdf(j + 0.5 * (x + 1), k, up, ws);
				if (isnan(f[i])) {
					gsl_integration_workspace_free(ws);
					free(t);
					return SQ_ENUMERIC;
				}
			}
			for (m = 0; m < NCHEB; m++) {
				double s = 0;

				for (i = 0; i < NCHEB; i++)
					s += f[i] * cos(M_PI * m * (i + 0.5) /
					    NCHEB);
				t->c[up][j][m] = 2 * s / NCHEB;
			}
		}
	gsl_integration_workspace_free(ws);
	*out = t;
	return SQ_OK;
}

void
sq_srange_free(sq_srange *t)
{
	free(t);
}

int
sq_srange_k(const sq_srange *t)
{
	return t->k;
}

double
sq_srange_upper(const sq_srange *t, double q, double df)
{
	return tail_t(q, t->k, df, 1, t);
}

double
sq_srange_quantile(const sq_srange *t, double p, double df)
{
	return qtukey_t(p, t->k, df, t);
}
