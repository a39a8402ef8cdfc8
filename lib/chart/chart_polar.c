/*
 * The polar frame the radar charts share (chart_radar.c: E and P;
 * chart_zone.c: the zone of tolerance): its layout from the space left
 * between title and notes, the rings and spokes, a polygon of values on
 * the spokes, the names outside the rings, and the frame it reports.
 */
#include <math.h>
#include <stdio.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

int
sqc_polar_layout(struct ctx *c, double lo, double hi, int ticks, size_t n,
    double labw, sqc_polar *p)
{
	p->n = n;
	p->labw = labw;
	p->cx = c->W / 2;
	p->cy = (c->top + c->bottom) / 2;
	p->R = (c->bottom - c->top) / 2 - 2 * sqc_lh(FS_LABEL) - 6;
	if ((c->W - 2 * MARGIN) / 2 - labw - 8 < p->R)
		p->R = (c->W - 2 * MARGIN) / 2 - labw - 8;
	if (p->R < 40)
		return SQ_ELIMIT;
	if (sq_nice_ticks(lo, hi, ticks, &p->t) != SQ_OK)
		return SQ_ENUMERIC;
	p->rs = (sq_scale){ lo, hi, 0, p->R };
	p->dec = sq_tick_decimals(p->t.step);
	return SQ_OK;
}

void
sqc_polar_path(struct ctx *c, const sqc_polar *p, const double *v)
{
	size_t k;
	double x, y;

	for (k = 0; k < p->n; k++) {
		sq_polar(p->cx, p->cy, sq_scale_map(&p->rs, v[k]), k, p->n, &x,
		    &y);
		if (k == 0)
			cairo_move_to(c->cr, x, y);
		else
			cairo_line_to(c->cr, x, y);
	}
	cairo_close_path(c->cr);
}

void
sqc_polar_point(const sqc_polar *p, size_t k, double v, double *x,
    double *y)
{
	sq_polar(p->cx, p->cy, sq_scale_map(&p->rs, v), k, p->n, x, y);
}

int
sqc_polar_ring(const sqc_polar *p, size_t i, double *v)
{
	*v = sq_tick(&p->t, i);
	return !(*v < p->rs.d0 || *v > p->rs.d1);
}

void
sqc_polar_grid(struct ctx *c, const sqc_polar *p)
{
	size_t i, k;
	double x, y;

	cairo_set_line_width(c->cr, 0.6);
	for (i = 0; i < p->t.n; i++) {
		double v, ring[SQ_MAX_DIMS];

		if (!sqc_polar_ring(p, i, &v))
			continue;
		for (k = 0; k < p->n; k++)
			ring[k] = v;
		sqc_grey(c, 0.85);
		sqc_polar_path(c, p, ring);
		cairo_stroke(c->cr);
	}
	for (k = 0; k < p->n; k++) {
		sq_polar(p->cx, p->cy, p->R, k, p->n, &x, &y);
		sqc_grey(c, 0.8);
		cairo_move_to(c->cr, p->cx, p->cy);
		cairo_line_to(c->cr, x, y);
		cairo_stroke(c->cr);
	}
}

void
sqc_polar_name(struct ctx *c, const sqc_polar *p, size_t k,
    const char *name, const char *values)
{
	double x, y, sx, sy, al, va, h1, h;
	double a = 2 * M_PI * (double)k / (double)p->n;

	sq_polar(p->cx, p->cy, p->R + 10, k, p->n, &x, &y);
	sx = sin(a);
	sy = cos(a);
	al = fabs(sx) < 0.2 ? 0.5 : sx > 0 ? 0 : 1;
	va = sy > 0.2 ? 1 : sy < -0.2 ? 0 : 0.5;
	sqc_set_font(c, FS_LABEL, 1);
	sqc_grey(c, 0.1);
	h1 = sqc_wrapped(c, name, x, 0, p->labw, FS_LABEL, al, 0, 1);
	h = h1 + sqc_lh(FS_TICK);
	sqc_wrapped(c, name, x, y - h * va, p->labw, FS_LABEL, al, 0, 0);
	sqc_set_font(c, FS_TICK, 0);
	sqc_grey(c, 0.3);
	sqc_text(c, x, y - h * va + h1 + FS_TICK, values, al);
}

void
sqc_polar_frame(sq_chart_frame *frame, const sqc_polar *p)
{
	if (frame) {
		frame->plot = (sq_rect){ p->cx - p->R, p->cy - p->R, 2 * p->R,
		    2 * p->R };
		frame->value = p->rs;
		frame->horizontal = 0;
	}
}
