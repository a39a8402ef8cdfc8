/*
 * The compare chart: per dimension each group's mean score with its
 * interval, and letters naming the groups it differs from; with two
 * groups or two waves, the change per dimension with its interval. Drawn
 * from sq-compare's table (which carries each pair's n, means, sds and
 * the level; read in chart_tab_compare.c) or from an export read with
 * --by (through sq_cmp_rows).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "servqual/compare.h"
#include "servqual/gap.h"
#include "chart_int.h"

#define MAXG	12	/* groups a compare chart draws legibly */

struct sq_cmpchart {
	size_t ng, nd;
	char **group;		/* ng names, strcmp order */
	double *n, *mean, *lo, *hi;	/* nd * ng */
	unsigned char *differ;	/* nd * ng * ng */
	int change;		/* draw the change of group 2 over group 1 */
	double *chg, *clo, *chi;	/* nd */
	const char *test;	/* the test marking differences */
	double conf;
};

void
sqc_compare_free(struct sq_cmpchart *m)
{
	if (m == NULL)
		return;
	sqc_free_strv(m->group, m->ng);
	free(m->n);
	free(m->mean);
	free(m->lo);
	free(m->hi);
	free(m->differ);
	free(m->chg);
	free(m->clo);
	free(m->chi);
	free(m);
}

static long
gindex(struct sq_cmpchart *m, const char *name, int *rc)
{
	size_t i;
	char **g;

	for (i = 0; i < m->ng; i++)
		if (strcmp(m->group[i], name) == 0)
			return (long)i;
	if ((g = realloc(m->group, (m->ng + 1) * sizeof(*g))) == NULL) {
		*rc = SQ_ENOMEM;
		return -1;
	}
	m->group = g;
	if ((g[m->ng] = strdup(name)) == NULL) {
		*rc = SQ_ENOMEM;
		return -1;
	}
	return (long)m->ng++;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Fill d->cmp from rows (scope dimension only) naming groups by name[].
 * Group intervals: mean +- t(n - 1) sd / sqrt(n) at level conf; pairs
 * differ when Games-Howell's p_adj (Tukey's when absent) < 1 - conf.
 */
