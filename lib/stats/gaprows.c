/*
 * Gap summaries: one row's mean, sd, t-interval, paired t and d_z from
 * its moments; Holm and the other p-value adjustments; the rows of a
 * whole gap accumulator with signed-rank tests.
 */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/gap.h"

void
sq_gap_summary(const sq_pairmom *mom, double conf, sq_gaprow *row)
{
	sq_pairmom mm, *m = &mm;
	double q;

	sq_pairmom_moments(mom, &mm);
	row->n = m->n;
	row->mean_e = row->mean_p = row->gap = NAN;
	row->sd = row->se = row->ci_low = row->ci_high = NAN;
	row->t = row->df = row->p = row->d = NAN;
	row->p_adj = NAN;
	if (m->n < 1)
		return;
	row->mean_e = m->me;
	row->mean_p = m->mp;
	row->gap = m->md;
	row->df = m->n - 1;
	if (m->n < 2)
		return;
	row->sd = sqrt(m->m2d / row->df);
	row->se = row->sd / sqrt(m->n);
	q = gsl_cdf_tdist_Pinv(0.5 + conf / 2, row->df);
	row->ci_low = row->gap - q * row->se;
	row->ci_high = row->gap + q * row->se;
	if (row->sd > 0) {
		row->t = row->gap / row->se;
		row->p = 2 * gsl_cdf_tdist_Q(fabs(row->t), row->df);
		if (row->p > 1)
			row->p = 1;
		row->d = row->gap / row->sd;
	}
}

static int
cmp_idx(const void *a, const void *b, void *ctx)
{
	const double *p = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;

	if (p[i] < p[j])
		return -1;
	if (p[i] > p[j])
		return 1;
	return i < j ? -1 : i > j;
}

/*
 * The indices of the p-values that are not missing, in o (m of them),
 * ordered by p (ties by index) when sorted; every adj[] starts missing.
 */
static size_t *
present(const double *p, size_t n, int sorted, double *adj, size_t *m)
{
	size_t *o, i;

	if ((o = malloc((n ? n : 1) * sizeof(*o))) == NULL)
		return NULL;
	for (*m = 0, i = 0; i < n; i++) {
		adj[i] = NAN;
		if (!isnan(p[i]))
			o[(*m)++] = i;
	}
	if (sorted)
		qsort_r(o, *m, sizeof(*o), cmp_idx, (void *)p);
	return o;
}

int
sq_holm(const double *p, size_t n, double *adj)
{
	return sq_adjust(p, n, SQ_ADJ_HOLM, adj);
}

int
sq_adjust(const double *p, size_t n, int method, double *adj)
{
	size_t *o, i, m;
	double run, v;

	if (method == SQ_ADJ_NONE) {
		for (i = 0; i < n; i++)
			adj[i] = p[i];
		return SQ_OK;
	}
	if ((o = present(p, n, method != SQ_ADJ_BONFERRONI, adj, &m)) ==
	    NULL)
		return SQ_ENOMEM;
	switch (method) {
	case SQ_ADJ_HOLM:
		/* (m - i) p_(i), cumulative maximum from the bottom */
		for (run = 0, i = 0; i < m; i++) {
			v = (double)(m - i) * p[o[i]];
			if (v > run)
				run = v;
			adj[o[i]] = run < 1 ? run : 1;
		}
		break;
	case SQ_ADJ_BONFERRONI:
		for (i = 0; i < m; i++)
			adj[o[i]] = fmin(1, p[o[i]] * (double)m);
		break;
	default:
		/* Benjamini-Hochberg: p_(i) m / i, cumulative minimum from
		   the top */
		for (run = 1, i = m; i-- > 0;) {
			run = fmin(run, p[o[i]] * (double)m / (double)(i + 1));
			adj[o[i]] = run;
		}
	}
	free(o);
	return SQ_OK;
}

