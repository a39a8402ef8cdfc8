/*
 * sq_covacc against R's cov/cor/colMeans (tests/oracle/alpha/covacc.R):
 * listwise and pairwise, one pass and merged shards, a variable with a
 * mean of 1e7 (naive sums of squares lose it), pairs with < 2 cases.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/covacc.h"
#include "unit.h"
#include "../oracle/alpha/covacc_expected.h"

#define LWK 5
/*
 * Column 4 is 1e7 + N(0, 1.4): its centred values carry ~2e-9 of rounding
 * in any algorithm (R's two-pass one too), so entries meet at ~1e-10;
 * naive sums of squares would be off by more than 1e-2.
 */
#define TOL 1e-9

static void
check_mat(const double *got, const double *exp, size_t k, double tol,
    const char *what)
{
	size_t i, bad = 0;
	char buf[128];

	for (i = 0; i < k * k; i++)
		if (!unit_near(got[i], exp[i], tol)) {
			if (bad++ == 0)
				printf("#   [%zu][%zu] got %.17g, expected %.17g\n",
				    i / k, i % k, got[i], exp[i]);
		}
	snprintf(buf, sizeof(buf), "%s (%zu entries off)", what, bad);
	CHECK(bad == 0, buf);
}

/* Feed rows [from, to); a listwise accumulator of k < COV_K reads the
 * first k columns of each row. */
static void
feed(sq_covacc *a, size_t from, size_t to)
{
	size_t r;

	for (r = from; r < to; r++)
		sq_covacc_add(a, cov_x + r * COV_K);
}

