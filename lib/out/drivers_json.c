/* sq-drivers' JSON (DESIGN.md, "sq-drivers"). */
#include <math.h>
#include <stdio.h>

#include "servqual/table.h"
#include "drivers_int.h"

/* "key": number, with sep before */
static void
jkv(FILE *fp, const char *sep, const char *key, double x)
{
	fprintf(fp, "%s\"%s\": ", sep, key);
	sq_json_num(fp, x);
}

static void
jks(FILE *fp, const char *sep, const char *key, const char *s)
{
	fprintf(fp, "%s\"%s\": ", sep, key);
	sq_json_str(fp, s);
}

/* keys[0..n) with their values v[], the first after sep. */
static void
jkvs(FILE *fp, const char *sep, const char *const *keys, const double *v,
    size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		jkv(fp, k == 0 ? sep : ", ", keys[k], v[k]);
}

/* "\n" then the indent before the first element of a list, ",\n" later. */
static void
jitem(FILE *fp, size_t i, const char *indent)
{
	fputs(i ? ",\n" : "\n", fp);
	fputs(indent, fp);
}

/* {"lkey": "label", keys[0..n): v[]}, as element i of a list. */
static void
jobj(FILE *fp, size_t i, const char *indent, const char *lkey,
    const char *label, const char *const *keys, const double *v, size_t n)
{
	jitem(fp, i, indent);
	jks(fp, "{", lkey, label);
	jkvs(fp, ", ", keys, v, n);
	fputc('}', fp);
}

static void
json_model(FILE *fp, const sq_drvmodel *m, const sq_instrument *ins,
    size_t nd)
{
	double v[DRV_NFIT];
	size_t i;

	sq_drv_fit_values(m, v);
	jkvs(fp, "{", sq_drv_fit_keys, v, DRV_NFIT);
	fputs(",\n      \"coefficients\": [", fp);
	for (i = 0; i <= nd; i++) {
		sq_drv_coef_values(m, i, v);
		jobj(fp, i, "        ", "term", sq_drv_term_name(ins, i),
		    sq_drv_coef_keys, v, DRV_NCOEF);
	}
	fputs("],\n      \"lmg\": [", fp);
	for (i = 0; i < nd; i++) {
		sq_drv_lmg_values(m, i, v);
		jobj(fp, i, "        ", "term", ins->dims[i].code,
		    sq_drv_lmg_keys, v, DRV_NLMG);
	}
	fputs("]}", fp);
}

static void
json_ipa(FILE *fp, const sq_drvresult *r, const sq_instrument *ins)
{
	size_t d;

	jks(fp, "{", "rule", sq_drivers_rule_name(r->rule));
	jks(fp, ", ", "importance_source", sq_drv_source_name(r->source));
	jkv(fp, ", ", "importance_cross", r->icross);
	jkv(fp, ", ", "performance_cross", r->pcross);
	fputs(",\n    \"dimensions\": [", fp);
	for (d = 0; d < r->ndims; d++) {
		jitem(fp, d, "      ");
		jks(fp, "{", "dimension", ins->dims[d].code);
		jkv(fp, ", ", "importance", r->importance[d]);
		jkv(fp, ", ", "performance", r->perf[d]);
		fputs(", \"quadrant\": ", fp);
		if (r->quadrant[d] < 0)
			fputs("null", fp);
		else
			sq_json_str(fp,
			    sq_drivers_quadrant_name(r->quadrant[d]));
		fputc('}', fp);
	}
	fputs("]}", fp);
}

static void
json_targets(FILE *fp, const sq_drvresult *r, const sq_instrument *ins)
{
	double v[DRV_NTARGET];
	size_t i;

	fputc('[', fp);
	for (i = 0; i < r->ntarget; i++) {
		const sq_drvtarget *g = &r->target[i];

		jitem(fp, i, "    ");
		jks(fp, "{", "dimension", ins->dims[g->dim].code);
		jks(fp, ", ", "block", sq_drivers_block_name(g->block));
		sq_drv_target_values(g, v);
		jkvs(fp, ", ", sq_drv_target_keys, v, DRV_NTARGET);
		jks(fp, ", ", "verdict", sq_drivers_verdict_name(g->verdict));
		if (r->by_segment)
			jks(fp, ", ", "segment", sq_drv_seg_name(r, g->seg));
		fputc('}', fp);
	}
	fputc(']', fp);
}

int
sq_drivers_json(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, FILE *fp)
{
	double v[DRV_NIMP];
	size_t d;

	jkv(fp, "{", "n", r->respondents);
	jks(fp, ",\n  ", "outcome", outcome);
	fputs(",\n  \"models\": {\n    \"servqual\": ", fp);
	json_model(fp, &r->model[SQ_DRV_SERVQUAL], ins, r->ndims);
	fputs(",\n    \"servperf\": ", fp);
	json_model(fp, &r->model[SQ_DRV_SERVPERF], ins, r->ndims);
	fputs("},\n  \"importance\": [", fp);
	for (d = 0; d < r->ndims; d++) {
		sq_drv_imp_values(r, d, v);
		jobj(fp, d, "    ", "dimension", ins->dims[d].code,
		    sq_drv_imp_keys, v, DRV_NIMP);
	}
	fputs("],\n", fp);
	jkv(fp, "  ", "importance_spearman", r->spearman);
	fputs(",\n  \"ipa\": ", fp);
	json_ipa(fp, r, ins);
	fputs(",\n  \"targets\": ", fp);
	json_targets(fp, r, ins);
	fputs("}\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
