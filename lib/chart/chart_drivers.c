/*
 * The charts of sq-drivers: `drivers` (stated against derived importance,
 * side by side per dimension, both models' R^2 in the note) and `ipa`
 * (importance-performance quadrants drawn honestly: importance from 0 on
 * the share scale, performance on the whole answer scale with its
 * confidence intervals, the crosshair rule stated). Their data are
 * gathered in chart_drivers_data.c; the older "dimension importance
 * performance" table still draws an ipa chart (crosshairs at the means).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "servqual/drivers.h"
#include "chart_int.h"

/* Messages of these two charts (chart_kit.c holds the shared ones). */
enum {
	D_T_DRIVERS, D_STATED, D_DERIVED, D_SHARE, D_R2, D_EQUAL, D_IMP_S,
	D_IMP_D, D_IMP_X, D_PERF, D_RULE_MEAN, D_RULE_MEDIAN, D_RULE_SCALE,
	D_WHISK, D_NOSTATED, D_RHO, D_N
};

static const char *const dmsg[D_N][2] = {
	{ "What drives the overall rating: stated vs derived importance",
	  "Qu\xc3\xa9 mueve la valoraci\xc3\xb3n global: importancia "
	  "declarada frente a derivada" },
	{ "Stated (mean of the 100-point weights)",
	  "Declarada (media de los pesos sobre 100)" },
	{ "Derived (share of the SERVPERF R\xc2\xb2, LMG)",
	  "Derivada (cuota del R\xc2\xb2 de SERVPERF, LMG)" },
	{ "Importance (% of the total)", "Importancia (% del total)" },
	{ "R\xc2\xb2 of the rating on the dimension scores: SERVQUAL "
	  "(gaps) %s, SERVPERF (perceptions) %s.",
	  "R\xc2\xb2 de la valoraci\xc3\xb3n sobre las dimensiones: SERVQUAL "
	  "(brechas) %s, SERVPERF (percepciones) %s." },
	{ "Dashed line: equal importance (%s%).",
	  "L\xc3\xadnea discontinua: importancia igual (%s\xc2\xa0%)." },
	{ "Stated importance (mean of the 100-point weights, %)",
	  "Importancia declarada (media de los pesos sobre 100, %)" },
	{ "Derived importance (share of the SERVPERF R\xc2\xb2, %)",
	  "Importancia derivada (cuota del R\xc2\xb2 de SERVPERF, %)" },
	{ "Importance (%)", "Importancia (%)" },
	{ "Performance (mean perception P)",
	  "Desempe\xc3\xb1o (percepci\xc3\xb3n P media)" },
	{ "Crosshairs at the means over the dimensions: importance %s, "
	  "performance %s.",
	  "Las l\xc3\xadneas cruzadas est\xc3\xa1n en las medias de las "
	  "dimensiones: importancia %s, desempe\xc3\xb1o %s." },
	{ "Crosshairs at the medians over the dimensions: importance %s, "
	  "performance %s.",
	  "Las l\xc3\xadneas cruzadas est\xc3\xa1n en las medianas de las "
	  "dimensiones: importancia %s, desempe\xc3\xb1o %s." },
	{ "Crosshairs at equal importance (%s) and the scale midpoint (%s).",
	  "Las l\xc3\xadneas cruzadas est\xc3\xa1n en la importancia igual "
	  "(%s) y el punto medio de la escala (%s)." },
	{ "Whiskers: %s% confidence intervals of the mean perception.",
	  "Bigotes: intervalos de confianza al %s\xc2\xa0% de la "
	  "percepci\xc3\xb3n media." },
	{ "No stated importance: the data have no usable weights.",
	  "Sin importancia declarada: los datos no tienen pesos "
	  "utilizables." },
	{ "Spearman rank correlation of stated and derived: %s.",
	  "Correlaci\xc3\xb3n de rangos de Spearman entre declarada y "
	  "derivada: %s." },
};

static const char *
dm(const struct ctx *c, int id)
{
	return dmsg[id][c->lang == SQ_LANG_ES];
}

/* dmsg id with "%s" replaced by a, then b. */
static void
dfill(const struct ctx *c, int id, char *buf, size_t len, const char *a,
    const char *b)
{
	sqc_fill_t(dm(c, id), buf, len, a, b);
}

