/*
 * The data of sq-drivers' charts (`drivers` and `ipa`): from an export,
 * through the same library sq-drivers uses, or from sq-drivers' long
 * table, one row at a time; then the IPA importance by its source and the
 * crosshairs by their rule. chart_drivers.c draws them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/drivers.h"
#include "chart_int.h"

static void
drv_init(sq_chartdrv *v)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	for (i = 0; i < SQ_MAX_DIMS; i++)
		v->stated[i] = v->derived[i] = v->perf_lo[i] = v->perf_hi[i] =
		    NAN;
	v->r2[0] = v->r2[1] = v->n[0] = v->n[1] = v->spearman = NAN;
	v->icross = v->pcross = v->scale_min = v->scale_max = NAN;
	v->conf = NAN;
}

/* Median of the k > 0 values of a, sorted in place (insertion sort: at
 * most SQ_MAX_DIMS values). */
static double
median(double *a, size_t k)
{
	size_t x, y;

	for (x = 1; x < k; x++)
		for (y = x; y > 0 && a[y - 1] > a[y]; y--) {
			double t = a[y];

			a[y] = a[y - 1];
			a[y - 1] = t;
		}
	return k % 2 ? a[k / 2] : (a[k / 2 - 1] + a[k / 2]) / 2;
}

/*
 * Set the IPA importance from the source asked for (auto: stated when
 * known) and the crosshairs by the rule; quadrants follow in the drawing.
 */
static int
apply(sq_chartdata *d, int source, int rule, int recompute, sq_error *err)
{
	sq_chartdrv *v = &d->drv;
	size_t nd = d->ins->ndims, i, k = 0;
	double si = 0, sp = 0, a[SQ_MAX_DIMS], b[SQ_MAX_DIMS];
	int has_stated = 0;

	for (i = 0; i < nd; i++)
		has_stated |= !isnan(v->stated[i]);
	if (source == SQ_IMP_AUTO && !has_stated && !v->has_models)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "an ipa chart needs the importance weight columns "
		    "W_%s..W_%s (stated importance) or the overall rating "
		    "(derived importance)", nd ? d->ins->dims[0].code : "",
		    nd ? d->ins->dims[nd - 1].code : "");
	if (source == SQ_IMP_AUTO)
		source = v->source != SQ_IMP_AUTO && !recompute ? v->source :
		    has_stated ? SQ_IMP_STATED : SQ_IMP_DERIVED;
	if (source == SQ_IMP_STATED && !has_stated)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "no stated importance for an ipa chart: the data have no "
		    "usable weight columns W_%s..W_%s; try --importance "
		    "derived", nd ? d->ins->dims[0].code : "",
		    nd ? d->ins->dims[nd - 1].code : "");
	if (source == SQ_IMP_DERIVED && !v->has_models)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "no derived importance for an ipa chart: it needs the "
		    "overall rating column");
	if (source != v->source)
		recompute = 1;
	if (rule >= 0 && rule != v->rule)
		recompute = 1;
	v->source = source;
	if (rule >= 0)
		v->rule = rule;
	for (i = 0; i < nd; i++)
		d->importance[i] = source == SQ_IMP_STATED ? v->stated[i] :
		    v->derived[i];
	if (!recompute && !isnan(v->icross) && !isnan(v->pcross))
		goto done;
	for (i = 0; i < nd; i++)
		if (!isnan(d->importance[i]) && !isnan(d->performance[i])) {
			a[k] = d->importance[i];
			b[k] = d->performance[i];
			si += a[k];
			sp += b[k];
			k++;
		}
	if (k == 0)
		return sq_error_set(err, SQ_EDATA, d->source, 0, 0, "",
		    "no dimension has both importance and performance");
	if (v->rule == SQ_CROSS_SCALE) {
		v->icross = 100.0 / (double)nd;
		v->pcross = (v->scale_min + v->scale_max) / 2;
	} else if (v->rule == SQ_CROSS_MEDIAN) {
		v->icross = median(a, k);
		v->pcross = median(b, k);
	} else {
		v->icross = si / (double)k;
		v->pcross = sp / (double)k;
	}
done:
	d->has_ipa = 1;
	return SQ_OK;
}

struct dctx {
	const sq_instrument *ins;
	sq_drivers *acc;
};

static int
drow(void *vctx, const sq_response *r, sq_error *err)
{
	struct dctx *c = vctx;

	return sq_drivers_add(c->acc, c->ins, r, r->overall, err);
}

