/*
 * The radar chart: expectation (dashed) and perception (solid) means per
 * dimension as polygons on spokes, P alone for SERVPERF, with ring values
 * kept clear of the lines and dimension names outside the rings.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

static void
polygon(struct ctx *c, const double *v, size_t n, const sq_scale *rs,
    double cx, double cy)
{
	size_t k;
	double x, y;

	for (k = 0; k < n; k++) {
		sq_polar(cx, cy, sq_scale_map(rs, v[k]), k, n, &x, &y);
		if (k == 0)
			cairo_move_to(c->cr, x, y);
		else
			cairo_line_to(c->cr, x, y);
	}
	cairo_close_path(c->cr);
}

/*
 * Whether the edge of polygon v (n spokes around cx, cy) from spoke 0 to
 * spoke 1, or its vertex on spoke 0, passes through the box
 * [x0, x1] x [y0, y1].
 */
static int
crosses(const sq_scale *rs, const double *v, size_t n, double cx, double cy,
    double x0, double x1, double y0, double y1)
{
	double ax, ay, bx, by, ya, yb;

	sq_polar(cx, cy, sq_scale_map(rs, v[0]), 0, n, &ax, &ay);
	sq_polar(cx, cy, sq_scale_map(rs, v[1]), 1, n, &bx, &by);
	if (!(bx > ax + 1e-9))
		return ay >= y0 - 4 && ay <= y1 + 4;
	ya = ay + (x0 - ax) * (by - ay) / (bx - ax);
	yb = ay + (x1 - ax) * (by - ay) / (bx - ax);
	if (x0 > bx)
		return 0;
	return fmax(ya, yb) >= y0 - 1 && fmin(ya, yb) <= y1 + 1;
}

