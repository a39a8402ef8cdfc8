/*
 * Noncentral chi-square distribution. P(x; k, l) is the Poisson(l/2)
 * mixture of central chi-square(k + 2j) distribution functions. The sum
 * starts at the Poisson mode and walks both ways until the weights stop
 * mattering, so neither a large l (the weights underflow near j = 0) nor
 * a small one costs more than a few dozen central CDFs per standard
 * deviation of the Poisson. Each tail is summed from its own central
 * tails, so a probability near 1 loses no digits in its complement.
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>

#include "servqual/noncentral.h"

/* log of the Poisson(mu) weight of j */
static double
lpois(double j, double mu)
{
	return j * log(mu) - mu - gsl_sf_lngamma(j + 1);
}

static double
mix(double x, double df, double ncp, int upper)
{
	double mu, j0, j, w0, w, t, sum = 0, wsum = 0;

	if (!(df > 0) || !(ncp >= 0) || !isfinite(df) || !isfinite(ncp) ||
	    isnan(x))
		return NAN;
	if (x <= 0)
		return upper ? 1 : 0;
	if (isinf(x))
		return upper ? 0 : 1;
	if (ncp == 0)
		return upper ? gsl_cdf_chisq_Q(x, df) : gsl_cdf_chisq_P(x, df);
	mu = ncp / 2;
	j0 = floor(mu);
	/*
	 * Upward from the mode, then downward, until a term is below 1e-17
	 * of the sum and the terms left can only shrink further. The
	 * weights come by recurrence from the mode's and are normalised by
	 * their own sum: log-gamma at j ~ 1e4 carries ~1e-12 of error that
	 * would otherwise show in every term.
	 */
	w0 = exp(lpois(j0, mu));
	for (w = w0, j = j0;; j++) {
		t = upper ? gsl_cdf_chisq_Q(x, df + 2 * j) :
		    gsl_cdf_chisq_P(x, df + 2 * j);
		sum += w * t;
		wsum += w;
		/* P's terms fall with j, Q's are bounded by 1 */
		if (j > mu + 1 && w * (upper ? 1 : t) <= 1e-17 * sum)
			break;
		w *= mu / (j + 1);
	}
	for (w *= mu / (j + 1), j++; w > 1e-17 * wsum; j++) {
		wsum += w;
		w *= mu / (j + 1);
	}
	for (w = w0, j = j0 - 1; j >= 0; j--) {
		w *= (j + 1) / mu;
		t = upper ? gsl_cdf_chisq_Q(x, df + 2 * j) :
		    gsl_cdf_chisq_P(x, df + 2 * j);
		sum += w * t;
		wsum += w;
		if (w * (upper ? t : 1) <= 1e-17 * sum)
			break;
	}
	for (j--; j >= 0 && w > 1e-17 * wsum; j--) {
		w *= (j + 1) / mu;
		wsum += w;
	}
	sum /= wsum;
	return sum > 1 ? 1 : sum;
}

double
sq_ncchisq_P(double x, double df, double ncp)
{
	return mix(x, df, ncp, 0);
}

double
sq_ncchisq_Q(double x, double df, double ncp)
{
	return mix(x, df, ncp, 1);
}

struct target {
	double x, df, prob;
};

static double
gap(double ncp, void *arg)
{
	const struct target *t = arg;

	return sq_ncchisq_P(t->x, t->df, ncp) - t->prob;
}

double
sq_ncchisq_ncp(double x, double df, double prob)
{
	struct target t = { x, df, prob };
	gsl_root_fsolver *s;
	gsl_function f = { gap, &t };
	double lo = 0, hi, r = NAN;
	int it, status;

	if (!(df > 0) || !(prob > 0 && prob < 1) || !isfinite(x) ||
	    !isfinite(df))
		return NAN;
	if (!(gap(0, &t) > 0))
		return 0;
	/* P decreases in ncp; the mean is df + ncp, so ncp = x + a few
	   standard deviations brackets the root */
	hi = x > 1 ? x : 1;
	while (gap(hi, &t) > 0) {
		lo = hi;
		hi *= 2;
		if (hi > 1e15)
			return NAN;
	}
	if ((s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent)) == NULL)
		return NAN;
	if (gsl_root_fsolver_set(s, &f, lo, hi) == GSL_SUCCESS)
		for (it = 0; it < 200; it++) {
			if ((status = gsl_root_fsolver_iterate(s)) !=
			    GSL_SUCCESS)
				break;
			lo = gsl_root_fsolver_x_lower(s);
			hi = gsl_root_fsolver_x_upper(s);
			r = gsl_root_fsolver_root(s);
			if (gsl_root_test_interval(lo, hi, 1e-300, 1e-13) ==
			    GSL_SUCCESS)
				break;
		}
	gsl_root_fsolver_free(s);
	return r;
}