int
main(void)
{
	sq_covacc *a, *b;
	double m[COV_K * COV_K], mean[COV_K];
	double x[2];

	/* listwise, one pass */
	CHECK(sq_covacc_new(LWK, 0, &a) == SQ_OK, "new listwise");
	feed(a, 0, COV_N);
	CHECK_NEAR(sq_covacc_seen(a), COV_N, 0, "listwise seen");
	CHECK_NEAR(sq_covacc_n(a), COV_LW_N, 0, "listwise n");
	CHECK(sq_covacc_k(a) == LWK, "k");
	sq_covacc_cov(a, m);
	check_mat(m, cov_lw_cov, LWK, TOL, "listwise cov vs R");
	sq_covacc_cor(a, m);
	check_mat(m, cov_lw_cor, LWK, TOL, "listwise cor vs R");
	sq_covacc_means(a, mean);
	check_mat(mean, cov_lw_mean, 1, 1e-14, "listwise mean[0] vs R");
	CHECK_NEAR(mean[3], cov_lw_mean[3], 1e-15, "listwise mean of 1e7 var");
	sq_covacc_pairn(a, m);
	CHECK_NEAR(m[7], COV_LW_N, 0, "listwise pairn");
	sq_covacc_free(a);

	/* listwise, three shards merged (one empty) */
	CHECK(sq_covacc_new(LWK, 0, &a) == SQ_OK, "new shard a");
	CHECK(sq_covacc_new(LWK, 0, &b) == SQ_OK, "new shard b");
	CHECK(sq_covacc_merge(a, b) == SQ_OK, "merge empty into empty");
	feed(a, 0, 23);
	feed(b, 23, COV_N);
	CHECK(sq_covacc_merge(a, b) == SQ_OK, "merge listwise");
	CHECK_NEAR(sq_covacc_n(a), COV_LW_N, 0, "merged listwise n");
	CHECK_NEAR(sq_covacc_seen(a), COV_N, 0, "merged seen");
	sq_covacc_cov(a, m);
	check_mat(m, cov_lw_cov, LWK, TOL, "merged listwise cov vs R");
	sq_covacc_means(a, mean);
	CHECK_NEAR(mean[3], cov_lw_mean[3], 1e-15, "merged mean of 1e7 var");
	sq_covacc_free(b);
	CHECK(sq_covacc_new(LWK + 1, 0, &b) == SQ_OK, "new k+1");
	CHECK(sq_covacc_merge(a, b) == SQ_EUSAGE, "merge refuses other k");
	sq_covacc_free(b);
	CHECK(sq_covacc_new(LWK, 1, &b) == SQ_OK, "new pairwise k");
	CHECK(sq_covacc_merge(a, b) == SQ_EUSAGE, "merge refuses other mode");
	sq_covacc_free(b);
	sq_covacc_free(a);

	/* pairwise, one pass */
	CHECK(sq_covacc_new(COV_K, 1, &a) == SQ_OK, "new pairwise");
	feed(a, 0, COV_N);
	sq_covacc_cov(a, m);
	check_mat(m, cov_pw_cov, COV_K, TOL, "pairwise cov vs R");
	sq_covacc_cor(a, m);
	check_mat(m, cov_pw_cor, COV_K, TOL, "pairwise cor vs R");
	sq_covacc_means(a, mean);
	check_mat(mean, cov_pw_mean, 1, 1e-14, "pairwise mean[0] vs R");
	CHECK_NEAR(mean[3], cov_pw_mean[3], 1e-15, "pairwise mean of 1e7 var");
	CHECK_NEAR(mean[4], cov_pw_mean[4], 1e-14, "pairwise mean[4]");
	sq_covacc_pairn(a, m);
	check_mat(m, cov_pw_n, COV_K, 0, "pairwise counts vs R");
	mean[0] = cov_pw_n[0];
	for (size_t i = 1; i < COV_K * COV_K; i++)
		if (cov_pw_n[i] < mean[0])
			mean[0] = cov_pw_n[i];
	CHECK_NEAR(sq_covacc_n(a), mean[0], 0,
	    "pairwise n is the smallest count");
	sq_covacc_free(a);

	/* pairwise, merged */
	CHECK(sq_covacc_new(COV_K, 1, &a) == SQ_OK, "new pairwise a");
	CHECK(sq_covacc_new(COV_K, 1, &b) == SQ_OK, "new pairwise b");
	feed(a, 0, 41);
	feed(b, 41, COV_N);
	CHECK(sq_covacc_merge(a, b) == SQ_OK, "merge pairwise");
	sq_covacc_cov(a, m);
	check_mat(m, cov_pw_cov, COV_K, TOL, "merged pairwise cov vs R");
	sq_covacc_cor(a, m);
	check_mat(m, cov_pw_cor, COV_K, TOL, "merged pairwise cor vs R");
	sq_covacc_free(b);
	sq_covacc_free(a);

	/*
	 * pairwise over the first 5 columns: most rows are complete there,
	 * so the listwise fast path and the pairwise part both carry data;
	 * R's pairwise entries are per pair, so the expected matrices are
	 * the 5 x 5 corners of the 6 x 6 ones.
	 */
	for (int shards = 1; shards <= 2; shards++) {
		double sub[LWK * LWK];
		size_t i, j;

		CHECK(sq_covacc_new(LWK, 1, &a) == SQ_OK, "new pairwise 5");
		CHECK(sq_covacc_new(LWK, 1, &b) == SQ_OK, "new pairwise 5 b");
		feed(a, 0, shards == 1 ? COV_N : 30);
		feed(b, shards == 1 ? COV_N : 30, COV_N);
		CHECK(sq_covacc_merge(a, b) == SQ_OK, "merge pairwise 5");
		sq_covacc_cov(a, m);
		for (i = 0; i < LWK; i++)
			for (j = 0; j < LWK; j++)
				sub[i * LWK + j] = cov_pw_cov[i * COV_K + j];
		check_mat(m, sub, LWK, TOL, shards == 1 ?
		    "pairwise, mostly complete rows: cov vs R" :
		    "same, merged from two shards");
		sq_covacc_cor(a, m);
		for (i = 0; i < LWK; i++)
			for (j = 0; j < LWK; j++)
				sub[i * LWK + j] = cov_pw_cor[i * COV_K + j];
		check_mat(m, sub, LWK, TOL, "pairwise, mostly complete: cor");
		sq_covacc_pairn(a, m);
		for (i = 0; i < LWK; i++)
			for (j = 0; j < LWK; j++)
				sub[i * LWK + j] = cov_pw_n[i * COV_K + j];
		check_mat(m, sub, LWK, 0, "pairwise, mostly complete: counts");
		sq_covacc_means(a, mean);
		CHECK_NEAR(mean[3], cov_pw_mean[3], 1e-15,
		    "pairwise, mostly complete: mean of 1e7 var");
		CHECK_NEAR(mean[0], cov_pw_mean[0], 1e-14,
		    "pairwise, mostly complete: mean[0]");
		sq_covacc_free(a);
		sq_covacc_free(b);
	}

	/* degenerate: nothing complete, constant variable */
	CHECK(sq_covacc_new(2, 0, &a) == SQ_OK, "new 2");
	sq_covacc_cov(a, m);
	CHECK(isnan(m[0]) && isnan(m[1]), "empty: cov NaN");
	x[0] = 1;
	x[1] = 5;
	sq_covacc_add(a, x);
	x[0] = 2;
	sq_covacc_add(a, x);
	sq_covacc_cor(a, m);
	CHECK(m[0] == 1 && m[3] == 1 && isnan(m[1]),
	    "constant variable: r NaN, diagonal 1 (as R)");
	sq_covacc_free(a);
	CHECK(sq_covacc_new(0, 0, &a) == SQ_EUSAGE && a == NULL, "k = 0");
	sq_covacc_free(NULL);
	return unit_done();
}
