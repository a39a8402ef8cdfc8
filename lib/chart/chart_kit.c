/*
 * Chart drawing kit: the pieces every chart type shares (title block,
 * legend, axes, notes, whiskers, bars, row layouts, colours). Text goes
 * through chart_text.c and words through chart_msg.c. Lengths are points;
 * the font is DejaVu Sans, which the build installs, so every machine
 * draws the same.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "servqual/encoding.h"
#include "chart_int.h"

/* Colour of dimension d: Okabe-Ito without black and yellow first. */
void
sqc_dim_color(size_t d, double v[3])
{
	static const size_t order[] = { 5, 1, 3, 6, 7, 2, 0, 4 };

	sq_palette(order[d % 8], v);
}

/*
 * The n the figure rests on: the complete cases behind a scree or heatmap,
 * the most respondents behind any bar or point of the other charts; NAN
 * when unknown.
 */
double
sqc_figure_n(const struct ctx *c)
{
	const sq_chartdata *d = c->d;
	double n = NAN;
	size_t i, v;

	switch (c->o->type) {
	case SQ_CHART_SCREE:
	case SQ_CHART_HEATMAP:
		return d->cases;
	case SQ_CHART_ITEMS:
		for (i = 0; d->item && i < d->ins->nitems; i++)
			if (!isnan(d->item[i].n) && !(d->item[i].n <= n))
				n = d->item[i].n;
		return n;
	case SQ_CHART_LIKERT:
		for (i = 0; d->count && i < d->ins->nitems; i++) {
			double t = 0;

			for (v = 0; v < d->nvals; v++)
				t += d->count[i * d->nvals + v];
			if (!(t <= n))
				n = t;
		}
		return n;
	case SQ_CHART_GROUPS:
		return d->respondents;
	default:
		for (i = 0; d->dim && i < d->ins->ndims; i++)
			if (!isnan(d->dim[i].n) && !(d->dim[i].n <= n))
				n = d->dim[i].n;
		return n;
	}
}

/* Title and subtitle; sets c->top. */
void
sqc_title_block(struct ctx *c)
{
	double y = MARGIN, h;
	char sub[384], num[64];
	const char *src = c->d->source, *slash;

	sqc_set_font(c, FS_TITLE, 1);
	sqc_grey(c, 0.1);
	if (c->o->title)
		h = sqc_wrapped(c, c->o->title, MARGIN, y, c->W - 2 * MARGIN,
		    FS_TITLE, 0, 0, 0);
	else
		h = sqc_wrapped(c, c->title, MARGIN, y, c->W - 2 * MARGIN,
		    FS_TITLE, 0, 0, 0);
	y += h + 2;
	if (c->o->subtitle && c->o->subtitle[0] == '\0') {
		c->top = y + 6;
		return;
	}
	sqc_set_font(c, FS_SUB, 0);
	sqc_grey(c, 0.35);
	if (c->o->subtitle) {
		h = sqc_wrapped(c, c->o->subtitle, MARGIN, y,
		    c->W - 2 * MARGIN, FS_SUB, 0, 0, 0);
		c->top = y + h + 8;
		return;
	}
	sub[0] = '\0';
	if (!isnan(c->d->respondents)) {
		char nn[32], na[32];
		double used = sqc_figure_n(c);

		snprintf(na, sizeof(na), "%.0f", c->d->respondents);
		snprintf(nn, sizeof(nn), "%.0f", used);
		if (isnan(used) || used == c->d->respondents)
			sqc_fill(c, M_RESP, num, sizeof(num), na, NULL);
		else
			sqc_fill(c, c->o->type == SQ_CHART_SCREE ||
			    c->o->type == SQ_CHART_HEATMAP ? M_CASES_OF :
			    M_RESP_OF, num, sizeof(num), nn, na);
		snprintf(sub, sizeof(sub), "%s \u00b7 ", num);
	}
	/* The file's base name: never a path of the analyst's machine. */
	if ((slash = strrchr(src, '/')) != NULL && slash[1] != '\0')
		src = slash + 1;
	sqc_fill(c, M_FROM, sub + strlen(sub), sizeof(sub) - strlen(sub),
	    src[0] && strcmp(src, "-") != 0 ? src : sqc_msg(c, M_STDIN),
	    NULL);
	h = sqc_wrapped(c, sub, MARGIN, y, c->W - 2 * MARGIN, FS_SUB, 0, 0, 0);
	c->top = y + h + 8;
}

/* Notes at the bottom, wrapped; sets c->bottom. */
void
sqc_notes(struct ctx *c, const char *s)
{
	double h;

	sqc_set_font(c, FS_NOTE, 0);
	h = sqc_wrapped(c, s, MARGIN, 0, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 1);
	c->bottom = c->H - MARGIN - h;
	sqc_grey(c, 0.3);
	sqc_wrapped(c, s, MARGIN, c->bottom, c->W - 2 * MARGIN, FS_NOTE, 0, 0,
	    0);
	c->bottom -= 6;
}

