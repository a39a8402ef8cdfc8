/*
 * Group comparisons of scores (see include/servqual/compare.h): the test
 * and effect names, and the rows of every score's tests with Holm
 * adjustments across scores and pairs.
 */
#include <math.h>
#include <stdlib.h>

#include "servqual/gap.h"
#include "compare_int.h"

const char *const sq_cmp_test_names[] = {
	"anova", "welch", "kruskal", "levene", "tukey", "games_howell",
	"dunn", "welch_t", "mann_whitney", "paired_t", "wilcoxon"
};

const char *const sq_cmp_effect_names[] = {
	"eta2", "", "epsilon2", "", "", "", "", "hedges_g", "rank_biserial",
	"d_z", "rank_biserial"
};

int
sq_cmp_rows(const sq_cmpset *s, double conf, sq_cmprow **rows,
    size_t *nrows)
{
	size_t G = s->ngroups, npairs = G * (G - (G > 0)) / 2;
	size_t per = SQ_T_TUKEY + 3 * npairs + (G == 2 ? 2 : 0);
	size_t *order = NULL, sc, k, a, b, n = 0, i;
	struct gsum *gs = NULL;
	sq_cmprow *r = NULL;
	sq_srange *sr = NULL;
	double *p = NULL, *adj = NULL;
	int rc = SQ_ENOMEM;

	*rows = NULL;
	*nrows = 0;
	if (sq_cmpset_order(s, &order) != SQ_OK)
		return SQ_ENOMEM;
	gs = malloc((G ? G : 1) * sizeof(*gs));
	r = calloc(s->nscores * per + 1, sizeof(*r));
	p = malloc((s->nscores * per + 1) * sizeof(*p));
	adj = malloc((s->nscores * per + 1) * sizeof(*adj));
	if (gs == NULL || r == NULL || p == NULL || adj == NULL)
		goto done;
	for (sc = 0; sc < s->nscores; sc++) {
		size_t first = n;
		double ties, N = 0, ssw = 0, qcrit;

		if ((rc = cmp_summarise(s, sc, order, gs, &k, &ties)) != SQ_OK)
			goto done;
		cmp_omnibus(gs, k, ties, &r[n]);
		n += SQ_T_TUKEY;
		for (i = 0; i < k; i++) {
			N += gs[i].n;
			if (gs[i].n > 1)
				ssw += (gs[i].n - 1) * gs[i].var;
		}
		/* one table of the range distribution per number of groups */
		if (k >= 2 && (sr == NULL || sq_srange_k(sr) != (int)k)) {
			sq_srange_free(sr);
			sr = NULL;
			if ((rc = sq_srange_new((int)k, &sr)) != SQ_OK)
				goto done;
		}
		qcrit = k >= 2 && N - k >= 1 ?
		    sq_srange_quantile(sr, conf, N - (double)k) : NAN;
		/* pairs of groups in name order; absent groups give none */
		for (a = 0; a < k; a++)
			for (b = a + 1; b < k; b++)
				cmp_pairwise(gs, k, a, b, N, ssw, ties, qcrit,
				    sr, conf, G == 2, r, &n);
		/* Dunn: Holm over the pairs of this score */
		for (i = first, b = 0; i < n; i++)
			if (r[i].test == SQ_T_DUNN)
				p[b++] = r[i].p;
		if ((rc = sq_holm(p, b, adj)) != SQ_OK)
			goto done;
		for (i = first, b = 0; i < n; i++)
			if (r[i].test == SQ_T_DUNN)
				r[i].p_adj = adj[b++];
		for (i = first; i < n; i++) {
			if (sc < s->ndims) {
				r[i].scope = SQ_SCOPE_DIMENSION;
				r[i].dim = (int)sc;
				r[i].item = -1;
			} else if (sc < s->ndims + 2) {
				r[i].scope = sc == s->ndims ?
				    SQ_SCOPE_SERVQUAL : SQ_SCOPE_WEIGHTED;
				r[i].dim = r[i].item = -1;
			} else {
				r[i].scope = SQ_SCOPE_ITEM;
				r[i].item = (int)(sc - s->ndims - 2);
				r[i].dim = -1;
			}
		}
	}
	/* Holm over the scores of one test; items a family of their own */
	for (k = 0; k < SQ_T_NTESTS; k++) {
		int item;

		if (k == SQ_T_TUKEY || k == SQ_T_GAMES_HOWELL ||
		    k == SQ_T_DUNN)
			continue;
		for (item = 0; item < 2; item++) {
			for (i = 0, b = 0; i < n; i++)
				if (r[i].test == (int)k &&
				    (r[i].scope == SQ_SCOPE_ITEM) == item)
					p[b++] = r[i].p;
			if ((rc = sq_holm(p, b, adj)) != SQ_OK)
				goto done;
			for (i = 0, b = 0; i < n; i++)
				if (r[i].test == (int)k &&
				    (r[i].scope == SQ_SCOPE_ITEM) == item)
					r[i].p_adj = adj[b++];
		}
	}
	*rows = r;
	*nrows = n;
	r = NULL;
	rc = SQ_OK;
done:
	sq_srange_free(sr);
	free(order);
	free(gs);
	free(r);
	free(p);
	free(adj);
	return rc;
}
