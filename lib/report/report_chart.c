/*
 * The report's charts: the chart library's data filled from the study
 * (the figures sq-chart would gather from the export) and drawn on the
 * report's pages; and the importance-performance quadrants.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/drivers.h"
#include "report_int.h"

const sq_gaprow *
rq_dimrow(const sq_study *s, size_t d)
{
	size_t i;

	for (i = 0; i < s->ngrow; i++)
		if (s->grow[i].scope == SQ_SCOPE_DIMENSION &&
		    s->grow[i].dim == (int)d)
			return &s->grow[i];
	return NULL;
}

/* A gap row's figures as the chart library holds them. */
static void
stat(sq_chartstat *c, const sq_gaprow *r)
{
	c->n = r->n;
	c->mean_e = r->mean_e;
	c->mean_p = r->mean_p;
	c->gap = r->gap;
	c->ci_low = r->ci_low;
	c->ci_high = r->ci_high;
}

/* The gaps of "all" and of each segment (eight at the most). */
static int
gap_data(sq_chartdata *d, const sq_study *s)
{
	const sq_instrument *ins = s->ins;
	const sq_gapset *g = s->gaps;
	sq_gaprow *rows;
	size_t i, j, n;

	for (i = 0; i < s->ngrow; i++) {
		const sq_gaprow *r = &s->grow[i];

		if (r->scope == SQ_SCOPE_ITEM)
			stat(&d->item[r->item], r);
		else if (r->scope == SQ_SCOPE_DIMENSION)
			stat(&d->dim[r->dim], r);
	}
	d->has_gaps = 1;
	if (g->nseg == 0 || g->nseg > 8)
		return SQ_OK;
	d->seg = calloc(g->nseg, sizeof(char *));
	d->segdim = calloc(g->nseg * ins->ndims, sizeof(sq_chartstat));
	if (d->seg == NULL || d->segdim == NULL)
		return SQ_ENOMEM;
	snprintf(d->segname, sizeof(d->segname), "%s", s->by);
	for (i = 0; i < g->nseg; i++) {
		if ((d->seg[i] = strdup(g->seg[i])) == NULL)
			return SQ_ENOMEM;
		d->nseg = i + 1;
		if (sq_gap_rows(g->acc[i], ins, s->conf, &rows, &n))
			return SQ_ENOMEM;
		for (j = 0; j < n; j++)
			if (rows[j].scope == SQ_SCOPE_DIMENSION)
				stat(&d->segdim[i * ins->ndims +
				    (size_t)rows[j].dim], &rows[j]);
		free(rows);
	}
	return SQ_OK;
}

/* What sq-chart gathers for ipa and drivers, from sq-drivers. */
static void
drivers_data(sq_chartdata *d, const sq_study *s)
{
	const sq_instrument *ins = s->ins;
	const sq_drvresult *r = s->drv;
	sq_chartdrv *v = &d->drv;
	size_t i;

	memset(v, 0, sizeof(*v));
	v->has = 1;
	v->has_models = s->st.has_overall && !isnan(r->model[1].r2);
	for (i = 0; i < ins->ndims && i < SQ_MAX_DIMS; i++) {
		v->stated[i] = r->stated[i];
		v->derived[i] = r->derived[i];
		v->perf_lo[i] = r->perf_lo[i];
		v->perf_hi[i] = r->perf_hi[i];
		d->importance[i] = r->importance[i];
		d->performance[i] = r->perf[i];
	}
	for (i = 0; i < 2; i++) {
		v->r2[i] = r->model[i].r2;
		v->n[i] = r->model[i].n;
	}
	v->spearman = r->spearman;
	v->source = r->source;
	v->rule = r->rule;
	v->icross = r->icross;
	v->pcross = r->pcross;
	v->scale_min = ins->min;
	v->scale_max = ins->max;
	v->conf = s->conf;
	d->has_ipa = 1;
}

/* The scree of the perceptions' factor analysis. */
static int
scree_data(sq_chartdata *d, const sq_fa_result *fa)
{
	d->ncomp = fa->p;
	d->eigen = malloc(d->ncomp * sizeof(double));
	d->reference = malloc(d->ncomp * sizeof(double));
	if (d->eigen == NULL || d->reference == NULL)
		return SQ_ENOMEM;
	memcpy(d->eigen, fa->eigen, d->ncomp * sizeof(double));
	memcpy(d->reference, fa->sim_p95, d->ncomp * sizeof(double));
	d->pa_iter = (int)fa->iter;
	d->cases = fa->n;
	d->block = SQ_BLOCK_P;
	d->has_scree = 1;
	return SQ_OK;
}

sq_chartdata *
rchart_data(const sq_study *s, const sq_report_opts *o)
{
	sq_chartdata *d;

	if (sq_chartdata_new(s->ins, &d) != SQ_OK)
		return NULL;
	snprintf(d->source, sizeof(d->source), "%s", o->source);
	d->respondents = (double)s->st.rows;
	if (gap_data(d, s) != SQ_OK)
		goto fail;
	if (s->drv != NULL)
		drivers_data(d, s);
	if (s->fa != NULL && s->fa->sim_p95 != NULL &&
	    scree_data(d, s->fa) != SQ_OK)
		goto fail;
	return d;
fail:
	sq_chartdata_free(d);
	return NULL;
}

size_t
rchart_nseg(const sq_chartdata *cd)
{
	return cd->nseg;
}

void
rchart_free(sq_chartdata *cd)
{
	sq_chartdata_free(cd);
}

void
rchart(rdoc *doc, const sq_chartdata *cd, int type, int lang,
    const char *heading)
{
	static const int types[] = {
		SQ_CHART_GAPS, SQ_CHART_ITEMS, SQ_CHART_GROUPS, SQ_CHART_IPA,
		SQ_CHART_SCREE, SQ_CHART_DRIVERS
	};
	sq_chart_opts co;

	memset(&co, 0, sizeof(co));
	co.type = types[type];
	co.lang = lang;
	co.conf = 0.95;
	rdoc_chart(doc, cd, &co, heading);
}

