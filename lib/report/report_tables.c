/*
 * The report's own tables, beside those the tools print: scores by
 * segment, importance-performance, key drivers, each factor's CR, AVE
 * and HTMT, the zone of tolerance and data quality. Each returns a new
 * table, or NULL when out of memory.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/reliability.h"
#include "servqual/zone.h"
#include "servqual/cfa.h"
#include "servqual/drivers.h"
#include "servqual/i18n.h"
#include "report_int.h"

/* A column of a report's table: its name, how it reads for people. */
struct rcol {
	const char *name;
	int kind, digits;
	const char *label;	/* NULL: the name */
};

#define RCOL_MAX	(SQ_MAX_DIMS + 3)

/* A new table of the n columns of cols; NULL when out of memory. */
static sq_table *
rtable_new(const struct rcol *cols, size_t n)
{
	const char *names[RCOL_MAX];
	sq_table *t;
	size_t c;

	for (c = 0; c < n; c++)
		names[c] = cols[c].name;
	if (sq_table_new(names, n, &t) != SQ_OK)
		return NULL;
	for (c = 0; c < n; c++)
		sq_table_human(t, c, cols[c].kind, cols[c].digits,
		    cols[c].label);
	return t;
}

/* t when every cell went in (rc 0); else NULL, t freed. */
static sq_table *
rtable_done(sq_table *t, int rc)
{
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
}

static const char *
qname(int q)
{
	return q == RQ_CONCENTRATE ? _("concentrate here") :
	    q == RQ_KEEP_UP ? _("keep up the good work") :
	    q == RQ_LOW_PRIORITY ? _("low priority") :
	    q == RQ_OVERKILL ? _("possible overkill") : "";
}

/* Segments: n and scores of every group. */
sq_table *
rtable_segments(const sq_study *s, int lang)
{
	const sq_instrument *ins = s->ins;
	const sq_gapset *g = s->gaps;
	struct rcol cols[RCOL_MAX] = {
		{ "segment", SQ_NUM_TEXT, 0, NULL },
		{ "n", SQ_NUM_INT, 0, N_("n") }
	};
	sq_table *t;
	sq_gaprow *rows;
	size_t i, j, n, nc = 2;
	int rc = 0;

	cols[0].label = s->by;
	for (i = 0; i < ins->ndims; i++)
		cols[nc++] = (struct rcol){ ins->dims[i].code, SQ_NUM_REAL, 2,
		    NULL };
	cols[nc++] = (struct rcol){ "servqual", SQ_NUM_REAL, 2, "SERVQUAL" };
	if ((t = rtable_new(cols, nc)) == NULL)
		return NULL;
	(void)lang;
	for (i = 0; i < g->nseg && rc == 0; i++) {
		if (sq_gap_rows(g->acc[i], ins, s->conf, &rows, &n) != SQ_OK) {
			rc = 1;
			break;
		}
		rc |= sq_table_str(t, g->seg[i]);
		rc |= sq_table_num(t, g->acc[i]->respondents);
		for (j = 0; j < n; j++)
			if (rows[j].scope == SQ_SCOPE_DIMENSION ||
			    rows[j].scope == SQ_SCOPE_SERVQUAL)
				rc |= sq_table_num(t, rows[j].gap);
		free(rows);
	}
	return rtable_done(t, rc);
}

sq_table *
rtable_ipa(const sq_study *s, int lang)
{
	static const struct rcol cols[] = {
		{ "dimension", SQ_NUM_TEXT, 0, N_("dimension") },
		{ "importance", SQ_NUM_REAL, 1, N_("importance") },
		{ "performance", SQ_NUM_REAL, 2, N_("performance (mean P)") },
		{ "ci_low", SQ_NUM_REAL, 2, N_("CI low") },
		{ "ci_high", SQ_NUM_REAL, 2, N_("CI high") },
		{ "quadrant", SQ_NUM_TEXT, 0, N_("quadrant") }
	};
	const sq_instrument *ins = s->ins;
	const sq_drvresult *r = s->drv;
	sq_table *t;
	size_t i;
	int rc = 0;

	if ((t = rtable_new(cols, 6)) == NULL)
		return NULL;
	for (i = 0; i < r->ndims; i++) {
		rc |= sq_table_str(t, ins->dims[i].name[lang]);
		rc |= sq_table_num(t, r->importance[i]);
		rc |= sq_table_num(t, r->perf[i]);
		rc |= sq_table_num(t, r->perf_lo[i]);
		rc |= sq_table_num(t, r->perf_hi[i]);
		rc |= sq_table_str(t, qname(r->quadrant[i]));
	}
	return rtable_done(t, rc);
}

/* A rank: whole, or with one decimal for a tie; a dash when undefined. */
static const char *
rank(char *buf, double x)
{
	return rfx(buf, x, x == floor(x) ? 0 : 1);
}

