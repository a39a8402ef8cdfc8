/*
 * Bar charts: gaps (E and P means, gaps with intervals), items (diverging
 * gap bars), groups (gaps by segment) and likert (diverging stacked
 * answer distributions).
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "servqual/chart.h"
#include "chart_int.h"


int
sqc_draw_gaps(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, i;
	struct legend_item li[5];
	const char *lab[SQ_MAX_DIMS];
	char note[512], buf[256], num[64], lo_s[32], hi_s[32];
	int ns0 = 0;
	double labw = 0, split, lx0, lx1, rx0, rx1, y0, y1, lo, hi, s, w, vw;
	sq_ticks tl, tr;
	sq_scale sl, sr;
	sq_band b;
	sq_rect r;
	int neg = 0, pos = 0;

	sqc_title_block(c);
	for (i = 0; i < nd; i++) {
		lab[i] = sqc_dim_name(c, i);
		ns0 |= sqc_includes0(d->dim[i].ci_low, d->dim[i].ci_high);
		if (d->dim[i].gap < 0)
			neg = 1;
		else if (d->dim[i].gap >= 0)
			pos = 1;
	}
	li[0] = (struct legend_item){ sqc_msg(c, M_EXP), { 0 }, 0 };
	sq_palette(2, li[0].color);
	li[1] = (struct legend_item){ sqc_msg(c, M_PERC), { 0 }, 0 };
	sq_palette(5, li[1].color);
	i = 2;
	if (neg) {
		li[i] = (struct legend_item){ "P \u2212 E < 0", { 0 }, 0 };
		sq_palette(6, li[i++].color);
	}
	if (pos) {
		li[i] = (struct legend_item){ "P \u2212 E \u2265 0", { 0 }, 0 };
		sq_palette(3, li[i++].color);
	}
	if (ns0) {
		li[i++] = (struct legend_item){ sqc_msg(c, M_INCL0),
		    { 0.45, 0.45, 0.45 }, 3 };
	}
	sqc_legend(c, NULL, li, i, MARGIN, c->W - 2 * MARGIN);
	sqc_fmt_g(c, ins->min, lo_s, sizeof(lo_s));
	sqc_fmt_g(c, ins->max, hi_s, sizeof(hi_s));
	sqc_fill(c, M_SCALE, buf, sizeof(buf), lo_s, hi_s);
	sqc_pct_text(c, c->o->conf, M_WHISK, num, sizeof(num));
	snprintf(note, sizeof(note), "%s %s", buf, num);
	sqc_notes(c, note);

	sqc_set_font(c, FS_LABEL, 1);
	for (i = 0; i < nd; i++)
		labw = fmax(labw, sqc_wrapped_w(c, lab[i], (c->W - 2 * MARGIN) *
		    0.2));
	vw = sqc_value_w(c);
	lx0 = MARGIN + labw + 12;
	split = lx0 + (c->W - MARGIN - lx0) * 0.5;
	lx1 = split - 12;
	rx0 = split + 12 + (neg ? vw + 6 : 0);
	rx1 = c->W - MARGIN - (pos ? vw + 6 : 0);
	/* Panel titles, wrapped to their panels. */
	sqc_pct_text(c, c->o->conf, M_GAPCI, buf, sizeof(buf));
	sqc_set_font(c, 10, 1);
	y0 = c->top + 6 + fmax(sqc_wrapped(c, sqc_msg(c, M_EP), 0, 0,
	    lx1 - lx0, 10, 0, 0, 1), sqc_wrapped(c, buf, 0, 0,
	    rx1 - split - 12, 10, 0, 0, 1));
	y1 = c->bottom - sqc_xaxis_h();
	if (y1 - y0 < 40 || lx1 - lx0 < 60 || rx1 - rx0 < 60)
		return SQ_ELIMIT;
	b = (sq_band){ y0, y1, nd, 0.3, 0.1 };

	sqc_set_font(c, 10, 1);
	sqc_grey(c, 0.15);
	sqc_wrapped(c, sqc_msg(c, M_EP), lx0, c->top, lx1 - lx0, 10, 0, 0, 0);
	sqc_wrapped(c, buf, split + 12, c->top, rx1 - split - 12, 10, 0, 0,
	    0);
	sqc_row_labels(c, lab, NULL, nd, MARGIN, y0 + (y1 - y0) / (double)nd *
	    0, (y1 - y0) / (double)nd, labw, 1);

	/* Left: E and P means, from the bottom of the scale. */
	if (sqc_ticks_fit(c, ins->min, ins->max, 6, lx1 - lx0, 1, &tl) != SQ_OK)
		return SQ_ENUMERIC;
	sl = (sq_scale){ tl.lo, tl.hi, lx0, lx1 };
	sqc_xaxis(c, &sl, &tl, y0, y1, sqc_msg(c, M_MEANS), 0);
	for (i = 0; i < nd; i++) {
		double col[3];
		int k;

		for (k = 0; k < 2; k++) {
			double v = k ? d->dim[i].mean_p : d->dim[i].mean_e;

			if (isnan(v))
				continue;
			sq_band_sub(&b, i, (size_t)k, 2, &s, &w);
			sq_bar_rect(&sl, tl.lo, v, s + 0.5, w - 1, 1, &r);
			sq_palette(k ? 5 : 2, col);
			sqc_rgb(c, col);
			sqc_fill_rect(c, &r);
			sqc_set_font(c, FS_TICK, 1);
			sqc_fmt_num(c, v, 2, num, sizeof(num));
			if (sqc_text_w(c, num) + 8 < r.w) {
				sqc_grey(c,
				    sqc_luminance(col) < 0.45 ? 1 : 0.1);
				sqc_text(c, r.x + r.w - 4, s + w / 2 + FS_TICK *
				    0.35, num, 1);
			}
		}
	}

	/* Right: gaps with intervals. */
	sqc_gap_range(d->dim, nd, &lo, &hi);
	if (sqc_ticks_fit(c, lo, hi, 5, rx1 - rx0, 1, &tr) != SQ_OK)
		return SQ_ENUMERIC;
	sr = (sq_scale){ tr.lo, tr.hi, rx0, rx1 };
	sqc_xaxis(c, &sr, &tr, y0, y1, sqc_msg(c, M_GAPAX), 0);
	for (i = 0; i < nd; i++) {
		const sq_chartstat *st = &d->dim[i];
		double col[3], end;
		int solid;

		if (isnan(st->gap))
			continue;
		sq_band_pos(&b, i, &s, &w);
		sq_bar_rect(&sr, 0, st->gap, s, w, 1, &r);
		solid = sqc_gap_bar(c, &r, sqc_gapcol(st->gap, col),
		    st->ci_low, st->ci_high);
		end = st->gap;
		if (!isnan(st->ci_low) && !isnan(st->ci_high)) {
			sqc_whisker(c, sq_scale_map(&sr, st->ci_low),
			    sq_scale_map(&sr, st->ci_high), s + w / 2, 1,
			    fmin(w * 0.2, 6));
			end = st->gap < 0 ? st->ci_low : st->ci_high;
		}
		sqc_set_font(c, FS_TICK, 1);
		sqc_fmt_num(c, st->gap, 2, num, sizeof(num));
		sqc_bar_value(c, &r, st->gap, sq_scale_map(&sr, end), s + w / 2,
		    num, col, solid);
	}
	sqc_set_frame(frame, rx0, y0, rx1, y1, &sr, &b, 1);
	return SQ_OK;
}

