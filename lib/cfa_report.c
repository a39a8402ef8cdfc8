/*
 * sq-cfa's renderings of a fit: a tidy long table (tsv, csv, md), a JSON
 * document (the DESIGN.md contract first, extras after) and a summary in
 * the spirit of lavaan's summary(fit, fit.measures = TRUE,
 * standardized = TRUE) that fits 100 columns.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/cfa_report.h"
#include "servqual/table.h"
#include "factor_out.h"

static const char *
dcode(const sq_cfa_source *src, size_t a)
{
	return src->ins->dims[src->dimidx[a]].code;
}

/* One row; item 0 leaves its cell empty, d2 NULL too. */
static int
row(sq_table *t, const char *section, const char *key, const char *d1,
    int item, const char *d2, double value, const char *svalue)
{
	int rc;

	if ((rc = sq_table_str(t, section)) != SQ_OK ||
	    (rc = sq_table_str(t, key)) != SQ_OK ||
	    (rc = sq_table_str(t, d1 ? d1 : "")) != SQ_OK)
		return rc;
	rc = item > 0 ? sq_table_num(t, item) : sq_table_str(t, "");
	if (rc != SQ_OK || (rc = sq_table_str(t, d2 ? d2 : "")) != SQ_OK)
		return rc;
	return svalue ? sq_table_str(t, svalue) : sq_table_num(t, value);
}

