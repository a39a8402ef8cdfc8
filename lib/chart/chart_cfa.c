/*
 * The cfa chart: a path diagram of the confirmatory factor model. Items
 * (boxes, instrument order) on the right, their factors (ellipses) in the
 * middle, an arrow from each factor to its items labelled with the
 * standardized loading, the factor correlations on arcs to the left of
 * the factors, the fit indices in the note. Drawn from sq-cfa's long
 * table or fitted from an export; the factors, items and their codes come
 * from the data, never from the built-in instrument (which only lends an
 * item's wording when it has the same number on the same dimension).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/cfa.h"
#include "servqual/covacc.h"
#include "servqual/chart.h"
#include "chart_int.h"

#define ROW_H		17.0	/* one item */
#define GROUP_GAP	9.0	/* between factors */
#define ARC_STEP	34.0	/* nesting of the correlation arcs */
#define ELL_W		64.0
#define ELL_H		30.0
#define BOX_W		44.0

void
sq_cfachart_free(sq_cfachart *g)
{
	if (g == NULL)
		return;
	free(g->code);
	free(g->number);
	free(g->factor);
	free(g->std);
	free(g->cor);
	free(g);
}

static int
cfachart_new(sq_cfachart **out)
{
	sq_cfachart *g = calloc(1, sizeof(*g));

	*out = g;
	if (g == NULL)
		return SQ_ENOMEM;
	g->chisq = g->df = g->pval = g->cfi = g->tli = g->rmsea =
	    g->rmsea_lo = g->rmsea_hi = g->srmr = g->n = NAN;
	g->block = 'P';
	return SQ_OK;
}

int
sq_cfa_layout(const int *factor, size_t ni, size_t nf, double top,
    double *item_y, double *factor_y, double *height)
{
	size_t i, f, *cnt;
	double y = top;

	if ((cnt = calloc(nf ? nf : 1, sizeof(size_t))) == NULL)
		return SQ_ENOMEM;
	for (f = 0; f < nf; f++)
		factor_y[f] = 0;
	for (i = 0; i < ni; i++) {
		if (i > 0 && factor[i] != factor[i - 1])
			y += GROUP_GAP;
		item_y[i] = y + ROW_H / 2;
		factor_y[factor[i]] += item_y[i];
		cnt[factor[i]]++;
		y += ROW_H;
	}
	for (f = 0; f < nf; f++)
		factor_y[f] = cnt[f] ? factor_y[f] / (double)cnt[f] : NAN;
	*height = y - top;
	free(cnt);
	return SQ_OK;
}

double
sq_cfa_arc_bulge(size_t a, size_t b, size_t nf, double room)
{
	double step = nf > 1 ? fmin(ARC_STEP, room / (double)(nf - 1)) : 0;
	size_t d = a > b ? a - b : b - a;

	return step * (double)d;
}

/* ---- from sq-cfa's table ---- */

static int
code_index(sq_cfachart *g, const char *code, int add)
{
	char (*nc)[SQ_CODE_LEN];
	size_t f;

	for (f = 0; f < g->nf; f++)
		if (strcmp(g->code[f], code) == 0)
			return (int)f;
	if (!add || g->nf >= SQ_MAX_DIMS)
		return -1;
	if ((nc = realloc(g->code, (g->nf + 1) * sizeof(*nc))) == NULL)
		return -2;
	g->code = nc;
	snprintf(g->code[g->nf], SQ_CODE_LEN, "%s", code);
	return (int)g->nf++;
}