static int
cmp_gap(const void *a, const void *b, void *ctx)
{
	const sq_chartstat *s = ctx;
	double x = s[*(const size_t *)a].gap, y = s[*(const size_t *)b].gap;

	if (isnan(x) || isnan(y))
		return isnan(x) - isnan(y);
	if (x != y)
		return x < y ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

int
sqc_draw_items(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t ni = ins->nitems, i, j, *ord;
	char **lab, note[512], ci[256], num[64];
	double labw, rowh, x0, x1, y0, y1, lo, hi, pad, nh, s, w;
	sqc_panel pl;
	sq_scale sc;
	sq_band b;
	sq_rect r;
	int rc;

	lab = calloc(ni ? ni : 1, sizeof(*lab));
	ord = calloc(ni ? ni : 1, sizeof(*ord));
	if (!lab || !ord) {
		free(lab);
		free(ord);
		return SQ_ENOMEM;
	}
	for (i = 0; i < ni; i++) {
		ord[i] = i;
		if ((lab[i] = sqc_item_label_dup(c, i)) == NULL) {
			sqc_free_strv(lab, ni);
			free(ord);
			return SQ_ENOMEM;
		}
	}
	qsort_r(ord, ni, sizeof(*ord), cmp_gap, d->item);
	sqc_title_block(c);
	for (i = 0, j = 0; i < ni; i++)
		j |= (size_t)sqc_includes0(d->item[i].ci_low,
		    d->item[i].ci_high);
	sqc_dim_legend_x(c, j != 0);
	sqc_pct_text(c, c->o->conf, M_WHISK, ci, sizeof(ci));
	snprintf(note, sizeof(note), "%s %s", sqc_msg(c, M_SORTED), ci);
	nh = sqc_notes_h(c, note);
	sqc_rows_layout_v(c, (const char *const *)lab, ni, 0.42, &labw, &rowh);
	y0 = c->top;
	if (c->H <= 0)
		c->H = y0 + rowh * (double)ni + sqc_xaxis_h() + nh + MARGIN + 4;
	y1 = c->H - MARGIN - nh - sqc_xaxis_h();
	/* Every label must fit its row: a set height never overlaps them. */
	if (y1 - y0 < (rowh - 7) * (double)ni) {
		sqc_free_strv(lab, ni);
		free(ord);
		return SQ_ELIMIT;
	}
	sqc_notes(c, note);
	sqc_gap_range(d->item, ni, &lo, &hi);
	pad = sqc_value_w(c) + 6;
	x0 = MARGIN + labw + 12 + (lo < 0 ? pad : 0);
	x1 = c->W - MARGIN - 4;
	for (i = 0; i < ni; i++)
		if (d->item[i].gap >= 0)
			x1 = c->W - MARGIN - pad;
	if (x1 - x0 < 80 || y1 - y0 < 10 * (double)ni / 2) {
		sqc_free_strv(lab, ni);
		free(ord);
		return SQ_ELIMIT;
	}
	pl = (sqc_panel){ x0, x1, y0, y1 };
	if ((rc = sqc_row_panel(c, ni, lo, hi, 6, 14, 0.3,
	    sqc_msg(c, M_GAPAX), 0, &pl)) != SQ_OK) {
		sqc_free_strv(lab, ni);
		free(ord);
		return rc;
	}
	sc = pl.sc;
	b = pl.b;
	rowh = (y1 - y0) / (double)(ni ? ni : 1);
	for (i = 0; i < ni; i++) {
		const sq_chartstat *st = &d->item[ord[i]];
		double col[3], end, mid;
		int solid;

		sq_band_pos(&b, i, &s, &w);
		mid = s + w / 2;
		sqc_set_font(c, FS_LABEL, 0);
		sqc_grey(c, 0.1);
		sqc_wrapped(c, lab[ord[i]], MARGIN, y0 + rowh * (double)i +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
		if (isnan(st->gap))
			continue;
		sq_bar_rect(&sc, 0, st->gap, s, w, 1, &r);
		sqc_dim_color((size_t)ins->items[ord[i]].dim, col);
		solid = sqc_gap_bar(c, &r, col, st->ci_low, st->ci_high);
		end = st->gap;
		if (!isnan(st->ci_low) && !isnan(st->ci_high)) {
			sqc_whisker(c, sq_scale_map(&sc, st->ci_low),
			    sq_scale_map(&sc, st->ci_high), mid, 1, w * 0.3);
			end = st->gap < 0 ? st->ci_low : st->ci_high;
		}
		sqc_set_font(c, FS_TICK, 0);
		sqc_fmt_num(c, st->gap, 2, num, sizeof(num));
		sqc_bar_value(c, &r, st->gap, sq_scale_map(&sc, end), mid, num,
		    col, solid);
	}
	sqc_set_frame(frame, x0, y0, x1, y1, &sc, &b, 1);
	sqc_free_strv(lab, ni);
	free(ord);
	return SQ_OK;
}

static int
cmp_seg(const void *a, const void *b, void *ctx)
{
	char *const *seg = ctx;

	return strcmp(seg[*(const size_t *)a], seg[*(const size_t *)b]);
}

int
sqc_draw_groups(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t nd = ins->ndims, ns = d->nseg, i, j;
	struct legend_item li[8];
	const char *lab[SQ_MAX_DIMS];
	char note[256], num[32], *segl[8];
	size_t ord[8], k;
	double lo = 0, hi = 0, s, w;
	sqc_panel pl;
	sq_rect r;
	int rc;

	if (ns == 0)
		return SQ_EEMPTY;
	if (ns > 8)
		return SQ_ELIMIT;
	sqc_title_block(c);
	/* Segments in name order, each with its n (the most respondents
	   behind any of its dimension scores). */
	for (j = 0; j < ns; j++)
		ord[j] = j;
	qsort_r(ord, ns, sizeof(ord[0]), cmp_seg, d->seg);
	for (j = 0; j < ns; j++) {
		double n = NAN;

		for (i = 0; i < nd; i++)
			if (!isnan(d->segdim[ord[j] * nd + i].n) &&
			    !(d->segdim[ord[j] * nd + i].n <= n))
				n = d->segdim[ord[j] * nd + i].n;
		k = strlen(d->seg[ord[j]]) + 40;
		if ((segl[j] = malloc(k)) == NULL) {
			sqc_free_strv(segl, j);
			return SQ_ENOMEM;
		}
		if (isnan(n))
			snprintf(segl[j], k, "%s", d->seg[ord[j]]);
		else
			snprintf(segl[j], k, "%s (n = %.0f)", d->seg[ord[j]], n);
		li[j] = (struct legend_item){ segl[j], { 0 }, 0 };
		sqc_seg_color(j, li[j].color);
	}
	sqc_legend(c, d->segname[0] ? d->segname : sqc_msg(c, M_SEGMENT), li,
	    ns, MARGIN, c->W - 2 * MARGIN);
	for (j = 0; j < ns; j++)
		free(segl[j]);
	sqc_pct_text(c, c->o->conf, M_WHISK, note, sizeof(note));
	for (k = 0; k < ns * nd; k++)
		if (sqc_includes0(d->segdim[k].ci_low, d->segdim[k].ci_high)) {
			size_t l = strlen(note);

			snprintf(note + l, sizeof(note) - l, " %s",
			    sqc_msg(c, M_LIGHT));
			break;
		}
	sqc_notes(c, note);
	for (i = 0; i < nd; i++)
		lab[i] = sqc_dim_name(c, i);
	for (j = 0; j < ns; j++) {
		double a, bb;

		sqc_gap_range(d->segdim + ord[j] * nd, nd, &a, &bb);
		lo = fmin(lo, a);
		hi = fmax(hi, bb);
	}
	if ((rc = sqc_band_panel(c, lab, nd, 0.25, 0.1, 4, lo, hi,
	    sqc_msg(c, M_GAPAX), &pl)) != SQ_OK)
		return rc;
	for (i = 0; i < nd; i++)
		for (j = 0; j < ns; j++) {
			const sq_chartstat *st = &d->segdim[ord[j] * nd + i];
			double col[3];

			if (isnan(st->gap))
				continue;
			sq_band_sub(&pl.b, i, j, ns, &s, &w);
			sq_bar_rect(&pl.sc, 0, st->gap, s + 0.5, w - 1, 0, &r);
			sqc_seg_color(j, col);
			sqc_gap_bar(c, &r, col, st->ci_low, st->ci_high);
			if (!isnan(st->ci_low) && !isnan(st->ci_high))
				sqc_whisker(c,
				    sq_scale_map(&pl.sc, st->ci_low),
				    sq_scale_map(&pl.sc, st->ci_high),
				    s + w / 2, 0, fmin(w * 0.25, 5));
		}
	(void)num;
	sqc_band_panel_end(c, lab, &pl, frame);
	return SQ_OK;
}

int
sqc_draw_likert(struct ctx *c, sq_chart_frame *frame)
{
	const sq_chartdata *d = c->d;
	const sq_instrument *ins = d->ins;
	size_t ni = ins->nitems, nv = d->nvals, i, v;
	char **lab, note[512], num[32], mid[32];
	struct legend_item li[21];
	char *vl[21] = { NULL };
	size_t *ord = NULL;
	double *lo, *hi, labw, rowh, x0, x1, y0, y1, nh, mn = 0, mx = 0, s, w;
	sqc_panel pl;
	sq_scale sc;
	sq_band b;
	int rc = SQ_OK;

	if (nv < 2 || nv > 21)
		return SQ_EDATA;
	lab = calloc(ni ? ni : 1, sizeof(*lab));
	lo = calloc(ni * nv + 1, sizeof(double));
	hi = calloc(ni * nv + 1, sizeof(double));
	if (!lab || !lo || !hi) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (i = 0; i < ni; i++) {
		if ((lab[i] = sqc_item_label_dup(c, i)) == NULL) {
			rc = SQ_ENOMEM;
			goto out;
		}
		sq_likert_layout(d->count + i * nv, nv, lo + i * nv,
		    hi + i * nv);
		mn = fmin(mn, lo[i * nv]);
		mx = fmax(mx, hi[i * nv + nv - 1]);
	}
	sqc_title_block(c);
	for (v = 0; v < nv; v++) {
		const char *shown = NULL;
		size_t l, k;

		/* The codebook's answer label, when it has one. */
		for (k = 0; k < ins->nlabels; k++)
			if (ins->labels[k].value == d->vmin + (double)v &&
			    ins->labels[k].shown != NULL)
				shown = ins->labels[k].shown;
		l = (shown ? strlen(shown) : 0) + 64;
		if ((vl[v] = malloc(l)) == NULL) {
			rc = SQ_ENOMEM;
			goto out;
		}
		sqc_fmt_g(c, d->vmin + (double)v, vl[v], l);
		if (shown)
			snprintf(vl[v] + strlen(vl[v]), l - strlen(vl[v]),
			    " %s", shown);
		else if (v == 0 || v == nv - 1)
			snprintf(vl[v] + strlen(vl[v]), l - strlen(vl[v]),
			    " (%s)", sqc_msg(c, v == 0 ? M_LOWEST : M_HIGHEST));
		li[v] = (struct legend_item){ vl[v], { 0 }, 0 };
		sq_likert_color(v, nv, li[v].color);
	}
	sqc_legend(c, sqc_msg(c, M_ANSWER), li, nv, MARGIN, c->W - 2 * MARGIN);
	if (nv % 2) {
		sqc_fmt_g(c, d->vmin + (double)(nv / 2), mid, sizeof(mid));
		sqc_fill(c, M_LIKNOTE, note, sizeof(note), mid, NULL);
	} else
		sqc_fill(c, M_LIKNOTE_EVEN, note, sizeof(note), NULL, NULL);
	nh = sqc_notes_h(c, note);
	sqc_rows_layout_v(c, (const char *const *)lab, ni, 0.38, &labw, &rowh);
	y0 = c->top;
	if (c->H <= 0)
		c->H = y0 + rowh * (double)ni + sqc_xaxis_h() + nh + MARGIN + 4;
	y1 = c->H - MARGIN - nh - sqc_xaxis_h();
	if (y1 - y0 < (rowh - 7) * (double)ni) {
		rc = SQ_ELIMIT;
		goto out;
	}
	sqc_notes(c, note);
	x0 = MARGIN + labw + 12;
	x1 = c->W - MARGIN - 6;
	if (x1 - x0 < 100 || y1 - y0 < 5 * (double)ni) {
		rc = SQ_ELIMIT;
		goto out;
	}
	pl = (sqc_panel){ x0, x1, y0, y1 };
	if ((rc = sqc_row_panel(c, ni, mn, mx, 6, 16, 0.25,
	    sqc_msg(c, M_PCT), 1, &pl)) != SQ_OK)
		goto out;
	sc = pl.sc;
	b = pl.b;
	rowh = (y1 - y0) / (double)(ni ? ni : 1);
	/* Rows grouped by dimension, in instrument order within each. */
	if ((ord = malloc((ni ? ni : 1) * sizeof(*ord))) == NULL) {
		rc = SQ_ENOMEM;
		goto out;
	}
	for (i = 0; i < ni; i++)
		ord[i] = i;
	if (ni > 0)
		sqc_order_by_key(ord, ni, &ins->items[0].dim,
		    sizeof(ins->items[0]));
	for (size_t row = 0; row < ni; row++) {
		i = ord[row];
		sq_band_pos(&b, row, &s, &w);
		sqc_set_font(c, FS_LABEL, 0);
		sqc_grey(c, 0.1);
		sqc_wrapped(c, lab[i], MARGIN, y0 + rowh * (double)row +
		    rowh / 2, labw + 0.5, FS_LABEL, 0, 0.5, 0);
		sqc_set_font(c, FS_TICK - 1, 0);
		for (v = 0; v < nv; v++) {
			double col[3], a = lo[i * nv + v], z = hi[i * nv + v];
			sq_rect r;

			if (!(z > a))
				continue;
			sq_bar_rect(&sc, a, z, s, w, 1, &r);
			sq_likert_color(v, nv, col);
			sqc_rgb(c, col);
			sqc_fill_rect(c, &r);
			sqc_fmt_num(c, z - a, 0, num, sizeof(num));
			if (sqc_text_w(c, num) + 4 <= r.w && w >= FS_TICK) {
				sqc_grey(c, sqc_luminance(col) < 0.5 ? 1 : 0.1);
				sqc_text(c, r.x + r.w / 2, s + w / 2 +
				    (FS_TICK - 1) * 0.35, num, 0.5);
			}
		}
	}
	sqc_set_frame(frame, x0, y0, x1, y1, &sc, &b, 1);
out:
	for (v = 0; v < 21; v++)
		free(vl[v]);
	free(ord);
	sqc_free_strv(lab, ni);
	free(lo);
	free(hi);
	return rc;
}
