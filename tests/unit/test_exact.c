/*
 * Order invariance of the exact accumulators: integer data split into
 * shards and merged in different orders give the same bits as one pass;
 * a decimal value falls back to running moments that still agree closely.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "servqual/gap.h"
#include "unit.h"

#define K 6
#define N 500

static double data[N][K];

/* Fill data with answers 1..7 (some missing), from a fixed LCG. */
static void
fill(void)
{
	unsigned long long s = 20261201;
	size_t i, j;

	for (i = 0; i < N; i++)
		for (j = 0; j < K; j++) {
			s = s * 6364136223846793005ULL + 1442695040888963407ULL;
			data[i][j] = (s >> 60) == 0 ? NAN :
			    (double)(1 + (s >> 33) % 7);
		}
}

/* Covariances of rows [from, to) merged over shards in the given order. */
static int
sharded(int pairwise, const size_t *cut, size_t nshard, const int *order,
    double *cov, double *cor)
{
	sq_covacc *all, *s[8];
	size_t i, r;

	if (sq_covacc_new(K, pairwise, &all) != SQ_OK)
		return 0;
	for (i = 0; i < nshard; i++) {
		if (sq_covacc_new(K, pairwise, &s[i]) != SQ_OK)
			return 0;
		for (r = cut[i]; r < cut[i + 1]; r++)
			sq_covacc_add(s[i], data[r]);
	}
	for (i = 0; i < nshard; i++)
		sq_covacc_merge(all, s[order[i]]);
	sq_covacc_cov(all, cov);
	sq_covacc_cor(all, cor);
	for (i = 0; i < nshard; i++)
		sq_covacc_free(s[i]);
	sq_covacc_free(all);
	return 1;
}

int
main(void)
{
	static const size_t one[] = { 0, N };
	static const size_t four[] = { 0, 7, 7, 300, N };
	static const int o1[] = { 0 }, oa[] = { 0, 1, 2, 3 },
	    ob[] = { 3, 1, 0, 2 };
	double c1[K * K], r1[K * K], c2[K * K], r2[K * K], c3[K * K],
	    r3[K * K], m[K];
	sq_covacc *a;
	sq_pairmom pm, pa, pb, x, y;
	double keep;
	int pw;
	size_t i;

	fill();
	keep = data[0][0];
	for (pw = 0; pw < 2; pw++) {
		CHECK(sharded(pw, one, 1, o1, c1, r1), "one pass");
		CHECK(sharded(pw, four, 4, oa, c2, r2), "four shards");
		CHECK(sharded(pw, four, 4, ob, c3, r3), "four shards, "
		    "other order");
		CHECK(memcmp(c1, c2, sizeof(c1)) == 0 &&
		    memcmp(c1, c3, sizeof(c1)) == 0,
		    pw ? "pairwise covariances: same bits in any merge order" :
		    "listwise covariances: same bits in any merge order");
		CHECK(memcmp(r1, r2, sizeof(r1)) == 0 &&
		    memcmp(r1, r3, sizeof(r1)) == 0,
		    "correlations: same bits in any merge order");
	}
	/* a decimal turns the sums into running moments, which agree */
	CHECK(sq_covacc_new(K, 1, &a) == SQ_OK, "new");
	for (i = 0; i < N; i++)
		sq_covacc_add(a, data[i]);
	data[0][0] = 2.5;
	sq_covacc_add(a, data[0]);
	data[0][0] = keep;
	sq_covacc_cov(a, c2);
	sq_covacc_means(a, m);
	CHECK(sq_covacc_seen(a) == N + 1, "every row seen");
	CHECK(isfinite(m[0]) && isfinite(c2[1]), "running moments go on");
	sq_covacc_free(a);
	/* reference: the same rows as running moments from the start */
	CHECK(sq_covacc_new(K, 1, &a) == SQ_OK, "new");
	data[0][0] = 2.5;
	sq_covacc_add(a, data[0]);
	data[0][0] = keep;
	for (i = 0; i < N; i++)
		sq_covacc_add(a, data[i]);
	sq_covacc_cov(a, c3);
	for (i = 0; i < K * K; i++)
		CHECK_NEAR(c2[i], c3[i], 1e-12, "fallback agrees with "
		    "running moments");
	sq_covacc_free(a);

	/* paired moments: integer pairs merge to the same bits */
	memset(&pm, 0, sizeof(pm));
	memset(&pa, 0, sizeof(pa));
	memset(&pb, 0, sizeof(pb));
	for (i = 0; i < N; i++) {
		if (isnan(data[i][0]) || isnan(data[i][1]))
			continue;
		sq_pairmom_add(&pm, data[i][0], data[i][1]);
		sq_pairmom_add(i % 3 ? &pa : &pb, data[i][0], data[i][1]);
	}
	sq_pairmom_merge(&pb, &pa);
	sq_pairmom_moments(&pm, &x);
	sq_pairmom_moments(&pb, &y);
	CHECK(x.me == y.me && x.mp == y.mp && x.md == y.md &&
	    x.m2d == y.m2d, "paired moments: same bits merged");
	return unit_done();
}
