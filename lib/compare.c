/* Group comparisons of scores: see include/servqual/compare.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "servqual/compare.h"
#include "servqual/gap.h"
#include "servqual/hash.h"
#include "servqual/ptukey.h"

const char *const sq_cmp_test_names[] = {
	"anova", "welch", "kruskal", "levene", "tukey", "games_howell",
	"dunn", "welch_t", "mann_whitney", "paired_t", "wilcoxon"
};

const char *const sq_cmp_effect_names[] = {
	"eta2", "", "epsilon2", "", "", "", "", "hedges_g", "rank_biserial",
	"d_z", "rank_biserial"
};

int
sq_cmpset_new(const sq_instrument *ins, int block, int items,
    sq_cmpset **out)
{
	sq_cmpset *s;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return SQ_ENOMEM;
	sq_hash_key_init(&s->key);
	s->block = block;
	s->items = items;
	s->ndims = ins->ndims;
	s->nitems = ins->nitems;
	s->nscores = ins->ndims + 2 + (items ? ins->nitems : 0);
	if (sq_scores_new(ins, &s->sc) != SQ_OK) {
		free(s);
		return SQ_ENOMEM;
	}
	*out = s;
	return SQ_OK;
}

void
sq_cmpset_free(sq_cmpset *s)
{
	size_t g, k;

	if (s == NULL)
		return;
	for (g = 0; g < s->ngroups; g++) {
		for (k = 0; k < s->nscores; k++)
			sq_valcount_release(&s->vc[g][k]);
		free(s->vc[g]);
		free(s->name[g]);
	}
	free(s->vc);
	free(s->resp);
	free(s->first);
	free(s->name);
	free(s->hash);
	sq_scores_free(s->sc);
	free(s);
}

static int
blank(const char *g)
{
	if (g == NULL)
		return 1;
	for (; *g != '\0'; g++)
		if (*g != ' ' && *g != '\t' && *g != '\r' && *g != '\n')
			return 0;
	return 1;
}

/* Index of group name, adding it when new; -1 on failure (rc says). */
static long
group(sq_cmpset *s, const char *name, int *rc)
{
	size_t i, j;

	if (2 * (s->ngroups + 1) > s->hcap) {
		size_t cap = s->hcap ? 2 * s->hcap : 64;
		size_t *h = malloc(cap * sizeof(*h));

		if (h == NULL)
			goto nomem;
		for (i = 0; i < cap; i++)
			h[i] = SIZE_MAX;
		for (i = 0; i < s->ngroups; i++) {
			for (j = sq_hash_keyed(&s->key, s->name[i]) & (cap - 1);
			    h[j] != SIZE_MAX; j = (j + 1) & (cap - 1))
				;
			h[j] = i;
		}
		free(s->hash);
		s->hash = h;
		s->hcap = cap;
	}
	for (j = sq_hash_keyed(&s->key, name) & (s->hcap - 1); s->hash[j] != SIZE_MAX;
	    j = (j + 1) & (s->hcap - 1))
		if (strcmp(s->name[s->hash[j]], name) == 0)
			return (long)s->hash[j];
	if (s->ngroups == SQ_CMP_MAX_GROUPS) {
		*rc = SQ_ELIMIT;
		return -1;
	}
	if (s->ngroups == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 8;
		char **n = realloc(s->name, cap * sizeof(*n));

		if (n == NULL)
			goto nomem;
		s->name = n;
		{
			sq_valcount **v = realloc(s->vc, cap * sizeof(*v));

			if (v == NULL)
				goto nomem;
			s->vc = v;
		}
		{
			unsigned long long *u = realloc(s->resp,
			    cap * sizeof(*u));

			if (u == NULL)
				goto nomem;
			s->resp = u;
		}
		{
			unsigned long *f = realloc(s->first, cap * sizeof(*f));

			if (f == NULL)
				goto nomem;
			s->first = f;
		}
		s->cap = cap;
	}
	s->name[s->ngroups] = strdup(name);
	s->vc[s->ngroups] = calloc(s->nscores, sizeof(sq_valcount));
	if (s->name[s->ngroups] == NULL || s->vc[s->ngroups] == NULL) {
		free(s->name[s->ngroups]);
		free(s->vc[s->ngroups]);
		goto nomem;
	}
	s->resp[s->ngroups] = 0;
	s->first[s->ngroups] = 0;
	s->hash[j] = s->ngroups;
	return (long)s->ngroups++;
nomem:
	*rc = SQ_ENOMEM;
	return -1;
}