/* The drivers: the SERVPERF model's terms beside stated importance. */
sq_table *
rtable_drivers(const sq_study *s, int lang)
{
	static const struct rcol cols[] = {
		{ "dimension", SQ_NUM_TEXT, 0, N_("dimension") },
		{ "b", SQ_NUM_REAL, 3, N_("b") },
		{ "p", SQ_NUM_P, 0, N_("p") },
		{ "beta", SQ_NUM_REAL, 2, N_("beta") },
		/* xgettext:no-c-format */
		{ "lmg_share", SQ_NUM_REAL, 1, N_("LMG % of R\xc2\xb2") },
		{ "stated", SQ_NUM_REAL, 1, N_("stated %") },
		/* ranks: whole, or halves for ties; right-aligned text */
		{ "rank_stated", SQ_NUM_INT, 0, N_("rank (stated)") },
		{ "rank_derived", SQ_NUM_INT, 0, N_("rank (derived)") }
	};
	const sq_instrument *ins = s->ins;
	const sq_drvresult *r = s->drv;
	const sq_drvmodel *m = &r->model[SQ_DRV_SERVPERF];
	sq_table *t;
	size_t i;
	char a[48];
	int rc = 0;

	if ((t = rtable_new(cols, 8)) == NULL)
		return NULL;
	for (i = 0; i < r->ndims; i++) {
		rc |= sq_table_str(t, ins->dims[i].name[lang]);
		rc |= sq_table_num(t, m->est[i + 1]);
		rc |= sq_table_num(t, m->pv[i + 1]);
		rc |= sq_table_num(t, m->beta[i + 1]);
		rc |= sq_table_num(t, m->share[i]);
		rc |= sq_table_num(t, r->stated[i]);
		rc |= sq_table_str(t, rank(a, r->rank_stated[i]));
		rc |= sq_table_str(t, rank(a, r->rank_derived[i]));
	}
	return rtable_done(t, rc);
}

/* CR, AVE and the largest HTMT of each factor (sq-cfa's). */
sq_table *
rtable_cfa(const sq_study *s, int lang)
{
	static const struct rcol cols[] = {
		{ "dimension", SQ_NUM_TEXT, 0, N_("dimension") },
		{ "items", SQ_NUM_INT, 0, N_("items") },
		{ "cr", SQ_NUM_REAL, 3, N_("CR") },
		{ "ave", SQ_NUM_REAL, 3, N_("AVE") },
		{ "htmt_max", SQ_NUM_REAL, 3, N_("largest HTMT") }
	};
	const sq_cfa *c = s->cfa;
	sq_table *t;
	size_t a, b;
	int rc = 0;

	if ((t = rtable_new(cols, 5)) == NULL)
		return NULL;
	for (a = 0; a < c->m; a++) {
		double h = NAN;

		for (b = 0; b < c->m; b++)
			if (b != a && !isnan(c->htmt[a * c->m + b]) &&
			    (isnan(h) || c->htmt[a * c->m + b] > h))
				h = c->htmt[a * c->m + b];
		rc |= sq_table_str(t,
		    s->ins->dims[s->cfa_dimidx[a]].name[lang]);
		rc |= sq_table_num(t, (double)c->nitems[a]);
		rc |= sq_table_num(t, c->cr[a]);
		rc |= sq_table_num(t, c->ave[a]);
		rc |= sq_table_num(t, h);
	}
	return rtable_done(t, rc);
}

/* Zone of tolerance by dimension and overall (sq-zone's figures). */
sq_table *
rtable_zone(const sq_study *s, int lang)
{
	static const struct rcol cols[] = {
		{ "dimension", SQ_NUM_TEXT, 0, N_("dimension") },
		{ "n", SQ_NUM_INT, 0, N_("n") },
		{ "mean_a", SQ_NUM_REAL, 2, N_("adequate") },
		{ "mean_d", SQ_NUM_REAL, 2, N_("desired") },
		{ "mean_p", SQ_NUM_REAL, 2, N_("perceived") },
		{ "msa", SQ_NUM_REAL, 2, N_("MSA") },
		{ "mss", SQ_NUM_REAL, 2, N_("MSS") },
		{ "below", SQ_NUM_REAL, 1, N_("below %") },
		{ "within", SQ_NUM_REAL, 1, N_("within %") },
		{ "above", SQ_NUM_REAL, 1, N_("above %") }
	};
	sq_table *t;
	size_t i;
	int rc = 0;

	if ((t = rtable_new(cols, 10)) == NULL)
		return NULL;
	for (i = 0; i < s->nzrow; i++) {
		const sq_zonerow *z = &s->zrow[i];

		if (z->scope == SQ_ZONE_ITEM)
			continue;
		rc |= sq_table_str(t, z->scope == SQ_ZONE_OVERALL ?
		    _("Overall") : s->ins->dims[z->dim].name[lang]);
		rc |= sq_table_num(t, z->n);
		rc |= sq_table_num(t, z->mean_a);
		rc |= sq_table_num(t, z->mean_d);
		rc |= sq_table_num(t, z->mean_p);
		rc |= sq_table_num(t, z->msa);
		rc |= sq_table_num(t, z->mss);
		rc |= sq_table_num(t, 100 * z->below);
		rc |= sq_table_num(t, 100 * z->within);
		rc |= sq_table_num(t, 100 * z->above);
	}
	return rtable_done(t, rc);
}

sq_table *
rtable_quality(const sq_study *s)
{
	static const struct rcol cols[] = {
		{ "what", SQ_NUM_TEXT, 0, "" },
		{ "count", SQ_NUM_INT, 0, N_("count") }
	};
	sq_table *t;
	int rc = 0;

	if ((t = rtable_new(cols, 2)) == NULL)
		return NULL;
#define Q(label, x) do { rc |= sq_table_str(t, label); \
	rc |= sq_table_num(t, (double)(x)); } while (0)
	Q(_("respondents read"), s->st.rows);
	Q(_("respondents with a SERVQUAL score"), s->chk.usable);
	Q(_("invalid cells (treated as missing)"), s->st.invalid);
	Q(_("missing E and P cells"), s->chk.missing);
	Q(_("duplicate respondent ids"), s->chk.duplicate_ids);
	Q(_("straight-lining (all answers equal)"), s->chk.straight_lining);
	Q(_("too few answers"), s->chk.too_few);
	Q(_("weights incomplete or not summing to 100"), s->chk.weights_off);
#undef Q
	return rtable_done(t, rc);
}
