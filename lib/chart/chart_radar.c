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

/*
 * Whether the edge of polygon v from spoke 0 to spoke 1, or its vertex on
 * spoke 0, passes through the box [x0, x1] x [y0, y1].
 */
static int
crosses(const sqc_polar *p, const double *v, double x0, double x1,
    double y0, double y1)
{
	double ax, ay, bx, by, ya, yb;

	sqc_polar_point(p, 0, v[0], &ax, &ay);
	sqc_polar_point(p, 1, v[1], &bx, &by);
	if (!(bx > ax + 1e-9))
		return ay >= y0 - 4 && ay <= y1 + 4;
	ya = ay + (x0 - ax) * (by - ay) / (bx - ax);
	yb = ay + (x1 - ax) * (by - ay) / (bx - ax);
	if (x0 > bx)
		return 0;
	return fmax(ya, yb) >= y0 - 1 && fmin(ya, yb) <= y1 + 1;
}

/* Ring values along the first spoke, on a white halo, where neither
 * the E nor the P line crosses them (the ring itself stays). */
static void
ring_values(struct ctx *c, const sqc_polar *pl, const double *e,
    const double *p)
{
	double v, y, w, cx = pl->cx;
	char num[32];
	size_t i;

	sqc_set_font(c, FS_TICK, 0);
	for (i = 0; i < pl->t.n; i++) {
		if (!sqc_polar_ring(pl, i, &v))
			continue;
		sqc_fmt_num(c, v, pl->dec, num, sizeof(num));
		y = pl->cy - sq_scale_map(&pl->rs, v);
		w = sqc_text_w(c, num);
		if (crosses(pl, e, cx + 5, cx + 7 + w, y - FS_TICK * 0.7,
		    y + FS_TICK * 0.7) || crosses(pl, p, cx + 5, cx + 7 + w,
		    y - FS_TICK * 0.7, y + FS_TICK * 0.7))
			continue;
		cairo_set_source_rgba(c->cr, 1, 1, 1, 0.8);
		cairo_rectangle(c->cr, cx + 5, y - FS_TICK * 0.6,
		    sqc_text_w(c, num) + 2, FS_TICK * 1.2);
		cairo_fill(c->cr);
		sqc_grey(c, 0.35);
		sqc_text(c, cx + 6, y + FS_TICK * 0.35, num, 0);
	}
}

/* E dashed, P solid; light fills so both stay visible; a dot per mean. */
static void
polygons(struct ctx *c, const sqc_polar *pl, const double *e,
    const double *p, int perf)
{
	double col[3], x, y, dash[] = { 5, 3 };
	size_t k;

	sq_palette(2, col);
	cairo_set_line_width(c->cr, 2);
	if (!perf) {
		cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.12);
		sqc_polar_path(c, pl, e);
		cairo_fill_preserve(c->cr);
		sqc_rgb(c, col);
		cairo_set_dash(c->cr, dash, 2, 0);
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
	}
	sq_palette(5, col);
	cairo_set_source_rgba(c->cr, col[0], col[1], col[2], 0.15);
	sqc_polar_path(c, pl, p);
	cairo_fill_preserve(c->cr);
	sqc_rgb(c, col);
	cairo_stroke(c->cr);
	for (k = 0; k < pl->n; k++) {
		sq_palette(2, col);
		sqc_rgb(c, col);
		sqc_polar_point(pl, k, e[k], &x, &y);
		if (!perf)
			cairo_arc(c->cr, x, y, 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
		sq_palette(5, col);
		sqc_rgb(c, col);
		sqc_polar_point(pl, k, p[k], &x, &y);
		cairo_arc(c->cr, x, y, 3, 0, 2 * M_PI);
		cairo_fill(c->cr);
	}
}

int
sqc_draw_radar(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, k;
	struct legend_item li[2];
	double e[SQ_MAX_DIMS], p[SQ_MAX_DIMS];
	char note[256], lo_s[32], hi_s[32], lab[128], me[32], mp[32];
	sqc_polar pl;
	int rc;

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
	if ((rc = sqc_polar_layout(c, ins->min, ins->max, 6, nd, 110, &pl)) !=
	    SQ_OK)
		return rc;
	sqc_polar_grid(c, &pl);
	for (k = 0; k < nd; k++) {
		e[k] = isnan(d->dim[k].mean_e) ? ins->min : d->dim[k].mean_e;
		p[k] = isnan(d->dim[k].mean_p) ? ins->min : d->dim[k].mean_p;
	}
	polygons(c, &pl, e, p, d->perf);
	ring_values(c, &pl, e, p);
	/* Dimension names outside the rings, with the two means. */
	for (k = 0; k < nd; k++) {
		sqc_fmt_num(c, d->dim[k].mean_e, 2, me, sizeof(me));
		sqc_fmt_num(c, d->dim[k].mean_p, 2, mp, sizeof(mp));
		if (d->perf)
			snprintf(lab, sizeof(lab), "P %s", mp);
		else
			snprintf(lab, sizeof(lab), "E %s \u00b7 P %s", me, mp);
		sqc_polar_name(c, &pl, k, sqc_dim_name(c, k), lab);
	}
	sqc_polar_frame(frame, &pl);
	return SQ_OK;
}