int
sq_adjust_parse(const char *s)
{
	static const char *const names[] = { "holm", "bh", "bonferroni",
	    "none" };
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* The signed-rank test of item i's differences: counted pairs and the
   others. */
static int
item_signrank(const sq_gapacc *a, size_t i, sq_gaprow *row)
{
	sq_valcount v = { 0 };
	size_t e, p, R = a->range;
	int rc = SQ_OK;

	for (e = 0; e < R; e++)
		for (p = 0; p < R; p++)
			rc |= sq_valcount_add(&v, (double)p - (double)e,
			    a->cnt[(i * R + e) * R + p]);
	rc |= sq_valcount_merge(&v, &a->witem[i]);
	if (rc == SQ_OK)
		rc = sq_signrank(&v, &row->w_n, &row->w, &row->p_w);
	sq_valcount_release(&v);
	return rc ? SQ_ENOMEM : SQ_OK;
}

int
sq_gap_rows(const sq_gapacc *a, const sq_instrument *ins, double conf,
    sq_gaprow **rows, size_t *nrows)
{
	return sq_gap_rows_adjust(a, ins, conf, SQ_ADJ_HOLM, rows, nrows);
}

int
sq_gap_rows_adjust(const sq_gapacc *a, const sq_instrument *ins,
    double conf, int adjust, sq_gaprow **rows, size_t *nrows)
{
	size_t n = ins->nitems + ins->ndims + 2, i, k = 0;
	sq_gaprow *r;
	double *p, *adj;
	int rc = SQ_OK;

	*rows = NULL;
	*nrows = 0;
	if (a->nomem)
		return SQ_ENOMEM;
	r = calloc(n, sizeof(*r));
	p = malloc((ins->nitems + 1) * sizeof(*p));
	adj = malloc((ins->nitems + 1) * sizeof(*adj));
	if (r == NULL || p == NULL || adj == NULL) {
		free(r);
		free(p);
		free(adj);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ins->nitems; i++, k++) {
		sq_pairmom m;

		sq_gapacc_item(a, i, &m);
		sq_gap_summary(&m, conf, &r[k]);
		r[k].scope = SQ_SCOPE_ITEM;
		r[k].dim = ins->items[i].dim;
		r[k].item = (int)i;
		p[i] = r[k].p;
		if ((rc = item_signrank(a, i, &r[k])) != SQ_OK)
			break;
	}
	if (rc != SQ_OK ||
	    (rc = sq_adjust(p, ins->nitems, adjust, adj)) != SQ_OK) {
		free(r);
		free(p);
		free(adj);
		return rc;
	}
	for (i = 0; i < ins->nitems; i++)
		r[i].p_adj = adj[i];
	for (i = 0; i < ins->ndims; i++, k++) {
		sq_gap_summary(&a->dim[i], conf, &r[k]);
		r[k].scope = SQ_SCOPE_DIMENSION;
		r[k].dim = (int)i;
		r[k].item = -1;
		if (sq_signrank(&a->wdim[i], &r[k].w_n, &r[k].w,
		    &r[k].p_w) != SQ_OK) {
			free(r);
			free(p);
			free(adj);
			return SQ_ENOMEM;
		}
	}
	sq_gap_summary(&a->sq, conf, &r[k]);
	r[k].w_n = r[k].w = r[k].p_w = NAN;
	r[k].scope = SQ_SCOPE_SERVQUAL;
	r[k].dim = r[k].item = -1;
	k++;
	sq_gap_summary(&a->wsq, conf, &r[k]);
	r[k].w_n = r[k].w = r[k].p_w = NAN;
	r[k].scope = SQ_SCOPE_WEIGHTED;
	r[k].dim = r[k].item = -1;
	k++;
	if (a->block == SQ_GAP_P)
		for (i = 0; i < k; i++)
			sq_gaprow_perf(&r[i], a->lo);
	free(p);
	free(adj);
	*rows = r;
	*nrows = k;
	return SQ_OK;
}