int
sqc_compare_rows(sq_chartdata *d, const sq_cmprow *rows, size_t nr,
    char *const *name, double conf)
{
	struct sq_cmpchart *m;
	size_t i, nd = d->ins->ndims, a, b, k;
	int rc = SQ_OK, gh = 0;

	sqc_compare_free(d->cmp);
	d->cmp = NULL;
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return SQ_ENOMEM;
	m->nd = nd;
	m->conf = conf;
	for (i = 0; i < nr && rc == SQ_OK; i++)
		if (rows[i].scope == SQ_SCOPE_DIMENSION && rows[i].g1 >= 0) {
			gindex(m, name[rows[i].g1], &rc);
			gindex(m, name[rows[i].g2], &rc);
			gh |= rows[i].test == SQ_T_GAMES_HOWELL;
		}
	if (rc == SQ_OK && m->ng < 2)
		rc = SQ_EEMPTY;
	if (rc != SQ_OK) {
		sqc_compare_free(m);
		return rc;
	}
	qsort(m->group, m->ng, sizeof(*m->group), by_name);
	k = nd * m->ng;
	m->n = malloc(k * sizeof(double));
	m->mean = malloc(k * sizeof(double));
	m->lo = malloc(k * sizeof(double));
	m->hi = malloc(k * sizeof(double));
	m->differ = calloc(k * m->ng, 1);
	m->chg = malloc((nd + 1) * sizeof(double));
	m->clo = malloc((nd + 1) * sizeof(double));
	m->chi = malloc((nd + 1) * sizeof(double));
	if (!m->n || !m->mean || !m->lo || !m->hi || !m->differ || !m->chg ||
	    !m->clo || !m->chi) {
		sqc_compare_free(m);
		return SQ_ENOMEM;
	}
	for (i = 0; i < k; i++)
		m->n[i] = m->mean[i] = m->lo[i] = m->hi[i] = NAN;
	for (i = 0; i < nd; i++)
		m->chg[i] = m->clo[i] = m->chi[i] = NAN;
	m->test = gh ? "Games\xe2\x80\x93Howell" : "Tukey";
	for (i = 0; i < nr; i++) {
		const sq_cmprow *r = &rows[i];
		size_t dd = (size_t)r->dim;
		int g[2];
		size_t s;

		if (r->scope != SQ_SCOPE_DIMENSION || r->g1 < 0 || r->dim < 0 ||
		    dd >= nd)
			continue;
		g[0] = (int)gindex(m, name[r->g1], &rc);
		g[1] = (int)gindex(m, name[r->g2], &rc);
		if (r->test == SQ_T_PAIRED_T || (m->ng == 2 &&
		    r->test == SQ_T_WELCH_T)) {
			m->change = 1;
			m->chg[dd] = r->diff;
			m->clo[dd] = r->ci_low;
			m->chi[dd] = r->ci_high;
		}
		for (s = 0; s < 2; s++) {
			double n = s ? r->n2 : r->n1, mu = s ? r->mean2 :
			    r->mean1, sd = s ? r->sd2 : r->sd1;
			size_t at = dd * m->ng + (size_t)g[s];

			if (isnan(n) || !isnan(m->n[at]))
				continue;
			m->n[at] = n;
			m->mean[at] = mu;
			if (n >= 2 && !isnan(sd)) {
				double t = gsl_cdf_tdist_Qinv((1 - conf) / 2,
				    n - 1) * sd / sqrt(n);

				m->lo[at] = mu - t;
				m->hi[at] = mu + t;
			}
		}
		if (r->test == (gh ? SQ_T_GAMES_HOWELL : SQ_T_TUKEY) &&
		    r->p_adj < 1 - conf) {
			a = (size_t)g[0];
			b = (size_t)g[1];
			m->differ[(dd * m->ng + a) * m->ng + b] = 1;
			m->differ[(dd * m->ng + b) * m->ng + a] = 1;
		}
	}
	d->cmp = m;
	return SQ_OK;
}

static const char *const txt[][2] = {
	{ "Mean score", "Puntuaci\xc3\xb3n media" },
	{ "Change", "Cambio" },
	{ "Group", "Grupo" },
};

