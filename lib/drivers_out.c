/*
 * sq-drivers output: the long tidy table (tsv, csv, md), the contract's
 * JSON and the one-screen summary for people.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "servqual/drivers.h"
#include "servqual/table.h"

static const char *const columns[] = {
	"section", "segment", "model", "term", "key", "value"
};

static const char *const coef_keys[] = {
	"estimate", "se", "t", "p", "beta", "vif"
};

static const char *
term_name(const sq_instrument *ins, size_t i)
{
	return i == 0 ? "intercept" : ins->dims[i - 1].code;
}

static const char *
seg_name(const sq_drvresult *r, long seg)
{
	return seg < 0 ? "all" : r->seg[seg];
}

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

int
sq_drivers_table(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, int human, int lang, sq_table **out)
{
	sq_table *t;
	size_t m, i, d, nd = r->ndims;
	int rc = 0;

	(void)human;
	(void)lang;
	if ((rc = sq_table_new(columns, 6, &t)) != SQ_OK)
		return rc;
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
		const double v[7] = { md->n, md->r2, md->adj_r2, md->f,
		    md->df1, md->df2, md->p };
		static const char *const keys[7] = { "n", "r2", "adj_r2", "f",
		    "df1", "df2", "p" };

		for (i = 0; i < 7; i++)
			rc |= row(t, "model", "all", mn, "", keys[i], v[i],
			    NULL);
		for (i = 0; i <= nd; i++) {
			const double c[6] = { md->est[i], md->se[i], md->t[i],
			    md->pv[i], md->beta[i], md->vif[i] };
			size_t k;

			for (k = 0; k < 6; k++)
				rc |= row(t, "coefficient", "all", mn,
				    term_name(ins, i), coef_keys[k], c[k],
				    NULL);
		}
		for (d = 0; d < nd; d++) {
			rc |= row(t, "lmg", "all", mn, ins->dims[d].code,
			    "lmg", md->lmg[d], NULL);
			rc |= row(t, "lmg", "all", mn, ins->dims[d].code,
			    "share", md->share[d], NULL);
		}
	}
	for (d = 0; d < nd; d++) {
		const char *c = ins->dims[d].code;

		rc |= row(t, "importance", "all", "", c, "stated",
		    r->stated[d], NULL);
		rc |= row(t, "importance", "all", "", c, "derived",
		    r->derived[d], NULL);
		rc |= row(t, "importance", "all", "", c, "rank_stated",
		    r->rank_stated[d], NULL);
		rc |= row(t, "importance", "all", "", c, "rank_derived",
		    r->rank_derived[d], NULL);
	}
	rc |= row(t, "importance", "all", "", "", "stated_n", r->stated_n,
	    NULL);
	rc |= row(t, "importance", "all", "", "", "spearman", r->spearman,
	    NULL);
	rc |= row(t, "ipa", "all", "", "", "rule", 0,
	    sq_drivers_rule_name(r->rule));
	rc |= row(t, "ipa", "all", "", "", "importance_source", 0,
	    r->source == SQ_IMP_STATED ? "stated" : "derived");
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
	for (i = 0; i < r->ntarget; i++) {
		const sq_drvtarget *g = &r->target[i];
		const char *s = seg_name(r, g->seg);
		const char *b = sq_drivers_block_name(g->block);
		const char *c = ins->dims[g->dim].code;
		const double v[7] = { g->target, g->n, g->mean, g->ci_low,
		    g->ci_high, g->t, g->p };
		static const char *const keys[7] = { "target", "n", "mean",
		    "ci_low", "ci_high", "t", "p" };
		size_t k;

		for (k = 0; k < 7; k++)
			rc |= row(t, "target", s, b, c, keys[k], v[k], NULL);
		rc |= row(t, "target", s, b, c, "verdict", 0,
		    sq_drivers_verdict_name(g->verdict));
	}
	if (rc != 0) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}

/* ---- JSON ---- */

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

