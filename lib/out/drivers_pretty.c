/*
 * sq-drivers' one-screen summary for people (fits 100 columns), in
 * English or Spanish: the two models side by side, the drivers, the
 * importance-performance quadrants and the targets.
 */
#include <math.h>
#include <stdio.h>

#include "servqual/table.h"
#include "drivers_int.h"

#define M(id) sq_drv_msg[id][lang]

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

/* x as people read it (lib/out/pretty.c), or a dash when undefined. */
static void
fmt(char *buf, size_t len, double x, int kind, int dec)
{
	if (isnan(x))
		snprintf(buf, len, "\xe2\x80\x93");
	else
		sq_fmt_human(x, kind, dec, buf, len);
}

/* x with dec decimals. */
static void
fnum(char *buf, size_t len, double x, int dec)
{
	fmt(buf, len, x, SQ_NUM_REAL, dec);
}

/* A count or a rank: whole, or with one decimal. */
static void
fg(char *buf, size_t len, double x)
{
	fmt(buf, len, x, x == floor(x) ? SQ_NUM_INT : SQ_NUM_REAL,
	    x == floor(x) ? 0 : 1);
}

/* A p-value: "<0.001" below. */
static void
fp_(char *buf, size_t len, double p)
{
	fmt(buf, len, p, SQ_NUM_P, 0);
}

