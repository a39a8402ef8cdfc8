/*
 * Chart data: what each chart draws, gathered in one pass over a survey
 * export (gap accumulators, weight means, Likert counts, a covariance
 * accumulator); the tables another tool printed are read in
 * chart_table.c, and sq_chartdata_read() (chart_read.c) tells the two apart.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/covacc.h"
#include "servqual/factor.h"
#include "servqual/compare.h"
#include "servqual/gap.h"
#include "servqual/reader.h"
#include "servqual/zone.h"
#include "chart_int.h"

int
sq_chartdata_new(const sq_instrument *ins, sq_chartdata **out)
{
	sq_chartdata *d;
	size_t i;

	*out = NULL;
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return SQ_ENOMEM;
	d->ins = ins;
	d->conf = NAN;
	d->respondents = NAN;
	d->cases = NAN;
	d->block = -1;
	d->item = calloc(ins->nitems ? ins->nitems : 1, sizeof(*d->item));
	d->dim = calloc(ins->ndims ? ins->ndims : 1, sizeof(*d->dim));
	d->importance = calloc(ins->ndims ? ins->ndims : 1, sizeof(double));
	d->performance = calloc(ins->ndims ? ins->ndims : 1, sizeof(double));
	if (!d->item || !d->dim || !d->importance || !d->performance) {
		sq_chartdata_free(d);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ins->nitems; i++)
		sqc_stat_nan(&d->item[i]);
	for (i = 0; i < ins->ndims; i++) {
		sqc_stat_nan(&d->dim[i]);
		d->importance[i] = d->performance[i] = NAN;
	}
	*out = d;
	return SQ_OK;
}

int
sqc_chartdata_rebase(sq_chartdata *d, sq_instrument *ins)
{
	sq_chartstat *item, *dim;
	double *imp, *perf;
	size_t i, ni = ins->nitems ? ins->nitems : 1;
	size_t nd = ins->ndims ? ins->ndims : 1;

	item = calloc(ni, sizeof(*item));
	dim = calloc(nd, sizeof(*dim));
	imp = calloc(nd, sizeof(double));
	perf = calloc(nd, sizeof(double));
	if (!item || !dim || !imp || !perf) {
		free(item);
		free(dim);
		free(imp);
		free(perf);
		sq_instrument_free(ins);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ins->nitems; i++)
		sqc_stat_nan(&item[i]);
	for (i = 0; i < ins->ndims; i++) {
		sqc_stat_nan(&dim[i]);
		imp[i] = perf[i] = NAN;
	}
	free(d->item);
	free(d->dim);
	free(d->importance);
	free(d->performance);
	d->item = item;
	d->dim = dim;
	d->importance = imp;
	d->performance = perf;
	sq_instrument_free(d->own_ins);
	d->own_ins = ins;
	d->ins = ins;
	return SQ_OK;
}

void
sq_chartdata_free(sq_chartdata *d)
{
	if (d == NULL)
		return;
	free(d->item);
	free(d->dim);
	sqc_free_strv(d->seg, d->nseg);
	free(d->segdim);
	sqc_compare_free(d->cmp);
	free(d->importance);
	free(d->performance);
	free(d->count);
	sq_cfachart_free(d->cfa);
	free(d->eigen);
	free(d->reference);
	free(d->matrix);
	sqc_free_strv(d->rowlab, d->mrows);
	sqc_free_strv(d->collab, d->mcols);
	free(d->rowdim);
	free(d->coldim);
	sq_instrument_free(d->own_ins);
	sqc_zone_free(d->zone);
	free(d);
}

static void
stat_from_row(sq_chartstat *s, const sq_gaprow *r)
{
	s->n = r->n;
	s->mean_e = r->mean_e;
	s->mean_p = r->mean_p;
	s->gap = r->gap;
	s->ci_low = r->ci_low;
	s->ci_high = r->ci_high;
}

/* Item and dimension statistics of one accumulator into item[], dim[]. */
static int
fill_gaps(const sq_gapacc *a, const sq_instrument *ins, double conf,
    sq_chartstat *item, sq_chartstat *dim)
{
	sq_gaprow *rows;
	size_t n, i;
	int rc;

	if ((rc = sq_gap_rows(a, ins, conf, &rows, &n)) != SQ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (rows[i].scope == SQ_SCOPE_ITEM && item &&
		    rows[i].item >= 0 && (size_t)rows[i].item < ins->nitems)
			stat_from_row(&item[rows[i].item], &rows[i]);
		else if (rows[i].scope == SQ_SCOPE_DIMENSION &&
		    rows[i].dim >= 0 && (size_t)rows[i].dim < ins->ndims)
			stat_from_row(&dim[rows[i].dim], &rows[i]);
	}
	free(rows);
	return SQ_OK;
}