static void
json_model(FILE *fp, const sq_drvmodel *m, const sq_instrument *ins,
    size_t nd)
{
	size_t i;

	jkv(fp, "{", "n", m->n);
	jkv(fp, ", ", "r2", m->r2);
	jkv(fp, ", ", "adj_r2", m->adj_r2);
	jkv(fp, ", ", "f", m->f);
	jkv(fp, ", ", "df1", m->df1);
	jkv(fp, ", ", "df2", m->df2);
	jkv(fp, ", ", "p", m->p);
	fputs(",\n      \"coefficients\": [", fp);
	for (i = 0; i <= nd; i++) {
		fputs(i ? ",\n        " : "\n        ", fp);
		jks(fp, "{", "term", term_name(ins, i));
		jkv(fp, ", ", "estimate", m->est[i]);
		jkv(fp, ", ", "se", m->se[i]);
		jkv(fp, ", ", "t", m->t[i]);
		jkv(fp, ", ", "p", m->pv[i]);
		jkv(fp, ", ", "beta", i == 0 ? NAN : m->beta[i]);
		jkv(fp, ", ", "vif", i == 0 ? NAN : m->vif[i]);
		fputc('}', fp);
	}
	fputs("],\n      \"lmg\": [", fp);
	for (i = 0; i < nd; i++) {
		fputs(i ? ",\n        " : "\n        ", fp);
		jks(fp, "{", "term", ins->dims[i].code);
		jkv(fp, ", ", "lmg", m->lmg[i]);
		jkv(fp, ", ", "share", m->share[i]);
		fputc('}', fp);
	}
	fputs("]}", fp);
}

