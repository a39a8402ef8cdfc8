/*
 * servqual noncentral chi-square: the distribution function GSL lacks,
 * as a Poisson mixture of central chi-squares summed outward from the
 * mixture's mode (stable for large noncentrality), and the interval of a
 * noncentrality parameter that RMSEA's confidence interval needs.
 */
#ifndef SERVQUAL_NONCENTRAL_H
#define SERVQUAL_NONCENTRAL_H

/*
 * P(X <= x) for X ~ chi-square(df, ncp), as R's pchisq(x, df, ncp); NAN
 * when df <= 0, ncp < 0 or an argument is not finite.
 */
double sq_ncchisq_P(double x, double df, double ncp);

/* P(X > x), as pchisq(x, df, ncp, lower.tail = FALSE). */
double sq_ncchisq_Q(double x, double df, double ncp);

/*
 * The noncentrality ncp >= 0 at which P(X <= x; df, ncp) = prob, found
 * by bracketing and Brent's method to about 1e-12 relative; 0 when even
 * ncp = 0 gives a probability below prob; NAN when df <= 0 or prob not
 * in (0, 1).
 */
double sq_ncchisq_ncp(double x, double df, double prob);

#endif