int
sqc_cfa_add(sq_chartdata *d, const char *sec, const char *key,
    const char *dim, const char *item, const char *dim2, const char *value,
    const char *name, unsigned long line, sq_error *err)
{
	sq_cfachart *g;
	double v;
	char *end;
	int f, f2;

	if (d->cfa == NULL && cfachart_new(&d->cfa) != SQ_OK)
		return SQ_ENOMEM;
	g = d->cfa;
	if (strcmp(sec, "sample") == 0 && strcmp(key, "block") == 0) {
		g->block = value[0] ? value[0] : 'P';
		return SQ_OK;
	}
	if (strcmp(sec, "htmt") == 0 && strcmp(key, "verdict") == 0)
		return SQ_OK;
	if (strcmp(sec, "model") == 0 && strcmp(key, "parameterization") == 0)
		return SQ_OK;
	if (strcmp(sec, "sample") == 0 && strcmp(key, "missing_data") == 0)
		return SQ_OK;
	if (*value == '\0' || strcmp(value, "NaN") == 0 ||
	    strcmp(value, "nan") == 0 || strcmp(value, "null") == 0)
		v = NAN;
	else {
		v = strtod(value, &end);
		if (end == value || *end != '\0')
			return sq_error_set(err, SQ_EDATA, name, line, 6,
			    "value", "\"%s\" is not a number", value);
		if (!isfinite(v))
			return sq_error_set(err, SQ_EDATA, name, line, 6,
			    "value", "\"%s\" is not a finite number", value);
	}
	/*
	 * Figures whose range is known: a standardized loading or factor
	 * correlation a little beyond 1 is a Heywood case, drawn; beyond 10
	 * it is no estimate. p in [0,1]; counts and misfit non-negative.
	 */
	if (!isnan(v)) {
		int std = (strcmp(sec, "loading") == 0 ||
		    strcmp(sec, "correlation") == 0) && strcmp(key, "std") == 0;
		int prob = strcmp(sec, "fit") == 0 && strcmp(key, "p") == 0;
		int nonneg = (strcmp(sec, "fit") == 0 &&
		    (strcmp(key, "chisq") == 0 || strcmp(key, "df") == 0 ||
		    strcmp(key, "rmsea") == 0 ||
		    strcmp(key, "rmsea_ci_low") == 0 ||
		    strcmp(key, "rmsea_ci_high") == 0 ||
		    strcmp(key, "srmr") == 0)) || (strcmp(sec, "sample") == 0 &&
		    (strcmp(key, "n") == 0 || strcmp(key, "rows") == 0));

		if ((std && fabs(v) > 10) || (prob && !(v >= 0 && v <= 1)) ||
		    (nonneg && v < 0))
			return sq_error_set(err, SQ_EDATA, name, line, 6,
			    "value", "%s %s is %s, which no fitted model "
			    "gives", sec, key, value);
	}
	if (strcmp(sec, "sample") == 0 && strcmp(key, "rows") == 0)
		d->respondents = v;
	else if (strcmp(sec, "sample") == 0 && strcmp(key, "n") == 0)
		g->n = v;
	else if (strcmp(sec, "fit") == 0) {
		if (strcmp(key, "chisq") == 0)
			g->chisq = v;
		else if (strcmp(key, "df") == 0)
			g->df = v;
		else if (strcmp(key, "p") == 0)
			g->pval = v;
		else if (strcmp(key, "cfi") == 0)
			g->cfi = v;
		else if (strcmp(key, "tli") == 0)
			g->tli = v;
		else if (strcmp(key, "rmsea") == 0)
			g->rmsea = v;
		else if (strcmp(key, "rmsea_ci_low") == 0)
			g->rmsea_lo = v;
		else if (strcmp(key, "rmsea_ci_high") == 0)
			g->rmsea_hi = v;
		else if (strcmp(key, "srmr") == 0)
			g->srmr = v;
		else if (strcmp(key, "converged") == 0)
			g->not_converged = v == 0;
	} else if (strcmp(sec, "loading") == 0 && strcmp(key, "std") == 0) {
		size_t n = g->ni + 1;
		int *nn, *nf;
		double *ns, it;

		/* items come grouped by factor, in instrument order */
		f = code_index(g, dim, 0);
		if (f >= 0 && g->factor[g->ni - 1] != f)
			return sq_error_set(err, SQ_EDATA, name, line, 3,
			    "dimension", "the items of %s are not together",
			    dim);
		if (f < 0 && (f = code_index(g, dim, 1)) == -2)
			return SQ_ENOMEM;
		if (f < 0)
			return sq_error_set(err, SQ_ELIMIT, name, line, 3,
			    "dimension", "more than %d dimensions", SQ_MAX_DIMS);
		it = strtod(item, &end);
		if (f < 0 || end == item || *end != '\0' || it != floor(it) ||
		    fabs(it) > 1e6 || g->ni >= SQ_MAX_ITEMS)
			return sq_error_set(err, SQ_EDATA, name, line, 4, "item",
			    "\"%s\" is not an item number (or more than %d "
			    "items)", item, SQ_MAX_ITEMS);
		n = g->ni + 1;
		nn = realloc(g->number, n * sizeof(int));
		if (nn != NULL)
			g->number = nn;
		nf = realloc(g->factor, n * sizeof(int));
		if (nf != NULL)
			g->factor = nf;
		ns = realloc(g->std, n * sizeof(double));
		if (ns != NULL)
			g->std = ns;
		if (nn == NULL || nf == NULL || ns == NULL)
			return SQ_ENOMEM;
		g->number[g->ni] = (int)it;
		g->factor[g->ni] = f;
		g->std[g->ni] = v;
		g->ni = n;
	} else if (strcmp(sec, "correlation") == 0 &&
	    strcmp(key, "std") == 0) {
		if ((f = code_index(g, dim, 0)) < 0 ||
		    (f2 = code_index(g, dim2, 0)) < 0)
			return sq_error_set(err, SQ_EDATA, name, line, 3,
			    "dimension", "a correlation of %s and %s, which "
			    "have no loadings", dim, dim2);
		if (g->cor == NULL) {
			size_t m = SQ_MAX_DIMS, k;

			if ((g->cor = malloc(m * m * sizeof(double))) == NULL)
				return SQ_ENOMEM;
			for (k = 0; k < m * m; k++)
				g->cor[k] = NAN;
		}
		g->cor[f * SQ_MAX_DIMS + f2] = g->cor[f2 * SQ_MAX_DIMS + f] = v;
	}
	return SQ_OK;
}