int
sq_cmpset_add(sq_cmpset *s, const sq_instrument *ins, const char *gname,
    const sq_response *r, sq_error *err)
{
	sq_valcount *vc;
	size_t d, i;
	long g;
	int rc = SQ_OK;

	if (blank(gname)) {
		s->blank++;
		return SQ_OK;
	}
	if ((g = group(s, gname, &rc)) < 0)
		return rc == SQ_ELIMIT ? sq_error_set(err, rc, "",
		    r->line, 0, NULL, "more than %d groups",
		    SQ_CMP_MAX_GROUPS) : sq_error_set(err, rc, "", 0, 0,
		    NULL, "out of memory");
	vc = s->vc[g];
	if (s->resp[g]++ == 0)
		s->first[g] = r->line;
	sq_scores_compute(s->sc, ins, r, s->block);
	for (d = 0; d < s->ndims; d++)
		if (!isnan(s->sc->dim[d]))
			rc |= sq_valcount_add(&vc[d], s->sc->dim[d], 1);
	if (!isnan(s->sc->servqual))
		rc |= sq_valcount_add(&vc[d], s->sc->servqual, 1);
	if (!isnan(s->sc->weighted))
		rc |= sq_valcount_add(&vc[d + 1], s->sc->weighted, 1);
	for (i = 0; s->items && i < s->nitems; i++) {
		double x = s->block == SQ_SCORE_P ? r->p[i] :
		    s->block == SQ_SCORE_E ? r->e[i] : r->p[i] - r->e[i];

		if (!isnan(x))
			rc |= sq_valcount_add(&vc[s->ndims + 2 + i], x, 1);
	}
	if (rc != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, "", 0, 0, NULL,
		    "out of memory");
	return SQ_OK;
}

int
sq_cmpset_group(sq_cmpset *s, const char *name, size_t *idx)
{
	int rc = SQ_OK;
	long g = group(s, name, &rc);

	if (g < 0)
		return rc;
	*idx = (size_t)g;
	return SQ_OK;
}

int
sq_cmpset_fold(sq_cmpset *dst, const sq_cmpset *src, unsigned long *line)
{
	size_t g, k, d = 0;
	int rc;

	*line = 0;
	if (src->nscores != dst->nscores)
		return SQ_EUSAGE;
	/* in src's order of appearance: the limit falls where one run's
	   would */
	for (g = 0; g < src->ngroups; g++) {
		if ((rc = sq_cmpset_group(dst, src->name[g], &d)) != SQ_OK) {
			*line = src->first[g];
			return rc;
		}
		if (dst->resp[d] == 0)
			dst->first[d] = src->first[g];
		for (k = 0; k < src->nscores; k++)
			if (sq_valcount_merge(&dst->vc[d][k],
			    &src->vc[g][k]) != SQ_OK)
				return SQ_ENOMEM;
		dst->resp[d] += src->resp[g];
	}
	dst->blank += src->blank;
	return SQ_OK;
}

static int
order_cmp(const void *a, const void *b, void *arg)
{
	char *const *name = arg;

	return strcmp(name[*(const size_t *)a], name[*(const size_t *)b]);
}

int
sq_cmpset_order(const sq_cmpset *s, size_t **order)
{
	size_t i, *o = malloc((s->ngroups ? s->ngroups : 1) * sizeof(*o));

	*order = o;
	if (o == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < s->ngroups; i++)
		o[i] = i;
	/* names are distinct, so the order is total */
	qsort_r(o, s->ngroups, sizeof(*o), order_cmp, s->name);
	return SQ_OK;
}

/* One group's summary of one score. */
struct gsum {
	long g;			/* group index in the set */
	double n, mean, var, med, zmean, zss, rsum;
};

struct ent {
	double v;
	unsigned long long c;
	size_t k;		/* position in gsum[] */
};

static int
ent_cmp(const void *a, const void *b)
{
	double x = ((const struct ent *)a)->v, y = ((const struct ent *)b)->v;

	return (x > y) - (x < y);
}

/* The k-th smallest (0-based) of counted sorted values. */
static double
kth(const double *v, const unsigned long long *c, size_t m, double k)
{
	double cum = 0;
	size_t i;

	for (i = 0; i < m; i++) {
		cum += (double)c[i];
		if (k < cum)
			return v[i];
	}
	return v[m - 1];
}

