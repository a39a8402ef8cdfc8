/*
 * The heatmap: a correlation or loadings matrix as coloured cells with a
 * legend, items in rows, factors ordered by their dominant dimension.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"

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
		sqc_order_by_key(cord, nc, cdom, sizeof(*cdom));
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
