/*
 * The comparison tests on group summaries: the omnibus rows (ANOVA,
 * Welch, Kruskal-Wallis, Brown-Forsythe) and the pairwise rows (Tukey,
 * Games-Howell, Dunn; Welch t and Mann-Whitney for two groups).
 */
#include <gsl/gsl_cdf.h>
#include <math.h>

#include "compare_int.h"

/* F test of between vs within sums of squares. */
static void
oneway(sq_cmprow *r, double ssb, double ssw, double k, double N)
{
	if (k < 2)
		return;
	r->df1 = k - 1;
	r->df2 = N - k;
	if (N - k < 1)
		return;
	r->stat = (ssb / (k - 1)) / (ssw / (N - k));
	if (isinf(r->stat))
		r->p = 0;
	else if (!isnan(r->stat))
		r->p = gsl_cdf_fdist_Q(r->stat, k - 1, N - k);
}

static void
blankrow(sq_cmprow *r, int test, double n)
{
	r->test = test;
	r->g1 = r->g2 = -1;
	r->n = n;
	r->diff = r->stat = r->df1 = r->df2 = r->p = r->p_adj = NAN;
	r->ci_low = r->ci_high = r->es = NAN;
	r->n1 = r->n2 = r->mean1 = r->mean2 = r->sd1 = r->sd2 = NAN;
}

void
cmp_omnibus(const struct gsum *gs, size_t k, double ties, sq_cmprow *r)
{
	double N = 0, M = 0, ssb = 0, ssw = 0, zM = 0, zb = 0, zw = 0;
	double W = 0, mw = 0, A = 0, tmp = 0, H = 0, kd = (double)k;
	int welch_ok = k >= 2;
	size_t i;

	for (i = 0; i < k; i++) {
		N += gs[i].n;
		M += gs[i].n * gs[i].mean;
		zM += gs[i].n * gs[i].zmean;
	}
	M /= N;
	zM /= N;
	for (i = 0; i < k; i++) {
		ssb += gs[i].n * (gs[i].mean - M) * (gs[i].mean - M);
		if (gs[i].n > 1)
			ssw += (gs[i].n - 1) * gs[i].var;
		zb += gs[i].n * (gs[i].zmean - zM) * (gs[i].zmean - zM);
		zw += gs[i].zss;
		if (!(gs[i].n > 1 && gs[i].var > 0))
			welch_ok = 0;
	}
	for (i = 0; i < SQ_T_TUKEY; i++)
		blankrow(&r[i], (int)i, N);
	oneway(&r[SQ_T_ANOVA], ssb, ssw, kd, N);
	if (k >= 2 && ssb + ssw > 0)
		r[SQ_T_ANOVA].es = ssb / (ssb + ssw);
	/* Welch's F */
	if (welch_ok) {
		for (i = 0; i < k; i++) {
			W += gs[i].n / gs[i].var;
			mw += gs[i].n / gs[i].var * gs[i].mean;
		}
		mw /= W;
		for (i = 0; i < k; i++) {
			double w = gs[i].n / gs[i].var;

			A += w * (gs[i].mean - mw) * (gs[i].mean - mw);
			tmp += (1 - w / W) * (1 - w / W) / (gs[i].n - 1);
		}
		A /= kd - 1;
		r[SQ_T_WELCH].stat = A / (1 + 2 * (kd - 2) * tmp /
		    (kd * kd - 1));
		r[SQ_T_WELCH].df1 = kd - 1;
		r[SQ_T_WELCH].df2 = (kd * kd - 1) / (3 * tmp);
		r[SQ_T_WELCH].p = gsl_cdf_fdist_Q(r[SQ_T_WELCH].stat, kd - 1,
		    r[SQ_T_WELCH].df2);
	}
	/* Kruskal-Wallis with the tie correction */
	if (k >= 2) {
		for (i = 0; i < k; i++)
			H += gs[i].rsum * gs[i].rsum / gs[i].n;
		H = 12 / (N * (N + 1)) * H - 3 * (N + 1);
		if (N * N * N - N - ties > 0) {
			H /= 1 - ties / (N * N * N - N);
			r[SQ_T_KRUSKAL].stat = H;
			r[SQ_T_KRUSKAL].p = gsl_cdf_chisq_Q(H, kd - 1);
			r[SQ_T_KRUSKAL].es = H / (N - 1);
		}
		r[SQ_T_KRUSKAL].df1 = kd - 1;
	}
	if (k < 2)
		r[SQ_T_WELCH].df1 = r[SQ_T_WELCH].df2 = NAN;
	/* Brown-Forsythe: one-way ANOVA of |x - group median| */
	oneway(&r[SQ_T_LEVENE], zb, zw, kd, N);
}