/* ---- from a survey export ---- */

struct sctx {
	sq_chartdata *d;
	const sq_instrument *ins;
	const char *name;
	int type, block;
	sq_gapset *gs;
	sq_covacc *cov;
	double *x;
	sq_zoneset *zs;
	int block_given;	/* likert, scree, heatmap: E or G asked */
	sq_cmpset *cmp;		/* compare: scores by group */
};

static int
survey_row(void *vctx, const sq_response *r, sq_error *err)
{
	struct sctx *c = vctx;
	const sq_instrument *ins = c->ins;
	sq_chartdata *d = c->d;
	size_t i;
	int rc;

	if (r->form != SQ_FORM_SERVQUAL && c->block != SQ_BLOCK_P &&
	    (d->count || c->cov))
		return sq_error_set(err, SQ_EUSAGE, c->name, r->line, 0, "",
		    "--block %c: the export has no E columns (%s); use "
		    "--block P", c->block == SQ_BLOCK_E ? 'E' : 'G',
		    sq_form_label(r->form, SQ_LANG_EN));
	if (c->gs && r->form == SQ_FORM_ZONE) {
		/* the bar and radar charts draw P alone, as for SERVPERF */
		sq_response pr = *r;

		pr.form = SQ_FORM_SERVPERF;
		if ((rc = sq_gapset_add(c->gs, ins, &pr, err)) != SQ_OK)
			return rc;
	} else if (c->gs && (rc = sq_gapset_add(c->gs, ins, r, err)) !=
	    SQ_OK)
		return rc;
	if (c->zs && r->form != SQ_FORM_ZONE)
		return sq_error_set(err, SQ_ESCHEMA, c->name, r->line, 0, "",
		    "a zone chart needs a three-column export (A, D and P "
		    "columns) or an sq-zone table; this export is %s",
		    sq_form_label(r->form, SQ_LANG_EN));
	if (c->zs && (rc = sq_zoneset_add(c->zs, ins, r, err)) != SQ_OK)
		return rc;
	if (c->cmp && (rc = sq_cmpset_add(c->cmp, ins, r->segment, r, err)) !=
	    SQ_OK)
		return rc;
	if (d->count) {
		const double *v = c->block == SQ_BLOCK_E ? r->e : r->p;

		for (i = 0; i < ins->nitems; i++) {
			double k;

			if (isnan(v[i]))
				continue;
			k = v[i] - d->vmin;
			if (k < 0 || k > (double)(d->nvals - 1) ||
			    fabs(k - floor(k + 0.5)) > 1e-9)
				return sq_error_set(err, SQ_EDATA, c->name,
				    r->line, 0, "", "item %d: %g is not a whole"
				    " answer on the scale, which a Likert chart"
				    " needs", ins->items[i].number, v[i]);
			d->count[i * d->nvals + (size_t)floor(k + 0.5)] += 1;
		}
	}
	if (c->cov) {
		sq_response_block(r, ins->nitems, c->block, c->x);
		sq_covacc_add(c->cov, c->x);
	}
	return SQ_OK;
}

static char
block_letter(int block)
{
	return block == SQ_BLOCK_E ? 'E' : block == SQ_BLOCK_P ? 'P' : 'G';
}

