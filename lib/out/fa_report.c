/*
 * The renderings of sq-factor's analysis (fa_analyse.c): a tidy long
 * table, a JSON document and the notes for stderr.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "servqual/table.h"
#include "servqual/factor.h"
#include "factor_out.h"

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

/* Rows of a section whose cells are per item or per factor. */
#define R(...) do { if ((rc = row(t, src, __VA_ARGS__)) != SQ_OK) \
	return rc; } while (0)

/* psych's fit of the solution, as the table and the JSON name it. */
#define FIT_N	11
static void
fit_cells(const sq_fa_fit_stats *f, struct fo_cell *v)
{
	const struct fo_cell c[FIT_N] = {
		{ "objective", f->objective, NULL },
		{ "chisq", f->chisq, NULL }, { "df", f->df, NULL },
		{ "p", f->p, NULL }, { "null_chisq", f->null_chisq, NULL },
		{ "null_df", f->null_df, NULL }, { "tli", f->tli, NULL },
		{ "rmsea", f->rmsea, NULL },
		{ "rmsea_ci_low", f->rmsea_lo, NULL },
		{ "rmsea_ci_high", f->rmsea_hi, NULL }, { "bic", f->bic, NULL }
	};

	memcpy(v, c, sizeof(c));
}

/* The sample, KMO, Bartlett's test and the eigenvalues. */
static int
sample_rows(sq_table *t, const sq_fa_result *r, const sq_fa_source *src)
{
	char block[2] = { src->block, '\0' };
	const struct fo_cell sample[] = {
		{ "block", 0, block },
		{ "instrument", 0, src->ins->name ? src->ins->name : "" },
		{ "missing_data", 0, src->pairwise ? "pairwise" : "listwise" },
		{ "rows", (double)src->rows, NULL }, { "n", r->n, NULL },
		{ "missing", (double)src->rows - r->n, NULL },
		{ "invalid", (double)src->invalid, NULL }
	}, kmo[] = {
		{ "overall", r->kmo, NULL }
	}, bartlett[] = {
		{ "chisq", r->chisq, NULL }, { "df", r->df, NULL },
		{ "p", r->pval, NULL }
	}, parallel[] = {
		{ "seed", (double)r->seed, NULL },
		{ "iterations", (double)r->iter, NULL },
		{ "factors", (double)r->suggested, NULL }
	};
	size_t i, p = r->p;
	int rc;

	if ((rc = fo_rows(t, "sample", sample, FO_N(sample), 3, 1)) != SQ_OK ||
	    (rc = fo_rows(t, "kmo", kmo, 1, 3, 1)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		R("kmo", "item", itemno(src, i), dimcode(src, i), 0,
		    r->kmo_item[i], NULL);
	if ((rc = fo_rows(t, "bartlett", bartlett, FO_N(bartlett), 3, 1)) !=
	    SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		R("eigen", "observed", 0, NULL, i + 1, r->eigen[i], NULL);
	if (r->sim_mean == NULL)
		return SQ_OK;
	for (i = 0; i < p; i++)
		R("eigen", "sim_mean", 0, NULL, i + 1, r->sim_mean[i], NULL);
	for (i = 0; i < p; i++)
		R("eigen", "sim_p95", 0, NULL, i + 1, r->sim_p95[i], NULL);
	return fo_rows(t, "parallel", parallel, FO_N(parallel), 3, 1);
}

/* The solution: how it was found, loadings, items, variance, phi. */
static int
solution_rows(sq_table *t, const sq_fa_result *r, const sq_fa_source *src)
{
	const sq_fa *fa = r->fa;
	const struct fo_cell head[] = {
		{ "extraction", 0, sq_extract_name(fa->extract) },
		{ "rotation", 0, sq_rotate_name(fa->rotate) },
		{ "factors", (double)fa->k, NULL },
		{ "factors_from", 0, r->nfactors_from == 0 ? "option" :
		    r->nfactors_from == 1 ? "parallel" : "parallel_none" },
		{ "iterations", (double)fa->iterations, NULL },
		{ "converged", fa->converged, NULL },
		{ "rotation_iterations", (double)fa->rot_iterations, NULL },
		{ "rotation_converged", fa->rot_converged, NULL },
		{ "heywood", (double)fa->nheywood, NULL },
		{ "residual_ss", fa->objective, NULL }
	};
	char key[32];
	size_t i, j, p = r->p, k = fa->k;
	double cum;
	int rc, oblique = fa->rotate == SQ_ROT_OBLIMIN ||
	    fa->rotate == SQ_ROT_PROMAX;

	if ((rc = fo_rows(t, "fa", head, FO_N(head), 3, 1)) != SQ_OK)
		return rc;
	for (j = 0; j < k; j++)
		for (i = 0; i < p; i++)
			R("loading", "pattern", itemno(src, i), dimcode(src, i),
			    j + 1, fa->loadings[i * k + j], NULL);
	for (j = 0; oblique && j < k; j++)
		for (i = 0; i < p; i++)
			R("loading", "structure", itemno(src, i),
			    dimcode(src, i), j + 1, fa->structure[i * k + j],
			    NULL);
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
	for (j = 0; oblique && j < k; j++)
		for (i = 0; i < k; i++) {
			snprintf(key, sizeof(key), "F%zu", i + 1);
			R("phi", key, 0, NULL, j + 1, fa->phi[i * k + j], NULL);
		}
	return SQ_OK;
}

/* The solution against the instrument's dimensions. */
static int
structure_rows(sq_table *t, const sq_fa_result *r, const sq_fa_source *src)
{
	const sq_fa_check *c = r->check;
	const struct fo_cell head[] = {
		{ "matches", c->matches, NULL }, { "merged", c->merged, NULL }
	};
	size_t i, p = r->p, k = r->fa->k;
	int rc;

	if ((rc = fo_rows(t, "structure", head, FO_N(head), 3, 1)) != SQ_OK)
		return rc;
	for (i = 0; i < p; i++)
		R("structure", "primary", itemno(src, i), dimcode(src, i),
		    (size_t)c->primary[i] + 1,
		    r->fa->loadings[i * k + (size_t)c->primary[i]], NULL);
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
	return SQ_OK;
}
#undef R

int
sq_fa_table(const sq_fa_result *r, const sq_fa_source *src, sq_table **out)
{
	static const char *cols[] = {
		"section", "key", "item", "dimension", "factor", "value",
		"label"
	};
	struct fo_cell fit[FIT_N];
	sq_table *t;
	int rc;

	*out = NULL;
	if ((rc = sq_table_new(cols, 7, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 2, SQ_NUM_INT);
	sq_table_style(t, 4, SQ_NUM_INT);
	fit_cells(&r->fit, fit);
	if ((rc = sample_rows(t, r, src)) == SQ_OK &&
	    (rc = solution_rows(t, r, src)) == SQ_OK &&
	    (rc = structure_rows(t, r, src)) == SQ_OK)
		rc = fo_rows(t, "fit", fit, FIT_N, 3, 1);
	return fo_done(t, rc, out);
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

/* The sample, KMO, Bartlett, eigenvalues and how the solution came. */
static void
json_head(FILE *fp, const sq_fa_result *r, const sq_fa_source *src)
{
	const sq_fa *fa = r->fa;
	const struct fo_cell bartlett[] = {
		{ "chisq", r->chisq, NULL }, { "df", r->df, NULL },
		{ "p", r->pval, NULL }
	};
	size_t p = r->p;

	fprintf(fp, "{\n  \"block\": \"%c\",\n  \"missing_data\": \"%s\",\n",
	    src->block, src->pairwise ? "pairwise" : "listwise");
	fprintf(fp, "  \"rows\": %lu,\n  \"n\": ", src->rows);
	sq_json_num(fp, r->n);
	fputs(",\n  \"missing\": ", fp);
	sq_json_num(fp, (double)src->rows - r->n);
	fprintf(fp, ",\n  \"invalid\": %lu,\n  \"kmo\": ", src->invalid);
	sq_json_num(fp, r->kmo);
	fputs(",\n  \"bartlett\": {", fp);
	fo_json(fp, bartlett, FO_N(bartlett), ", ");
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
	fprintf(fp, "  \"factors\": %zu,\n  \"factors_from\": \"%s\",\n", fa->k,
	    r->nfactors_from == 0 ? "option" : r->nfactors_from == 1 ?
	    "parallel" : "parallel_none");
	fprintf(fp, "  \"iterations\": %zu,\n  \"converged\": %s,\n",
	    fa->iterations, fa->converged ? "true" : "false");
	fprintf(fp, "  \"rotation_iterations\": %zu,\n"
	    "  \"rotation_converged\": %s,\n  \"residual_ss\": ",
	    fa->rot_iterations, fa->rot_converged ? "true" : "false");
	sq_json_num(fp, fa->objective);
}

/* Heywood items, then each item's loadings and figures. */
static void
json_items(FILE *fp, const sq_fa_result *r, const sq_fa_source *src,
    int oblique)
{
	const sq_fa *fa = r->fa;
	size_t i, p = r->p, k = fa->k;
	int first;

	fputs(",\n  \"heywood\": [", fp);
	for (first = 1, i = 0; i < p; i++)
		if (fa->heywood[i]) {
			fprintf(fp, "%s%d", first ? "" : ", ", itemno(src, i));
			first = 0;
		}
	fputs("],\n  \"items\": [\n", fp);
	for (i = 0; i < p; i++) {
		const struct fo_cell v[] = {
			{ "communality", fa->communality[i], NULL },
			{ "uniqueness", fa->uniqueness[i], NULL },
			{ "kmo", r->kmo_item[i], NULL }
		};

		fprintf(fp, "    {\"item\": %d, \"dimension\": ",
		    itemno(src, i));
		sq_json_str(fp, dimcode(src, i));
		fputs(", \"loadings\": ", fp);
		jarr(fp, fa->loadings + i * k, k, 1);
		if (oblique) {
			fputs(", \"structure\": ", fp);
			jarr(fp, fa->structure + i * k, k, 1);
		}
		fputs(", ", fp);
		fo_json(fp, v, FO_N(v), ", ");
		fprintf(fp, ", \"factor\": %d, \"heywood\": %s}%s\n",
		    r->check->primary[i] + 1, fa->heywood[i] ? "true" :
		    "false", i + 1 < p ? "," : "");
	}
}

/* Variance explained and the factor correlations (oblique only). */
static void
json_variance(FILE *fp, const sq_fa *fa, int oblique)
{
	size_t j, k = fa->k;
	double cum;

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
}

/* The solution against the instrument's dimensions. */
static void
json_structure(FILE *fp, const sq_fa_check *c, const sq_fa_source *src)
{
	size_t j, d, e;
	int first;

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
	fputs("\n    ]}", fp);
}

/* Dimension codes are plain ASCII from the codebook; escape the rest. */
int
sq_fa_json(const sq_fa_result *r, const sq_fa_source *src, FILE *fp)
{
	struct fo_cell fit[FIT_N];
	int oblique = r->fa->rotate == SQ_ROT_OBLIMIN ||
	    r->fa->rotate == SQ_ROT_PROMAX;

	json_head(fp, r, src);
	json_items(fp, r, src, oblique);
	json_variance(fp, r->fa, oblique);
	json_structure(fp, r->check, src);
	fputs(",\n  \"fit\": {", fp);
	fit_cells(&r->fit, fit);
	fo_json(fp, fit, 6, ", ");
	fputs(",\n    ", fp);
	fo_json(fp, fit + 6, FIT_N - 6, ", ");
	fputs("}\n}\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

void
sq_fa_notes(const sq_fa_result *r, const sq_fa_source *src, char *buf,
    size_t len)
{
	const sq_fa *fa = r->fa;
	size_t off = 0;

#define PUT(...) fo_put(buf, len, &off, __VA_ARGS__)
	if (len > 0)
		buf[0] = '\0';
	if (fa->nheywood > 0) {
		PUT("Heywood case%s: item", fa->nheywood > 1 ? "s" : "");
		fo_items(buf, len, &off, fa->heywood, fa->p, src->block,
		    src->ins);
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
