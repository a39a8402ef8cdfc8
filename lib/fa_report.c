/*
 * The renderings of sq-factor's analysis (fa_analyse.c): a tidy long
 * table, a JSON document and the notes for stderr.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "servqual/table.h"
#include "servqual/factor.h"

/*
 * One row of the long table; item 0 and factor 0 leave their cells
 * empty. The last cell, label, is the item's wording (what a chart of
 * the table prints beside the item), empty on other rows.
 */
static int
row(sq_table *t, const sq_fa_source *src, const char *section,
    const char *key, int item, const char *dimension, size_t factor,
    double value, const char *svalue)
{
	const char *label = "";
	int rc, k;

	if ((rc = sq_table_str(t, section)) != SQ_OK ||
	    (rc = sq_table_str(t, key)) != SQ_OK)
		return rc;
	rc = item > 0 ? sq_table_num(t, item) : sq_table_str(t, "");
	if (rc != SQ_OK ||
	    (rc = sq_table_str(t, dimension ? dimension : "")) != SQ_OK)
		return rc;
	rc = factor > 0 ? sq_table_num(t, (double)factor) : sq_table_str(t, "");
	if (rc != SQ_OK)
		return rc;
	rc = svalue ? sq_table_str(t, svalue) : sq_table_num(t, value);
	if (rc != SQ_OK)
		return rc;
	if (item > 0 && (k = sq_instrument_item(src->ins, item)) >= 0) {
		const sq_item *it = &src->ins->items[k];
		int l = src->lang == SQ_LANG_ES ? 1 : 0;

		label = it->wording[l][0] ? it->wording[l] : it->wording[0];
	}
	return sq_table_str(t, label);
}

static const char *
dimcode(const sq_fa_source *src, size_t i)
{
	return src->ins->dims[src->ins->items[i].dim].code;
}

static int
itemno(const sq_fa_source *src, size_t i)
{
	return src->ins->items[i].number;
}