/* Correlation matrix of the items of block, from the accumulator. */
static int
gather_matrix(sq_chartdata *d, const struct sctx *c, const char *name,
    sq_error *err)
{
	const sq_instrument *ins = c->ins;
	size_t k = ins->nitems, i;
	char buf[32];
	int rc;

	if (sq_covacc_n(c->cov) < 3)
		return sq_error_set(err, SQ_EEMPTY, name, 0, 0, "",
		    "fewer than 3 complete respondents over the %c items; "
		    "no correlations", block_letter(c->block));
	d->matrix = malloc(k * k * sizeof(double));
	d->rowlab = calloc(k, sizeof(char *));
	d->collab = calloc(k, sizeof(char *));
	d->rowdim = malloc(k * sizeof(int));
	d->coldim = malloc(k * sizeof(int));
	if (!d->matrix || !d->rowlab || !d->collab || !d->rowdim ||
	    !d->coldim)
		return SQ_ENOMEM;
	d->mrows = d->mcols = k;
	if ((rc = sq_covacc_cor(c->cov, d->matrix)) != SQ_OK)
		return sq_error_set(err, rc, name, 0, 0, "",
		    "cannot compute the correlations");
	for (i = 0; i < k; i++) {
		snprintf(buf, sizeof(buf), "%c%d", block_letter(c->block),
		    ins->items[i].number);
		if ((d->rowlab[i] = strdup(buf)) == NULL ||
		    (d->collab[i] = strdup(buf)) == NULL)
			return SQ_ENOMEM;
		d->rowdim[i] = d->coldim[i] = ins->items[i].dim;
	}
	d->matrix_kind = SQ_MATRIX_CORRELATION;
	d->cases = sq_covacc_n(c->cov);
	d->block = c->block;
	d->has_matrix = 1;
	return SQ_OK;
}

static int
gather_scree(sq_chartdata *d, const struct sctx *c, const sq_chartneed *need,
    const char *name, sq_error *err)
{
	size_t k = c->ins->nitems, i;
	double *cor, *mean;
	int rc;

	if (sq_covacc_n(c->cov) <= (double)k)
		return sq_error_set(err, SQ_EEMPTY, name, 0, 0, "",
		    "%.0f complete respondents over the %zu %c items; a scree "
		    "chart needs more respondents than items",
		    sq_covacc_n(c->cov), k, block_letter(c->block));
	cor = malloc(k * k * sizeof(double));
	d->eigen = malloc(k * sizeof(double));
	d->reference = malloc(k * sizeof(double));
	if (!cor || !d->eigen || !d->reference) {
		free(cor);
		return SQ_ENOMEM;
	}
	d->ncomp = k;
	if ((rc = sq_covacc_cor(c->cov, cor)) == SQ_OK)
		for (i = 0; i < k * k; i++)
			if (isnan(cor[i]))
				rc = sq_error_set(err, SQ_ENUMERIC, name, 0, 0,
				    "", "an item has no variance; the "
				    "correlation matrix is undefined");
	if (rc == SQ_OK && (rc = sq_eigenvalues(cor, k, d->eigen)) != SQ_OK)
		sq_error_set(err, rc, name, 0, 0, "",
		    "cannot compute the eigenvalues");
	free(cor);
	if (rc != SQ_OK)
		return rc;
	/* The same reference sq-factor decides by: the 95th percentile. */
	if ((mean = malloc(k * sizeof(double))) == NULL)
		return SQ_ENOMEM;
	rc = sq_parallel(k, sq_covacc_n(c->cov), need->seed,
	    (size_t)need->iterations, mean, d->reference);
	free(mean);
	if (rc != SQ_OK)
		return sq_error_set(err, rc, name, 0, 0, "",
		    "parallel analysis failed");
	d->pa_iter = need->iterations;
	d->cases = sq_covacc_n(c->cov);
	d->block = c->block;
	d->has_scree = 1;
	return SQ_OK;
}

