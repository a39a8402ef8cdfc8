/*
 * The scree chart: eigenvalues by component with the Kaiser line at 1
 * and, when the table has it, the parallel-analysis line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

int
sqc_draw_scree(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	size_t k = d->ncomp, i, above = 0, nl = 1;
	struct legend_item li[2];
	char pa[256], note[512], num[32];
	double x0, x1, y0, y1, mx = 1, col[3], x, y, dash[] = { 5, 3 };
	int have_ref = 0, started;
	sq_ticks tx, ty;
	sq_scale sx, sy;

	if (k == 0)
		return SQ_EEMPTY;
	for (i = 0; i < k; i++) {
		if (!isnan(d->eigen[i]))
			mx = fmax(mx, d->eigen[i]);
		if (!isnan(d->reference[i])) {
			mx = fmax(mx, d->reference[i]);
			have_ref = 1;
		}
	}
	for (i = 0; have_ref && i < k; i++) {
		if (!(d->eigen[i] > d->reference[i]))
			break;
		above++;
	}
	sqc_title_block(c);
	li[0] = (struct legend_item){ sqc_msg(c, M_OBS), { 0 }, 1 };
	sq_palette(5, li[0].color);
	if (have_ref) {
		if (d->pa_iter > 0) {
			snprintf(num, sizeof(num), "%d", d->pa_iter);
			sqc_fill(c, M_PA, pa, sizeof(pa), num, NULL);
		} else
			snprintf(pa, sizeof(pa), "%s", sqc_msg(c, M_PA_TAB));
		li[1] = (struct legend_item){ pa, { 0 }, 2 };
		sq_palette(6, li[1].color);
		nl = 2;
	}
	sqc_legend(c, NULL, li, nl, MARGIN, c->W - 2 * MARGIN);
	note[0] = '\0';
	if (!isnan(d->cases)) {
		snprintf(num, sizeof(num), "%.0f", d->cases);
		sqc_fill(c, M_EIGNOTE, note, sizeof(note), sqc_block_name(d),
		    num);
	}
	if (have_ref) {
		size_t l = strlen(note);

		snprintf(num, sizeof(num), "%zu", above);
		if (l)
			note[l++] = ' ';
		sqc_fill(c, M_ABOVE, note + l, sizeof(note) - l, num, NULL);
	}
	sqc_notes(c, note);
	x0 = MARGIN + 44;
	x1 = c->W - MARGIN - 4;
	y0 = c->top + 4;
	y1 = c->bottom - sqc_xaxis_h();
	if (y1 - y0 < 60)
		return SQ_ELIMIT;
	if (sqc_ticks_fit(c, 0, mx * 1.05, 6, y1 - y0, 0, &ty) != SQ_OK)
		return SQ_ENUMERIC;
	/* Every component while the labels fit, else every 2nd, 5th... */
	{
		static const double steps[] = { 1, 2, 5, 10, 20, 50, 100 };
		size_t si;
		char lab[32];

		sqc_set_font(c, FS_TICK, 0);
		snprintf(lab, sizeof(lab), "%zu", k);
		for (si = 0; si < 6; si++)
			if ((double)k / steps[si] * (sqc_text_w(c, lab) + 8) <=
			    x1 - x0)
				break;
		if (steps[si] == 1)
			tx = (sq_ticks){ 1, (double)k, 1, k };
		else
			tx = (sq_ticks){ steps[si], floor((double)k /
			    steps[si]) * steps[si], steps[si],
			    (size_t)floor((double)k / steps[si]) };
	}
	sx = (sq_scale){ 0.5, (double)k + 0.5, x0, x1 };
	sy = (sq_scale){ ty.lo, ty.hi, y1, y0 };
	sqc_yaxis(c, &sy, &ty, x0, x1, sqc_msg(c, M_EIGEN));
	sqc_xaxis(c, &sx, &tx, y0, y1, sqc_msg(c, M_COMP), 0);
	/* The Kaiser line, eigenvalue 1, for reference. */
	sqc_grey(c, 0.55);
	cairo_set_line_width(c->cr, 0.8);
	{
		double dots[] = { 1, 2 };

		cairo_set_dash(c->cr, dots, 2, 0);
	}
	cairo_move_to(c->cr, x0, sq_scale_map(&sy, 1));
	cairo_line_to(c->cr, x1, sq_scale_map(&sy, 1));
	cairo_stroke(c->cr);
	cairo_set_dash(c->cr, NULL, 0, 0);
	sqc_set_font(c, FS_TICK, 0);
	sqc_halo_text(c, x1 - 2, sq_scale_map(&sy, 1) - 3, sqc_msg(c, M_KAISER),
	    1);
	/* Parallel analysis, dashed, then the observed line. */
	if (have_ref) {
		sq_palette(6, col);
		sqc_rgb(c, col);
		cairo_set_line_width(c->cr, 1.6);
		cairo_set_dash(c->cr, dash, 2, 0);
		for (i = 0, started = 0; i < k; i++) {
			if (isnan(d->reference[i]))
				continue;
			x = sq_scale_map(&sx, (double)i + 1);
			y = sq_scale_map(&sy, d->reference[i]);
			if (started++)
				cairo_line_to(c->cr, x, y);
			else
				cairo_move_to(c->cr, x, y);
		}
		cairo_stroke(c->cr);
		cairo_set_dash(c->cr, NULL, 0, 0);
		for (i = 0; i < k; i++) {
			if (isnan(d->reference[i]))
				continue;
			cairo_arc(c->cr, sq_scale_map(&sx, (double)i + 1),
			    sq_scale_map(&sy, d->reference[i]), 2.2, 0,
			    2 * M_PI);
			cairo_fill(c->cr);
		}
	}
	sq_palette(5, col);
	sqc_rgb(c, col);
	cairo_set_line_width(c->cr, 2);
	for (i = 0, started = 0; i < k; i++) {
		if (isnan(d->eigen[i]))
			continue;
		x = sq_scale_map(&sx, (double)i + 1);
		y = sq_scale_map(&sy, d->eigen[i]);
		if (started++)
			cairo_line_to(c->cr, x, y);
		else
			cairo_move_to(c->cr, x, y);
	}
	cairo_stroke(c->cr);
	for (i = 0; i < k; i++) {
		if (isnan(d->eigen[i]))
			continue;
		cairo_arc(c->cr, sq_scale_map(&sx, (double)i + 1),
		    sq_scale_map(&sy, d->eigen[i]), 3.2, 0, 2 * M_PI);
		cairo_fill(c->cr);
	}
	sqc_set_frame(frame, x0, y0, x1, y1, &sy, NULL, 0);
	return SQ_OK;
}