int
sqc_cfa_finish(sq_chartdata *d, const char *name, sq_error *err)
{
	sq_cfachart *g = d->cfa;

	if (g == NULL || g->ni == 0)
		return sq_error_set(err, SQ_EDATA, name, 0, 0, "",
		    "the table has no standardized loadings (section loading, "
		    "key std)");
	{
		size_t i;

		for (i = 0; i < g->ni && isnan(g->std[i]); i++)
			;
		if (i == g->ni)
			return sq_error_set(err, SQ_EDATA, name, 0, 0, "",
			    "every standardized loading is NaN: the model "
			    "was not estimated, there is nothing to draw");
	}
	d->cases = g->n;
	return SQ_OK;
}

/* ---- from an export ---- */

int
sqc_cfa_fit(sq_chartdata *d, const sq_covacc *cov, int block,
    const char *name, sq_error *err)
{
	const sq_instrument *ins = d->ins;
	size_t p = ins->nitems, i, k, dm, m = 0;
	int fidx[SQ_MAX_DIMS], *dim = NULL, rc = SQ_ENOMEM;
	double *S = NULL, n = sq_covacc_n(cov);
	sq_cfachart *g = NULL;
	sq_cfa *fit = NULL;

	for (dm = 0; dm < ins->ndims; dm++) {
		fidx[dm] = -1;
		if ((k = sq_instrument_dim_items(ins, (int)dm)) == 0)
			continue;
		if (k < 2)
			return sq_error_set(err, SQ_EDATA, name, 0, 0, "",
			    "dimension %s has 1 item; a factor needs at least "
			    "2", ins->dims[dm].code);
		fidx[dm] = (int)m++;
	}
	if (n < (double)p + 1)
		return sq_error_set(err, SQ_EEMPTY, name, 0, 0, "",
		    "%.0f complete respondents for %zu items; a cfa chart "
		    "needs more", n, p);
	if ((S = malloc(p * p * sizeof(double))) == NULL ||
	    (dim = malloc(p * sizeof(int))) == NULL ||
	    cfachart_new(&g) != SQ_OK)
		goto out;
	if ((rc = sq_covacc_cov(cov, S)) != SQ_OK)
		goto out;
	for (i = 0; i < p * p; i++)
		S[i] *= (n - 1) / n;
	for (i = 0; i < p; i++)
		dim[i] = fidx[ins->items[i].dim];
	rc = sq_cfa_fit(S, p, n, dim, m, 0, &fit);
	if (rc != SQ_OK) {
		if (rc != SQ_ENOMEM)
			rc = sq_error_set(err, rc, name, 0, 0, "", "the "
			    "confirmatory factor model cannot be fitted (an "
			    "item that does not vary, or a singular "
			    "covariance matrix)");
		goto out;
	}
	rc = SQ_ENOMEM;
	g->code = calloc(m, sizeof(*g->code));
	g->number = malloc(p * sizeof(int));
	g->factor = malloc(p * sizeof(int));
	g->std = malloc(p * sizeof(double));
	g->cor = malloc(SQ_MAX_DIMS * SQ_MAX_DIMS * sizeof(double));
	if (!g->code || !g->number || !g->factor || !g->std || !g->cor)
		goto out;
	for (dm = 0; dm < ins->ndims; dm++)
		if (fidx[dm] >= 0)
			snprintf(g->code[fidx[dm]], SQ_CODE_LEN, "%s",
			    ins->dims[dm].code);
	g->nf = m;
	/* items grouped by factor, each group in instrument order */
	for (g->ni = 0, k = 0; k < m; k++)
		for (i = 0; i < p; i++)
			if (dim[i] == (int)k) {
				g->number[g->ni] = ins->items[i].number;
				g->factor[g->ni] = (int)k;
				g->std[g->ni++] = fit->lambda_std[i];
			}
	for (i = 0; i < m; i++)
		for (k = 0; k < m; k++)
			g->cor[i * SQ_MAX_DIMS + k] = fit->phi_cor[i * m + k];
	g->block = block == SQ_BLOCK_E ? 'E' : block == SQ_BLOCK_G ? 'G' : 'P';
	g->n = n;
	g->chisq = fit->chisq;
	g->df = fit->df;
	g->pval = fit->pval;
	g->cfi = fit->cfi;
	g->tli = fit->tli;
	g->rmsea = fit->rmsea;
	g->rmsea_lo = fit->rmsea_lo;
	g->rmsea_hi = fit->rmsea_hi;
	g->srmr = fit->srmr;
	g->not_converged = !fit->converged;
	d->cases = n;
	d->cfa = g;
	g = NULL;
	rc = SQ_OK;
out:
	sq_cfa_free(fit);
	sq_cfachart_free(g);
	free(S);
	free(dim);
	return rc;
}