int
sqc_drivers_survey(sq_chartdata *d, FILE *fp, const char *name,
    const sq_survey_opts *opts, const sq_chartneed *need,
    sq_survey_stats *st, sq_error *err)
{
	const sq_instrument *ins = d->ins;
	sq_chartdrv *v = &d->drv;
	sq_drivers_opts o;
	sq_drvresult *res = NULL;
	sq_survey_stats st0;
	sq_survey_opts so;
	struct dctx c;
	size_t i;
	int rc;

	if (st == NULL)
		st = &st0;
	snprintf(d->source, sizeof(d->source), "%s", name);
	memset(&c, 0, sizeof(c));
	c.ins = ins;
	so = *opts;
	so.by = NULL;		/* the charts draw the whole sample */
	if ((rc = sq_drivers_new(ins, 0, &c.acc)) != SQ_OK)
		return sq_error_set(err, rc, name, 0, 0, "", "out of memory");
	rc = sq_survey_read(fp, name, ins, &so, drow, &c, st, err);
	if (rc == SQ_OK && st->rows == 0)
		rc = sq_error_set(err, SQ_EEMPTY, name, 0, 0, "",
		    "no respondents");
	if (rc != SQ_OK)
		goto out;
	memset(&o, 0, sizeof(o));
	o.conf = need->conf;
	o.importance = SQ_IMP_DERIVED;	/* never fails; apply() decides */
	o.crosshair = need->crosshair < 0 ? SQ_CROSS_MEAN : need->crosshair;
	if ((rc = sq_drivers_result(c.acc, ins, &o, &res, err)) != SQ_OK)
		goto out;
	d->respondents = (double)st->rows;
	drv_init(v);
	v->has = 1;
	v->has_models = st->has_overall && !isnan(res->model[1].r2);
	for (i = 0; i < ins->ndims && i < SQ_MAX_DIMS; i++) {
		v->stated[i] = res->stated[i];
		v->derived[i] = res->derived[i];
		v->perf_lo[i] = res->perf_lo[i];
		v->perf_hi[i] = res->perf_hi[i];
		d->performance[i] = res->perf[i];
	}
	for (i = 0; i < 2; i++) {
		v->r2[i] = res->model[i].r2;
		v->n[i] = res->model[i].n;
	}
	v->spearman = res->spearman;
	v->source = SQ_IMP_AUTO;
	v->rule = o.crosshair;
	v->scale_min = ins->min;
	v->scale_max = ins->max;
	v->conf = need->conf;
	if (need->type == SQ_CHART_IPA)
		rc = apply(d, need->importance, o.crosshair, 1, err);
	else if (!v->has_models)
		rc = sq_error_set(err, SQ_EDATA, name, 0, 0, "", "a drivers "
		    "chart needs the overall rating column and enough "
		    "respondents to fit the models");
out:
	sq_drvresult_free(res);
	sq_drivers_free(c.acc);
	return rc;
}

static double
num(const char *s)
{
	char *end;
	double x;

	if (*s == '\0')
		return NAN;
	x = strtod(s, &end);
	return end == s || *end != '\0' ? NAN : x;
}

int
sqc_drivers_cell(sq_chartdata *d, const char *section, const char *seg,
    const char *model, const char *term, const char *key, const char *val,
    const char *name, unsigned long line, sq_error *err)
{
	sq_chartdrv *v = &d->drv;
	int dim = -1, m = strcmp(model, "servperf") == 0 ? 1 :
	    strcmp(model, "servqual") == 0 ? 0 : -1;
	double x = num(val);

	if (!v->has) {
		drv_init(v);
		v->has = 1;
		v->scale_min = d->ins->min;
		v->scale_max = d->ins->max;
	}
	if (strcmp(seg, "all") != 0)
		return SQ_OK;	/* per-segment targets: not drawn */
	if (*term != '\0' && strcmp(term, "intercept") != 0 &&
	    (dim = sq_instrument_dim(d->ins, term)) < 0)
		return sq_error_set(err, SQ_EDATA, name, line, 4, "term",
		    "\"%s\" is no dimension of the instrument", term);
	if (dim >= SQ_MAX_DIMS)
		return SQ_OK;
	if (strcmp(section, "summary") == 0) {
		if (strcmp(key, "n") == 0)
			d->respondents = x;
		else if (strcmp(key, "scale_min") == 0 && !isnan(x))
			v->scale_min = x;
		else if (strcmp(key, "scale_max") == 0 && !isnan(x))
			v->scale_max = x;
		else if (strcmp(key, "conf") == 0)
			v->conf = x;
	} else if (strcmp(section, "model") == 0 && m >= 0) {
		if (strcmp(key, "r2") == 0)
			v->r2[m] = x;
		else if (strcmp(key, "n") == 0)
			v->n[m] = x;
		if (m == 1 && strcmp(key, "r2") == 0 && !isnan(x))
			v->has_models = 1;
	} else if (strcmp(section, "importance") == 0) {
		if (dim >= 0 && strcmp(key, "stated") == 0)
			v->stated[dim] = x;
		else if (dim >= 0 && strcmp(key, "derived") == 0)
			v->derived[dim] = x;
		else if (dim < 0 && strcmp(key, "spearman") == 0)
			v->spearman = x;
	} else if (strcmp(section, "ipa") == 0 && dim < 0) {
		if (strcmp(key, "rule") == 0)
			v->rule = strcmp(val, "median") == 0 ? SQ_CROSS_MEDIAN :
			    strcmp(val, "scale") == 0 ? SQ_CROSS_SCALE :
			    SQ_CROSS_MEAN;
		else if (strcmp(key, "importance_source") == 0)
			v->source = strcmp(val, "stated") == 0 ?
			    SQ_IMP_STATED : SQ_IMP_DERIVED;
		else if (strcmp(key, "importance_cross") == 0)
			v->icross = x;
		else if (strcmp(key, "performance_cross") == 0)
			v->pcross = x;
	} else if (strcmp(section, "ipa") == 0) {
		if (strcmp(key, "performance") == 0)
			d->performance[dim] = x;
		else if (strcmp(key, "ci_low") == 0)
			v->perf_lo[dim] = x;
		else if (strcmp(key, "ci_high") == 0)
			v->perf_hi[dim] = x;
	}
	return SQ_OK;
}

int
sqc_drivers_table_done(sq_chartdata *d, const sq_chartneed *need,
    sq_error *err)
{
	sq_chartdrv *v = &d->drv;

	if (!v->has)
		return SQ_OK;
	if (need->type == SQ_CHART_IPA) {
		/* the table's own IPA unless an option asks otherwise */
		return apply(d, need->importance, need->crosshair, 0, err);
	}
	return SQ_OK;
}
