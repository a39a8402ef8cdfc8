/* Two waves of one panel: see sq_cmppanel in include/servqual/compare.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "servqual/compare.h"
#include "servqual/gap.h"
#include "servqual/hash.h"

#define EXACT	9007199254740992.0	/* 2^53 */

struct sq_cmppanel {
	int block, items;
	size_t ndims, nitems, nscores;
	sq_scores *sc;
	char *ids;		/* arena of NUL-terminated ids */
	size_t idlen, idcap;
	size_t *idoff;		/* per respondent of wave 0 */
	double *frac;		/* per respondent: nscores (num, den) */
	unsigned char *matched;
	size_t n, cap;
	uint32_t *hash;		/* index + 1 into the respondents, 0 empty */
	size_t hcap;
	sq_hash_key key;	/* random per panel: ids cannot flood it */
	sq_valcount *d;		/* nscores counts of differences */
	double *scratch;	/* a wave 1 respondent's fractions */
	unsigned long dup0, dup1, unmatched1, noid;
};

int
sq_cmppanel_new(const sq_instrument *ins, int block, int items,
    sq_cmppanel **out)
{
	sq_cmppanel *p;

	*out = NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return SQ_ENOMEM;
	sq_hash_key_init(&p->key);
	p->block = block;
	p->items = items;
	p->ndims = ins->ndims;
	p->nitems = ins->nitems;
	p->nscores = ins->ndims + 2 + (items ? ins->nitems : 0);
	p->d = calloc(p->nscores, sizeof(*p->d));
	p->scratch = malloc(2 * p->nscores * sizeof(*p->scratch));
	if (p->d == NULL || p->scratch == NULL || sq_scores_new(ins, &p->sc) != SQ_OK) {
		sq_cmppanel_free(p);
		return SQ_ENOMEM;
	}
	*out = p;
	return SQ_OK;
}

void
sq_cmppanel_free(sq_cmppanel *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; p->d != NULL && i < p->nscores; i++)
		sq_valcount_release(&p->d[i]);
	free(p->d);
	free(p->scratch);
	sq_scores_free(p->sc);
	free(p->ids);
	free(p->idoff);
	free(p->frac);
	free(p->matched);
	free(p->hash);
	free(p);
}

/* The respondent's scores as fractions into f (nscores pairs). */
static void
fractions(sq_cmppanel *p, const sq_instrument *ins, const sq_response *r,
    double *f)
{
	sq_scores *s = p->sc;
	size_t d, i;

	sq_scores_compute(s, ins, r, p->block);
	for (d = 0; d < p->ndims; d++) {
		f[2 * d] = isnan(s->dim[d]) ? NAN : s->sum[d];
		f[2 * d + 1] = s->count[d];
	}
	f[2 * d] = isnan(s->servqual) ? NAN : s->sq_num;
	f[2 * d + 1] = s->sq_den;
	f[2 * d + 2] = isnan(s->weighted) ? NAN : s->w_num;
	f[2 * d + 3] = s->w_den;
	for (i = 0; p->items && i < p->nitems; i++) {
		double x = p->block == SQ_SCORE_P ? r->p[i] :
		    p->block == SQ_SCORE_E ? r->e[i] : r->p[i] - r->e[i];

		f[2 * (p->ndims + 2 + i)] = x;
		f[2 * (p->ndims + 2 + i) + 1] = 1;
	}
}

static long
find(const sq_cmppanel *p, const char *id, size_t *slot)
{
	size_t j;

	if (p->hcap == 0)
		return -1;
	for (j = sq_hash_keyed(&p->key, id) & (p->hcap - 1); p->hash[j] != 0;
	    j = (j + 1) & (p->hcap - 1))
		if (strcmp(p->ids + p->idoff[p->hash[j] - 1], id) == 0)
			return (long)p->hash[j] - 1;
	*slot = j;
	return -1;
}