/* The zone chart's rows from an accumulator, labelled in both languages. */
static int
gather_zone(sq_chartdata *d, const sq_zoneacc *a, const sq_instrument *ins)
{
	sq_zonerow *rows;
	size_t n, i;
	int rc, l;

	if ((d->zone = calloc(1, sizeof(*d->zone))) == NULL)
		return SQ_ENOMEM;
	d->zone->lo = ins->min;
	d->zone->hi = ins->max;
	if ((rc = sq_zone_rows(a, ins, &rows, &n)) != SQ_OK)
		return rc;
	for (i = 0; i < n && rc == SQ_OK; i++) {
		const sq_zonerow *r = &rows[i];
		char *lab[2] = { NULL, NULL };

		for (l = 0; l < 2; l++) {
			/* Labels of any length: no wording is cut. */
			const char *w = r->item >= 0 ?
			    ins->items[r->item].wording[l] : r->dim >= 0 ?
			    ins->dims[r->dim].name[l] : l ? "Global" :
			    "Overall";
			size_t m = strlen(w) + 24;

			if ((lab[l] = malloc(m)) == NULL)
				break;
			if (r->item >= 0 && w[0])
				snprintf(lab[l], m, "%d. %s",
				    ins->items[r->item].number, w);
			else if (r->item >= 0)
				snprintf(lab[l], m, "%d",
				    ins->items[r->item].number);
			else
				snprintf(lab[l], m, "%s", w);
		}
		rc = lab[0] && lab[1] ? sqc_zone_add(d, r->scope, lab[0],
		    lab[1], r->n, r->mean_a, r->mean_d, r->mean_p) :
		    SQ_ENOMEM;
		free(lab[0]);
		free(lab[1]);
	}
	free(rows);
	return rc;
}