/* Legend entries in rows from (x, c->top) within width w; moves c->top. */
void
sqc_legend(struct ctx *c, const char *heading, const struct legend_item *it,
    size_t n, double x, double w)
{
	double cx = x, y = c->top, sw = 11, gap = 14,
	    row = sqc_lh(FS_LABEL) + 3;
	size_t i;

	sqc_set_font(c, FS_LABEL, 0);
	if (heading) {
		sqc_grey(c, 0.2);
		sqc_text(c, cx, y + FS_LABEL, heading, 0);
		cx += sqc_text_w(c, heading) + 8;
	}
	for (i = 0; i < n; i++) {
		double tw = sqc_text_w(c, it[i].label);
		double need = sw + 5 + tw;

		if (cx + need > x + w && cx > x) {
			cx = x;
			y += row;
		}
		sqc_rgb(c, it[i].color);
		if (it[i].kind == 3) {
			sq_rect r = { cx, y + 1, sw, sw - 2 };

			sqc_gap_bar(c, &r, it[i].color, -1, 1);
		} else if (it[i].kind == 0) {
			cairo_rectangle(c->cr, cx, y + 1, sw, sw - 2);
			cairo_fill(c->cr);
		} else {
			cairo_set_line_width(c->cr, 2);
			if (it[i].kind == 2) {
				double dash[] = { 3, 2 };

				cairo_set_dash(c->cr, dash, 2, 0);
			}
			cairo_move_to(c->cr, cx - 2, y + sw / 2);
			cairo_line_to(c->cr, cx + sw + 2, y + sw / 2);
			cairo_stroke(c->cr);
			cairo_set_dash(c->cr, NULL, 0, 0);
			cairo_arc(c->cr, cx + sw / 2, y + sw / 2, 2.6, 0,
			    2 * M_PI);
			cairo_fill(c->cr);
		}
		sqc_grey(c, 0.15);
		sqc_text(c, cx + sw + 5, y + FS_LABEL, it[i].label, 0);
		cx += need + gap;
	}
	c->top = y + row + 6;
}

/* A confidence whisker from a to b at position p across. */
void
sqc_whisker(struct ctx *c, double a, double b, double p, int horizontal,
    double cap)
{
	cairo_set_line_width(c->cr, 1.1);
	sqc_grey(c, 0.15);
	if (horizontal) {
		cairo_move_to(c->cr, a, p);
		cairo_line_to(c->cr, b, p);
		cairo_move_to(c->cr, a, p - cap);
		cairo_line_to(c->cr, a, p + cap);
		cairo_move_to(c->cr, b, p - cap);
		cairo_line_to(c->cr, b, p + cap);
	} else {
		cairo_move_to(c->cr, p, a);
		cairo_line_to(c->cr, p, b);
		cairo_move_to(c->cr, p - cap, a);
		cairo_line_to(c->cr, p + cap, a);
		cairo_move_to(c->cr, p - cap, b);
		cairo_line_to(c->cr, p + cap, b);
	}
	cairo_stroke(c->cr);
}

void
sqc_fill_rect(struct ctx *c, const sq_rect *r)
{
	cairo_rectangle(c->cr, r->x, r->y, r->w, r->h);
	cairo_fill(c->cr);
}

/* Range of the gap CIs (and the gaps) of n stats, with 0 included. */
void
sqc_gap_range(const sq_chartstat *s, size_t n, double *lo, double *hi)
{
	size_t i;

	*lo = 0;
	*hi = 0;
	for (i = 0; i < n; i++) {
		double a = isnan(s[i].ci_low) ? s[i].gap : s[i].ci_low;
		double b = isnan(s[i].ci_high) ? s[i].gap : s[i].ci_high;

		if (!isnan(a) && a < *lo)
			*lo = a;
		if (!isnan(b) && b > *hi)
			*hi = b;
	}
}

const double *
sqc_gapcol(double g, double v[3])
{
	sq_palette(g < 0 ? 6 : 3, v);
	return v;
}

int
sqc_includes0(double lo, double hi)
{
	return !isnan(lo) && !isnan(hi) && lo <= 0 && hi >= 0;
}

int
sqc_gap_bar(struct ctx *c, const sq_rect *r, const double col[3],
    double lo, double hi)
{
	if (!sqc_includes0(lo, hi)) {
		sqc_rgb(c, col);
		sqc_fill_rect(c, r);
		return 1;
	}
	cairo_set_source_rgb(c->cr, 1 - 0.3 * (1 - col[0]),
	    1 - 0.3 * (1 - col[1]), 1 - 0.3 * (1 - col[2]));
	sqc_fill_rect(c, r);
	sqc_rgb(c, col);
	cairo_set_line_width(c->cr, 1.2);
	cairo_rectangle(c->cr, r->x + 0.6, r->y + 0.6, fmax(r->w - 1.2, 0),
	    fmax(r->h - 1.2, 0));
	cairo_stroke(c->cr);
	return 0;
}