/* ---- drawing ---- */

const char *
sqc_cfa_title(int lang)
{
	return lang == SQ_LANG_ES ? "An\xc3\xa1lisis factorial confirmatorio" :
	    "Confirmatory factor analysis";
}

/* The instrument's wording of item number on dimension code, or NULL. */
static const char *
wording(const struct ctx *c, int number, const char *code)
{
	const sq_instrument *ins = c->d->ins;
	int i = sq_instrument_item(ins, number);

	if (i < 0 || strcmp(ins->dims[ins->items[i].dim].code, code) != 0 ||
	    ins->items[i].wording[c->lang][0] == '\0')
		return NULL;
	return ins->items[i].wording[c->lang];
}

static void
fit_note(const struct ctx *c, const sq_cfachart *g, char *buf, size_t len)
{
	char chi[32], p[32], cfi[32], tli[32], rm[32], lo[32], hi[32],
	    sr[32];
	int es = c->lang == SQ_LANG_ES;

	sqc_fmt_num(c, g->chisq, 1, chi, sizeof(chi));
	if (g->pval < 0.001)
		snprintf(p, sizeof(p), "< %s", es ? "0,001" : "0.001");
	else
		sqc_fmt_num(c, g->pval, 3, p, sizeof(p));
	sqc_fmt_num(c, g->cfi, 3, cfi, sizeof(cfi));
	sqc_fmt_num(c, g->tli, 3, tli, sizeof(tli));
	sqc_fmt_num(c, g->rmsea, 3, rm, sizeof(rm));
	sqc_fmt_num(c, g->rmsea_lo, 3, lo, sizeof(lo));
	sqc_fmt_num(c, g->rmsea_hi, 3, hi, sizeof(hi));
	sqc_fmt_num(c, g->srmr, 3, sr, sizeof(sr));
	snprintf(buf, len, es ?
	    "\xcf\x87\xc2\xb2(%.0f) = %s, p %s%s \xc2\xb7 CFI %s \xc2\xb7 TLI "
	    "%s \xc2\xb7 RMSEA %s [%s, %s] \xc2\xb7 SRMR %s \xc2\xb7 "
	    "n = %.0f (%c, casos completos). Cargas estandarizadas sobre las "
	    "flechas; correlaciones entre factores sobre los arcos (en rojo "
	    "si pasan de 0,85).%s" :
	    "\xcf\x87\xc2\xb2(%.0f) = %s, p %s%s \xc2\xb7 CFI %s \xc2\xb7 TLI "
	    "%s \xc2\xb7 RMSEA %s [%s, %s] \xc2\xb7 SRMR %s \xc2\xb7 "
	    "n = %.0f (%c, listwise). Standardized loadings on the arrows; "
	    "factor correlations on the arcs (red above 0.85).%s",
	    g->df, chi, g->pval < 0.001 ? "" : "= ", p, cfi, tli, rm, lo, hi,
	    sr, g->n, g->block, g->not_converged ? (es ?
	    " EL AJUSTE NO CONVERGI\xc3\x93." : " THE FIT DID NOT CONVERGE.") :
	    "");
}

