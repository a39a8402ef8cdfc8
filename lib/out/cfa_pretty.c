/*
 * sq-cfa's summary of a fit for people, in the spirit of lavaan's
 * summary(fit, fit.measures = TRUE, standardized = TRUE), 100 columns
 * wide, and the notes for standard error. A fit that did not converge
 * gets no discriminant-validity verdict.
 */
#include <math.h>
#include <stdio.h>

#include "servqual/cfa_report.h"
#include "servqual/table.h"
#include "factor_out.h"

static const char *
dcode(const sq_cfa_source *src, size_t a)
{
	return sq_cfa_dim_code(src, a);
}

/*
 * A number in a field of width w with d decimals as people read it
 * (lib/out/pretty.c: the language's decimal comma, thousands); NaN as blank.
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

/* The block, the sample, the model and whether the fit converged. */
static void
pretty_head(const sq_cfa *c, const sq_cfa_source *src, int es, FILE *fp)
{
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
}

/* The fit indices. */
static void
pretty_fit(const sq_cfa *c, int es, FILE *fp)
{
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
}

/* Loadings and residual variances, factor by factor. */
static void
pretty_loadings(const sq_cfa *c, const sq_cfa_source *src, int es,
    FILE *fp)
{
	const sq_instrument *ins = src->ins;
	size_t i, a, m = c->m;

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
}

/* Factor correlations below the diagonal, HTMT above. */
static void
pretty_matrix(const sq_cfa *c, const sq_cfa_source *src, int es, FILE *fp)
{
	size_t a, b, m = c->m;

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
}

/* CR and AVE of each factor. */
static void
pretty_reliability(const sq_cfa *c, const sq_cfa_source *src, int es,
    FILE *fp)
{
	size_t a, m = c->m;

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
}

/* The pairs that fail or are doubtful; no verdict without convergence. */
static void
pretty_discriminant(const sq_cfa *c, const sq_cfa_source *src, int es,
    FILE *fp)
{
	size_t i, a, b, m = c->m;

	fputs(es ? "\nValidez discriminante (HTMT > 0,90: falla; > 0,85 o "
	    "AVE < r\xc2\xb2: dudosa)\n" : "\nDiscriminant validity (HTMT "
	    "> 0.90: fails; > 0.85 or AVE < r\xc2\xb2: doubtful)\n", fp);
	if (!c->converged) {
		fputs(es ? "  sin veredicto: el ajuste no convergi\xc3\xb3\n" :
		    "  no verdict: the fit did not converge\n", fp);
		return;
	}
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
}

int
sq_cfa_pretty(const sq_cfa *c, const sq_cfa_source *src, int lang,
    FILE *fp)
{
	int es = lang == SQ_LANG_ES;

	pretty_head(c, src, es, fp);
	pretty_fit(c, es, fp);
	pretty_loadings(c, src, es, fp);
	pretty_matrix(c, src, es, fp);
	pretty_reliability(c, src, es, fp);
	pretty_discriminant(c, src, es, fp);
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
	if (!c->converged)
		PUT("discriminant validity is not judged: the fit did not "
		    "converge\n");
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