int
sq_drivers_json(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, FILE *fp)
{
	size_t nd = r->ndims, d, i;

	jkv(fp, "{", "n", r->respondents);
	jks(fp, ",\n  ", "outcome", outcome);
	fputs(",\n  \"models\": {\n    \"servqual\": ", fp);
	json_model(fp, &r->model[SQ_DRV_SERVQUAL], ins, nd);
	fputs(",\n    \"servperf\": ", fp);
	json_model(fp, &r->model[SQ_DRV_SERVPERF], ins, nd);
	fputs("},\n  \"importance\": [", fp);
	for (d = 0; d < nd; d++) {
		fputs(d ? ",\n    " : "\n    ", fp);
		jks(fp, "{", "dimension", ins->dims[d].code);
		jkv(fp, ", ", "stated", r->stated[d]);
		jkv(fp, ", ", "derived", r->derived[d]);
		jkv(fp, ", ", "rank_stated", r->rank_stated[d]);
		jkv(fp, ", ", "rank_derived", r->rank_derived[d]);
		fputc('}', fp);
	}
	fputs("],\n", fp);
	jkv(fp, "  ", "importance_spearman", r->spearman);
	fputs(",\n  \"ipa\": ", fp);
	jks(fp, "{", "rule", sq_drivers_rule_name(r->rule));
	jks(fp, ", ", "importance_source", r->source == SQ_IMP_STATED ?
	    "stated" : "derived");
	jkv(fp, ", ", "importance_cross", r->icross);
	jkv(fp, ", ", "performance_cross", r->pcross);
	fputs(",\n    \"dimensions\": [", fp);
	for (d = 0; d < nd; d++) {
		fputs(d ? ",\n      " : "\n      ", fp);
		jks(fp, "{", "dimension", ins->dims[d].code);
		jkv(fp, ", ", "importance", r->importance[d]);
		jkv(fp, ", ", "performance", r->perf[d]);
		fputs(", \"quadrant\": ", fp);
		if (r->quadrant[d] < 0)
			fputs("null", fp);
		else
			sq_json_str(fp, sq_drivers_quadrant_name(r->quadrant[d]));
		fputc('}', fp);
	}
	fputs("]},\n  \"targets\": [", fp);
	for (i = 0; i < r->ntarget; i++) {
		const sq_drvtarget *g = &r->target[i];

		fputs(i ? ",\n    " : "\n    ", fp);
		jks(fp, "{", "dimension", ins->dims[g->dim].code);
		jks(fp, ", ", "block", sq_drivers_block_name(g->block));
		jkv(fp, ", ", "target", g->target);
		jkv(fp, ", ", "n", g->n);
		jkv(fp, ", ", "mean", g->mean);
		jkv(fp, ", ", "ci_low", g->ci_low);
		jkv(fp, ", ", "ci_high", g->ci_high);
		jkv(fp, ", ", "t", g->t);
		jkv(fp, ", ", "p", g->p);
		jks(fp, ", ", "verdict", sq_drivers_verdict_name(g->verdict));
		if (r->by_segment)
			jks(fp, ", ", "segment", seg_name(r, g->seg));
		fputc('}', fp);
	}
	fputs("]}\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* ---- pretty ---- */

enum {
	P_TITLE, P_MODELS, P_RESP, P_ADJ, P_BETTER, P_DRIVERS, P_DIM,
	P_COEF, P_STATED, P_DERIVED, P_RANKS, P_RHO, P_SAY, P_NOW,
	P_IPA, P_IMP, P_PERF, P_QUAD, P_CROSS, P_TARGETS, P_SEG, P_TARGET,
	P_MEAN, P_VERDICT, P_Q0, P_Q1, P_Q2, P_Q3, P_MET, P_MISSED, P_INC,
	P_NOWEIGHTS, P_STATEDSRC, P_DERIVEDSRC, P_RULE0, P_RULE1, P_RULE2,
	P_NTOTAL
};

static const char *const msg[P_NTOTAL][2] = {
	{ "What drives \"%s\": %s respondents",
	  "Qu\xc3\xa9 mueve \"%s\": %s encuestados" },
	{ "Models", "Modelos" },
	{ "respondents", "encuestados" },
	{ "adj. R\xc2\xb2", "R\xc2\xb2 ajust." },
	{ "%s explains more of the rating (R\xc2\xb2 %s vs %s).",
	  "%s explica m\xc3\xa1s de la valoraci\xc3\xb3n (R\xc2\xb2 %s "
	  "frente a %s)." },
	{ "Drivers", "Impulsores" },
	{ "Dimension", "Dimensi\xc3\xb3n" },
	{ "b (p)", "b (p)" },
	{ "stated %", "declarada %" },
	{ "derived %", "derivada %" },
	{ "ranks s/d", "rangos d/d" },
	{ "Spearman rho, stated vs derived ranks: %s.",
	  "Rho de Spearman, rangos declarados frente a derivados: %s." },
	{ "Customers say %s matters most; their ratings move with %s.",
	  "Los clientes dicen que lo m\xc3\xa1s importante es %s; su "
	  "valoraci\xc3\xb3n se mueve con %s." },
	{ "Customers say %s matters most, and their ratings move with it "
	  "too.",
	  "Los clientes dicen que lo m\xc3\xa1s importante es %s, y su "
	  "valoraci\xc3\xb3n tambi\xc3\xa9n se mueve con ello." },
	{ "Importance-performance (importance: %s; crosshairs: %s)",
	  "Importancia-desempe\xc3\xb1o (importancia: %s; cruces: %s)" },
	{ "importance", "importancia" },
	{ "performance", "desempe\xc3\xb1o" },
	{ "quadrant", "cuadrante" },
	{ "crosshairs at importance %s, performance %s",
	  "cruces en importancia %s, desempe\xc3\xb1o %s" },
	{ "Targets (%s CI; p = P(T \xe2\x89\xa4 t), evidence of falling "
	  "short)",
	  "Objetivos (IC %s; p = P(T \xe2\x89\xa4 t), evidencia de no "
	  "alcanzarlo)" },
	{ "segment", "segmento" },
	{ "target", "objetivo" },
	{ "mean", "media" },
	{ "verdict", "veredicto" },
	{ "concentrate here", "concentrarse aqu\xc3\xad" },
	{ "keep up the good work", "mantener" },
	{ "low priority", "baja prioridad" },
	{ "possible overkill", "posible exceso" },
	{ "met", "cumplido" },
	{ "MISSED", "NO CUMPLIDO" },
	{ "inconclusive", "no concluyente" },
	{ "no stated importance: the export has no usable weights",
	  "sin importancia declarada: la exportaci\xc3\xb3n no tiene pesos "
	  "utilizables" },
	{ "stated weights", "pesos declarados" },
	{ "servperf LMG share", "cuota LMG de servperf" },
	{ "mean of the dimensions", "media de las dimensiones" },
	{ "median of the dimensions", "mediana de las dimensiones" },
	{ "scale midpoint, equal shares", "punto medio de la escala, cuotas "
	  "iguales" },
};

#define M(id) msg[id][lang]

/*
 * Write tmpl with its "%s" replaced by a, b and c in turn, wrapped at
 * blanks to lines of at most 98 code points, then a newline.
 */
static void
fill(FILE *fp, const char *tmpl, const char *a, const char *b,
    const char *c)
{
	const char *arg[3] = { a, b, c };
	char buf[1024];
	size_t n = 0, col = 0, i, w, last = 0;
	int k = 0;

	for (; *tmpl && n + 1 < sizeof(buf); tmpl++) {
		if (tmpl[0] == '%' && tmpl[1] == 's') {
			const char *v = k < 3 && arg[k] ? arg[k] : "";

			while (*v && n + 1 < sizeof(buf))
				buf[n++] = *v++;
			k++;
			tmpl++;
		} else
			buf[n++] = *tmpl;
	}
	buf[n] = '\0';
	/* break at the last blank before column 98 */
	for (i = 0, w = 0; i < n; i++) {
		if (((unsigned char)buf[i] & 0xC0) == 0x80)
			continue;
		if (buf[i] == ' ')
			last = i;
		if (++w > 98 && last > col) {
			buf[last] = '\n';
			col = last + 1;
			w = 0;
			i = last;
		}
	}
	fputs(buf, fp);
	fputc('\n', fp);
}

/* Code points in s. */
static size_t
ulen(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

/* s left-aligned in w columns, cut at w code points. */
static void
lpad(FILE *fp, const char *s, size_t w)
{
	size_t k = 0;

	for (; *s && k < w; s++) {
		fputc(*s, fp);
		if (((unsigned char)s[1] & 0xC0) != 0x80)
			k++;
	}
	for (; k < w; k++)
		fputc(' ', fp);
}

static void
rpad(FILE *fp, const char *s, size_t w)
{
	size_t k = ulen(s);

	for (; k < w; k++)
		fputc(' ', fp);
	fputs(s, fp);
}

/* x with dec decimals as people read it (lib/pretty.c), a dash if NaN. */
static void
fnum(char *buf, size_t len, double x, int dec)
{
	if (isnan(x))
		snprintf(buf, len, "\xe2\x80\x93");
	else
		sq_fmt_human(x, SQ_NUM_REAL, dec, buf, len);
}

/* %g, or a dash when undefined. */
static void
fg(char *buf, size_t len, double x)
{
	if (isnan(x))
		snprintf(buf, len, "\xe2\x80\x93");
	else
		sq_fmt_human(x, x == floor(x) ? SQ_NUM_INT : SQ_NUM_REAL,
		    x == floor(x) ? 0 : 1, buf, len);
}

static void
fp_(char *buf, size_t len, double p)
{
	if (isnan(p))
		snprintf(buf, len, "\xe2\x80\x93");
	else
		sq_fmt_human(p, SQ_NUM_P, 0, buf, len);	/* "<0.001" */
}

static const char *
dname(const sq_instrument *ins, size_t d, int lang)
{
	return ins->dims[d].name[lang][0] ? ins->dims[d].name[lang] :
	    ins->dims[d].code;
}

/* Index of the largest defined x, or -1. */
static int
top(const double *x, size_t n)
{
	int b = -1;
	size_t i;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]) && (b < 0 || x[i] > x[b]))
			b = (int)i;
	return b;
}

