/*
 * servqual studentized range: the distribution of the range of k
 * independent standard normals divided by an independent sqrt(chi2_df /
 * df), as Tukey's HSD and Games-Howell need it (GSL has none).
 *
 * Computed by adaptive Gauss-Kronrod quadrature (GSL's QAG) of the
 * double integral P(Q <= q) = int_0^inf f_df(s) W(q s) ds, with W(w) =
 * k int phi(z) [Phi(z) - Phi(z - w)]^(k-1) dz the distribution of the
 * range of k normals and f_df the density of sqrt(chi2_df / df); both
 * tails are integrated directly, so either is good to about 1e-12
 * absolute (R's ptukey is good to about 1e-8). Pure functions, no state.
 */
#ifndef SERVQUAL_PTUKEY_H
#define SERVQUAL_PTUKEY_H

/*
 * P(Q > q) for k >= 2 groups and df > 0 (df = INFINITY: no denominator);
 * 1 for q <= 0; NAN for k < 2, df <= 0 or NAN arguments.
 */
double sq_ptukey_upper(double q, double k, double df);

/* P(Q <= q), as above. */
double sq_ptukey(double q, double k, double df);

/* The q with P(Q <= q) = p, 0 < p < 1 (to about 1e-11 relative); NAN
   outside. */
double sq_qtukey(double p, double k, double df);

#endif