int
sqc_draw_compare(struct ctx *c, sq_chart_frame *frame)
{
	const struct sq_cmpchart *m = c->d->cmp;
	size_t nd, ng, i, j, q;
	struct legend_item li[MAXG];
	char lname[MAXG][160], note[512], pct[32], alpha[32];
	const char *lab[SQ_MAX_DIMS];
	double lo = 0, hi = 0, s, w;
	int L = c->lang, chg, rc;
	sqc_panel pl;

	if (m == NULL)
		return SQ_EEMPTY;
	nd = m->nd;
	ng = m->ng;
	chg = m->change;
	if (!chg && ng > MAXG)
		return SQ_ELIMIT;
	sqc_title_block(c);
	sqc_fmt_g(c, 100 * m->conf, pct, sizeof(pct));
	sqc_fmt_g(c, 1 - m->conf, alpha, sizeof(alpha));
	if (chg) {
		if (L == SQ_LANG_ES)
			snprintf(note, sizeof(note), "Cambio %s \xe2\x88\x92 %s "
			    "por dimensi\xc3\xb3n con su intervalo del %s%%.",
			    m->group[1], m->group[0], pct);
		else
			snprintf(note, sizeof(note), "Change %s \xe2\x88\x92 %s "
			    "per dimension with its %s%% interval.",
			    m->group[1], m->group[0], pct);
	} else {
		for (j = 0; j < ng; j++) {
			snprintf(lname[j], sizeof(lname[j]), "%c  %s",
			    (int)('a' + j), m->group[j]);
			li[j] = (struct legend_item){ lname[j], { 0 }, 1 };
			sqc_seg_color(j, li[j].color);
		}
		sqc_legend(c, c->d->segname[0] ? c->d->segname : txt[2][L], li,
		    ng, MARGIN, c->W - 2 * MARGIN);
		if (L == SQ_LANG_ES)
			snprintf(note, sizeof(note), "Puntos: media de cada grupo "
			    "con su intervalo del %s%%; las letras sobre un grupo"
			    ": los grupos de los que difiere (%s, p_aj < %s).",
			    pct, m->test, alpha);
		else
			snprintf(note, sizeof(note), "Dots: each group's mean "
			    "with its %s%% interval; letters above a group: the "
			    "groups it differs from (%s, p_adj < %s).", pct,
			    m->test, alpha);
	}
	sqc_notes(c, note);
	for (i = 0; i < nd; i++) {
		lab[i] = sqc_dim_name(c, i);
		if (chg) {
			if (!isnan(m->clo[i]))
				lo = fmin(lo, m->clo[i]);
			if (!isnan(m->chi[i]))
				hi = fmax(hi, m->chi[i]);
			continue;
		}
		for (j = 0; j < ng; j++) {
			size_t at = i * ng + j;
			double a = isnan(m->lo[at]) ? m->mean[at] : m->lo[at];
			double z = isnan(m->hi[at]) ? m->mean[at] : m->hi[at];

			if (isnan(a))
				continue;
			if (lo == 0 && hi == 0)
				lo = hi = a;
			lo = fmin(lo, a);
			hi = fmax(hi, z);
		}
	}
	if (!(hi > lo)) {
		lo -= 1;
		hi += 1;
	}
	if ((rc = sqc_band_panel(c, lab, nd, 0.25, 0.1, 14, lo, hi,
	    txt[chg][L], &pl)) != SQ_OK)
		return rc;
	for (i = 0; i < nd; i++) {
		if (chg) {
			double col[3], y;

			if (isnan(m->chg[i]))
				continue;
			sq_band_pos(&pl.b, i, &s, &w);
			sqc_rgb(c, sqc_gapcol(m->chg[i], col));
			y = sq_scale_map(&pl.sc, m->chg[i]);
			cairo_arc(c->cr, s + w / 2, y, 4, 0, 2 * M_PI);
			cairo_fill(c->cr);
			if (!isnan(m->clo[i]))
				sqc_whisker(c,
				    sq_scale_map(&pl.sc, m->clo[i]),
				    sq_scale_map(&pl.sc, m->chi[i]),
				    s + w / 2, 0, fmin(w * 0.2, 8));
			continue;
		}
		for (j = 0; j < ng; j++) {
			size_t at = i * ng + j, k = 0;
			double col[3], top;
			char let[MAXG * 2 + 1];

			if (isnan(m->mean[at]))
				continue;
			sq_band_sub(&pl.b, i, j, ng, &s, &w);
			sqc_seg_color(j, col);
			sqc_rgb(c, col);
			top = sq_scale_map(&pl.sc, m->mean[at]);
			cairo_arc(c->cr, s + w / 2, top, fmin(3.5, w / 3), 0,
			    2 * M_PI);
			cairo_fill(c->cr);
			if (!isnan(m->lo[at])) {
				sqc_whisker(c,
				    sq_scale_map(&pl.sc, m->lo[at]),
				    sq_scale_map(&pl.sc, m->hi[at]),
				    s + w / 2, 0, fmin(w * 0.25, 4));
				top = sq_scale_map(&pl.sc, m->hi[at]);
			}
			for (q = 0; q < ng; q++)
				if (m->differ[at * ng + q])
					let[k++] = (char)('a' + q);
			let[k] = '\0';
			if (k > 0) {
				sqc_set_font(c, FS_TICK * (ng > 6 ? 0.8 : 1),
				    0);
				sqc_grey(c, 0.15);
				sqc_text(c, s + w / 2, top - 3, let, 0.5);
			}
		}
	}
	sqc_band_panel_end(c, lab, &pl, frame);
	return SQ_OK;
}