int
sq_drivers_pretty(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, int lang, FILE *fp)
{
	const sq_drvmodel *mq = &r->model[SQ_DRV_SERVQUAL];
	const sq_drvmodel *mp = &r->model[SQ_DRV_SERVPERF];
	size_t nd = r->ndims, d, i;
	char a[64], b[64], c[64], line[256];
	int ts, td;

	lang = lang == SQ_LANG_ES;
	snprintf(a, sizeof(a), "%.0f", r->respondents);
	fill(fp, M(P_TITLE), outcome, a, NULL);
	fputc('\n', fp);
	/* models side by side */
	lpad(fp, M(P_MODELS), 16);
	fputs("    SERVQUAL    SERVPERF\n", fp);
	{
		const char *lab[6] = { M(P_RESP), "R\xc2\xb2", M(P_ADJ), "F",
		    "p", "df" };

		for (i = 0; i < 6; i++) {
			const sq_drvmodel *m2[2] = { mq, mp };
			size_t k;

			lpad(fp, lab[i], 16);
			for (k = 0; k < 2; k++) {
				const sq_drvmodel *m = m2[k];

				if (i == 0)
					fnum(a, sizeof(a), m->n, 0);
				else if (i == 1)
					fnum(a, sizeof(a), m->r2, 3);
				else if (i == 2)
					fnum(a, sizeof(a), m->adj_r2, 3);
				else if (i == 3)
					fnum(a, sizeof(a), m->f, 2);
				else if (i == 4)
					fp_(a, sizeof(a), m->p);
				else {
					fg(b, sizeof(b), m->df1);
					fg(c, sizeof(c), m->df2);
					snprintf(line, sizeof(line), "%s, %s",
					    b, c);
					rpad(fp, line, 12);
					continue;
				}
				rpad(fp, a, 12);
			}
			fputc('\n', fp);
		}
	}
	if (!isnan(mq->r2) && !isnan(mp->r2)) {
		int sp = mp->r2 >= mq->r2;

		fnum(a, sizeof(a), sp ? mp->r2 : mq->r2, 3);
		fnum(b, sizeof(b), sp ? mq->r2 : mp->r2, 3);
		fill(fp, M(P_BETTER), sp ? "SERVPERF" : "SERVQUAL", a, b);
	}
	/* drivers */
	fprintf(fp, "\n%s\n", M(P_DRIVERS));
	lpad(fp, M(P_DIM), 24);
	snprintf(line, sizeof(line), "SERVQUAL %s", M(P_COEF));
	rpad(fp, line, 18);
	snprintf(line, sizeof(line), "SERVPERF %s", M(P_COEF));
	rpad(fp, line, 18);
	rpad(fp, "\xce\xb2", 7);
	rpad(fp, "LMG %", 7);
	rpad(fp, M(P_STATED), 12);
	rpad(fp, M(P_RANKS), 11);
	fputc('\n', fp);
	for (d = 0; d < nd; d++) {
		lpad(fp, dname(ins, d, lang), 24);
		fnum(a, sizeof(a), mq->est[d + 1], 3);
		fp_(b, sizeof(b), mq->pv[d + 1]);
		snprintf(line, sizeof(line), "%s (%s)", a, b);
		rpad(fp, line, 18);
		fnum(a, sizeof(a), mp->est[d + 1], 3);
		fp_(b, sizeof(b), mp->pv[d + 1]);
		snprintf(line, sizeof(line), "%s (%s)", a, b);
		rpad(fp, line, 18);
		fnum(a, sizeof(a), mp->beta[d + 1], 2);
		rpad(fp, a, 7);
		fnum(a, sizeof(a), mp->share[d], 1);
		rpad(fp, a, 7);
		fnum(a, sizeof(a), r->stated[d], 1);
		rpad(fp, a, 12);
		fg(a, sizeof(a), r->rank_stated[d]);
		fg(b, sizeof(b), r->rank_derived[d]);
		snprintf(line, sizeof(line), "%s / %s", a, b);
		rpad(fp, line, 11);
		fputc('\n', fp);
	}
	fputs("(\xce\xb2, LMG %: SERVPERF)\n", fp);
	ts = top(r->stated, nd);
	td = top(r->derived, nd);
	if (ts < 0)
		fprintf(fp, "%s.\n", M(P_NOWEIGHTS));
	else {
		fnum(a, sizeof(a), r->spearman, 2);
		fill(fp, M(P_RHO), a, NULL, NULL);
		if (td >= 0 && td != ts)
			fill(fp, M(P_SAY), dname(ins, (size_t)ts, lang),
			    dname(ins, (size_t)td, lang), NULL);
		else if (td >= 0)
			fill(fp, M(P_NOW), dname(ins, (size_t)ts, lang), NULL,
			    NULL);
	}
	/* IPA */
	fputc('\n', fp);
	fill(fp, M(P_IPA), r->source == SQ_IMP_STATED ? M(P_STATEDSRC) :
	    M(P_DERIVEDSRC), M(P_RULE0 + r->rule), NULL);
	lpad(fp, M(P_DIM), 24);
	rpad(fp, M(P_IMP), 12);
	rpad(fp, M(P_PERF), 13);
	snprintf(line, sizeof(line), lang ? "IC %g%%" : "%g%% CI",
	    r->conf * 100);
	rpad(fp, line, 16);
	fputs("  ", fp);
	fputs(M(P_QUAD), fp);
	fputc('\n', fp);
	for (d = 0; d < nd; d++) {
		lpad(fp, dname(ins, d, lang), 24);
		fnum(a, sizeof(a), r->importance[d], 1);
		rpad(fp, a, 12);
		fnum(a, sizeof(a), r->perf[d], 2);
		rpad(fp, a, 13);
		fnum(a, sizeof(a), r->perf_lo[d], 2);
		fnum(b, sizeof(b), r->perf_hi[d], 2);
		/* a decimal comma needs another separator */
		snprintf(line, sizeof(line), lang ? "[%s; %s]" : "[%s, %s]",
		    a, b);
		rpad(fp, line, 16);
		fputs("  ", fp);
		fputs(r->quadrant[d] >= 0 ? M(P_Q0 + r->quadrant[d]) :
		    "\xe2\x80\x93", fp);
		fputc('\n', fp);
	}
	fnum(a, sizeof(a), r->icross, 1);
	fnum(b, sizeof(b), r->pcross, 2);
	fill(fp, M(P_CROSS), a, b, NULL);
	if (r->ntarget == 0)
		return ferror(fp) ? SQ_EIO : SQ_OK;
	/* targets */
	fputc('\n', fp);
	snprintf(a, sizeof(a), "%g%%", r->conf * 100);
	fill(fp, M(P_TARGETS), a, NULL, NULL);
	if (r->by_segment)
		lpad(fp, M(P_SEG), 14);
	lpad(fp, M(P_DIM), 22);
	rpad(fp, M(P_TARGET), 8);
	rpad(fp, "n", 7);
	rpad(fp, M(P_MEAN), 8);
	rpad(fp, lang ? "IC" : "CI", 16);
	rpad(fp, "p", 8);
	fputs("  ", fp);
	fputs(M(P_VERDICT), fp);
	fputc('\n', fp);
	for (i = 0; i < r->ntarget; i++) {
		const sq_drvtarget *g = &r->target[i];

		if (r->by_segment)
			lpad(fp, g->seg < 0 && lang ? "todos" :
			    seg_name(r, g->seg), 14);
		snprintf(line, sizeof(line), "%s%s", g->block == SQ_DRV_G ?
		    "G: " : "", dname(ins, (size_t)g->dim, lang));
		lpad(fp, line, 22);
		fnum(a, sizeof(a), g->target, 2);
		rpad(fp, a, 8);
		fnum(a, sizeof(a), g->n, 0);
		rpad(fp, a, 7);
		fnum(a, sizeof(a), g->mean, 2);
		rpad(fp, a, 8);
		fnum(a, sizeof(a), g->ci_low, 2);
		fnum(b, sizeof(b), g->ci_high, 2);
		/* a decimal comma needs another separator */
		snprintf(line, sizeof(line), lang ? "[%s; %s]" : "[%s, %s]",
		    a, b);
		rpad(fp, line, 16);
		fp_(c, sizeof(c), g->p);
		rpad(fp, c, 8);
		fputs("  ", fp);
		fputs(M(P_MET + g->verdict), fp);
		fputc('\n', fp);
	}
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
