/*
 * Point, line and matrix charts: radar (E and P per dimension); (ipa: see
 * chart_drivers.c)
 * (importance-performance quadrants), scree (eigenvalues with parallel
 * analysis) and heatmap (correlations or loadings).
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

/* Factors by their dominant dimension (ctx: int per factor), then number. */
static int
cmp_factor(const void *a, const void *b, void *ctx)
{
	const int *dom = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	unsigned dx = (unsigned)dom[x], dy = (unsigned)dom[y];

	if (dx != dy)
		return dx < dy ? -1 : 1;
	return x < y ? -1 : x > y;
}

int
sqc_draw_heatmap(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nr = d->mrows, nc = d->mcols, i, j;
	double rw = 0, chh = 0, cw, ch, x0, y0, legw = 70, nh, col[3];
	double maxlab, rowlines = 1;
	char note[640], num[32], **lab, **cl = NULL;
	size_t *cord = NULL;
	int *cdom = NULL, rc = SQ_OK;
	double dimh = 0;
	int rotate = 0, values, corr = d->matrix_kind == SQ_MATRIX_CORRELATION;
	sq_ticks t;
	sq_scale ls;

	if (nr == 0 || nc == 0)
		return SQ_EEMPTY;
	if ((lab = calloc(nr, sizeof(*lab))) == NULL)
		return SQ_ENOMEM;
	sqc_title_block(c);
	for (i = 0, j = 0; i < nr * nc; i++)
		j += isnan(d->matrix[i]);
	{
		char cn[32], first[256];

		snprintf(cn, sizeof(cn), "%.0f", d->cases);
		if (corr && !isnan(d->cases))
			sqc_fill(c, M_CORRNOTE, first, sizeof(first),
			    sqc_block_name(d), cn);
		else
			snprintf(first, sizeof(first), "%s", corr ? "" :
			    sqc_msg(c, M_BOLD));
		snprintf(note, sizeof(note), "%s%s%s", first,
		    first[0] && j ? " " : "", j ? sqc_msg(c, M_NANCELL) : "");
	}
	nh = sqc_notes_h(c, note);
	/* Loadings have few columns: the rows can carry the wordings. */
	maxlab = corr ? 1e9 : (c->W - 2 * MARGIN) * 0.45;
	sqc_set_font(c, FS_TICK, 0);
	for (i = 0; i < nr; i++) {
		int it = corr ? -1 : sqc_label_item(ins, d->rowlab[i]);
		const char *w = it >= 0 ? ins->items[it].wording[c->lang] : "";
		size_t n;

		if (it >= 0 && w[0] == '\0')
			w = ins->items[it].wording[0];
		n = strlen(d->rowlab[i]) + strlen(w) + 2;
		if ((lab[i] = malloc(n)) == NULL) {
			sqc_free_strv(lab, nr);
			return SQ_ENOMEM;
		}
		snprintf(lab[i], n, "%s%s%s", d->rowlab[i], w[0] ? " " : "",
		    w);
		rw = fmax(rw, sqc_wrapped_w(c, lab[i], maxlab));
		rowlines = fmax(rowlines, sqc_wrapped(c, lab[i], 0, 0, maxlab,
		    FS_TICK, 0, 0, 1) / sqc_lh(FS_TICK));
	}
	/*
	 * Loadings: each factor named by the dimension whose items load on
	 * it most (sum of squares) and ordered like the instrument.
	 */
	if ((cl = calloc(nc, sizeof(*cl))) == NULL ||
	    (cord = malloc(nc * sizeof(*cord))) == NULL ||
	    (cdom = malloc(nc * sizeof(*cdom))) == NULL) {
		free(cl);
		free(cord);
		sqc_free_strv(lab, nr);
		return SQ_ENOMEM;
	}
	for (j = 0; j < nc; j++) {
		double best = 0, ss[SQ_MAX_DIMS] = { 0 };
		size_t k, n;

		cord[j] = j;
		cdom[j] = corr ? d->coldim[j] : -1;
		for (i = 0; !corr && i < nr; i++)
			if (d->rowdim[i] >= 0 && d->rowdim[i] < SQ_MAX_DIMS &&
			    !isnan(d->matrix[i * nc + j]))
				ss[d->rowdim[i]] += d->matrix[i * nc + j] *
				    d->matrix[i * nc + j];
		for (k = 0; !corr && k < ins->ndims && k < SQ_MAX_DIMS; k++)
			if (ss[k] > best) {
				best = ss[k];
				cdom[j] = (int)k;
			}
		n = strlen(d->collab[j]) + (cdom[j] >= 0 && !corr ?
		    strlen(ins->dims[cdom[j]].code) : 0) + 4;
		if ((cl[j] = malloc(n)) == NULL) {
			rc = SQ_ENOMEM;
			goto out;
		}
		if (cdom[j] >= 0 && !corr)
			snprintf(cl[j], n, "%s %s", d->collab[j],
			    ins->dims[cdom[j]].code);
		else
			snprintf(cl[j], n, "%s", d->collab[j]);
	}
	if (!corr)
		qsort_r(cord, nc, sizeof(*cord), cmp_factor, cdom);
	/* Correlations: the dimension blocks named above the columns. */
	for (j = 0; corr && j < nc; j++)
		if (d->coldim[j] >= 0 && (size_t)d->coldim[j] < ins->ndims)
			dimh = sqc_lh(FS_TICK) + 4;
	for (j = 0; j < nc; j++)
		chh = fmax(chh, sqc_text_w(c, cl[j]));
	cw = (c->W - 2 * MARGIN - rw - 8 - legw) / (double)nc;
	if (cw > (corr ? 44 : 64))
		cw = corr ? 44 : 64;
	ch = corr ? cw : fmax(20, rowlines * sqc_lh(FS_TICK) + 6);
	if (c->H > 0) {
		double room = (c->H - c->top - nh - MARGIN - chh - 8) /
		    (double)nr;

		if (room < ch)
			ch = room;
		if (corr)
			cw = ch = fmin(cw, ch);
	}
	if (cw < 6 || ch < 6 ||
	    (!corr && ch < rowlines * sqc_lh(FS_TICK))) {
		rc = SQ_ELIMIT;
		goto out;
	}
	rotate = chh + 4 > cw;
	chh = (rotate ? chh + 6 : sqc_lh(FS_TICK) + 4) + dimh;
	if (c->H <= 0)
		c->H = c->top + chh + ch * (double)nr + nh + MARGIN + 4;
	sqc_notes(c, note);
	values = cw >= 24 && ch >= 12;
	x0 = MARGIN + rw + 6;
	y0 = c->top + chh;
	sqc_set_font(c, FS_TICK, 0);
	for (j = 0; j < nc; j++) {
		double cx = x0 + cw * ((double)j + 0.5);

		sqc_grey(c, 0.15);
		if (rotate) {
			cairo_save(c->cr);
			cairo_translate(c->cr, cx + FS_TICK * 0.35, y0 - 4);
			cairo_rotate(c->cr, -M_PI / 2);
			sqc_text(c, 0, 0, cl[cord[j]], 0);
			cairo_restore(c->cr);
		} else
			sqc_text(c, cx, y0 - 5, cl[cord[j]], 0.5);
	}
	/* Dimension names over their blocks of columns. */
	for (j = 0; dimh > 0 && j < nc; ) {
		size_t e = j;
		int dm = d->coldim[j];

		while (e < nc && d->coldim[e] == dm)
			e++;
		if (dm >= 0 && (size_t)dm < ins->ndims) {
			double a = x0 + cw * (double)j, z = x0 + cw * (double)e;

			sqc_set_font(c, FS_TICK, 1);
			sqc_grey(c, 0.25);
			if (sqc_text_w(c, ins->dims[dm].code) <= z - a)
				sqc_text(c, (a + z) / 2, c->top + FS_TICK,
				    ins->dims[dm].code, 0.5);
			cairo_set_line_width(c->cr, 0.8);
			cairo_move_to(c->cr, a + 2, c->top + dimh - 2);
			cairo_line_to(c->cr, z - 2, c->top + dimh - 2);
			cairo_stroke(c->cr);
			sqc_set_font(c, FS_TICK, 0);
		}
		j = e;
	}
	for (i = 0; i < nr; i++) {
		double cy = y0 + ch * (double)i;

		sqc_set_font(c, FS_TICK, 0);
		sqc_grey(c, 0.15);
		if (corr)
			sqc_text(c, x0 - 4, cy + ch / 2 + FS_TICK * 0.35,
			    lab[i], 1);
		else
			sqc_wrapped(c, lab[i], MARGIN, cy + ch / 2, rw + 0.5,
			    FS_TICK, 0, 0.5, 0);
		for (j = 0; j < nc; j++) {
			double v = d->matrix[i * nc + cord[j]];

			sq_diverging(v, col);
			if (isnan(v))
				sqc_grey(c, 0.92);
			else
				sqc_rgb(c, col);
			cairo_rectangle(c->cr, x0 + cw * (double)j, cy, cw, ch);
			cairo_fill(c->cr);
			if (values && !isnan(v)) {
				/* Salient loadings (|l| >= .40) in bold. */
				sqc_set_font(c, fmin(FS_TICK, cw / 3.4),
				    !corr && fabs(v) >= 0.4);
				sqc_grey(c, sqc_luminance(col) < 0.5 ? 1 : 0.1);
				sqc_fmt_num(c, v, 2, num, sizeof(num));
				sqc_text(c, x0 + cw * ((double)j + 0.5), cy +
				    ch / 2 + c->fs * 0.35, num, 0.5);
			}
		}
	}
	/* White rules between dimensions. */
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	cairo_set_line_width(c->cr, 2);
	for (i = 1; i < nr; i++)
		if (d->rowdim[i] != d->rowdim[i - 1]) {
			cairo_move_to(c->cr, x0, y0 + ch * (double)i);
			cairo_line_to(c->cr, x0 + cw * (double)nc,
			    y0 + ch * (double)i);
		}
	for (j = 1; j < nc; j++)
		if ((corr ? d->coldim[j] != d->coldim[j - 1] :
		    cdom[cord[j]] != cdom[cord[j - 1]])) {
			cairo_move_to(c->cr, x0 + cw * (double)j, y0);
			cairo_line_to(c->cr, x0 + cw * (double)j,
			    y0 + ch * (double)nr);
		}
	cairo_stroke(c->cr);
	/* Colour key. */
	{
		double kx = x0 + cw * (double)nc + 16, kh = fmin(180,
		    ch * (double)nr), ky = y0;
		cairo_pattern_t *grad;
		int k;

		sqc_set_font(c, FS_LABEL, 0);
		sqc_grey(c, 0.15);
		sqc_text(c, kx, ky - 5, sqc_msg(c, corr ? M_CORR : M_LOADING),
		    0);
		/* The map is linear between its ends and white: 3 stops. */
		grad = cairo_pattern_create_linear(0, ky, 0, ky + kh);
		for (k = 0; k < 3; k++) {
			sq_diverging(1 - k, col);
			cairo_pattern_add_color_stop_rgb(grad, k / 2.0, col[0],
			    col[1], col[2]);
		}
		cairo_set_source(c->cr, grad);
		cairo_rectangle(c->cr, kx, ky, 12, kh);
		cairo_fill(c->cr);
		cairo_pattern_destroy(grad);
		sqc_grey(c, 0.5);
		cairo_set_line_width(c->cr, 0.5);
		cairo_rectangle(c->cr, kx, ky, 12, kh);
		cairo_stroke(c->cr);
		t = (sq_ticks){ -1, 1, 0.5, 5 };
		ls = (sq_scale){ 1, -1, ky, ky + kh };
		sqc_set_font(c, FS_TICK, 0);
		for (k = 0; k < 5; k++) {
			double v = sq_tick(&t, (size_t)k);

			sqc_fmt_num(c, v, 1, num, sizeof(num));
			sqc_grey(c, 0.3);
			sqc_text(c, kx + 16, sq_scale_map(&ls,
			    v) + FS_TICK * 0.35,
			    num, 0);
		}
	}
	if (frame) {
		frame->plot = (sq_rect){ x0, y0, cw * (double)nc,
		    ch * (double)nr };
		frame->value = (sq_scale){ -1, 1, 0, 1 };
		frame->band = (sq_band){ y0, y0 + ch * (double)nr, nr, 0, 0 };
		frame->horizontal = 0;
	}
out:
	sqc_free_strv(cl, nc);
	free(cord);
	free(cdom);
	sqc_free_strv(lab, nr);
	return rc;
}