/* "[lo, hi]" right-aligned in w columns; a decimal comma needs "; ". */
static void
ci_cell(FILE *fp, double lo, double hi, int lang, size_t w)
{
	char a[64], b[64], line[256];

	fnum(a, sizeof(a), lo, 2);
	fnum(b, sizeof(b), hi, 2);
	snprintf(line, sizeof(line), lang ? "[%s; %s]" : "[%s, %s]", a, b);
	rpad(fp, line, w);
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

/* Row i of the models' panel for model m, right-aligned in 12. */
static void
model_cell(FILE *fp, const sq_drvmodel *m, size_t i)
{
	/* n, R^2, adjusted R^2, F */
	const double x[4] = { m->n, m->r2, m->adj_r2, m->f };
	static const int dec[4] = { 0, 3, 3, 2 };
	char a[64], b[64], line[256];

	if (i < 4)
		fnum(a, sizeof(a), x[i], dec[i]);
	else if (i == 4)
		fp_(a, sizeof(a), m->p);
	else {
		fg(a, sizeof(a), m->df1);
		fg(b, sizeof(b), m->df2);
		snprintf(line, sizeof(line), "%s, %s", a, b);
		rpad(fp, line, 12);
		return;
	}
	rpad(fp, a, 12);
}

/* The models side by side, and which explains more. */
static void
pretty_models(FILE *fp, const sq_drvresult *r, int lang)
{
	const sq_drvmodel *mq = &r->model[SQ_DRV_SERVQUAL];
	const sq_drvmodel *mp = &r->model[SQ_DRV_SERVPERF];
	const char *lab[6] = { M(DM_RESP), "R\xc2\xb2", M(DM_ADJ), "F", "p",
	    "df" };
	char a[64], b[64];
	size_t i;

	lpad(fp, M(DM_MODELS), 16);
	fputs("    SERVQUAL    SERVPERF\n", fp);
	for (i = 0; i < 6; i++) {
		lpad(fp, lab[i], 16);
		model_cell(fp, mq, i);
		model_cell(fp, mp, i);
		fputc('\n', fp);
	}
	if (!isnan(mq->r2) && !isnan(mp->r2)) {
		int sp = mp->r2 >= mq->r2;

		fnum(a, sizeof(a), sp ? mp->r2 : mq->r2, 3);
		fnum(b, sizeof(b), sp ? mq->r2 : mp->r2, 3);
		fill(fp, M(DM_BETTER), sp ? "SERVPERF" : "SERVQUAL", a, b);
	}
}

/* "estimate (p)" of term d + 1 of m, right-aligned in 18. */
static void
coef_cell(FILE *fp, const sq_drvmodel *m, size_t d)
{
	char a[64], b[64], line[256];

	fnum(a, sizeof(a), m->est[d + 1], 3);
	fp_(b, sizeof(b), m->pv[d + 1]);
	snprintf(line, sizeof(line), "%s (%s)", a, b);
	rpad(fp, line, 18);
}

/* The drivers' heading. */
static void
drivers_head(FILE *fp, int lang)
{
	char line[256];

	fprintf(fp, "\n%s\n", M(DM_DRIVERS));
	lpad(fp, M(DM_DIM), 24);
	snprintf(line, sizeof(line), "SERVQUAL %s", M(DM_COEF));
	rpad(fp, line, 18);
	snprintf(line, sizeof(line), "SERVPERF %s", M(DM_COEF));
	rpad(fp, line, 18);
	rpad(fp, "\xce\xb2", 7);
	rpad(fp, "LMG %", 7);
	rpad(fp, M(DM_STATED), 12);
	rpad(fp, M(DM_RANKS), 11);
	fputc('\n', fp);
}

/* Coefficients, beta, LMG share and stated importance per dimension. */
static void
pretty_drivers(FILE *fp, const sq_drvresult *r, const sq_instrument *ins,
    int lang)
{
	const sq_drvmodel *mp = &r->model[SQ_DRV_SERVPERF];
	char a[64], b[64], line[256];
	size_t d, nd = r->ndims;
	int ts, td;

	drivers_head(fp, lang);
	for (d = 0; d < nd; d++) {
		lpad(fp, dname(ins, d, lang), 24);
		coef_cell(fp, &r->model[SQ_DRV_SERVQUAL], d);
		coef_cell(fp, mp, d);
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
	if (ts < 0) {
		fprintf(fp, "%s.\n", M(DM_NOWEIGHTS));
		return;
	}
	fnum(a, sizeof(a), r->spearman, 2);
	fill(fp, M(DM_RHO), a, NULL, NULL);
	if (td >= 0 && td != ts)
		fill(fp, M(DM_SAY), dname(ins, (size_t)ts, lang),
		    dname(ins, (size_t)td, lang), NULL);
	else if (td >= 0)
		fill(fp, M(DM_NOW), dname(ins, (size_t)ts, lang), NULL, NULL);
}

/* The importance-performance quadrants. */
static void
pretty_ipa(FILE *fp, const sq_drvresult *r, const sq_instrument *ins,
    int lang)
{
	char a[64], b[64], line[256];
	size_t d;

	fputc('\n', fp);
	fill(fp, M(DM_IPA), r->source == SQ_IMP_STATED ? M(DM_STATEDSRC) :
	    M(DM_DERIVEDSRC), M(DM_RULE0 + r->rule), NULL);
	lpad(fp, M(DM_DIM), 24);
	rpad(fp, M(DM_IMP), 12);
	rpad(fp, M(DM_PERF), 13);
	snprintf(line, sizeof(line), lang ? "IC %g%%" : "%g%% CI",
	    r->conf * 100);
	rpad(fp, line, 16);
	fputs("  ", fp);
	fputs(M(DM_QUAD), fp);
	fputc('\n', fp);
	for (d = 0; d < r->ndims; d++) {
		lpad(fp, dname(ins, d, lang), 24);
		fnum(a, sizeof(a), r->importance[d], 1);
		rpad(fp, a, 12);
		fnum(a, sizeof(a), r->perf[d], 2);
		rpad(fp, a, 13);
		ci_cell(fp, r->perf_lo[d], r->perf_hi[d], lang, 16);
		fputs("  ", fp);
		fputs(r->quadrant[d] >= 0 ? M(DM_Q0 + r->quadrant[d]) :
		    "\xe2\x80\x93", fp);
		fputc('\n', fp);
	}
	fnum(a, sizeof(a), r->icross, 1);
	fnum(b, sizeof(b), r->pcross, 2);
	fill(fp, M(DM_CROSS), a, b, NULL);
}

/* The targets' heading. */
static void
targets_head(FILE *fp, const sq_drvresult *r, int lang)
{
	char a[64];

	fputc('\n', fp);
	snprintf(a, sizeof(a), "%g%%", r->conf * 100);
	fill(fp, M(DM_TARGETS), a, NULL, NULL);
	if (r->by_segment)
		lpad(fp, M(DM_SEG), 14);
	lpad(fp, M(DM_DIM), 22);
	rpad(fp, M(DM_TARGET), 8);
	rpad(fp, "n", 7);
	rpad(fp, M(DM_MEAN), 8);
	rpad(fp, lang ? "IC" : "CI", 16);
	rpad(fp, "p", 8);
	fputs("  ", fp);
	fputs(M(DM_VERDICT), fp);
	fputc('\n', fp);
}

/* Each target tested, with its verdict. */
static void
pretty_targets(FILE *fp, const sq_drvresult *r, const sq_instrument *ins,
    int lang)
{
	char a[64], line[256];
	size_t i;

	targets_head(fp, r, lang);
	for (i = 0; i < r->ntarget; i++) {
		const sq_drvtarget *g = &r->target[i];

		if (r->by_segment)
			lpad(fp, g->seg < 0 && lang ? "todos" :
			    sq_drv_seg_name(r, g->seg), 14);
		snprintf(line, sizeof(line), "%s%s", g->block == SQ_DRV_G ?
		    "G: " : "", dname(ins, (size_t)g->dim, lang));
		lpad(fp, line, 22);
		fnum(a, sizeof(a), g->target, 2);
		rpad(fp, a, 8);
		fnum(a, sizeof(a), g->n, 0);
		rpad(fp, a, 7);
		fnum(a, sizeof(a), g->mean, 2);
		rpad(fp, a, 8);
		ci_cell(fp, g->ci_low, g->ci_high, lang, 16);
		fp_(a, sizeof(a), g->p);
		rpad(fp, a, 8);
		fputs("  ", fp);
		fputs(M(DM_MET + g->verdict), fp);
		fputc('\n', fp);
	}
}

int
sq_drivers_pretty(const sq_drvresult *r, const sq_instrument *ins,
    const char *outcome, int lang, FILE *fp)
{
	char a[64];

	lang = lang == SQ_LANG_ES;
	snprintf(a, sizeof(a), "%.0f", r->respondents);
	fill(fp, M(DM_TITLE), outcome, a, NULL);
	fputc('\n', fp);
	pretty_models(fp, r, lang);
	pretty_drivers(fp, r, ins, lang);
	pretty_ipa(fp, r, ins, lang);
	if (r->ntarget > 0)
		pretty_targets(fp, r, ins, lang);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