int
sq_fa_table(const sq_fa_result *r, const sq_fa_source *src, sq_table **out)
{
	static const char *cols[] = {
		"section", "key", "item", "dimension", "factor", "value",
		"label"
	};
	const sq_fa *fa = r->fa;
	const sq_fa_check *c = r->check;
	sq_table *t;
	char block[2] = { src->block, '\0' }, key[32];
	size_t i, j, p = r->p, k = fa->k;
	double cum;
	int rc;

	*out = NULL;
	if ((rc = sq_table_new(cols, 7, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 2, SQ_NUM_INT);
	sq_table_style(t, 4, SQ_NUM_INT);
#define R(...) do { if ((rc = row(t, src, __VA_ARGS__)) != SQ_OK) \
	goto out; } \
	while (0)
	R("sample", "block", 0, NULL, 0, 0, block);
	R("sample", "instrument", 0, NULL, 0, 0, src->ins->name ?
	    src->ins->name : "");
	R("sample", "missing_data", 0, NULL, 0, 0,
	    src->pairwise ? "pairwise" : "listwise");
	R("sample", "rows", 0, NULL, 0, (double)src->rows, NULL);
	R("sample", "n", 0, NULL, 0, r->n, NULL);
	R("sample", "missing", 0, NULL, 0, (double)src->rows - r->n, NULL);
	R("sample", "invalid", 0, NULL, 0, (double)src->invalid, NULL);
	R("kmo", "overall", 0, NULL, 0, r->kmo, NULL);
	for (i = 0; i < p; i++)
		R("kmo", "item", itemno(src, i), dimcode(src, i), 0,
		    r->kmo_item[i], NULL);
	R("bartlett", "chisq", 0, NULL, 0, r->chisq, NULL);
	R("bartlett", "df", 0, NULL, 0, r->df, NULL);
	R("bartlett", "p", 0, NULL, 0, r->pval, NULL);
	for (i = 0; i < p; i++)
		R("eigen", "observed", 0, NULL, i + 1, r->eigen[i], NULL);
	if (r->sim_mean != NULL) {
		for (i = 0; i < p; i++)
			R("eigen", "sim_mean", 0, NULL, i + 1, r->sim_mean[i],
			    NULL);
		for (i = 0; i < p; i++)
			R("eigen", "sim_p95", 0, NULL, i + 1, r->sim_p95[i],
			    NULL);
		R("parallel", "seed", 0, NULL, 0, (double)r->seed, NULL);
		R("parallel", "iterations", 0, NULL, 0, (double)r->iter,
		    NULL);
		R("parallel", "factors", 0, NULL, 0, (double)r->suggested,
		    NULL);
	}
	R("fa", "extraction", 0, NULL, 0, 0, sq_extract_name(fa->extract));
	R("fa", "rotation", 0, NULL, 0, 0, sq_rotate_name(fa->rotate));
	R("fa", "factors", 0, NULL, 0, (double)k, NULL);
	R("fa", "factors_from", 0, NULL, 0, 0, r->nfactors_from == 0 ?
	    "option" : r->nfactors_from == 1 ? "parallel" : "parallel_none");
	R("fa", "iterations", 0, NULL, 0, (double)fa->iterations, NULL);
	R("fa", "converged", 0, NULL, 0, fa->converged, NULL);
	R("fa", "rotation_iterations", 0, NULL, 0,
	    (double)fa->rot_iterations, NULL);
	R("fa", "rotation_converged", 0, NULL, 0, fa->rot_converged, NULL);
	R("fa", "heywood", 0, NULL, 0, (double)fa->nheywood, NULL);
	R("fa", "residual_ss", 0, NULL, 0, fa->objective, NULL);
	for (j = 0; j < k; j++)
		for (i = 0; i < p; i++)
			R("loading", "pattern", itemno(src, i), dimcode(src, i),
			    j + 1, fa->loadings[i * k + j], NULL);
	if (fa->rotate == SQ_ROT_OBLIMIN || fa->rotate == SQ_ROT_PROMAX)
		for (j = 0; j < k; j++)
			for (i = 0; i < p; i++)
				R("loading", "structure", itemno(src, i),
				    dimcode(src, i), j + 1,
				    fa->structure[i * k + j], NULL);
	for (i = 0; i < p; i++)
		R("item", "communality", itemno(src, i), dimcode(src, i), 0,
		    fa->communality[i], NULL);
	for (i = 0; i < p; i++)
		R("item", "uniqueness", itemno(src, i), dimcode(src, i), 0,
		    fa->uniqueness[i], NULL);
	for (i = 0; i < p; i++)
		R("item", "heywood", itemno(src, i), dimcode(src, i), 0,
		    fa->heywood[i], NULL);
	for (j = 0; j < k; j++)
		R("variance", "ss", 0, NULL, j + 1, fa->ss[j], NULL);
	for (j = 0; j < k; j++)
		R("variance", "proportion", 0, NULL, j + 1, fa->prop[j], NULL);
	for (cum = 0, j = 0; j < k; j++) {
		cum += fa->prop[j];
		R("variance", "cumulative", 0, NULL, j + 1, cum, NULL);
	}
	if (fa->rotate == SQ_ROT_OBLIMIN || fa->rotate == SQ_ROT_PROMAX)
		for (j = 0; j < k; j++)
			for (i = 0; i < k; i++) {
				snprintf(key, sizeof(key), "F%zu", i + 1);
				R("phi", key, 0, NULL, j + 1,
				    fa->phi[i * k + j], NULL);
			}
	R("structure", "matches", 0, NULL, 0, c->matches, NULL);
	R("structure", "merged", 0, NULL, 0, c->merged, NULL);
	for (i = 0; i < p; i++)
		R("structure", "primary", itemno(src, i), dimcode(src, i),
		    (size_t)c->primary[i] + 1,
		    fa->loadings[i * k + (size_t)c->primary[i]], NULL);
	for (i = 0; i < c->ndim; i++) {
		const char *code = src->ins->dims[i].code;
		size_t f = (size_t)c->dimfactor[i] + 1, d;
		int shared = 0;

		if (c->nitems[i] == 0)
			continue;
		R("structure", "items", 0, code, 0, (double)c->nitems[i],
		    NULL);
		R("structure", "on_factor", 0, code, f,
		    (double)c->onfactor[i], NULL);
		R("structure", "congruence", 0, code,
		    (size_t)c->congfactor[i] + 1, c->congruence[i], NULL);
		for (d = 0; d < c->ndim; d++)
			shared += c->nitems[d] > 0 &&
			    c->group[d] == c->group[i];
		if (shared > 1)
			R("structure", "merged_with", 0, code, f, shared,
			    NULL);
	}
	R("fit", "objective", 0, NULL, 0, r->fit.objective, NULL);
	R("fit", "chisq", 0, NULL, 0, r->fit.chisq, NULL);
	R("fit", "df", 0, NULL, 0, r->fit.df, NULL);
	R("fit", "p", 0, NULL, 0, r->fit.p, NULL);
	R("fit", "null_chisq", 0, NULL, 0, r->fit.null_chisq, NULL);
	R("fit", "null_df", 0, NULL, 0, r->fit.null_df, NULL);
	R("fit", "tli", 0, NULL, 0, r->fit.tli, NULL);
	R("fit", "rmsea", 0, NULL, 0, r->fit.rmsea, NULL);
	R("fit", "rmsea_ci_low", 0, NULL, 0, r->fit.rmsea_lo, NULL);
	R("fit", "rmsea_ci_high", 0, NULL, 0, r->fit.rmsea_hi, NULL);
	R("fit", "bic", 0, NULL, 0, r->fit.bic, NULL);
#undef R
out:
	if (rc != SQ_OK)
		sq_table_free(t);
	else
		*out = t;
	return rc;
}

static void
jarr(FILE *fp, const double *x, size_t n, size_t stride)
{
	size_t i;

	fputc('[', fp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", fp);
		sq_json_num(fp, x[i * stride]);
	}
	fputc(']', fp);
}

/* Dimension codes are plain ASCII from the codebook; escape the rest. */
int
sq_fa_json(const sq_fa_result *r, const sq_fa_source *src, FILE *fp)
{
	const sq_fa *fa = r->fa;
	const sq_fa_check *c = r->check;
	size_t i, j, d, e, p = r->p, k = fa->k;
	double cum;
	int first, oblique = fa->rotate == SQ_ROT_OBLIMIN ||
	    fa->rotate == SQ_ROT_PROMAX;

	fprintf(fp, "{\n  \"block\": \"%c\",\n  \"missing_data\": \"%s\",\n",
	    src->block, src->pairwise ? "pairwise" : "listwise");
	fprintf(fp, "  \"rows\": %lu,\n  \"n\": ", src->rows);
	sq_json_num(fp, r->n);
	fputs(",\n  \"missing\": ", fp);
	sq_json_num(fp, (double)src->rows - r->n);
	fprintf(fp, ",\n  \"invalid\": %lu,\n  \"kmo\": ", src->invalid);
	sq_json_num(fp, r->kmo);
	fputs(",\n  \"bartlett\": {\"chisq\": ", fp);
	sq_json_num(fp, r->chisq);
	fputs(", \"df\": ", fp);
	sq_json_num(fp, r->df);
	fputs(", \"p\": ", fp);
	sq_json_num(fp, r->pval);
	fputs("},\n  \"eigenvalues\": ", fp);
	jarr(fp, r->eigen, p, 1);
	fputs(",\n  \"parallel\": ", fp);
	if (r->sim_mean != NULL) {
		fprintf(fp, "{\"seed\": %lu, \"iterations\": %zu, "
		    "\"reference\": \"p95\", \"factors\": %zu,\n    \"mean\": ",
		    r->seed, r->iter, r->suggested);
		jarr(fp, r->sim_mean, p, 1);
		fputs(",\n    \"p95\": ", fp);
		jarr(fp, r->sim_p95, p, 1);
		fputs("}", fp);
	} else
		fputs("null", fp);
	fprintf(fp, ",\n  \"extraction\": \"%s\",\n  \"rotation\": \"%s\",\n",
	    sq_extract_name(fa->extract), sq_rotate_name(fa->rotate));
	fprintf(fp, "  \"factors\": %zu,\n  \"factors_from\": \"%s\",\n", k,
	    r->nfactors_from == 0 ? "option" : r->nfactors_from == 1 ?
	    "parallel" : "parallel_none");
	fprintf(fp, "  \"iterations\": %zu,\n  \"converged\": %s,\n",
	    fa->iterations, fa->converged ? "true" : "false");
	fprintf(fp, "  \"rotation_iterations\": %zu,\n"
	    "  \"rotation_converged\": %s,\n  \"residual_ss\": ",
	    fa->rot_iterations, fa->rot_converged ? "true" : "false");
	sq_json_num(fp, fa->objective);
	fputs(",\n  \"heywood\": [", fp);
	for (first = 1, i = 0; i < p; i++)
		if (fa->heywood[i]) {
			fprintf(fp, "%s%d", first ? "" : ", ", itemno(src, i));
			first = 0;
		}
	fputs("],\n  \"items\": [\n", fp);
	for (i = 0; i < p; i++) {
		fprintf(fp, "    {\"item\": %d, \"dimension\": ",
		    itemno(src, i));
		sq_json_str(fp, dimcode(src, i));
		fputs(", \"loadings\": ", fp);
		jarr(fp, fa->loadings + i * k, k, 1);
		if (oblique) {
			fputs(", \"structure\": ", fp);
			jarr(fp, fa->structure + i * k, k, 1);
		}
		fputs(", \"communality\": ", fp);
		sq_json_num(fp, fa->communality[i]);
		fputs(", \"uniqueness\": ", fp);
		sq_json_num(fp, fa->uniqueness[i]);
		fputs(", \"kmo\": ", fp);
		sq_json_num(fp, r->kmo_item[i]);
		fprintf(fp, ", \"factor\": %d, \"heywood\": %s}%s\n",
		    c->primary[i] + 1, fa->heywood[i] ? "true" : "false",
		    i + 1 < p ? "," : "");
	}
	fputs("  ],\n  \"variance\": {\"ss\": ", fp);
	jarr(fp, fa->ss, k, 1);
	fputs(", \"proportion\": ", fp);
	jarr(fp, fa->prop, k, 1);
	fputs(", \"cumulative\": [", fp);
	for (cum = 0, j = 0; j < k; j++) {
		cum += fa->prop[j];
		if (j > 0)
			fputs(", ", fp);
		sq_json_num(fp, cum);
	}
	fputs("]},\n  \"factor_correlations\": ", fp);
	if (oblique) {
		fputc('[', fp);
		for (j = 0; j < k; j++) {
			fputs(j ? ", " : "", fp);
			jarr(fp, fa->phi + j * k, k, 1);
		}
		fputc(']', fp);
	} else
		fputs("null", fp);
	fprintf(fp, ",\n  \"structure\": {\"matches\": %s, \"merged\": [",
	    c->matches ? "true" : "false");
	for (first = 1, d = 0; d < c->ndim; d++) {
		size_t shared = 0;

		if (c->nitems[d] == 0 || c->group[d] != (int)d)
			continue;
		for (e = 0; e < c->ndim; e++)
			shared += c->nitems[e] > 0 && c->group[e] == (int)d;
		if (shared < 2)
			continue;
		fputs(first ? "[" : ", [", fp);
		first = 0;
		for (j = 0, e = 0; e < c->ndim; e++)
			if (c->nitems[e] > 0 && c->group[e] == (int)d) {
				fputs(j++ ? ", " : "", fp);
				sq_json_str(fp, src->ins->dims[e].code);
			}
		fputc(']', fp);
	}
	fputs("],\n    \"dimensions\": [\n", fp);
	for (first = 1, d = 0; d < c->ndim; d++) {
		if (c->nitems[d] == 0)
			continue;
		fprintf(fp, "%s      {\"dimension\": ", first ? "" : ",\n");
		first = 0;
		sq_json_str(fp, src->ins->dims[d].code);
		fprintf(fp, ", \"factor\": %d, \"items\": %zu, "
		    "\"on_factor\": %zu, \"congruence\": ", c->dimfactor[d] + 1,
		    c->nitems[d], c->onfactor[d]);
		sq_json_num(fp, c->congruence[d]);
		fprintf(fp, ", \"congruence_factor\": %d}",
		    c->congfactor[d] + 1);
	}
	fputs("\n    ]},\n  \"fit\": {\"objective\": ", fp);
	sq_json_num(fp, r->fit.objective);
	fputs(", \"chisq\": ", fp);
	sq_json_num(fp, r->fit.chisq);
	fputs(", \"df\": ", fp);
	sq_json_num(fp, r->fit.df);
	fputs(", \"p\": ", fp);
	sq_json_num(fp, r->fit.p);
	fputs(", \"null_chisq\": ", fp);
	sq_json_num(fp, r->fit.null_chisq);
	fputs(", \"null_df\": ", fp);
	sq_json_num(fp, r->fit.null_df);
	fputs(",\n    \"tli\": ", fp);
	sq_json_num(fp, r->fit.tli);
	fputs(", \"rmsea\": ", fp);
	sq_json_num(fp, r->fit.rmsea);
	fputs(", \"rmsea_ci_low\": ", fp);
	sq_json_num(fp, r->fit.rmsea_lo);
	fputs(", \"rmsea_ci_high\": ", fp);
	sq_json_num(fp, r->fit.rmsea_hi);
	fputs(", \"bic\": ", fp);
	sq_json_num(fp, r->fit.bic);
	fputs("}\n}\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

void
sq_fa_notes(const sq_fa_result *r, const sq_fa_source *src, char *buf,
    size_t len)
{
	const sq_fa *fa = r->fa;
	size_t i, off = 0;
	int first = 1;

#define PUT(...) do { if (off < len) off += (size_t)snprintf(buf + off, \
	len - off, __VA_ARGS__); } while (0)
	if (len > 0)
		buf[0] = '\0';
	if (fa->nheywood > 0) {
		PUT("Heywood case%s: item", fa->nheywood > 1 ? "s" : "");
		for (i = 0; i < fa->p; i++)
			if (fa->heywood[i]) {
				PUT("%s %c%d", first ? "" : ",", src->block,
				    src->ins->items[i].number);
				first = 0;
			}
		PUT(" (communality >= 1 or uniqueness held at %g)\n",
		    SQ_FA_PSI_MIN);
	}
	if (!fa->converged)
		PUT("%s extraction did not converge in %zu iterations\n",
		    sq_extract_name(fa->extract), fa->iterations);
	if (!fa->rot_converged)
		PUT("%s rotation did not converge in %zu iterations\n",
		    sq_rotate_name(fa->rotate), fa->rot_iterations);
	if (r->nfactors_from == 2)
		PUT("parallel analysis retains no factor; 1 extracted\n");
	if (isnan(r->kmo))
		PUT("the correlation matrix is singular: KMO and Bartlett "
		    "undefined\n");
#undef PUT
}