int
sq_chartdata_survey(sq_chartdata *d, FILE *fp, const char *name,
    const sq_survey_opts *opts, const sq_chartneed *need,
    sq_survey_stats *st, sq_error *err)
{
	const sq_instrument *ins = d->ins;
	struct sctx c;
	sq_survey_stats st0;
	size_t i;
	int rc, type = need->type;

	if (type == SQ_CHART_IPA || type == SQ_CHART_DRIVERS)
		return sqc_drivers_survey(d, fp, name, opts, need, st, err);
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.ins = ins;
	c.name = name;
	c.type = type;
	c.block = need->block;
	if (st == NULL)
		st = &st0;
	snprintf(d->source, sizeof(d->source), "%s", name);
	d->conf = need->conf;
	if (opts && opts->by)
		snprintf(d->segname, sizeof(d->segname), "%s", opts->by);
	rc = SQ_ENOMEM;
	if (type == SQ_CHART_GAPS || type == SQ_CHART_ITEMS ||
	    type == SQ_CHART_RADAR || type == SQ_CHART_GROUPS) {
		rc = sq_gapset_new(ins, opts && opts->by != NULL, &c.gs);
		if (rc != SQ_OK)
			goto out;
	}
	if (type == SQ_CHART_LIKERT) {
		double span = ins->max - ins->min;

		if (!(span >= 1) || span > 20 ||
		    fabs(span - floor(span + 0.5)) > 1e-9 ||
		    fabs(ins->min - floor(ins->min + 0.5)) > 1e-9) {
			rc = sq_error_set(err, SQ_EUSAGE, name, 0, 0, "",
			    "a Likert chart needs a whole-number scale of 2 to"
			    " 21 points, not %g..%g", ins->min, ins->max);
			goto out;
		}
		d->vmin = ins->min;
		d->nvals = (size_t)floor(span + 0.5) + 1;
		d->likert_block = need->block == SQ_BLOCK_E ? SQ_BLOCK_E :
		    SQ_BLOCK_P;
		c.block = d->likert_block;
		d->count = calloc(ins->nitems * d->nvals, sizeof(double));
		if (d->count == NULL)
			goto out;
	}
	if (type == SQ_CHART_ZONE || type == SQ_CHART_ZONE_RADAR) {
		if ((rc = sq_zoneset_new(ins, 0, &c.zs)) != SQ_OK)
			goto out;
		rc = SQ_ENOMEM;
	}
	if (type == SQ_CHART_SCREE || type == SQ_CHART_HEATMAP ||
	    type == SQ_CHART_CFA) {
		if ((rc = sq_covacc_new(ins->nitems, 0, &c.cov)) != SQ_OK)
			goto out;
		rc = SQ_ENOMEM;
		if ((c.x = malloc(ins->nitems * sizeof(double))) == NULL)
			goto out;
	}
	if (type == SQ_CHART_COMPARE) {
		if (opts == NULL || opts->by == NULL) {
			rc = sq_error_set(err, SQ_EUSAGE, name, 0, 0, "",
			    "a compare chart from an export needs the group "
			    "column: give -b COLUMN");
			goto out;
		}
		if ((rc = sq_cmpset_new(ins, SQ_SCORE_G, 0, &c.cmp)) != SQ_OK)
			goto out;
	}
	rc = sq_survey_read(fp, name, ins, opts, survey_row, &c, st, err);
	if (rc != SQ_OK)
		goto out;
	if (c.cmp) {
		sq_cmprow *rows = NULL;
		size_t nr = 0;

		if ((rc = sq_cmp_rows(c.cmp, need->conf, &rows, &nr)) ==
		    SQ_OK)
			rc = sqc_compare_rows(d, rows, nr, c.cmp->name,
			    need->conf);
		free(rows);
		if (rc == SQ_EEMPTY)
			rc = sq_error_set(err, rc, name, 0, 0, "", "fewer than "
			    "two groups in column %s", opts->by);
		if (rc != SQ_OK)
			goto out;
	}
	d->respondents = (double)st->rows;
	d->perf = st->form != SQ_FORM_SERVQUAL;	/* P where there is no E */
	if (st->rows == 0) {
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, "",
		    "no respondents");
		goto out;
	}
	if (c.gs) {
		sq_gapset_finish(c.gs);
		rc = fill_gaps(c.gs->all, ins, need->conf, d->item, d->dim);
		if (rc != SQ_OK)
			goto out;
		d->has_gaps = 1;
		if (c.gs->nseg > 0) {
			rc = SQ_ENOMEM;
			d->seg = calloc(c.gs->nseg, sizeof(char *));
			d->segdim = calloc(c.gs->nseg * (ins->ndims ?
			    ins->ndims : 1), sizeof(sq_chartstat));
			if (!d->seg || !d->segdim)
				goto out;
			for (i = 0; i < c.gs->nseg; i++) {
				if ((d->seg[i] = strdup(c.gs->seg[i])) == NULL)
					goto out;
				d->nseg = i + 1;
				rc = fill_gaps(c.gs->acc[i], ins, need->conf,
				    NULL, d->segdim + i * ins->ndims);
				if (rc != SQ_OK)
					goto out;
				rc = SQ_ENOMEM;
			}
		}
	}
	if (d->count)
		d->has_likert = 1;
	if (c.zs && (rc = gather_zone(d, c.zs->all, ins)) != SQ_OK)
		goto out;
	if (type == SQ_CHART_HEATMAP &&
	    (rc = gather_matrix(d, &c, name, err)) != SQ_OK)
		goto out;
	if (type == SQ_CHART_SCREE &&
	    (rc = gather_scree(d, &c, need, name, err)) != SQ_OK)
		goto out;
	if (type == SQ_CHART_CFA &&
	    (rc = sqc_cfa_fit(d, c.cov, c.block, name, err)) != SQ_OK)
		goto out;
	rc = SQ_OK;
out:
	if (rc == SQ_ENOMEM && err && err->msg[0] == '\0')
		sq_error_set(err, rc, name, 0, 0, "", "out of memory");
	sq_gapset_free(c.gs);
	sq_covacc_free(c.cov);
	free(c.x);
	sq_zoneset_free(c.zs);
	sq_cmpset_free(c.cmp);
	return rc;
}