static int
grow(sq_cmppanel *p, size_t idlen)
{
	size_t i, j;

	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 1024;
		size_t *o = realloc(p->idoff, cap * sizeof(*o));
		double *f;
		unsigned char *m;

		if (o == NULL)
			return SQ_ENOMEM;
		p->idoff = o;
		if ((f = realloc(p->frac, cap * 2 * p->nscores *
		    sizeof(*f))) == NULL)
			return SQ_ENOMEM;
		p->frac = f;
		if ((m = realloc(p->matched, cap)) == NULL)
			return SQ_ENOMEM;
		p->matched = m;
		p->cap = cap;
	}
	while (p->idlen + idlen + 1 > p->idcap) {
		size_t cap = p->idcap ? 2 * p->idcap : 16384;
		char *s = realloc(p->ids, cap);

		if (s == NULL)
			return SQ_ENOMEM;
		p->ids = s;
		p->idcap = cap;
	}
	if (2 * (p->n + 1) > p->hcap) {
		size_t cap = p->hcap ? 2 * p->hcap : 2048;
		uint32_t *h = calloc(cap, sizeof(*h));

		if (h == NULL)
			return SQ_ENOMEM;
		for (i = 0; i < p->n; i++) {
			for (j = sq_hash_keyed(&p->key, p->ids + p->idoff[i]) & (cap - 1);
			    h[j] != 0; j = (j + 1) & (cap - 1))
				;
			h[j] = (uint32_t)(i + 1);
		}
		free(p->hash);
		p->hash = h;
		p->hcap = cap;
	}
	return SQ_OK;
}

/* a/b - c/d as one division when the products are exact. */
static double
fdiff(double a, double b, double c, double d)
{
	if (fabs(a * d) < EXACT && fabs(c * b) < EXACT && fabs(b * d) <
	    EXACT)
		return (a * d - c * b) / (b * d);
	return a / b - c / d;
}

int
sq_cmppanel_add(sq_cmppanel *p, const sq_instrument *ins, int wave,
    const sq_response *r, sq_error *err)
{
	size_t slot = 0, k;
	long i;
	double *f, *g;
	int rc = SQ_OK;

	if (r->id == NULL || r->id[0] == '\0') {
		p->noid++;
		return SQ_OK;
	}
	i = find(p, r->id, &slot);
	if (wave == 0) {
		size_t len = strlen(r->id);

		if (i >= 0) {
			p->dup0++;
			return SQ_OK;
		}
		if (p->n >= UINT32_MAX - 1)
			return sq_error_set(err, SQ_ELIMIT, "", r->line, 0,
			    NULL, "too many respondents to match");
		if (grow(p, len) != SQ_OK)
			return sq_error_set(err, SQ_ENOMEM, "", 0, 0, NULL,
			    "out of memory");
		find(p, r->id, &slot);
		memcpy(p->ids + p->idlen, r->id, len + 1);
		p->idoff[p->n] = p->idlen;
		p->idlen += len + 1;
		p->matched[p->n] = 0;
		fractions(p, ins, r, p->frac + p->n * 2 * p->nscores);
		p->hash[slot] = (uint32_t)(++p->n);
		return SQ_OK;
	}
	if (i < 0) {
		p->unmatched1++;
		return SQ_OK;
	}
	if (p->matched[i]) {
		p->dup1++;
		return SQ_OK;
	}
	p->matched[i] = 1;
	f = p->frac + (size_t)i * 2 * p->nscores;
	g = p->scratch;
	fractions(p, ins, r, g);
	for (k = 0; k < p->nscores; k++)
		if (!isnan(g[2 * k]) && !isnan(f[2 * k]))
			rc |= sq_valcount_add(&p->d[k], fdiff(g[2 * k],
			    g[2 * k + 1], f[2 * k], f[2 * k + 1]), 1);
	if (rc != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, "", 0, 0, NULL,
		    "out of memory");
	return SQ_OK;
}

