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

/*
 * The same for many calls with one k: the distribution of the range of k
 * normals tabulated once (Chebyshev series, about 8 KB, exact to about
 * 1e-15), so that each P(Q > q) is one quadrature over s alone, about
 * fifty times faster than sq_ptukey_upper and as accurate.
 */
typedef struct sq_srange sq_srange;

/* Tabulate for k groups (2..10000): SQ_OK, SQ_ENOMEM, SQ_EUSAGE. */
int sq_srange_new(int k, sq_srange **out);

/* The k t was made for. */
int sq_srange_k(const sq_srange *t);

/* P(Q > q) with t's k. */
double sq_srange_upper(const sq_srange *t, double q, double df);

/* The q with P(Q <= q) = p, with t's k. */
double sq_srange_quantile(const sq_srange *t, double p, double df);

/* Release t; NULL is a no-op. */
void sq_srange_free(sq_srange *t);

#endif