void
sqc_bar_value(struct ctx *c, const sq_rect *r, double g, double we,
    double mid, const char *num, const double col[3], int solid)
{
	double y = mid + c->fs * 0.35;

	/*
	 * Beyond the bar's end, or beyond the whisker when it reaches
	 * further: inside the bar the whisker would cross the figure.
	 */
	(void)col;
	(void)solid;
	sqc_grey(c, 0.1);
	if (g < 0)
		sqc_text(c, fmin(r->x, we) - 4, y, num, 1);
	else
		sqc_text(c, fmax(r->x + r->w, we) + 4, y, num, 0);
}

double
sqc_luminance(const double v[3])
{
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* Width of the widest gap value label ("-0.00"), at the tick font. */
double
sqc_value_w(struct ctx *c)
{
	sqc_set_font(c, FS_TICK, 1);
	return sqc_text_w(c, "\u22120.00");
}

/* Wrapped row labels of a horizontal chart, centred on each row. */
void
sqc_row_labels(struct ctx *c, const char *const *lab, const size_t *ord,
    size_t n, double x, double y0, double rowh, double labw, int bold)
{
	size_t i;

	sqc_set_font(c, FS_LABEL, bold);
	sqc_grey(c, 0.1);
	for (i = 0; i < n; i++)
		sqc_wrapped(c, lab[ord ? ord[i] : i], x, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
}

/* Height of the notes block for s. */
double
sqc_notes_h(struct ctx *c, const char *s)
{
	sqc_set_font(c, FS_NOTE, 0);
	return sqc_wrapped(c, s, 0, 0, c->W - 2 * MARGIN, FS_NOTE, 0, 0, 1) + 6;
}

void
sqc_rows_layout_v(struct ctx *c, const char *const *lab, size_t n,
    double share, double *labw, double *rowh)
{
	double maxw = (c->W - 2 * MARGIN) * share, w, h, wm = 0, hm = 0;
	size_t i;

	sqc_set_font(c, FS_LABEL, 0);
	for (i = 0; i < n; i++) {
		w = sqc_wrapped_w(c, lab[i], maxw);
		h = sqc_wrapped(c, lab[i], 0, 0, maxw, FS_LABEL, 0, 0, 1);
		if (w > wm)
			wm = w;
		if (h > hm)
			hm = h;
	}
	*labw = wm;
	*rowh = hm + 7 > 17 ? hm + 7 : 17;
}

void
sqc_rows_layout(struct ctx *c, char (*lab)[SQ_WORDING_LEN + 16], size_t n,
    double share, double *labw, double *rowh)
{
	const char **v = malloc((n ? n : 1) * sizeof(*v));
	size_t i;

	if (v == NULL) {
		c->failed = 1;
		*labw = 0;
		*rowh = 17;
		return;
	}
	for (i = 0; i < n; i++)
		v[i] = lab[i];
	sqc_rows_layout_v(c, v, n, share, labw, rowh);
	free(v);
}

void
sqc_dim_legend(struct ctx *c)
{
	sqc_dim_legend_x(c, 0);
}

void
sqc_dim_legend_x(struct ctx *c, int incl0)
{
	struct legend_item li[SQ_MAX_DIMS + 1];
	size_t i, nd = c->d->ins->ndims;

	for (i = 0; i < nd; i++) {
		li[i] = (struct legend_item){ sqc_dim_name(c, i), { 0 }, 0 };
		sqc_dim_color(i, li[i].color);
	}
	if (incl0)
		li[nd++] = (struct legend_item){ sqc_msg(c, M_INCL0),
		    { 0.45, 0.45, 0.45 }, 3 };
	sqc_legend(c, NULL, li, nd, MARGIN, c->W - 2 * MARGIN);
}

/*
 * Colour of segment j: Okabe-Ito without black, which the whiskers use,
 * and a neutral grey as the eighth.
 */
void
sqc_seg_color(size_t j, double v[3])
{
	/*
	 * Okabe-Ito without black (the whiskers'), yellow and sky blue
	 * (too light on white), then a dark grey, a brown and a mid grey.
	 */
	static const double extra[3][3] = {
		{ 0.33, 0.33, 0.33 }, { 0.55, 0.35, 0.15 }, { 0.6, 0.6, 0.6 }
	};
	static const size_t pal[5] = { 5, 1, 3, 6, 7 };

	if (j < 5) {
		sq_palette(pal[j], v);
		return;
	}
	j = j - 5 < 3 ? j - 5 : 2;
	v[0] = extra[j][0];
	v[1] = extra[j][1];
	v[2] = extra[j][2];
}

void
sqc_rgb(struct ctx *c, const double v[3])
{
	cairo_set_source_rgb(c->cr, v[0], v[1], v[2]);
}

void
sqc_grey(struct ctx *c, double g)
{
	cairo_set_source_rgb(c->cr, g, g, g);
}
