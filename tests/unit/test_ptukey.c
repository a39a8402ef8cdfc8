/*
 * The studentized range against R's ptukey/qtukey where R is accurate
 * (df >= 10; tests/oracle/compare/ptukey.R says why), against an
 * independent quadrature with R's integrate() at df <= 5, against 25-digit
 * mpmath values (ptukey_mp.py) and the k = 2 closed form at 1e-12, against
 * Harter's (1960) tables at their printed decimals (df = 2 included,
 * where R's qtukey is far off), and the tabulated form against the direct
 * double integral.
 */
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "servqual/error.h"
#include "servqual/ptukey.h"
#include "unit.h"

#define DIR "tests/oracle/compare/"

static sq_srange *tables[21];

/* The tabulated distribution for k, made once. */
static sq_srange *
table(int k)
{
	if (k < 2 || k > 20)
		return NULL;
	if (tables[k] == NULL && sq_srange_new(k, &tables[k]) != SQ_OK)
		return NULL;
	return tables[k];
}

int
main(void)
{
	FILE *fp;
	char line[512];
	double q, k, df, lo, up, p, worst = 0, wq = 0, wt = 0;
	int n = 0, bad = 0;
	sq_srange *t4;

	gsl_set_error_handler_off();
	/* R at many points with df >= 10: 1e-7 absolute */
	if ((fp = fopen(DIR "ptukey_r.tsv", "r")) == NULL)
		return 1;
	fgets(line, sizeof(line), fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		sq_srange *t;

		if (sscanf(line, "%lf %lf %lf %lf %lf", &q, &k, &df, &lo,
		    &up) != 5 || df < 10)
			continue;
		n++;
		if ((t = table((int)k)) == NULL)
			return 1;
		{
			double b = sq_srange_upper(t, q, df);

			if (!(fabs(1 - b - lo) < 1e-7 && fabs(b - up) < 1e-7))
				bad++;
			worst = fmax(worst, fabs(b - up));
		}
	}
	fclose(fp);
	printf("# ptukey vs R (df >= 10): %d points, max abs %.3g\n", n,
	    worst);
	CHECK(n == 256 && bad == 0, "ptukey = R's ptukey to 1e-7 at 256 "
	    "points with df >= 10");

	/* df <= 5, where R is off by up to 1e-4: R's integrate() */
	if ((fp = fopen(DIR "ptukey_acc.tsv", "r")) == NULL)
		return 1;
	fgets(line, sizeof(line), fp);
	n = bad = 0;
	worst = 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		sq_srange *t;

		if (sscanf(line, "%lf %lf %lf %lf", &q, &k, &df, &up) != 4)
			continue;
		n++;
		if ((t = table((int)k)) == NULL)
			return 1;
		worst = fmax(worst, fabs(sq_srange_upper(t, q, df) - up));
		bad += fabs(sq_srange_upper(t, q, df) - up) > 1e-10;
	}
	fclose(fp);
	printf("# ptukey vs integrate() (df <= 5): %d points, max abs %.3g\n",
	    n, worst);
	CHECK(n == 192 && bad == 0, "ptukey = an independent quadrature to "
	    "1e-10 at 192 points with df <= 5");
	/* the direct double integral at a few points */
	CHECK(fabs(sq_ptukey_upper(3.5, 4, 20) + sq_ptukey(3.5, 4, 20) - 1) <
	    1e-14, "direct lower and upper tails add to 1");

	/* R's qtukey stops at ~1e-4; ours must invert our ptukey to 1e-12 */
	if ((fp = fopen(DIR "qtukey_r.tsv", "r")) == NULL)
		return 1;
	fgets(line, sizeof(line), fp);
	n = bad = 0;
	worst = 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		double x;

		sq_srange *t;

		if (sscanf(line, "%lf %lf %lf %lf", &p, &k, &df, &q) != 4 ||
		    df < 10)
			continue;
		n++;
		if ((t = table((int)k)) == NULL)
			return 1;
		x = sq_srange_quantile(t, p, df);
		if (!(fabs(x - q) / q < 1e-4 &&
		    fabs(sq_srange_upper(t, x, df) - (1 - p)) < 1e-12))
			bad++;
		worst = fmax(worst, fabs(x - q) / q);
	}
	fclose(fp);
	printf("# qtukey vs R: %d points, max rel %.3g\n", n, worst);
	CHECK(n == 45 && bad == 0, "qtukey = R's to 1e-4 (df >= 10), inverts "
	    "ptukey to 1e-12");

	/* 25-digit values */
	if ((fp = fopen(DIR "ptukey_mp.tsv", "r")) == NULL)
		return 1;
	fgets(line, sizeof(line), fp);
	n = bad = 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "%lf %lf %lf %lf", &q, &k, &df, &up) != 4)
			continue;
		n++;
		if (fabs(sq_ptukey_upper(q, k, df) - up) > 1e-12)
			bad++;
	}
	fclose(fp);
	CHECK(n >= 2 && bad == 0, "ptukey = mpmath (25 digits) to 1e-12");

	/* k = 2: the range of two normals over s is |t| sqrt 2 */
	bad = 0;
	for (df = 2; df < 300; df *= 1.7)
		for (q = 0.25; q < 12; q *= 1.5) {
			double e = 2 * gsl_cdf_tdist_Q(q / M_SQRT2, df);

			if (fabs(sq_ptukey_upper(q, 2, df) - e) > 1e-12)
				bad++;
		}
	CHECK(bad == 0, "k = 2 equals the t distribution to 1e-12");

	/* Harter's table: q(0.95; k, df) and q(0.99; k, df), 3 decimals */
	{
		static const double tab[][4] = {
			{ 0.95, 2, 2, 6.085 }, { 0.95, 3, 10, 3.877 },
			{ 0.95, 4, 20, 3.958 }, { 0.95, 5, 30, 4.102 },
			{ 0.95, 10, 60, 4.646 }, { 0.95, 20, 120, 5.126 },
			{ 0.95, 20, 2, 16.77 }, { 0.99, 2, 5, 5.702 },
			{ 0.99, 3, 10, 5.270 }, { 0.99, 5, 20, 5.293 },
			{ 0.99, 3, 2, 19.02 }, { 0.99, 10, 2, 31.69 },
		};
		size_t i;

		bad = 0;
		for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
			double x = sq_qtukey(tab[i][0], tab[i][1], tab[i][2]);
			double h = tab[i][3] > 10 ? 0.005 : 0.0005;

			if (!(fabs(x - tab[i][3]) <= h + 1e-9)) {
				printf("# table %g %g %g: %.6f vs %.3f\n",
				    tab[i][0], tab[i][1], tab[i][2], x,
				    tab[i][3]);
				bad++;
			}
		}
		CHECK(bad == 0, "qtukey = Harter's table at 12 points");
	}

	/* the tabulated form equals the direct double integral */
	bad = 0;
	for (k = 2; k <= 20; k += 9) {
		sq_srange *t;

		if ((t = table((int)k)) == NULL)
			return 1;
		for (df = 2; df < 2000; df *= 5.3)
			for (q = 0.3; q < 10; q *= 2.1) {
				double d = fabs(sq_srange_upper(t, q, df) -
				    sq_ptukey_upper(q, k, df));

				wt = fmax(wt, d);
				bad += d > 1e-13;
			}
		wq = fmax(wq, fabs(sq_srange_quantile(t, 0.95, 17.3) -
		    sq_qtukey(0.95, k, 17.3)));
	}
	printf("# table vs direct: max abs %.3g, quantile %.3g\n", wt, wq);
	CHECK(bad == 0 && wq < 1e-11, "tabulated = direct to 1e-13");

	/* convergence: the direct integral at looser and tighter limits
	   is checked by mpmath above; edges */
	CHECK(isnan(sq_ptukey(1, 1, 10)) && isnan(sq_ptukey(1, 3, 0)) &&
	    sq_ptukey_upper(0, 3, 10) == 1 && sq_ptukey(-1, 3, 10) == 0 &&
	    isnan(sq_qtukey(1, 3, 10)) && isnan(sq_qtukey(0, 3, 10)),
	    "edges: k < 2, df <= 0, q <= 0, p out of (0, 1)");
	if (sq_srange_new(4, &t4) != SQ_OK)
		return 1;
	CHECK(sq_srange_upper(t4, 1e6, 10) == 0 &&
	    fabs(sq_srange_upper(t4, 3.5, INFINITY) -
	    sq_ptukey_upper(3.5, 4, INFINITY)) < 1e-14,
	    "far tail and df = infinity");
	sq_srange_free(t4);
	for (n = 0; n < 21; n++)
		sq_srange_free(tables[n]);
	return unit_done();
}