int
sqc_draw_cfa(struct ctx *c, sq_chart_frame *frame)
{
	const sq_cfachart *g = c->d->cfa;
	double *iy = NULL, *fy = NULL, body, room, xf, xb, xw, col[3], h;
	char note[1024], lab[SQ_WORDING_LEN + 32], num[32];
	size_t i, a, b, nf;
	int rc = SQ_ENOMEM;

	if (g == NULL || g->ni == 0)
		return SQ_EEMPTY;
	nf = g->nf;
	if ((iy = malloc(g->ni * sizeof(double))) == NULL ||
	    (fy = malloc(nf * sizeof(double))) == NULL)
		goto out;
	sqc_title_block(c);
	fit_note(c, g, note, sizeof(note));
	if (sq_cfa_layout(g->factor, g->ni, nf, c->top + 6, iy, fy, &body) !=
	    SQ_OK)
		goto out;
	if (c->H <= 0) {
		/* measuring: as tall as the rows and the note need */
		c->H = c->top + 6 + body + 10 + sqc_notes_h(c, note) +
		    MARGIN + 6;
		rc = SQ_OK;
		goto out;
	}
	sqc_notes(c, note);
	if (c->top + 6 + body > c->bottom + 1) {
		rc = SQ_ELIMIT;
		goto out;
	}
	/* columns: arcs | factors | arrows | item boxes | wording */
	room = fmin(ARC_STEP * (double)(nf > 1 ? nf - 1 : 1), c->W * 0.22);
	xf = MARGIN + room + 22 + ELL_W / 2;
	xb = xf + ELL_W / 2 + fmax(90, c->W * 0.16);
	xw = xb + BOX_W + 8;
	/* correlation arcs, widest first so the near ones sit on top */
	for (a = 0; a < nf && g->cor; a++)
		for (b = a + 1; b < nf; b++) {
			double r = g->cor[a * SQ_MAX_DIMS + b];
			double bul = sq_cfa_arc_bulge(a, b, nf, room);
			double x0 = xf - ELL_W / 2, y0 = fy[a], y1 = fy[b];

			if (isnan(r))
				continue;
			if (fabs(r) > 0.85)
				cairo_set_source_rgb(c->cr, 0.8, 0.15, 0.1);
			else
				sqc_grey(c, 0.55);
			cairo_set_line_width(c->cr, fabs(r) > 0.85 ? 1.6 : 0.8);
			cairo_move_to(c->cr, x0, y0);
			cairo_curve_to(c->cr, x0 - bul * 4 / 3, y0,
			    x0 - bul * 4 / 3, y1, x0, y1);
			cairo_stroke(c->cr);
			sqc_fmt_num(c, r, 2, num, sizeof(num));
			sqc_set_font(c, FS_TICK, fabs(r) > 0.85);
			sqc_halo_text(c, x0 - bul, (y0 + y1) / 2 + FS_TICK / 3,
			    num, 0.5);
		}
	/* arrows and loadings */
	for (i = 0; i < g->ni; i++) {
		size_t f = (size_t)g->factor[i];
		double l = g->std[i], x0 = xf + ELL_W / 2, x1 = xb, y0 = fy[f],
		    y1 = iy[i], ang = atan2(y1 - y0, x1 - x0);

		sqc_dim_color(f, col);
		sqc_rgb(c, col);
		cairo_set_line_width(c->cr, isnan(l) ? 0.5 :
		    0.6 + 1.8 * fmin(fabs(l), 1));
		cairo_move_to(c->cr, x0, y0);
		cairo_line_to(c->cr, x1 - 5 * cos(ang), y1 - 5 * sin(ang));
		cairo_stroke(c->cr);
		cairo_move_to(c->cr, x1, y1);
		cairo_line_to(c->cr, x1 - 7 * cos(ang - 0.4),
		    y1 - 7 * sin(ang - 0.4));
		cairo_line_to(c->cr, x1 - 7 * cos(ang + 0.4),
		    y1 - 7 * sin(ang + 0.4));
		cairo_close_path(c->cr);
		cairo_fill(c->cr);
		sqc_fmt_num(c, l, 2, num, sizeof(num));
		sqc_set_font(c, FS_TICK, 0);
		if (!(fabs(l) <= 1))
			cairo_set_source_rgb(c->cr, 0.8, 0.15, 0.1);
		else
			sqc_grey(c, 0.15);
		sqc_halo_text(c, x0 + (x1 - x0) * 0.72,
		    y0 + (y1 - y0) * 0.72 + FS_TICK / 3, num, 0.5);
	}
	/* item boxes and wording */
	for (i = 0; i < g->ni; i++) {
		const char *wd = wording(c, g->number[i],
		    g->code[g->factor[i]]);

		cairo_set_line_width(c->cr, 0.8);
		cairo_rectangle(c->cr, xb, iy[i] - ROW_H / 2 + 2, BOX_W,
		    ROW_H - 4);
		cairo_set_source_rgb(c->cr, 1, 1, 1);
		cairo_fill_preserve(c->cr);
		sqc_grey(c, 0.3);
		cairo_stroke(c->cr);
		snprintf(lab, sizeof(lab), "%c%d", g->block, g->number[i]);
		sqc_set_font(c, FS_LABEL, 0);
		sqc_grey(c, 0.1);
		sqc_text(c, xb + BOX_W / 2, iy[i] + FS_LABEL / 3, lab, 0.5);
		if (wd != NULL && xw + 40 < c->W - MARGIN) {
			size_t n = strlen(wd);

			sqc_set_font(c, FS_TICK, 0);
			sqc_grey(c, 0.35);
			/* one line: cut at a character boundary to fit */
			while (n > 0 && sqc_measure(c, wd, n) >
			    c->W - MARGIN - xw)
				do
					n--;
				while (n > 0 &&
				    ((unsigned char)wd[n] & 0xc0) == 0x80);
			sqc_text_n(c, xw, iy[i] + FS_TICK / 3, wd, n, 0);
		}
	}
	/* factor ellipses */
	for (a = 0; a < nf; a++) {
		if (isnan(fy[a]))
			continue;
		sqc_dim_color(a, col);
		cairo_new_path(c->cr);
		cairo_save(c->cr);
		cairo_translate(c->cr, xf, fy[a]);
		cairo_scale(c->cr, ELL_W / 2, ELL_H / 2);
		cairo_arc(c->cr, 0, 0, 1, 0, 2 * M_PI);
		cairo_restore(c->cr);
		cairo_set_source_rgb(c->cr, 1, 1, 1);
		cairo_fill_preserve(c->cr);
		sqc_rgb(c, col);
		cairo_set_line_width(c->cr, 1.6);
		cairo_stroke(c->cr);
		sqc_set_font(c, FS_LABEL, 1);
		sqc_grey(c, 0.1);
		sqc_text(c, xf, fy[a] + FS_LABEL / 3, g->code[a], 0.5);
	}
	h = c->top + 6 + body;
	frame->plot.x = MARGIN;
	frame->plot.y = c->top;
	frame->plot.w = c->W - 2 * MARGIN;
	frame->plot.h = h - c->top;
	rc = SQ_OK;
out:
	free(iy);
	free(fy);
	return rc;
}
