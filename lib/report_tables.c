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
	const char *cols[SQ_MAX_DIMS + 3];
	sq_table *t;
	sq_gaprow *rows;
	size_t i, j, n, nc = 0;
	int rc = 0;

	cols[nc++] = "segment";
	cols[nc++] = "n";
	for (i = 0; i < ins->ndims; i++)
		cols[nc++] = ins->dims[i].code;
	cols[nc++] = "servqual";
	if (sq_table_new(cols, nc, &t) != SQ_OK)
		return NULL;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, s->by);
	sq_table_human(t, 1, SQ_NUM_INT, 0, N_("n"));
	for (i = 0; i < nc - 2; i++)
		sq_table_human(t, i + 2, SQ_NUM_REAL, 2, NULL);
	sq_table_human(t, nc - 1, SQ_NUM_REAL, 2, "SERVQUAL");
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
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
}

sq_table *
rtable_ipa(const sq_study *s, int lang)
{
	static const char *const cols[] = {
		"dimension", "importance", "performance", "ci_low", "ci_high",
		"quadrant"
	};
	const sq_instrument *ins = s->ins;
	const sq_drvresult *r = s->drv;
	sq_table *t;
	size_t i;
	int rc = 0;

	if (sq_table_new(cols, 6, &t) != SQ_OK)
		return NULL;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, N_("dimension"));
	sq_table_human(t, 1, SQ_NUM_REAL, 1, N_("importance"));
	sq_table_human(t, 2, SQ_NUM_REAL, 2, N_("performance (mean P)"));
	sq_table_human(t, 3, SQ_NUM_REAL, 2, N_("CI low"));
	sq_table_human(t, 4, SQ_NUM_REAL, 2, N_("CI high"));
	sq_table_human(t, 5, SQ_NUM_TEXT, 0, N_("quadrant"));
	for (i = 0; i < r->ndims; i++) {
		rc |= sq_table_str(t, ins->dims[i].name[lang]);
		rc |= sq_table_num(t, r->importance[i]);
		rc |= sq_table_num(t, r->perf[i]);
		rc |= sq_table_num(t, r->perf_lo[i]);
		rc |= sq_table_num(t, r->perf_hi[i]);
		rc |= sq_table_str(t, qname(r->quadrant[i]));
	}
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
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
	static const char *const cols[] = {
		"dimension", "b", "p", "beta", "lmg_share", "stated",
		"rank_stated", "rank_derived"
	};
	const sq_instrument *ins = s->ins;
	const sq_drvresult *r = s->drv;
	const sq_drvmodel *m = &r->model[SQ_DRV_SERVPERF];
	sq_table *t;
	size_t i;
	char a[48];
	int rc = 0;

	if (sq_table_new(cols, 8, &t) != SQ_OK)
		return NULL;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, N_("dimension"));
	sq_table_human(t, 1, SQ_NUM_REAL, 3, N_("b"));
	sq_table_human(t, 2, SQ_NUM_P, 0, N_("p"));
	sq_table_human(t, 3, SQ_NUM_REAL, 2, N_("beta"));
	/* xgettext:no-c-format */
	sq_table_human(t, 4, SQ_NUM_REAL, 1, N_("LMG % of R\xc2\xb2"));
	sq_table_human(t, 5, SQ_NUM_REAL, 1, N_("stated %"));
	/* ranks: whole, or halves for ties; right-aligned text */
	sq_table_human(t, 6, SQ_NUM_INT, 0, N_("rank (stated)"));
	sq_table_human(t, 7, SQ_NUM_INT, 0, N_("rank (derived)"));
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
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
}

/* CR, AVE and the largest HTMT of each factor (sq-cfa's). */
sq_table *
rtable_cfa(const sq_study *s, int lang)
{
	static const char *const cols[] = {
		"dimension", "items", "cr", "ave", "htmt_max"
	};
	const sq_cfa *c = s->cfa;
	sq_table *t;
	size_t a, b;
	int rc = 0;

	if (sq_table_new(cols, 5, &t) != SQ_OK)
		return NULL;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, N_("dimension"));
	sq_table_human(t, 1, SQ_NUM_INT, 0, N_("items"));
	sq_table_human(t, 2, SQ_NUM_REAL, 3, N_("CR"));
	sq_table_human(t, 3, SQ_NUM_REAL, 3, N_("AVE"));
	sq_table_human(t, 4, SQ_NUM_REAL, 3, N_("largest HTMT"));
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
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
}

/* Zone of tolerance by dimension and overall (sq-zone's figures). */
sq_table *
rtable_zone(const sq_study *s, int lang)
{
	static const char *const cols[] = {
		"dimension", "n", "mean_a", "mean_d", "mean_p", "msa", "mss",
		"below", "within", "above"
	};
	static const struct {
		int kind, digits;
		const char *label;
	} spec[] = {
		{ SQ_NUM_TEXT, 0, N_("dimension") }, { SQ_NUM_INT, 0, N_("n") },
		{ SQ_NUM_REAL, 2, N_("adequate") },
		{ SQ_NUM_REAL, 2, N_("desired") },
		{ SQ_NUM_REAL, 2, N_("perceived") },
		{ SQ_NUM_REAL, 2, N_("MSA") }, { SQ_NUM_REAL, 2, N_("MSS") },
		{ SQ_NUM_REAL, 1, N_("below %") },
		{ SQ_NUM_REAL, 1, N_("within %") },
		{ SQ_NUM_REAL, 1, N_("above %") },
	};
	sq_table *t;
	size_t i, c;
	int rc = 0;

	if (sq_table_new(cols, 10, &t) != SQ_OK)
		return NULL;
	for (c = 0; c < 10; c++)
		sq_table_human(t, c, spec[c].kind, spec[c].digits,
		    spec[c].label);
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
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
}

sq_table *
rtable_quality(const sq_study *s)
{
	static const char *const cols[] = { "what", "count" };
	sq_table *t;
	int rc = 0;

	if (sq_table_new(cols, 2, &t) != SQ_OK)
		return NULL;
	sq_table_human(t, 0, SQ_NUM_TEXT, 0, "");
	sq_table_human(t, 1, SQ_NUM_INT, 0, N_("count"));
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
	if (rc) {
		sq_table_free(t);
		return NULL;
	}
	return t;
}