int
sqc_draw_radar(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, k, i;
	struct legend_item li[2];
	double e[SQ_MAX_DIMS], p[SQ_MAX_DIMS], cx, cy, R, labw = 110;
	double col[3], x, y, dash[] = { 5, 3 };
	char note[256], lo_s[32], hi_s[32], num[32];
	sq_ticks t;
	sq_scale rs;
	int dec;

	if (nd < 3)
		return SQ_EDATA;
	sqc_title_block(c);
	li[0] = (struct legend_item){ sqc_msg(c, M_EXP), { 0 }, 2 };
	sq_palette(2, li[0].color);
	li[1] = (struct legend_item){ sqc_msg(c, M_PERC), { 0 }, 1 };
	sq_palette(5, li[1].color);
	/* P alone (SERVPERF): no E polygon */
	sqc_legend(c, NULL, li + (d->perf != 0), d->perf ? 1 : 2, MARGIN,
	    c->W - 2 * MARGIN);
	sqc_fmt_g(c, ins->min, lo_s, sizeof(lo_s));
	sqc_fmt_g(c, ins->max, hi_s, sizeof(hi_s));
	sqc_fill(c, M_RADIAL, note, sizeof(note), lo_s, hi_s);
	sqc_notes(c, note);
	cx = c->W / 2;
	cy = (c->top + c->bottom) / 2;
	R = (c->bottom - c->top) / 2 - 2 * sqc_lh(FS_LABEL) - 6;
	if ((c->W - 2 * MARGIN) / 2 - labw - 8 < R)
		R = (c->W - 2 * MARGIN) / 2 - labw - 8;
	if (R < 40)
		return SQ_ELIMIT;
	if (sq_nice_ticks(ins->min, ins->max, 6, &t) != SQ_OK)
		return SQ_ENUMERIC;
	rs = (sq_scale){ ins->min, ins->max, 0, R };
	dec = sq_tick_decimals(t.step);
	/* Rings and spokes. */
	cairo_set_line_width(c->cr, 0.6);
	for (i = 0; i < t.n; i++) {
		double v = sq_tick(&t, i), ring[SQ_MAX_DIMS];

		if (v < ins->min || v > ins->max)
			continue;
		for (k = 0; k < nd; k++)
			ring[k] = v;
		sqc_grey(c, 0.85);
		polygon(c, ring, nd, &rs, cx, cy);
		cairo_stroke(c->cr);
	}
	for (k = 0; k < nd; k++) {
		sq_polar(cx, cy, R, k, nd, &x, &y);
		sqc_grey(c, 0.8);
		cairo_move_to(c->cr, cx, cy);
		cairo_line_to(c->cr, x, y);
		cairo_stroke(c->cr);
	}
	for (k = 0; k < nd; k++) {
		e[k] = isnan(d->dim[k].mean_e) ? ins->min : d->dim[k].mean_e;
		p[k] = isnan(d->dim[k].mean_p) ? ins->min : d->dim[k].mean_p;
	}
	/* E dashed, P solid; light fills so both stay visible. */
	sq_palette(2, col);
	cairo_set_line_width(c->cr, 2);
	if (!d->perf) {
		cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.12);
		polygon(c, e, nd, &rs, cx, cy);
		cairo_fill_preserve(c->cr);
		sqc_rgb(c, col);
		cairo_set_dash(c->cr, dash, 2, 0);
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
	}
	sq_palette(5, col);
	cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.15);
	polygon(c, p, nd, &rs, cx, cy);
	cairo_fill_preserve(c->cr);
	sqc_rgb(c, col);
	cairo_stroke(c->cr);
	for (k = 0; k < nd; k++) {
		sq_palette(2, col);
		sqc_rgb(c, col);
		sq_polar(cx, cy, sq_scale_map(&rs, e[k]), k, nd, &x, &y);
		if (!d->perf)
			cairo_arc(c->cr, x, y, 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
		sq_palette(5, col);
		sqc_rgb(c, col);
		sq_polar(cx, cy, sq_scale_map(&rs, p[k]), k, nd, &x, &y);
		cairo_arc(c->cr, x, y, 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
	}
	/* Ring values along the first spoke, on a white halo. */
	sqc_set_font(c, FS_TICK, 0);
	for (i = 0; i < t.n; i++) {
		double v = sq_tick(&t, i);

		if (v < ins->min || v > ins->max)
			continue;
		sqc_fmt_num(c, v, dec, num, sizeof(num));
		y = cy - sq_scale_map(&rs, v);
		/* The E and P lines keep clear of the ring values: a value
		   their first edge would cross is left out (its ring stays). */
		if (crosses(&rs, e, nd, cx, cy, cx + 5, cx + 7 +
		    sqc_text_w(c, num), y - FS_TICK * 0.7, y + FS_TICK * 0.7) ||
		    crosses(&rs, p, nd, cx, cy, cx + 5, cx + 7 +
		    sqc_text_w(c, num), y - FS_TICK * 0.7, y + FS_TICK * 0.7))
			continue;
		cairo_set_source_rgba(c->cr, 1, 1, 1, 0.8);
		cairo_rectangle(c->cr, cx + 5, y - FS_TICK * 0.6,
		    sqc_text_w(c, num) + 2, FS_TICK * 1.2);
		cairo_fill(c->cr);
		sqc_grey(c, 0.35);
		sqc_text(c, cx + 6, y + FS_TICK * 0.35, num, 0);
	}
	/* Dimension names outside the rings, with the two means. */
	for (k = 0; k < nd; k++) {
		double sx, sy, al, va, a = 2 * M_PI * (double)k / (double)nd;
		char lab[128], me[32], mp[32];
		const char *name = sqc_dim_name(c, k);

		sq_polar(cx, cy, R + 10, k, nd, &x, &y);
		sx = sin(a);
		sy = cos(a);
		al = fabs(sx) < 0.2 ? 0.5 : sx > 0 ? 0 : 1;
		va = sy > 0.2 ? 1 : sy < -0.2 ? 0 : 0.5;
		sqc_fmt_num(c, d->dim[k].mean_e, 2, me, sizeof(me));
		sqc_fmt_num(c, d->dim[k].mean_p, 2, mp, sizeof(mp));
		sqc_set_font(c, FS_LABEL, 1);
		sqc_grey(c, 0.1);
		{
			double h1 = sqc_wrapped(c, name, x, 0, labw, FS_LABEL,
			    al, 0,
			    1);
			double h = h1 + sqc_lh(FS_TICK);

			sqc_wrapped(c, name, x, y - h * va, labw, FS_LABEL, al,
			    0, 0);
			sqc_set_font(c, FS_TICK, 0);
			sqc_grey(c, 0.3);
			if (d->perf)
				snprintf(lab, sizeof(lab), "P %s", mp);
			else
				snprintf(lab, sizeof(lab), "E %s \u00b7 P %s",
				    me, mp);
			sqc_text(c, x, y - h * va + h1 + FS_TICK, lab, al);
		}
	}
	if (frame) {
		frame->plot = (sq_rect){ cx - R, cy - R, 2 * R, 2 * R };
		frame->value = rs;
		frame->horizontal = 0;
	}
	return SQ_OK;
}
