/*
 * sq-cfa's renderings of a fit for machines: a tidy long table (tsv,
 * csv, md) and a JSON document (the DESIGN.md contract first, extras
 * after). The summary for people is in cfa_pretty.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cfa_report.h"
#include "servqual/table.h"
#include "factor_out.h"

const char *
sq_cfa_dim_code(const sq_cfa_source *src, size_t a)
{
	return src->ins->dims[src->dimidx[a]].code;
}

static const char *
dcode(const sq_cfa_source *src, size_t a)
{
	return sq_cfa_dim_code(src, a);
}

/*
 * A row for each of the n cells: section, the cell's key, d1, item, d2,
 * its value; item 0 leaves its cell empty, d1 or d2 NULL too.
 */
static int
cells(sq_table *t, const char *section, const char *d1, int item,
    const char *d2, const struct fo_cell *v, size_t n)
{
	size_t i;
	int rc = SQ_OK;

	for (i = 0; i < n && rc == SQ_OK; i++)
		if ((rc = sq_table_str(t, section)) != SQ_OK ||
		    (rc = sq_table_str(t, v[i].key)) != SQ_OK ||
		    (rc = sq_table_str(t, d1 ? d1 : "")) != SQ_OK ||
		    (rc = item > 0 ? sq_table_num(t, item) :
		    sq_table_str(t, "")) != SQ_OK ||
		    (rc = sq_table_str(t, d2 ? d2 : "")) != SQ_OK)
			break;
		else
			rc = v[i].text ? sq_table_str(t, v[i].text) :
			    sq_table_num(t, v[i].value);
	return rc;
}

const char *
sq_cfa_verdict_name(int v)
{
	return v == SQ_CFA_FAIL ? "fail" : v == SQ_CFA_DOUBTFUL ? "doubtful" :
	    v == SQ_CFA_UNJUDGED ? "" : "ok";
}

/* Loadings, then residual variances, item by item. */
static int
item_rows(sq_table *t, const sq_cfa *c, const sq_cfa_source *src)
{
	size_t i;
	int rc = SQ_OK;

	for (i = 0; i < c->p && rc == SQ_OK; i++) {
		const struct fo_cell v[] = {
			{ "estimate", c->lambda[i], NULL },
			{ "se", c->lambda_se[i], NULL },
			{ "z", c->lambda_z[i], NULL },
			{ "p", c->lambda_p[i], NULL },
			{ "std", c->lambda_std[i], NULL }
		};

		rc = cells(t, "loading", dcode(src, (size_t)c->dim[i]),
		    src->ins->items[i].number, NULL, v, FO_N(v));
	}
	for (i = 0; i < c->p && rc == SQ_OK; i++) {
		const struct fo_cell v[] = {
			{ "estimate", c->theta[i], NULL },
			{ "se", c->theta_se[i], NULL },
			{ "std", c->theta_std[i], NULL }
		};

		rc = cells(t, "residual", dcode(src, (size_t)c->dim[i]),
		    src->ins->items[i].number, NULL, v, FO_N(v));
	}
	return rc;
}

/* Each factor's variance, correlation, reliability and HTMT. */
static int
factor_rows(sq_table *t, const sq_cfa *c, const sq_cfa_source *src)
{
	size_t a, b, m = c->m;
	int rc = SQ_OK;

	for (a = 0; a < m && rc == SQ_OK; a++) {
		const struct fo_cell v[] = {
			{ "variance", c->phi[a * m + a], NULL },
			{ "variance_se", c->phi_se[a * m + a], NULL }
		};

		rc = cells(t, "factor", dcode(src, a), 0, NULL, v, FO_N(v));
	}
	for (a = 0; a < m; a++)
		for (b = a + 1; b < m && rc == SQ_OK; b++) {
			const struct fo_cell v[] = {
				{ "covariance", c->phi[a * m + b], NULL },
				{ "se", c->phi_se[a * m + b], NULL },
				{ "std", c->phi_cor[a * m + b], NULL }
			};

			rc = cells(t, "correlation", dcode(src, a), 0,
			    dcode(src, b), v, FO_N(v));
		}
	for (a = 0; a < m && rc == SQ_OK; a++) {
		const struct fo_cell v[] = {
			{ "cr", c->cr[a], NULL }, { "ave", c->ave[a], NULL }
		};

		rc = cells(t, "reliability", dcode(src, a), 0, NULL, v,
		    FO_N(v));
	}
	for (a = 0; a < m; a++)
		for (b = a + 1; b < m && rc == SQ_OK; b++) {
			const struct fo_cell v[] = {
				{ "htmt", c->htmt[a * m + b], NULL },
				{ "verdict", 0,
				    sq_cfa_verdict_name(c->verdict[a * m + b]) }
			};

			rc = cells(t, "htmt", dcode(src, a), 0, dcode(src, b),
			    v, FO_N(v));
		}
	return rc;
}