void
sq_cmppanel_report(const sq_cmppanel *p, unsigned long *total, char *buf,
    size_t len)
{
	unsigned long matched = 0, un0;
	size_t i;

	for (i = 0; i < p->n; i++)
		matched += p->matched[i];
	un0 = (unsigned long)p->n - matched;
	*total = matched;
	buf[0] = '\0';
	if (un0 + p->unmatched1 + p->dup0 + p->dup1 + p->noid > 0)
		snprintf(buf, len, "%lu respondents matched; unmatched: %lu in "
		    "wave 1, %lu in wave 2; repeated ids ignored: %lu; rows "
		    "without an id: %lu", matched, un0, p->unmatched1,
		    p->dup0 + p->dup1, p->noid);
}

int
sq_cmppanel_rows(const sq_cmppanel *p, double conf, sq_cmprow **rows,
    size_t *nrows)
{
	sq_cmprow *r;
	double pv[2][2], *pp, *adj;
	size_t k, n = 2 * p->nscores, i;
	int rc = SQ_OK, t, item;

	(void)pv;
	*rows = NULL;
	*nrows = 0;
	r = calloc(n, sizeof(*r));
	pp = malloc(n * sizeof(*pp));
	adj = malloc(n * sizeof(*adj));
	if (r == NULL || pp == NULL || adj == NULL) {
		free(r);
		free(pp);
		free(adj);
		return SQ_ENOMEM;
	}
	for (k = 0; k < p->nscores; k++) {
		sq_cmprow *a = &r[2 * k], *b = &r[2 * k + 1];
		double cnt, mean, var, nz, w, pw, sd;

		sq_valcount_moments(&p->d[k], &cnt, &mean, &var);
		for (t = 0; t < 2; t++) {
			sq_cmprow *x = t ? b : a;

			x->test = t ? SQ_T_WILCOXON : SQ_T_PAIRED_T;
			x->g1 = 0;
			x->g2 = 1;
			x->n = cnt;
			x->diff = mean;
			x->stat = x->df1 = x->df2 = x->p = x->p_adj = NAN;
			x->ci_low = x->ci_high = x->es = NAN;
			x->n1 = x->n2 = x->mean1 = x->mean2 = NAN;
			x->sd1 = x->sd2 = NAN;
			if (k < p->ndims) {
				x->scope = SQ_SCOPE_DIMENSION;
				x->dim = (int)k;
				x->item = -1;
			} else if (k < p->ndims + 2) {
				x->scope = k == p->ndims ? SQ_SCOPE_SERVQUAL :
				    SQ_SCOPE_WEIGHTED;
				x->dim = x->item = -1;
			} else {
				x->scope = SQ_SCOPE_ITEM;
				x->item = (int)(k - p->ndims - 2);
				x->dim = -1;
			}
		}
		sd = sqrt(var);
		if (cnt >= 2) {
			a->df1 = cnt - 1;
			if (sd > 0) {
				double tq = gsl_cdf_tdist_Qinv((1 - conf) / 2,
				    cnt - 1), se = sd / sqrt(cnt);

				a->stat = mean / se;
				a->p = 2 * gsl_cdf_tdist_Q(fabs(a->stat),
				    cnt - 1);
				a->ci_low = mean - tq * se;
				a->ci_high = mean + tq * se;
				a->es = mean / sd;
			}
		}
		if ((rc = sq_signrank(&p->d[k], &nz, &w, &pw)) != SQ_OK)
			break;
		b->stat = w;
		b->p = pw;
		if (nz > 0)
			b->es = 4 * w / (nz * (nz + 1)) - 1;
	}
	/* Holm over the scores of one test; items a family of their own */
	for (t = 0; rc == SQ_OK && t < 2; t++)
		for (item = 0; rc == SQ_OK && item < 2; item++) {
			size_t m = 0;

			for (i = t; i < n; i += 2)
				if ((r[i].scope == SQ_SCOPE_ITEM) == item)
					pp[m++] = r[i].p;
			if ((rc = sq_holm(pp, m, adj)) != SQ_OK)
				break;
			for (i = t, m = 0; i < n; i += 2)
				if ((r[i].scope == SQ_SCOPE_ITEM) == item)
					r[i].p_adj = adj[m++];
		}
	free(pp);
	free(adj);
	if (rc != SQ_OK) {
		free(r);
		return rc;
	}
	*rows = r;
	*nrows = n;
	return SQ_OK;
}