/* Append s to buf (len bytes) after a blank. */
static void
cat(char *buf, size_t len, const char *s)
{
	size_t n = strlen(buf);

	if (n > 0 && n + 1 < len)
		buf[n++] = ' ';
	snprintf(buf + n, len - n, "%s", s);
}

const char *
sqc_drivers_title(int lang)
{
	return dmsg[D_T_DRIVERS][lang == SQ_LANG_ES];
}

/* ---- the drivers chart ---- */

int
sqc_draw_drivers(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_chartdrv *v = &d->drv;
	size_t nd = d->ins->ndims, i, j;
	const char *lab[SQ_MAX_DIMS];
	struct legend_item li[2];
	char note[1024], part[512], a[32], b[32];
	double hi = 0, s, w, eq, dash[] = { 4, 3 };
	int stated = 0, rc;
	sqc_panel pl;
	sq_rect r;

	if (nd == 0 || nd > SQ_MAX_DIMS)
		return SQ_EEMPTY;
	for (i = 0; i < nd; i++) {
		lab[i] = sqc_dim_name(c, i);
		if (!isnan(v->stated[i])) {
			stated = 1;
			hi = fmax(hi, v->stated[i]);
		}
		if (!isnan(v->derived[i]))
			hi = fmax(hi, v->derived[i]);
	}
	eq = 100.0 / (double)nd;
	hi = fmax(hi, eq);
	sqc_title_block(c);
	li[0] = (struct legend_item){ dm(c, D_STATED), { 0 }, 0 };
	li[1] = (struct legend_item){ dm(c, D_DERIVED), { 0 }, 0 };
	sq_palette(1, li[0].color);
	sq_palette(5, li[1].color);
	sqc_legend(c, NULL, li, 2, MARGIN, c->W - 2 * MARGIN);
	sqc_fmt_num(c, v->r2[0], 3, a, sizeof(a));
	sqc_fmt_num(c, v->r2[1], 3, b, sizeof(b));
	dfill(c, D_R2, note, sizeof(note), a, b);
	if (stated) {
		sqc_fmt_num(c, v->spearman, 2, a, sizeof(a));
		dfill(c, D_RHO, part, sizeof(part), a, NULL);
	} else
		snprintf(part, sizeof(part), "%s", dm(c, D_NOSTATED));
	cat(note, sizeof(note), part);
	sqc_fmt_num(c, eq, 1, a, sizeof(a));
	dfill(c, D_EQUAL, part, sizeof(part), a, NULL);
	cat(note, sizeof(note), part);
	sqc_notes(c, note);
	if ((rc = sqc_band_panel(c, lab, nd, 0.3, 0.15, 4, 0, hi * 1.05,
	    dm(c, D_SHARE), &pl)) != SQ_OK)
		return rc;
	for (i = 0; i < nd; i++)
		for (j = 0; j < 2; j++) {
			double val = j == 0 ? v->stated[i] : v->derived[i];
			char lbl[32];

			if (isnan(val))
				continue;
			sq_band_sub(&pl.b, i, j, 2, &s, &w);
			sq_bar_rect(&pl.sc, 0, val, s + 0.5, w - 1, 0, &r);
			sqc_rgb(c, li[j].color);
			sqc_fill_rect(c, &r);
			sqc_fmt_num(c, val, 1, lbl, sizeof(lbl));
			sqc_set_font(c, FS_TICK, 0);
			sqc_grey(c, 0.2);
			sqc_text(c, s + w / 2, r.y - 3, lbl, 0.5);
		}
	/* equal importance */
	sqc_grey(c, 0.35);
	cairo_set_line_width(c->cr, 1);
	cairo_set_dash(c->cr, dash, 2, 0);
	cairo_move_to(c->cr, pl.x0, sq_scale_map(&pl.sc, eq));
	cairo_line_to(c->cr, pl.x1, sq_scale_map(&pl.sc, eq));
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	sqc_band_panel_end(c, lab, &pl, frame);
	return SQ_OK;
}

/* ---- the ipa chart ---- */

