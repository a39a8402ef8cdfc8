/*
 * sq-drivers' long tidy table (tsv, csv, md): one figure a row, as
 * section segment model term key value (man/sq-drivers.1).
 */
#include "servqual/table.h"
#include "drivers_int.h"

static const char *const columns[] = {
	"section", "segment", "model", "term", "key", "value"
};

/* One row: four labels, a key and a number or (s != NULL) a string. */
static int
row(sq_table *t, const char *sec, const char *seg, const char *model,
    const char *term, const char *key, double x, const char *s)
{
	int rc = 0;

	rc |= sq_table_str(t, sec);
	rc |= sq_table_str(t, seg);
	rc |= sq_table_str(t, model);
	rc |= sq_table_str(t, term);
	rc |= sq_table_str(t, key);
	rc |= s != NULL ? sq_table_str(t, s) : sq_table_num(t, x);
	return rc;
}

/* A row for each of keys[0..n) with its value v[], same labels. */
static int
rows(sq_table *t, const char *sec, const char *seg, const char *model,
    const char *term, const char *const *keys, const double *v, size_t n)
{
	size_t k;
	int rc = 0;

	for (k = 0; k < n; k++)
		rc |= row(t, sec, seg, model, term, keys[k], v[k], NULL);
	return rc;
}

/* The summary and, for each model, its fit, coefficients and LMG. */
static int
table_models(sq_table *t, const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome)
{
	size_t m, i, nd = r->ndims;
	double v[DRV_NFIT];
	int rc = 0;

	rc |= row(t, "summary", "all", "", "", "n", r->respondents, NULL);
	rc |= row(t, "summary", "all", "", "", "outcome", 0, outcome);
	rc |= row(t, "summary", "all", "", "", "scale_min", r->scale_min,
	    NULL);
	rc |= row(t, "summary", "all", "", "", "scale_max", r->scale_max,
	    NULL);
	rc |= row(t, "summary", "all", "", "", "conf", r->conf, NULL);
	for (m = 0; m < SQ_DRV_NMODELS; m++) {
		const sq_drvmodel *md = &r->model[m];
		const char *mn = sq_drivers_model_name((int)m);

		sq_drv_fit_values(md, v);
		rc |= rows(t, "model", "all", mn, "", sq_drv_fit_keys, v,
		    DRV_NFIT);
		for (i = 0; i <= nd; i++) {
			sq_drv_coef_values(md, i, v);
			rc |= rows(t, "coefficient", "all", mn,
			    sq_drv_term_name(ins, i), sq_drv_coef_keys, v,
			    DRV_NCOEF);
		}
		for (i = 0; i < nd; i++) {
			sq_drv_lmg_values(md, i, v);
			rc |= rows(t, "lmg", "all", mn, ins->dims[i].code,
			    sq_drv_lmg_keys, v, DRV_NLMG);
		}
	}
	return rc;
}

/* Stated and derived importance; the IPA. */
static int
table_ipa(sq_table *t, const sq_drvresult *r, const sq_instrument *ins)
{
	size_t d, nd = r->ndims;
	double v[DRV_NIMP];
	int rc = 0;

	for (d = 0; d < nd; d++) {
		sq_drv_imp_values(r, d, v);
		rc |= rows(t, "importance", "all", "", ins->dims[d].code,
		    sq_drv_imp_keys, v, DRV_NIMP);
	}
	rc |= row(t, "importance", "all", "", "", "stated_n", r->stated_n,
	    NULL);
	rc |= row(t, "importance", "all", "", "", "spearman", r->spearman,
	    NULL);
	rc |= row(t, "ipa", "all", "", "", "rule", 0,
	    sq_drivers_rule_name(r->rule));
	rc |= row(t, "ipa", "all", "", "", "importance_source", 0,
	    sq_drv_source_name(r->source));
	rc |= row(t, "ipa", "all", "", "", "importance_cross", r->icross,
	    NULL);
	rc |= row(t, "ipa", "all", "", "", "performance_cross", r->pcross,
	    NULL);
	for (d = 0; d < nd; d++) {
		const char *c = ins->dims[d].code;

		rc |= row(t, "ipa", "all", "", c, "importance",
		    r->importance[d], NULL);
		rc |= row(t, "ipa", "all", "", c, "performance", r->perf[d],
		    NULL);
		rc |= row(t, "ipa", "all", "", c, "quadrant", 0,
		    sq_drivers_quadrant_name(r->quadrant[d]));
		rc |= row(t, "ipa", "all", "", c, "n", r->perf_n[d], NULL);
		rc |= row(t, "ipa", "all", "", c, "ci_low", r->perf_lo[d],
		    NULL);
		rc |= row(t, "ipa", "all", "", c, "ci_high", r->perf_hi[d],
		    NULL);
	}
	return rc;
}

/* Each target tested and its verdict. */
static int
table_targets(sq_table *t, const sq_drvresult *r, const sq_instrument *ins)
{
	size_t i;
	double v[DRV_NTARGET];
	int rc = 0;

	for (i = 0; i < r->ntarget; i++) {
		const sq_drvtarget *g = &r->target[i];
		const char *s = sq_drv_seg_name(r, g->seg);
		const char *b = sq_drivers_block_name(g->block);
		const char *c = ins->dims[g->dim].code;

		sq_drv_target_values(g, v);
		rc |= rows(t, "target", s, b, c, sq_drv_target_keys, v,
		    DRV_NTARGET);
		rc |= row(t, "target", s, b, c, "verdict", 0,
		    sq_drivers_verdict_name(g->verdict));
	}
	return rc;
}

int
sq_drivers_table(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, int human, int lang, sq_table **out)
{
	sq_table *t;
	int rc;

	(void)human;
	(void)lang;
	if ((rc = sq_table_new(columns, 6, &t)) != SQ_OK)
		return rc;
	/* in this order: the rows are appended */
	rc = table_models(t, r, ins, outcome);
	rc |= table_ipa(t, r, ins);
	rc |= table_targets(t, r, ins);
	if (rc != 0) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}
