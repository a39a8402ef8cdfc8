/*
 * Chart axes: value axes (grid, tick labels, title), ticks that fit
 * their axis, category labels under bands, the band panel the vertical
 * bar charts share (groups, compare, drivers), and the frame a chart
 * reports of its main panel.
 */
#include <math.h>
#include <stdio.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

/*
 * Grid lines across [a0, a1] and tick labels of a value axis: vertical
 * (labels right-aligned left of a0) or horizontal (labels centred below
 * a1, absolute values when absolute).
 */
static void
grid(struct ctx *c, const sq_scale *s, const sq_ticks *t, double a0,
    double a1, int vertical, int absolute)
{
	int dec = sq_tick_decimals(t->step);
	size_t i;
	char buf[64];

	sqc_set_font(c, FS_TICK, 0);
	cairo_set_line_width(c->cr, 0.5);
	for (i = 0; i < t->n; i++) {
		double v = sq_tick(t, i), p = sq_scale_map(s, v);

		sqc_grey(c, v == 0 ? 0.45 : 0.88);
		if (vertical) {
			cairo_move_to(c->cr, a0, p);
			cairo_line_to(c->cr, a1, p);
		} else {
			cairo_move_to(c->cr, p, a0);
			cairo_line_to(c->cr, p, a1);
		}
		cairo_stroke(c->cr);
		sqc_grey(c, 0.3);
		sqc_fmt_num(c, absolute ? fabs(v) : v, dec, buf, sizeof(buf));
		if (vertical)
			sqc_text(c, a0 - 4, p + FS_TICK * 0.35, buf, 1);
		else
			sqc_text(c, p, a1 + 4 + FS_TICK, buf, 0.5);
	}
}

/* Horizontal grid and tick labels of a vertical value axis. */
void
sqc_yaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double x0,
    double x1, const char *title)
{
	grid(c, s, t, x0, x1, 1, 0);
	if (title) {
		double ym = (s->r0 + s->r1) / 2;

		sqc_set_font(c, FS_AXIS, 0);
		sqc_grey(c, 0.2);
		cairo_save(c->cr);
		cairo_translate(c->cr, x0 - 30, ym);
		cairo_rotate(c->cr, -M_PI / 2);
		sqc_text(c, 0, 0, title, 0.5);
		cairo_restore(c->cr);
	}
}

/* Vertical grid and tick labels of a horizontal value axis. */
void
sqc_xaxis(struct ctx *c, const sq_scale *s, const sq_ticks *t, double y0,
    double y1, const char *title, int absolute)
{
	grid(c, s, t, y0, y1, 0, absolute);
	if (title) {
		sqc_set_font(c, FS_AXIS, 0);
		sqc_grey(c, 0.2);
		sqc_text(c, (s->r0 + s->r1) / 2,
		    y1 + 8 + FS_TICK + sqc_lh(FS_AXIS),
		    title, 0.5);
	}
}

/* Space a horizontal axis with a title takes below the plot. */
double
sqc_xaxis_h(void)
{
	return 8 + FS_TICK + sqc_lh(FS_AXIS) + 4;
}

/* Category labels under bands, wrapped to the step; returns the height. */
double
sqc_band_labels(struct ctx *c, const sq_band *b, const char *const *lab,
    double y, int dry)
{
	double hmax = 0, s, w, h, step;
	size_t i;

	step = (b->r1 - b->r0) / (double)(b->n ? b->n : 1);
	sqc_set_font(c, FS_LABEL, 0);
	sqc_grey(c, 0.15);
	for (i = 0; i < b->n; i++) {
		sq_band_pos(b, i, &s, &w);
		h = sqc_wrapped(c, lab[i], s + w / 2, y, step - 6, FS_LABEL,
		    0.5, 0,
		    dry);
		if (h > hmax)
			hmax = h;
	}
	return hmax;
}

void
sqc_set_frame(sq_chart_frame *f, double x0, double y0, double x1, double y1,
    const sq_scale *v, const sq_band *b, int horizontal)
{
	if (f == NULL)
		return;
	f->plot.x = x0;
	f->plot.y = y0;
	f->plot.w = x1 - x0;
	f->plot.h = y1 - y0;
	f->value = *v;
	if (b)
		f->band = *b;
	f->horizontal = horizontal;
}

int
sqc_ticks_fit(struct ctx *c, double lo, double hi, int target, double len,
    int horizontal, sq_ticks *t)
{
	char buf[64];
	double need;
	size_t i;
	int dec, rc;

	sqc_set_font(c, FS_TICK, 0);
	for (; target >= 1; target--) {
		if ((rc = sq_nice_ticks(lo, hi, target, t)) != SQ_OK)
			return SQ_EDATA;
		if (target == 1)
			return SQ_OK;
		dec = sq_tick_decimals(t->step);
		need = 0;
		for (i = 0; i < t->n; i++) {
			if (!horizontal) {
				need += FS_TICK * 1.8;
				continue;
			}
			sqc_fmt_num(c, sq_tick(t, i), dec, buf, sizeof(buf));
			need += sqc_text_w(c, buf) + 8;
		}
		if (need <= len)
			return SQ_OK;
	}
	return SQ_EUSAGE;
}

int
sqc_band_panel(struct ctx *c, const char *const *lab, size_t n,
    double pad_inner, double pad_outer, double gap, double lo, double hi,
    const char *title, sqc_panel *p)
{
	sq_ticks t;
	double labh;

	p->x0 = MARGIN + 44;
	p->x1 = c->W - MARGIN;
	p->y0 = c->top + gap;
	p->b = (sq_band){ p->x0, p->x1, n, pad_inner, pad_outer };
	labh = sqc_band_labels(c, &p->b, lab, 0, 1);
	p->y1 = c->bottom - labh - 6;
	if (p->y1 - p->y0 < 60)
		return SQ_ELIMIT;
	if (sqc_ticks_fit(c, lo, hi, 6, p->y1 - p->y0, 0, &t) != SQ_OK)
		return SQ_ENUMERIC;
	p->sc = (sq_scale){ t.lo, t.hi, p->y1, p->y0 };
	sqc_yaxis(c, &p->sc, &t, p->x0, p->x1, title);
	return SQ_OK;
}

void
sqc_band_panel_end(struct ctx *c, const char *const *lab,
    const sqc_panel *p, sq_chart_frame *frame)
{
	sqc_band_labels(c, &p->b, lab, p->y1 + 5, 0);
	sqc_set_frame(frame, p->x0, p->y0, p->x1, p->y1, &p->sc, &p->b, 0);
}

int
sqc_row_panel(struct ctx *c, size_t n, double lo, double hi, int ticks,
    double bar, double pad, const char *title, int absolute, sqc_panel *p)
{
	sq_ticks t;
	double rowh, inner;

	if (sqc_ticks_fit(c, lo, hi, ticks, p->x1 - p->x0, 1, &t) != SQ_OK)
		return SQ_ENUMERIC;
	p->sc = (sq_scale){ t.lo, t.hi, p->x0, p->x1 };
	rowh = (p->y1 - p->y0) / (double)(n ? n : 1);
	inner = rowh > bar + 6 ? 1 - bar / rowh : pad;
	p->b = (sq_band){ p->y0, p->y1, n, inner, inner / 2 };
	sqc_xaxis(c, &p->sc, &t, p->y0, p->y1, title, absolute);
	return SQ_OK;
}