static double
hedges_j(double m)
{
	if (!(m >= 2))
		return NAN;
	return exp(lgamma(m / 2) - lgamma((m - 1) / 2) - 0.5 * log(m / 2));
}

/* The pairwise rows of groups a < b; r has room for the tests asked. */
void
cmp_pairwise(const struct gsum *gs, size_t k, size_t a, size_t b,
    double N, double ssw, double ties, double qcrit, const sq_srange *sr,
    double conf, int two, sq_cmprow *out, size_t *nout)
{
	const struct gsum *x = &gs[a], *y = &gs[b];
	double diff = y->mean - x->mean, kd = (double)k;
	double v1 = x->var / x->n, v2 = y->var / y->n, se2 = v1 + v2;
	double wdf = se2 * se2 / (v1 * v1 / (x->n - 1) + v2 * v2 / (y->n -
	    1));
	int tests[5], nt = 0, i;

	tests[nt++] = SQ_T_TUKEY;
	tests[nt++] = SQ_T_GAMES_HOWELL;
	tests[nt++] = SQ_T_DUNN;
	if (two) {
		tests[nt++] = SQ_T_WELCH_T;
		tests[nt++] = SQ_T_MANN_WHITNEY;
	}
	if (!(x->n > 1 && y->n > 1 && se2 > 0))
		wdf = NAN;
	for (i = 0; i < nt; i++) {
		sq_cmprow *r = &out[*nout + (size_t)i];

		blankrow(r, tests[i], x->n + y->n);
		r->g1 = x->g;
		r->g2 = y->g;
		r->diff = diff;
		r->n1 = x->n;
		r->n2 = y->n;
		r->mean1 = x->mean;
		r->mean2 = y->mean;
		r->sd1 = sqrt(x->var);
		r->sd2 = sqrt(y->var);
		switch (tests[i]) {
		case SQ_T_TUKEY: {
			double df = N - kd, se = sqrt(ssw / df / 2 *
			    (1 / x->n + 1 / y->n));

			r->df1 = df;
			if (df >= 1 && se > 0) {
				r->stat = fabs(diff) / se;
				r->p = sq_srange_upper(sr, r->stat, df);
				r->ci_low = diff - qcrit * se;
				r->ci_high = diff + qcrit * se;
			}
			r->p_adj = r->p;
			break;
		}
		case SQ_T_GAMES_HOWELL:
			r->df1 = wdf;
			if (!isnan(wdf)) {
				double q = sq_srange_quantile(sr, conf, wdf);

				r->stat = diff / sqrt(se2);
				r->p = sq_srange_upper(sr, fabs(r->stat) *
				    M_SQRT2, wdf);
				r->ci_low = diff - q / M_SQRT2 * sqrt(se2);
				r->ci_high = diff + q / M_SQRT2 * sqrt(se2);
			}
			r->p_adj = r->p;
			break;
		case SQ_T_DUNN: {
			double v = (N * (N + 1) / 12 - ties / (12 * (N - 1))) *
			    (1 / x->n + 1 / y->n);

			if (v > 0) {
				r->stat = (y->rsum / y->n - x->rsum / x->n) /
				    sqrt(v);
				r->p = 2 * gsl_cdf_ugaussian_Q(fabs(r->stat));
			}
			break;
		}
		case SQ_T_WELCH_T:
			r->df1 = wdf;
			if (!isnan(wdf)) {
				double t = gsl_cdf_tdist_Qinv((1 - conf) / 2,
				    wdf), m = x->n + y->n - 2;

				r->stat = diff / sqrt(se2);
				r->p = 2 * gsl_cdf_tdist_Q(fabs(r->stat), wdf);
				r->ci_low = diff - t * sqrt(se2);
				r->ci_high = diff + t * sqrt(se2);
				r->es = diff / sqrt(((x->n - 1) * x->var +
				    (y->n - 1) * y->var) / m) * hedges_j(m);
			}
			break;
		case SQ_T_MANN_WHITNEY: {
			double n1 = x->n, n2 = y->n, n = n1 + n2;
			double w = x->rsum - n1 * (n1 + 1) / 2;
			double z = w - n1 * n2 / 2;
			double sg = sqrt(n1 * n2 / 12 * ((n + 1) - ties /
			    (n * (n - 1))));

			r->stat = w;
			r->es = 1 - 2 * w / (n1 * n2);
			if (sg > 0) {
				z = (z - (z > 0 ? 0.5 : z < 0 ? -0.5 : 0)) / sg;
				r->p = 2 * fmin(gsl_cdf_ugaussian_P(z),
				    gsl_cdf_ugaussian_Q(z));
			}
			break;
		}
		}
	}
	(void)kd;
	*nout += (size_t)nt;
}