static int
overlaps(const sq_rect *r, const sq_rect *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r->x < v[i].x + v[i].w && v[i].x < r->x + r->w &&
		    r->y < v[i].y + v[i].h && v[i].y < r->y + r->h)
			return 1;
	return 0;
}

int
sqc_draw_ipa(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_chartdrv *v = &d->drv;
	size_t nd = d->ins->ndims, k, n = 0, nb = 0;
	double ihi = 0, ic, pc, x0, x1, y0, y1, col[3], dash[] = { 4, 3 };
	double smin, smax, plo = INFINITY, phi = -INFINITY;
	char note[1024], part[512], a[32], b[32];
	const char *xt;
	sq_ticks tx, ty;
	sq_scale sx, sy;
	sq_rect boxes[3 * SQ_MAX_DIMS + 4];
	static const int qid[4] = { M_Q0, M_Q1, M_Q2, M_Q3 };
	int rule = v->has ? v->rule : SQ_CROSS_MEAN;

	ic = pc = 0;
	for (k = 0; k < nd; k++) {
		double i = d->importance[k], p = d->performance[k];

		if (isnan(i) || isnan(p))
			continue;
		ic += i;
		pc += p;
		n++;
		ihi = fmax(ihi, i);
		plo = fmin(plo, p);
		phi = fmax(phi, p);
		if (v->has && !isnan(v->perf_lo[k])) {
			plo = fmin(plo, v->perf_lo[k]);
			phi = fmax(phi, v->perf_hi[k]);
		}
	}
	if (n == 0)
		return SQ_EEMPTY;
	ic /= (double)n;
	pc /= (double)n;
	if (v->has && !isnan(v->icross) && !isnan(v->pcross)) {
		ic = v->icross;
		pc = v->pcross;
	}
	/* the whole answer scale, widened if a value lies outside it */
	smin = v->has && !isnan(v->scale_min) ? v->scale_min : d->ins->min;
	smax = v->has && !isnan(v->scale_max) ? v->scale_max : d->ins->max;
	smin = fmin(smin, plo);
	smax = fmax(smax, phi);
	sqc_title_block(c);
	sqc_fmt_num(c, ic, 1, a, sizeof(a));
	sqc_fmt_num(c, pc, 2, b, sizeof(b));
	dfill(c, rule == SQ_CROSS_MEDIAN ? D_RULE_MEDIAN : rule ==
	    SQ_CROSS_SCALE ? D_RULE_SCALE : D_RULE_MEAN, note, sizeof(note),
	    a, b);
	if (v->has && !isnan(v->conf)) {
		sqc_fmt_g(c, v->conf * 100, a, sizeof(a));
		dfill(c, D_WHISK, part, sizeof(part), a, NULL);
		cat(note, sizeof(note), part);
	}
	sqc_notes(c, note);
	xt = !v->has || v->source == SQ_IMP_AUTO ? dm(c, D_IMP_X) :
	    v->source == SQ_IMP_STATED ? dm(c, D_IMP_S) : dm(c, D_IMP_D);
	x0 = MARGIN + 48;
	x1 = c->W - MARGIN - 4;
	y0 = c->top + 4;
	y1 = c->bottom - sqc_xaxis_h();
	if (y1 - y0 < 60 || x1 - x0 < 60)
		return SQ_ELIMIT;
	/* importance from 0; performance over the whole scale */
	/* at least twice the crosshair, so it sits mid-chart or left */
	if (sqc_ticks_fit(c, 0, fmax(ihi * 1.1, 2 * ic), 6, x1 - x0, 1,
	    &tx) != SQ_OK ||
	    sqc_ticks_fit(c, smin, smax, 6, y1 - y0, 0, &ty) != SQ_OK)
		return SQ_ENUMERIC;
	sx = (sq_scale){ tx.lo, tx.hi, x0, x1 };
	sy = (sq_scale){ ty.lo, ty.hi, y1, y0 };
	sqc_xaxis(c, &sx, &tx, y0, y1, xt, 0);
	sqc_yaxis(c, &sy, &ty, x0, x1, dm(c, D_PERF));
	sqc_grey(c, 0.35);
	cairo_set_line_width(c->cr, 1);
	cairo_set_dash(c->cr, dash, 2, 0);
	cairo_move_to(c->cr, sq_scale_map(&sx, ic), y0);
	cairo_line_to(c->cr, sq_scale_map(&sx, ic), y1);
	cairo_move_to(c->cr, x0, sq_scale_map(&sy, pc));
	cairo_line_to(c->cr, x1, sq_scale_map(&sy, pc));
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	sqc_set_font(c, FS_LABEL, 1);
	sqc_grey(c, 0.55);
	for (k = 0; k < 4; k++) {
		const char *q = sqc_msg(c, qid[k]);
		int right = k == SQ_Q_CONCENTRATE || k == SQ_Q_KEEP_UP;
		int top = k == SQ_Q_KEEP_UP || k == SQ_Q_OVERKILL;
		double tx_ = right ? x1 - 6 : x0 + 6;
		double ty_ = top ? y0 + 6 : y1 - 6 - sqc_lh(FS_LABEL);
		double wq = sqc_text_w(c, q);

		sqc_text(c, tx_, ty_ + FS_LABEL, q, right ? 1 : 0);
		boxes[nb++] = (sq_rect){ right ? tx_ - wq : tx_, ty_, wq,
		    sqc_lh(FS_LABEL) };
	}
	for (k = 0; k < nd; k++) {
		double px, py;

		if (isnan(d->importance[k]) || isnan(d->performance[k]))
			continue;
		px = sq_scale_map(&sx, d->importance[k]);
		py = sq_scale_map(&sy, d->performance[k]);
		if (v->has && !isnan(v->perf_lo[k]) &&
		    !isnan(v->perf_hi[k])) {
			double a0 = sq_scale_map(&sy, v->perf_lo[k]);
			double a1 = sq_scale_map(&sy, v->perf_hi[k]);

			sqc_whisker(c, a0, a1, px, 0, 4);
			boxes[nb++] = (sq_rect){ px - 4, fmin(a0, a1), 8,
			    fabs(a1 - a0) };
		}
		sqc_dim_color(k, col);
		sqc_rgb(c, col);
		cairo_arc(c->cr, px, py, 5, 0, 2 * M_PI);
		cairo_fill(c->cr);
		boxes[nb++] = (sq_rect){ px - 5, py - 5, 10, 10 };
	}
	sqc_set_font(c, FS_LABEL, 0);
	for (k = 0; k < nd; k++) {
		static const double off[8][2] = {
			{ 8, -0.5 }, { -8, -0.5 }, { 8, -1.4 }, { 8, 0.4 },
			{ -8, -1.4 }, { -8, 0.4 }, { 0, -1.9 }, { 0, 0.9 }
		};
		double px, py, w, h = sqc_lh(FS_LABEL);
		int j, best = 0;
		sq_rect r = { 0 };

		if (isnan(d->importance[k]) || isnan(d->performance[k]))
			continue;
		px = sq_scale_map(&sx, d->importance[k]);
		py = sq_scale_map(&sy, d->performance[k]);
		w = sqc_text_w(c, sqc_dim_name(c, k));
		for (j = 0; j < 8; j++) {
			double lx = off[j][0] > 0 ? px + off[j][0] :
			    off[j][0] < 0 ? px + off[j][0] - w : px - w / 2;

			r = (sq_rect){ lx, py + off[j][1] * h, w, h };
			if (r.x >= x0 && r.x + r.w <= x1 && r.y >= y0 &&
			    r.y + r.h <= y1 && !overlaps(&r, boxes, nb)) {
				best = j;
				break;
			}
		}
		if (j == 8) {
			double lx = off[best][0] > 0 ? px + off[best][0] :
			    px + off[best][0] - w;

			r = (sq_rect){ fmax(x0, fmin(lx, x1 - w)),
			    py + off[best][1] * h, w, h };
		}
		if (nb < sizeof(boxes) / sizeof(boxes[0]))
			boxes[nb++] = r;
		sqc_grey(c, 0.1);
		sqc_halo_text(c, r.x, r.y + FS_LABEL, sqc_dim_name(c, k), 0);
	}
	sqc_set_frame(frame, x0, y0, x1, y1, &sy, NULL, 0);
	return SQ_OK;
}