const char *
sq_cfa_verdict_name(int v)
{
	return v == SQ_CFA_FAIL ? "fail" : v == SQ_CFA_DOUBTFUL ? "doubtful" :
	    "ok";
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
	size_t i, a, b, m = c->m;
	int rc;

	*out = NULL;
	if ((rc = sq_table_new(cols, 6, &t)) != SQ_OK)
		return rc;
	sq_table_style(t, 3, SQ_NUM_INT);
	if ((rc = fo_rows(t, "sample", sample, FO_N(sample), 3, 0)) != SQ_OK ||
	    (rc = fo_rows(t, "model", model, FO_N(model), 3, 0)) != SQ_OK ||
	    (rc = fo_rows(t, "fit", fit, FO_N(fit), 3, 0)) != SQ_OK)
		goto out;
#define R(...) do { if ((rc = row(t, __VA_ARGS__)) != SQ_OK) goto out; } \
	while (0)
	for (i = 0; i < c->p; i++) {
		const char *d = dcode(src, (size_t)c->dim[i]);
		int it = src->ins->items[i].number;

		R("loading", "estimate", d, it, NULL, c->lambda[i], NULL);
		R("loading", "se", d, it, NULL, c->lambda_se[i], NULL);
		R("loading", "z", d, it, NULL, c->lambda_z[i], NULL);
		R("loading", "p", d, it, NULL, c->lambda_p[i], NULL);
		R("loading", "std", d, it, NULL, c->lambda_std[i], NULL);
	}
	for (i = 0; i < c->p; i++) {
		const char *d = dcode(src, (size_t)c->dim[i]);
		int it = src->ins->items[i].number;

		R("residual", "estimate", d, it, NULL, c->theta[i], NULL);
		R("residual", "se", d, it, NULL, c->theta_se[i], NULL);
		R("residual", "std", d, it, NULL, c->theta_std[i], NULL);
	}
	for (a = 0; a < m; a++) {
		R("factor", "variance", dcode(src, a), 0, NULL,
		    c->phi[a * m + a], NULL);
		R("factor", "variance_se", dcode(src, a), 0, NULL,
		    c->phi_se[a * m + a], NULL);
	}
	for (a = 0; a < m; a++)
		for (b = a + 1; b < m; b++) {
			R("correlation", "covariance", dcode(src, a), 0,
			    dcode(src, b), c->phi[a * m + b], NULL);
			R("correlation", "se", dcode(src, a), 0,
			    dcode(src, b), c->phi_se[a * m + b], NULL);
			R("correlation", "std", dcode(src, a), 0,
			    dcode(src, b), c->phi_cor[a * m + b], NULL);
		}
	for (a = 0; a < m; a++) {
		R("reliability", "cr", dcode(src, a), 0, NULL, c->cr[a], NULL);
		R("reliability", "ave", dcode(src, a), 0, NULL, c->ave[a],
		    NULL);
	}
	for (a = 0; a < m; a++)
		for (b = a + 1; b < m; b++) {
			R("htmt", "htmt", dcode(src, a), 0, dcode(src, b),
			    c->htmt[a * m + b], NULL);
			R("htmt", "verdict", dcode(src, a), 0, dcode(src, b),
			    0, sq_cfa_verdict_name(c->verdict[a * m + b]));
		}
#undef R
out:
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

int
sq_cfa_json(const sq_cfa *c, const sq_cfa_source *src, FILE *fp)
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
	}, extra[] = {
		{ "loglik_h1", c->loglik_h1, NULL }, { "fmin", c->fmin, NULL }
	};
	size_t i, a, b, m = c->m;
	int first;

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
	/* extras after the contract's keys */
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
	fputs(",\n  \"discriminant\": [\n", fp);
	for (first = 1, a = 0; a < m; a++)
		for (b = a + 1; b < m; b++) {
			double r = c->phi_cor[a * m + b];

			fputs(first ? "    {\"dimension1\": " :
			    ",\n    {\"dimension1\": ", fp);
			first = 0;
			sq_json_str(fp, dcode(src, a));
			fputs(", \"dimension2\": ", fp);
			sq_json_str(fp, dcode(src, b));
			fputs(", \"htmt\": ", fp);
			sq_json_num(fp, c->htmt[a * m + b]);
			fputs(", \"correlation\": ", fp);
			sq_json_num(fp, r);
			fprintf(fp, ", \"fornell_larcker\": %s, "
			    "\"verdict\": \"%s\"}",
			    c->ave[a] >= r * r && c->ave[b] >= r * r ?
			    "true" : "false",
			    sq_cfa_verdict_name(c->verdict[a * m + b]));
		}
	fputs("\n  ]\n}\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/*
 * A number in a field of width w with d decimals as people read it
 * (lib/pretty.c: the language's decimal comma, thousands); NaN as blank.
 */
static void
pnum(FILE *fp, double x, int w, int d)
{
	char buf[64];

	sq_fmt_human(x, SQ_NUM_REAL, d, buf, sizeof(buf));
	fprintf(fp, "%*s", w, buf);
}

/* A p-value: 3 decimals, "<0.001". */
static void
pp(FILE *fp, double x)
{
	char buf[64];

	sq_fmt_human(x, SQ_NUM_P, 0, buf, sizeof(buf));
	fprintf(fp, "%8s", buf);
}

int
sq_cfa_pretty(const sq_cfa *c, const sq_cfa_source *src, int lang,
    FILE *fp)
{
	const sq_instrument *ins = src->ins;
	size_t i, a, b, m = c->m;
	int es = lang == SQ_LANG_ES;
	const char *bname = src->block == 'E' ? (es ? "expectativas" :
	    "expectations") : src->block == 'P' ? (es ? "percepciones" :
	    "perceptions") : (es ? "brechas P - E" : "gaps P - E");

	fprintf(fp, es ? "An\xc3\xa1lisis factorial confirmatorio (ML), "
	    "bloque %c (%s)\n" : "Confirmatory factor analysis (ML), "
	    "block %c (%s)\n", src->block, bname);
	fprintf(fp, es ? "  %.0f de %lu encuestados (casos completos); "
	    "%zu par\xc3\xa1metros libres; %s\n" :
	    "  %.0f of %lu respondents (listwise); %zu free parameters; "
	    "%s\n", c->n, src->rows, c->npar, c->std_lv ?
	    (es ? "varianzas factoriales = 1" : "factor variances fixed to 1") :
	    (es ? "primera carga de cada factor = 1" :
	    "first loading of each factor fixed to 1"));
	fprintf(fp, es ? "  %s tras %zu iteraciones\n\n" :
	    "  %s after %zu iterations\n\n", c->converged ?
	    (es ? "Convergi\xc3\xb3" : "Converged") :
	    (es ? "NO CONVERGI\xc3\x93" : "DID NOT CONVERGE"), c->iterations);

	fputs(es ? "Ajuste del modelo\n" : "Model fit\n", fp);
	fprintf(fp, "  %-36s", es ? "Chi-cuadrado (gl), p" :
	    "Chi-square (df), p");
	pnum(fp, c->chisq, 14, 3);
	fprintf(fp, " (%.0f), p ", c->df);
	{
		char pv[64];

		sq_fmt_human(c->pval, SQ_NUM_P, 0, pv, sizeof(pv));
		fprintf(fp, "%s%s\n", pv[0] == '<' ? "< " : "",
		    pv + (pv[0] == '<'));
	}
	fprintf(fp, "  %-36s", es ? "Modelo de base (independencia)" :
	    "Baseline (independence)");
	pnum(fp, c->base_chisq, 14, 3);
	fprintf(fp, " (%.0f)\n", c->base_df);
	fprintf(fp, "  %-36s", "CFI / TLI");
	pnum(fp, c->cfi, 14, 3);
	fputs(" / ", fp);
	pnum(fp, c->tli, 0, 3);
	fputc('\n', fp);
	fprintf(fp, "  %-36s", es ? "RMSEA [IC 90%]" : "RMSEA [90% CI]");
	pnum(fp, c->rmsea, 14, 3);
	fputs(" [", fp);
	pnum(fp, c->rmsea_lo, 0, 3);
	fputs(es ? "; " : ", ", fp);	/* "0,000; 0,038" with commas */
	pnum(fp, c->rmsea_hi, 0, 3);
	fputs("]\n", fp);
	fprintf(fp, "  %-36s", "SRMR");
	pnum(fp, c->srmr, 14, 3);
	fprintf(fp, "\n  %-36s", es ? "Log-verosimilitud" : "Log-likelihood");
	pnum(fp, c->loglik, 14, 3);
	fprintf(fp, "\n  %-36s", "AIC / BIC");
	pnum(fp, c->aic, 14, 3);
	fputs(" / ", fp);
	pnum(fp, c->bic, 0, 3);
	fputs("\n\n", fp);

	fputs(es ? "Cargas factoriales\n" : "Loadings\n", fp);
	fprintf(fp, "  %-6s %-6s %10s %10s %8s %8s %8s %10s %8s\n",
	    es ? "factor" : "factor", es ? "\xc3\xadtem" : "item",
	    es ? "estimado" : "estimate", es ? "e.t." : "se", "z", "p",
	    "std.all", es ? "residual" : "residual", "std");
	for (a = 0; a < m; a++)
		for (i = 0; i < c->p; i++) {
			if ((size_t)c->dim[i] != a)
				continue;
			fprintf(fp, "  %-6s %c%-5d ", dcode(src, a), src->block,
			    ins->items[i].number);
			pnum(fp, c->lambda[i], 10, 3);
			pnum(fp, c->lambda_se[i], 11, 3);
			pnum(fp, c->lambda_z[i], 9, 2);
			fputc(' ', fp);
			pp(fp, c->lambda_p[i]);
			pnum(fp, c->lambda_std[i], 9, 3);
			pnum(fp, c->theta[i], 11, 3);
			pnum(fp, c->theta_std[i], 9, 3);
			fputs(c->heywood[i] ? "  Heywood\n" : "\n", fp);
		}

	fputs(es ? "\nCorrelaciones entre factores (debajo) y HTMT "
	    "(encima)\n        " : "\nFactor correlations (below) and HTMT "
	    "(above)\n        ", fp);
	for (b = 0; b < m; b++)
		fprintf(fp, "%8s", dcode(src, b));
	fputc('\n', fp);
	for (a = 0; a < m; a++) {
		fprintf(fp, "  %-6s", dcode(src, a));
		for (b = 0; b < m; b++)
			if (a == b)
				fprintf(fp, "%8s", "1");
			else
				pnum(fp, a > b ? c->phi_cor[a * m + b] :
				    c->htmt[a * m + b], 8, 3);
		fputc('\n', fp);
	}

	fprintf(fp, es ? "\nFiabilidad y validez convergente\n"
	    "  %-6s %5s %8s %8s\n" : "\nReliability and convergent validity\n"
	    "  %-6s %5s %8s %8s\n", "", es ? "\xc3\xadtems" : "items", "CR",
	    "AVE");
	for (a = 0; a < m; a++) {
		fprintf(fp, "  %-6s %5zu", dcode(src, a), c->nitems[a]);
		pnum(fp, c->cr[a], 9, 3);
		pnum(fp, c->ave[a], 9, 3);
		fputc('\n', fp);
	}
	fputs(es ? "\nValidez discriminante (HTMT > 0,90: falla; > 0,85 o "
	    "AVE < r\xc2\xb2: dudosa)\n" : "\nDiscriminant validity (HTMT "
	    "> 0.90: fails; > 0.85 or AVE < r\xc2\xb2: doubtful)\n", fp);
	for (i = 0, a = 0; a < m; a++)
		for (b = a + 1; b < m; b++) {
			int v = c->verdict[a * m + b];

			if (v == SQ_CFA_OK)
				continue;
			i++;
			fprintf(fp, "  %s - %s: HTMT ", dcode(src, a),
			    dcode(src, b));
			pnum(fp, c->htmt[a * m + b], 0, 3);
			fputs(", r ", fp);
			pnum(fp, c->phi_cor[a * m + b], 0, 3);
			fprintf(fp, ": %s\n", v == SQ_CFA_FAIL ?
			    (es ? "FALLA (miden lo mismo)" :
			    "FAILS (they measure one thing)") :
			    (es ? "dudosa" : "doubtful"));
		}
	if (i == 0)
		fputs(es ? "  todas las parejas la cumplen\n" :
		    "  every pair holds\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

void
sq_cfa_notes(const sq_cfa *c, const sq_cfa_source *src, char *buf,
    size_t len)
{
	size_t a, b, m = c->m, off = 0;

#define PUT(...) fo_put(buf, len, &off, __VA_ARGS__)
	if (len > 0)
		buf[0] = '\0';
	if (!c->converged && isfinite(c->decrement))
		PUT("the fit did not converge after %zu iterations "
		    "(Newton decrement %.3g)\n", c->iterations, c->decrement);
	else if (!c->converged)
		PUT("the fit did not converge after %zu iterations (the "
		    "Newton decrement is undefined)\n", c->iterations);
	if (c->nheywood > 0) {
		PUT("Heywood case%s (negative residual variance): item",
		    c->nheywood > 1 ? "s" : "");
		fo_items(buf, len, &off, c->heywood, c->p, src->block,
		    src->ins);
		PUT("\n");
	}
	if (!c->phi_pd)
		PUT("the factor covariance matrix is not positive definite "
		    "(a factor correlation at or beyond 1?)\n");
	for (a = 0; a < m; a++)
		for (b = a + 1; b < m; b++)
			if (c->verdict[a * m + b] != SQ_CFA_FAIL)
				continue;
			else if (isfinite(c->phi_cor[a * m + b]))
				PUT("%s and %s fail discriminant "
				    "validity (HTMT %.3f, factor "
				    "correlation %.3f): they may be "
				    "one dimension\n", dcode(src, a),
				    dcode(src, b), c->htmt[a * m + b],
				    c->phi_cor[a * m + b]);
			else
				PUT("%s and %s fail discriminant "
				    "validity (HTMT %.3f, factor "
				    "correlation undefined): they may "
				    "be one dimension\n", dcode(src, a),
				    dcode(src, b), c->htmt[a * m + b]);
#undef PUT
}