/*
 * n, mean and sample variance of counted sorted values, as
 * sq_valcount_moments computes them but in increasing order of value, so
 * the bits depend on the counts only, not on the order they came in.
 */
static void
moments(const double *v, const unsigned long long *c, size_t m, double *n,
    double *mean, double *var)
{
	double s = 0, ss = 0, tot = 0, mu;
	size_t i;

	for (i = 0; i < m; i++)
		tot += (double)c[i];
	*n = tot;
	*mean = NAN;
	*var = NAN;
	if (tot == 0)
		return;
	for (i = 0; i < m; i++)
		s += (double)c[i] * v[i];
	mu = s / tot;
	/* a second pass, as R's mean() refines */
	s = 0;
	for (i = 0; i < m; i++) {
		s += (double)c[i] * (v[i] - mu);
		ss += (double)c[i] * (v[i] - mu) * (v[i] - mu);
	}
	*mean = mu + s / tot;
	if (tot >= 2)
		*var = (ss - s * s / tot) / (tot - 1);
}

/*
 * Summaries of score sc over the groups in order (those with n > 0 land
 * in gs[0..*k-1]); ranks over all of them: sums into gs[].rsum, tie term
 * sum(t^3 - t) into *ties.
 */
static int
summarise(const sq_cmpset *s, size_t sc, const size_t *order,
    struct gsum *gs, size_t *k, double *ties)
{
	struct ent *e = NULL;
	size_t i, j, m, ne = 0, tot = 0, kk = 0;
	double rank = 0;
	int rc = SQ_OK;

	for (i = 0; i < s->ngroups; i++)
		tot += s->vc[order[i]][sc].n;
	if ((e = malloc((tot ? tot : 1) * sizeof(*e))) == NULL)
		return SQ_ENOMEM;
	for (i = 0; i < s->ngroups; i++) {
		const sq_valcount *vc = &s->vc[order[i]][sc];
		struct gsum *g = &gs[kk];
		double *v;
		unsigned long long *c;
		double zs = 0, zss = 0;

		if (vc->total == 0)
			continue;
		if ((rc = sq_valcount_sorted(vc, &v, &c)) != SQ_OK)
			break;
		m = vc->n;
		g->g = (long)order[i];
		moments(v, c, m, &g->n, &g->mean, &g->var);
		g->med = fmod(g->n, 2) == 1 ? kth(v, c, m, (g->n - 1) / 2) :
		    0.5 * (kth(v, c, m, g->n / 2 - 1) + kth(v, c, m, g->n / 2));
		for (j = 0; j < m; j++)
			zs += (double)c[j] * fabs(v[j] - g->med);
		g->zmean = zs / g->n;
		for (j = 0; j < m; j++) {
			double z = fabs(v[j] - g->med) - g->zmean;

			zss += (double)c[j] * z * z;
		}
		g->zss = zss;
		g->rsum = 0;
		for (j = 0; j < m; j++) {
			e[ne].v = v[j];
			e[ne].c = c[j];
			e[ne++].k = kk;
		}
		free(v);
		free(c);
		kk++;
	}
	*ties = 0;
	if (rc == SQ_OK) {
		qsort(e, ne, sizeof(*e), ent_cmp);
		for (i = 0; i < ne; i = j) {
			double t = 0, mid;

			for (j = i; j < ne && e[j].v == e[i].v; j++)
				t += (double)e[j].c;
			mid = rank + (t + 1) / 2;
			for (j = i; j < ne && e[j].v == e[i].v; j++)
				gs[e[j].k].rsum += (double)e[j].c * mid;
			rank += t;
			*ties += t * t * t - t;
		}
	}
	free(e);
	*k = kk;
	return rc;
}

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

static void
omnibus(const struct gsum *gs, size_t k, double ties, sq_cmprow *r)
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
static void
pairwise(const struct gsum *gs, size_t k, size_t a, size_t b, double N,
    double ssw, double ties, double qcrit, const sq_srange *sr, double conf,
    int two, sq_cmprow *out, size_t *nout)
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

		if ((rc = summarise(s, sc, order, gs, &k, &ties)) != SQ_OK)
			goto done;
		omnibus(gs, k, ties, &r[n]);
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
				pairwise(gs, k, a, b, N, ssw, ties, qcrit, sr,
				    conf, G == 2, r, &n);
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