int
sq_cfa_table(const sq_cfa *c, const sq_cfa_source *src, sq_table **out)
{
	static const char *cols[] = {
		"section", "key", "dimension", "item", "dimension2", "value"
	};
	char block[2] = { src->block, '\0' };
	const struct fo_cell sample[] = {
		{ "block", 0, block }, { "missing_data", 0, "listwise" },
		{ "rows", (double)src->rows, NULL }, { "n", c->n, NULL },
		{ "missing", (double)src->rows - c->n, NULL },
		{ "invalid", (double)src->invalid, NULL }
	}, model[] = {
		{ "parameterization", 0, c->std_lv ? "std_lv" : "marker" },
		{ "items", (double)c->p, NULL },
		{ "factors", (double)c->m, NULL },
		{ "npar", (double)c->npar, NULL }
	}, fit[] = {
		{ "converged", c->converged, NULL },
		{ "iterations", (double)c->iterations, NULL },
		{ "chisq", c->chisq, NULL }, { "df", c->df, NULL },
		{ "p", c->pval, NULL },
		{ "baseline_chisq", c->base_chisq, NULL },
		{ "baseline_df", c->base_df, NULL },
		{ "baseline_p", c->base_pval, NULL },
		{ "cfi", c->cfi, NULL }, { "tli", c->tli, NULL },
		{ "rmsea", c->rmsea, NULL },
		{ "rmsea_ci_low", c->rmsea_lo, NULL },
		{ "rmsea_ci_high", c->rmsea_hi, NULL },
		{ "srmr", c->srmr, NULL }, { "loglik", c->loglik, NULL },
		{ "loglik_h1", c->loglik_h1, NULL }, { "aic", c->aic, NULL },
		{ "bic", c->bic, NULL }, { "fmin", c->fmin, NULL },
		{ "heywood", (double)c->nheywood, NULL },
		{ "implied_pd", c->implied_pd, NULL },
		{ "phi_pd", c->phi_pd, NULL }
	};
	sq_table *t;
	int rc;

	*out = NULL;
	if ((rc = sq_table_new(cols, 6, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 3, SQ_NUM_INT);
	if ((rc = fo_rows(t, "sample", sample, FO_N(sample), 3, 0)) == SQ_OK &&
	    (rc = fo_rows(t, "model", model, FO_N(model), 3, 0)) == SQ_OK &&
	    (rc = fo_rows(t, "fit", fit, FO_N(fit), 3, 0)) == SQ_OK &&
	    (rc = item_rows(t, c, src)) == SQ_OK)
		rc = factor_rows(t, c, src);
	return fo_done(t, rc, out);
}

static void
jmatrix(FILE *fp, const double *x, size_t m, int nodiag)
{
	size_t a, b;

	fputc('[', fp);
	for (a = 0; a < m; a++) {
		fputs(a ? ",\n    [" : "\n    [", fp);
		for (b = 0; b < m; b++) {
			fputs(b ? ", " : "", fp);
			sq_json_num(fp, nodiag && a == b ? NAN : x[a * m + b]);
		}
		fputc(']', fp);
	}
	fputs("\n  ]", fp);
}

/* The contract's figures of the fit and the loadings. */
static void
json_fit(const sq_cfa *c, const sq_cfa_source *src, FILE *fp)
{
	const struct fo_cell fit[] = {
		{ "chisq", c->chisq, NULL }, { "df", c->df, NULL },
		{ "p", c->pval, NULL }, { "cfi", c->cfi, NULL },
		{ "tli", c->tli, NULL }, { "rmsea", c->rmsea, NULL },
		{ "rmsea_ci_low", c->rmsea_lo, NULL },
		{ "rmsea_ci_high", c->rmsea_hi, NULL },
		{ "srmr", c->srmr, NULL }, { "aic", c->aic, NULL },
		{ "bic", c->bic, NULL }, { "loglik", c->loglik, NULL }
	}, base[] = {
		{ "chisq", c->base_chisq, NULL }, { "df", c->base_df, NULL },
		{ "p", c->base_pval, NULL }
	};
	size_t i;

	fprintf(fp, "{\n  \"n\": ");
	sq_json_num(fp, c->n);
	fprintf(fp, ",\n  \"block\": \"%c\",\n  \"converged\": %s,\n"
	    "  \"iterations\": %zu,\n  ", src->block, c->converged ? "true" :
	    "false", c->iterations);
	fo_json(fp, fit, FO_N(fit), ",\n  ");
	fputs(",\n  \"baseline\": {", fp);
	fo_json(fp, base, FO_N(base), ", ");
	fputs("},\n  \"loadings\": [\n", fp);
	for (i = 0; i < c->p; i++) {
		const struct fo_cell item[] = {
			{ "estimate", c->lambda[i], NULL },
			{ "se", c->lambda_se[i], NULL },
			{ "z", c->lambda_z[i], NULL },
			{ "p", c->lambda_p[i], NULL },
			{ "std", c->lambda_std[i], NULL },
			{ "residual", c->theta[i], NULL },
			{ "residual_se", c->theta_se[i], NULL },
			{ "residual_std", c->theta_std[i], NULL }
		};

		fprintf(fp, "    {\"item\": %d, \"dimension\": ",
		    src->ins->items[i].number);
		sq_json_str(fp, dcode(src, (size_t)c->dim[i]));
		fputs(", ", fp);
		fo_json(fp, item, FO_N(item), ", ");
		fprintf(fp, ", \"heywood\": %s}%s\n", c->heywood[i] ? "true" :
		    "false", i + 1 < c->p ? "," : "");
	}
}

/* The contract's factor correlations, CR and AVE, HTMT. */
static void
json_validity(const sq_cfa *c, const sq_cfa_source *src, FILE *fp)
{
	size_t a, m = c->m;

	fputs("  ],\n  \"factor_correlations\": ", fp);
	jmatrix(fp, c->phi_cor, m, 0);
	fputs(",\n  \"reliability\": [\n", fp);
	for (a = 0; a < m; a++) {
		const struct fo_cell rel[] = {
			{ "cr", c->cr[a], NULL }, { "ave", c->ave[a], NULL }
		};

		fputs("    {\"dimension\": ", fp);
		sq_json_str(fp, dcode(src, a));
		fputs(", ", fp);
		fo_json(fp, rel, FO_N(rel), ", ");
		fprintf(fp, "}%s\n", a + 1 < m ? "," : "");
	}
	fputs("  ],\n  \"htmt\": ", fp);
	jmatrix(fp, c->htmt, m, 1);
}

/* Extras after the contract's keys: the model and the factors. */
static void
json_extras(const sq_cfa *c, const sq_cfa_source *src, FILE *fp)
{
	const struct fo_cell extra[] = {
		{ "loglik_h1", c->loglik_h1, NULL }, { "fmin", c->fmin, NULL }
	};
	size_t a, m = c->m;

	fputs(",\n  \"dimensions\": [", fp);
	for (a = 0; a < m; a++) {
		fputs(a ? ", " : "", fp);
		sq_json_str(fp, dcode(src, a));
	}
	fprintf(fp, "],\n  \"rows\": %lu,\n  \"parameterization\": \"%s\",\n"
	    "  \"npar\": %zu,\n  ", src->rows, c->std_lv ? "std_lv" :
	    "marker", c->npar);
	fo_json(fp, extra, FO_N(extra), ",\n  ");
	fprintf(fp, ",\n  \"implied_pd\": %s,\n  \"phi_pd\": %s,\n",
	    c->implied_pd ? "true" : "false", c->phi_pd ? "true" : "false");
	fputs("  \"factor_variances\": [", fp);
	for (a = 0; a < m; a++) {
		fputs(a ? ", " : "", fp);
		sq_json_num(fp, c->phi[a * m + a]);
	}
	fputs("],\n  \"factor_covariances\": ", fp);
	jmatrix(fp, c->phi, m, 0);
}

/*
 * Discriminant validity of each pair: Fornell-Larcker and the verdict
 * are null when the fit did not converge (no verdict from such a fit).
 */
static void
json_discriminant(const sq_cfa *c, const sq_cfa_source *src, FILE *fp)
{
	size_t a, b, m = c->m;
	int first;

	fputs(",\n  \"discriminant\": [\n", fp);
	for (first = 1, a = 0; a < m; a++)
		for (b = a + 1; b < m; b++) {
			double r = c->phi_cor[a * m + b];
			int v = c->verdict[a * m + b];
			const struct fo_cell pair[] = {
				{ "htmt", c->htmt[a * m + b], NULL },
				{ "correlation", r, NULL }
			};

			fputs(first ? "    {\"dimension1\": " :
			    ",\n    {\"dimension1\": ", fp);
			first = 0;
			sq_json_str(fp, dcode(src, a));
			fputs(", \"dimension2\": ", fp);
			sq_json_str(fp, dcode(src, b));
			fputs(", ", fp);
			fo_json(fp, pair, FO_N(pair), ", ");
			if (v == SQ_CFA_UNJUDGED)
				fputs(", \"fornell_larcker\": null, "
				    "\"verdict\": null}", fp);
			else
				fprintf(fp, ", \"fornell_larcker\": %s, "
				    "\"verdict\": \"%s\"}",
				    c->ave[a] >= r * r && c->ave[b] >= r * r ?
				    "true" : "false", sq_cfa_verdict_name(v));
		}
	fputs("\n  ]\n}\n", fp);
}

int
sq_cfa_json(const sq_cfa *c, const sq_cfa_source *src, FILE *fp)
{
	json_fit(c, src, fp);
	json_validity(c, src, fp);
	json_extras(c, src, fp);
	json_discriminant(c, src, fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
