/*
 * The report's content: the executive summary in sentences computed from
 * the study, and the sections, each from the table a tool prints for
 * people (sq_gap_pretty, sq_rel_pretty, sq_fa_loadings_table) so that a
 * figure in the report is the figure the tool shows.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "servqual/reliability.h"
#include "servqual/zone.h"
#include "servqual/cfa.h"
#include "servqual/drivers.h"
#include "servqual/i18n.h"
#include "report_int.h"

/* A growing text of lines. */
struct text {
	char *s;
	size_t len, cap;
	int nomem;
};

static void tprintf(struct text *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
tprintf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || t->nomem)
		return;
	if (t->len + (size_t)n + 2 > t->cap) {
		size_t cap = (t->len + (size_t)n + 2) * 2;
		char *p = realloc(t->s, cap);

		if (p == NULL) {
			t->nomem = 1;
			return;
		}
		t->s = p;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

/* x for people with d decimals; a true minus sign when print is set. */
static const char *
fx(char *buf, double x, int d)
{
	sq_fmt_human(x, d < 0 ? SQ_NUM_P : d == 0 ? SQ_NUM_INT : SQ_NUM_REAL,
	    d, buf, 48);
	if (buf[0] == '\0')
		snprintf(buf, 48, "\xe2\x80\x94");
	return buf;
}

/* "p = 0.012" or "p < 0.001" */
static const char *
fp(char *buf, double p)
{
	char v[48];

	fx(v, p, -1);
	snprintf(buf, 64, "p %s %s", v[0] == '<' ? "<" : "=",
	    v + (v[0] == '<'));
	return buf;
}

static const sq_gaprow *
scoperow(const sq_study *s, int scope)
{
	size_t i;

	for (i = 0; i < s->ngrow; i++)
		if (s->grow[i].scope == scope)
			return &s->grow[i];
	return NULL;
}

/* Indices of rows of one scope sorted by gap, most negative first. */
static size_t
sorted(const sq_study *s, int scope, size_t *idx)
{
	size_t i, j, n = 0;

	for (i = 0; i < s->ngrow; i++)
		if (s->grow[i].scope == scope && !isnan(s->grow[i].gap))
			idx[n++] = i;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && s->grow[idx[j]].gap <
		    s->grow[idx[j - 1]].gap; j--) {
			size_t t = idx[j];

			idx[j] = idx[j - 1];
			idx[j - 1] = t;
		}
	return n;
}

static const char *
qname(int q)
{
	return q == RQ_CONCENTRATE ? _("concentrate here") :
	    q == RQ_KEEP_UP ? _("keep up the good work") :
	    q == RQ_LOW_PRIORITY ? _("low priority") :
	    q == RQ_OVERKILL ? _("possible overkill") : "";
}

/* Index of the largest defined x[0..n-1], or -1. */
static int
top(const double *x, size_t n)
{
	size_t i;
	int b = -1;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]) && (b < 0 || x[i] > x[b]))
			b = (int)i;
	return b;
}

/* Importance, key drivers and where to concentrate (sq-drivers). */
static void
drivers_summary(const sq_study *s, int lang, struct text *t)
{
	const sq_instrument *ins = s->ins;
	const sq_drvresult *r = s->drv;
	const sq_drvmodel *mp = &r->model[SQ_DRV_SERVPERF];
	size_t i, nc = 0, nd = r->ndims;
	int ts = top(r->stated, nd), td = top(r->derived, nd);
	char a[48], b[48];

	if (ts >= 0)
		tprintf(t, _("Customers rate %s the most important dimension "
		    "(%s of 100 points on average). "),
		    ins->dims[ts].name[lang], fx(a, r->stated[ts], 1));
	if (td >= 0 && s->st.has_overall && !isnan(mp->r2))
		tprintf(t, _("The overall rating moves most with %s (%s%% of "
		    "the variance the perceptions explain, R\xc2\xb2 = %s). "),
		    ins->dims[td].name[lang], fx(a, r->derived[td], 1),
		    fx(b, mp->r2, 2));
	for (i = 0; i < nd; i++)
		if (r->quadrant[i] == RQ_CONCENTRATE)
			tprintf(t, nc++ ? ", %s" : _("Concentrate on %s"),
			    ins->dims[i].name[lang]);
	tprintf(t, "%s\n", nc ? _(": above-average importance, "
	    "below-average performance.") : _("No dimension is both above "
	    "average in importance and below average in performance."));
}

static void
summary(const sq_study *s, const sq_report_opts *o, struct text *t)
{
	const sq_instrument *ins = s->ins;
	const sq_gaprow *sq = scoperow(s, SQ_SCOPE_SERVQUAL);
	const sq_gaprow *wq = scoperow(s, SQ_SCOPE_WEIGHTED);
	size_t *idx = calloc(s->ngrow + 1, sizeof(size_t)), n, i, below = 0;
	char a[48], b[48], c[48], d[48], e[48], f[64];
	int lang = o->lang;

	if (idx == NULL) {
		t->nomem = 1;
		return;
	}
	if (s->form == SQ_FORM_SERVPERF && sq != NULL && !isnan(sq->mean_p))
		tprintf(t, _("The export has perceptions only (SERVPERF): the "
		    "mean perception over the dimensions is %s, with a %.0f%% "
		    "confidence interval from %s to %s, over %s "
		    "respondents.\n"), fx(a, sq->mean_p, 2), s->conf * 100,
		    fx(b, sq->ci_low, 2), fx(c, sq->ci_high, 2),
		    fx(d, sq->n, 0));
	for (i = 0; i < s->nzrow; i++)
		if (s->zrow[i].scope == SQ_ZONE_OVERALL &&
		    !isnan(s->zrow[i].below))
			tprintf(t, _("Zone of tolerance: %s%% of the respondents "
			    "perceive the service below the adequate level, "
			    "%s%% within the zone and %s%% above the desired "
			    "level (MSA %s, MSS %s).\n"),
			    fx(a, 100 * s->zrow[i].below, 1),
			    fx(b, 100 * s->zrow[i].within, 1),
			    fx(c, 100 * s->zrow[i].above, 1),
			    fx(d, s->zrow[i].msa, 2), fx(e, s->zrow[i].mss, 2));
	if (s->form == SQ_FORM_SERVQUAL && sq != NULL && !isnan(sq->gap)) {
		const char *verdict = sq->ci_high < 0 ? _("service falls "
		    "short of what customers expect") : sq->ci_low > 0 ?
		    _("service exceeds what customers expect") :
		    _("service is not distinguishable from what customers "
		    "expect");

		tprintf(t, _("The SERVQUAL score (perceptions minus "
		    "expectations, the mean of the dimension gaps) is %s, "
		    "with a %.0f%% confidence interval from %s to %s, over %s "
		    "respondents: %s."), fx(a, sq->gap, 2), s->conf * 100,
		    fx(b, sq->ci_low, 2), fx(c, sq->ci_high, 2),
		    fx(d, sq->n, 0), verdict);
		if (wq != NULL && !isnan(wq->gap))
			tprintf(t, _(" Weighted by the importance each "
			    "respondent gave the dimensions, it is %s."),
			    fx(a, wq->gap, 2));
		tprintf(t, "\n");
	}
	n = sorted(s, SQ_SCOPE_DIMENSION, idx);
	if (n >= 3) {
		const sq_gaprow *r0 = &s->grow[idx[0]], *r1 = &s->grow[idx[1]];
		const sq_gaprow *rl = &s->grow[idx[n - 1]];

		tprintf(t, _("The largest gaps are in %s (%s) and %s (%s); "
		    "the smallest in %s (%s).\n"),
		    ins->dims[r0->dim].name[lang], fx(a, r0->gap, 2),
		    ins->dims[r1->dim].name[lang], fx(b, r1->gap, 2),
		    ins->dims[rl->dim].name[lang], fx(c, rl->gap, 2));
	}
	for (i = 0; i < n; i++)
		below += s->grow[idx[i]].ci_high < 0;
	if (n > 1 && below == n)
		tprintf(t, _("All %zu dimensions fall significantly short of "
		    "expectations (every confidence interval lies below "
		    "zero).\n"), n);
	else if (n > 0)
		tprintf(t, sq_ngettext("%zu of %zu dimensions falls "
		    "significantly short of expectations (its whole confidence "
		    "interval lies below zero).\n", "%zu of %zu dimensions fall "
		    "significantly short of expectations (their whole "
		    "confidence intervals lie below zero).\n", below), below, n);
	n = sorted(s, SQ_SCOPE_ITEM, idx);
	if (n >= 3) {
		tprintf(t, "%s", _("The items furthest below expectations: "));
		for (i = 0; i < 3; i++) {
			const sq_gaprow *r = &s->grow[idx[i]];
			const char *w = ins->items[r->item].wording[lang];

			tprintf(t, "%s%d%s%s%s (%s)", i ? "; " : "",
			    ins->items[r->item].number, *w ? " \xe2\x80\x9c" :
			    "", w, *w ? "\xe2\x80\x9d" : "", fx(a, r->gap, 2));
		}
		tprintf(t, ".\n");
	}
	if (s->by[0] != '\0' && !isnan(s->anova_p)) {
		const sq_gapset *g = s->gaps;
		size_t lo = 0, hi = 0;

		for (i = 1; i < g->nseg; i++) {
			if (g->acc[i]->sq.md < g->acc[lo]->sq.md)
				lo = i;
			if (g->acc[i]->sq.md > g->acc[hi]->sq.md)
				hi = i;
		}
		tprintf(t, s->anova_p < 0.05 ? _("The SERVQUAL score differs "
		    "significantly between the groups of %s (one-way ANOVA, "
		    "F(%s, %s) = %s, %s): from %s in %s to %s in %s.\n") :
		    _("The SERVQUAL score does not differ significantly "
		    "between the groups of %s (one-way ANOVA, F(%s, %s) = %s, "
		    "%s); it ranges from %s in %s to %s in %s.\n"), s->by,
		    fx(a, s->anova_df1, 0), fx(b, s->anova_df2, 0),
		    fx(c, s->anova_f, 2), fp(f, s->anova_p),
		    fx(d, g->acc[lo]->sq.md, 2), g->seg[lo],
		    fx(e, g->acc[hi]->sq.md, 2), g->seg[hi]);
	}
	if (s->drv != NULL)
		drivers_summary(s, lang, t);
	if (s->nrel > 0) {
		double lo = INFINITY, hi = -INFINITY;

		for (i = 0; i < s->nrel; i++)
			if (s->rel[i].scope == SQ_REL_SCALE &&
			    s->rel[i].block == SQ_BLOCK_P && s->rel[i].dim >= 0 &&
			    !isnan(s->rel[i].alpha)) {
				lo = fmin(lo, s->rel[i].alpha);
				hi = fmax(hi, s->rel[i].alpha);
			}
		if (isfinite(lo))
			tprintf(t, _("Cronbach's alpha of the perception scales "
			    "ranges from %s to %s%s\n"), fx(a, lo, 3),
			    fx(b, hi, 3), lo >= 0.7 ? _(": every scale is "
			    "reliable enough (0.70 or more).") : _(": some "
			    "scales fall below 0.70."));
	}
	if (s->fa != NULL && s->fa->check != NULL)
		tprintf(t, "%s", s->fa->check->matches ? _("The factor "
		    "analysis of the perceptions recovers the dimensions of "
		    "the instrument.\n") : _("The factor analysis of the "
		    "perceptions does not recover the dimensions of the "
		    "instrument: read the dimension scores with care.\n"));
	if (s->cfa != NULL && s->cfa->converged) {
		const sq_cfa *cf = s->cfa;
		int good = cf->cfi >= 0.95 && cf->rmsea <= 0.06;
		int fair = cf->cfi >= 0.90 && cf->rmsea <= 0.08;

		tprintf(t, good ? _("The confirmatory model of the dimensions fits "
		    "well (CFI = %s, RMSEA = %s).\n") : fair ? _("The "
		    "confirmatory model of the dimensions fits acceptably (CFI = %s, "
		    "RMSEA = %s).\n") : _("The confirmatory model of the dimensions "
		    "fits poorly (CFI = %s, RMSEA = %s).\n"),
		    fx(a, cf->cfi, 3), fx(b, cf->rmsea, 3));
	}
	tprintf(t, sq_ngettext("%s of %s respondents have a SERVQUAL score; "
	    "%s problem was flagged in the data.\n", "%s of %s respondents "
	    "have a SERVQUAL score; %s problems were flagged in the data.\n",
	    s->problems), fx(a, s->chk.usable, 0), fx(b, s->st.rows, 0),
	    fx(c, (double)s->problems, 0));
	free(idx);
}

int
sq_report_summary(const sq_study *s, const sq_report_opts *o, char **text)
{
	struct text t;

	memset(&t, 0, sizeof(t));
	summary(s, o, &t);
	if (t.nomem || t.s == NULL) {
		free(t.s);
		*text = NULL;
		return SQ_ENOMEM;
	}
	*text = t.s;
	return SQ_OK;
}

/* The sections left out, one line each saying why. */
struct absent {
	const char *why[16];
	size_t n;
};

static void
absent(struct absent *a, const char *why)
{
	if (a->n < sizeof(a->why) / sizeof(a->why[0]))
		a->why[a->n++] = why;
}

static void
lines(rdoc *doc, const char *text, int bullet)
{
	char *copy = strdup(text), *line, *p;

	if (copy == NULL)
		return;
	for (p = copy; (line = strsep(&p, "\n")) != NULL; )
		if (*line != '\0')
			rdoc_para(doc, line, 10, 0, bullet);
	free(copy);
}

/* Segments: n and scores of every group. */
static sq_table *
segment_table(const sq_study *s, int lang)
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

static sq_table *
ipa_table(const sq_study *s, int lang)
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
	return fx(buf, x, x == floor(x) ? 0 : 1);
}

/* The drivers: the SERVPERF model's terms beside stated importance. */
static sq_table *
drivers_table(const sq_study *s, int lang)
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
static sq_table *
cfa_table(const sq_study *s, int lang)
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
static sq_table *
zone_table(const sq_study *s, int lang)
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

/* How many pairs of factors fail or are doubtful on HTMT. */
static void
htmt_count(const sq_cfa *c, size_t *fail, size_t *doubt)
{
	size_t a, b;

	*fail = *doubt = 0;
	for (a = 0; a < c->m; a++)
		for (b = a + 1; b < c->m; b++) {
			*fail += c->verdict[a * c->m + b] == SQ_CFA_FAIL;
			*doubt += c->verdict[a * c->m + b] == SQ_CFA_DOUBTFUL;
		}
}

static sq_table *
quality_table(const sq_study *s)
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

/* Lay the whole report out on surface; returns the pages. */
static int
layout(const sq_study *s, const sq_report_opts *o, cairo_surface_t *surf,
    double W, double H, int total, int *failed)
{
	const sq_instrument *ins = s->ins;
	int lang = o->lang;
	sq_gapset all = *s->gaps;
	struct sq_chartdata *cd = rchart_data(s, o);
	sq_table *t = NULL;
	sq_fa_source src;
	char buf[1024], a[48], b[48], c[48];
	char *sum = NULL;
	const char *title = o->title ? o->title : _("Service quality "
	    "survey");
	rdoc *doc;
	struct absent gone;
	size_t i;
	int pages;

	memset(&gone, 0, sizeof(gone));

	doc = rdoc_new(surf, W, H, total, title);
	if (doc == NULL || cd == NULL) {
		*failed = 1;
		rchart_free(cd);
		if (doc != NULL)
			rdoc_end(doc);
		return 0;
	}
	/* Cover. */
	rdoc_space(doc, H * 0.28);
	rdoc_center(doc, title, 26, 1);
	rdoc_space(doc, 10);
	rdoc_center(doc, _("SERVQUAL report: gaps between what customers "
	    "expect and what they perceive"), 13, 0);
	rdoc_space(doc, 40);
	snprintf(buf, sizeof(buf), _("Data: %s"), o->source);
	rdoc_center(doc, buf, 11, 0);
	if (o->date != NULL) {
		snprintf(buf, sizeof(buf), _("Date of the data: %s"), o->date);
		rdoc_center(doc, buf, 11, 0);
	}
	snprintf(buf, sizeof(buf), _("%s respondents \xc2\xb7 %s: %zu "
	    "items, %zu dimensions"), fx(a, (double)s->st.rows, 0),
	    ins->name, ins->nitems, ins->ndims);
	rdoc_center(doc, buf, 11, 0);

	/* Executive summary. */
	rdoc_heading(doc, 1, _("Executive summary"));
	if (sq_report_summary(s, o, &sum) == SQ_OK) {
		lines(doc, sum, 1);
		free(sum);
	}

	/* Gaps. */
	rdoc_heading(doc, 1, _("Gaps by dimension and item"));
	rdoc_para(doc, _("A gap is perception minus expectation on the same "
	    "item: below zero, the service falls short of what customers "
	    "expect. Dimension scores average a respondent's items of the "
	    "dimension; the SERVQUAL score averages the five dimensions."),
	    9.5, 0, 0);
	rchart(doc, cd, RCH_GAPS, lang, NULL);
	all.nseg = 0;
	if (sq_gap_pretty(&all, ins, s->conf, lang, &t) == SQ_OK) {
		rdoc_keep_table(doc, t, 40);
		rdoc_heading(doc, 2, _("Gap table"));
		rdoc_table(doc, t);
	}
	sq_table_free(t);
	t = NULL;
	rchart(doc, cd, RCH_ITEMS, lang, _("Items"));

	/* Segments. */
	if (s->by[0] == '\0')
		absent(&gone, _("Segments: no segment column was given "
		    "(sq-report -b COLUMN)."));
	else {
		rdoc_heading(doc, 1, _("Segments"));
		snprintf(buf, sizeof(buf), _("Gaps of each group of %s. "
		    "One-way ANOVA of the SERVQUAL score: F(%s, %s) = %s, "
		    "%s."), s->by, fx(a, s->anova_df1, 0),
		    fx(b, s->anova_df2, 0), fx(c, s->anova_f, 2),
		    fp(buf + 900, s->anova_p));
		rdoc_para(doc, buf, 9.5, 0, 0);
		if ((t = segment_table(s, lang)) != NULL)
			rdoc_table(doc, t);
		sq_table_free(t);
		t = NULL;
		/* the codes heading the columns, spelt out */
		buf[0] = '\0';
		for (i = 0; i < ins->ndims; i++)
			snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			    "%s%s: %s", i ? "; " : "", ins->dims[i].code,
			    ins->dims[i].name[lang]);
		rdoc_para(doc, buf, 8, 0, 0);
		if (rchart_nseg(cd) > 0)
			rchart(doc, cd, RCH_GROUPS, lang, NULL);
		else
			absent(&gone, _("More than 8 groups: no chart."));
	}

	/* Importance. */
	if (s->drv == NULL)
		absent(&gone, _("Importance and performance: the export has "
		    "neither importance weight columns (W_TAN ... W_EMP) nor "
		    "an overall rating."));
	else {
		rdoc_heading(doc, 1, _("Importance and performance"));
		rdoc_para(doc, s->drv->source == SQ_IMP_STATED ?
		    _("Importance is the points of 100 respondents gave each "
		    "dimension (stated); performance the mean perception with "
		    "its confidence interval. Crosshairs at the means over the "
		    "dimensions, as sq-drivers draws them.") :
		    _("Importance is each dimension's share of the variance of "
		    "the overall rating the perceptions explain (derived, LMG); "
		    "performance the mean perception with its confidence "
		    "interval. Crosshairs at the means over the dimensions."),
		    9.5, 0, 0);
		if ((t = ipa_table(s, lang)) != NULL)
			rdoc_table(doc, t);
		sq_table_free(t);
		t = NULL;
		rchart(doc, cd, RCH_IPA, lang, NULL);
	}

	/* Key drivers. */
	if (!s->st.has_overall)
		absent(&gone, _("Key drivers: the export has no overall rating "
		    "column."));
	else if (s->drv == NULL ||
	    isnan(s->drv->model[SQ_DRV_SERVPERF].r2))
		absent(&gone, _("Key drivers: too few respondents with the "
		    "overall rating and every dimension score to fit the "
		    "models."));
	else {
		const sq_drvmodel *mq = &s->drv->model[SQ_DRV_SERVQUAL];
		const sq_drvmodel *mp = &s->drv->model[SQ_DRV_SERVPERF];

		rdoc_heading(doc, 1, _("Key drivers"));
		snprintf(buf, sizeof(buf), _("The overall rating regressed on "
		    "the five dimension scores: with the perceptions "
		    "(SERVPERF) R\xc2\xb2 = %s over %s respondents, with the "
		    "gaps (SERVQUAL) R\xc2\xb2 = %s. Relative importance "
		    "(LMG) splits the SERVPERF R\xc2\xb2 among the "
		    "dimensions; b, p and beta are the SERVPERF "
		    "coefficients."), fx(a, mp->r2, 3), fx(b, mp->n, 0),
		    fx(c, mq->r2, 3));
		rdoc_para(doc, buf, 9.5, 0, 0);
		if ((t = drivers_table(s, lang)) != NULL)
			rdoc_table(doc, t);
		sq_table_free(t);
		t = NULL;
		rchart(doc, cd, RCH_DRIVERS, lang, NULL);
	}

	/* Reliability. */
	rdoc_heading(doc, 1, _("Reliability"));
	rdoc_para(doc, _("Cronbach's alpha with its confidence interval and "
	    "McDonald's omega of each scale, over the respondents who "
	    "answered every item of the scale (listwise)."), 9.5, 0, 0);
	if (sq_rel_pretty(s->rel, s->nrel, ins, lang, 0, &t) == SQ_OK)
		rdoc_table(doc, t);
	sq_table_free(t);
	t = NULL;

	/* Factor structure. */
	rdoc_heading(doc, 1, _("Factor structure"));
	if (s->fa == NULL) {
		rdoc_para(doc, s->fa_why, 9.5, 0, 0);
	} else {
		snprintf(buf, sizeof(buf), _("Exploratory factor analysis of "
		    "the perceptions (principal axes, oblimin rotation) over "
		    "%s complete respondents. KMO = %s; Bartlett's test: "
		    "chi-square = %s, df = %s, %s. Parallel analysis suggests "
		    "%zu factors."), fx(a, s->fa->n, 0), fx(b, s->fa->kmo, 2),
		    fx(c, s->fa->chisq, 1), fx(buf + 800, s->fa->df, 0),
		    fp(buf + 900, s->fa->pval), s->fa->suggested);
		rdoc_para(doc, buf, 9.5, 0, 0);
		rchart(doc, cd, RCH_SCREE, lang, NULL);
		src.ins = ins;
		src.block = 'P';
		src.pairwise = 0;
		src.rows = s->st.rows;
		src.invalid = s->st.invalid;
		if (sq_fa_loadings_table(s->fa, &src, lang, 0.3, &t) ==
		    SQ_OK) {
			rdoc_keep_table(doc, t, 40);
			rdoc_heading(doc, 2, _("Loadings"));
			rdoc_table(doc, t);
			rdoc_para(doc, _("Loadings below 0.30 are not shown; "
			    "h2: communality, u2: uniqueness."), 8.5, 0, 0);
		}
		sq_table_free(t);
		t = NULL;
	}
	if (s->cfa == NULL) {
		snprintf(buf, sizeof(buf), _("Confirmatory factor analysis: "
		    "%s"), s->cfa_why);
		rdoc_para(doc, buf, 9.5, 0, 0);
	} else {
		const sq_cfa *cf = s->cfa;
		char v[10][64];
		size_t nf, nd;

		htmt_count(cf, &nf, &nd);
		if ((t = cfa_table(s, lang)) != NULL)
			rdoc_keep_table(doc, t, 120);
		rdoc_heading(doc, 2, _("Confirmatory factor analysis"));
		snprintf(buf, sizeof(buf), _("Each perception item on its "
		    "dimension, maximum likelihood over %s complete "
		    "respondents (sq-cfa): chi-square = %s (df %s), %s; "
		    "CFI = %s, TLI = %s, RMSEA = %s [%s, %s], SRMR = %s. "
		    "%s"), fx(v[0], cf->n, 0), fx(v[1], cf->chisq, 3),
		    fx(v[2], cf->df, 0), fp(v[3], cf->pval),
		    fx(v[4], cf->cfi, 3), fx(v[5], cf->tli, 3),
		    fx(v[6], cf->rmsea, 3), fx(v[7], cf->rmsea_lo, 3),
		    fx(v[8], cf->rmsea_hi, 3), fx(v[9], cf->srmr, 3),
		    !cf->converged ?
		    _("The fit did not converge: read it with care.") :
		    nf > 0 ? _("Some pairs of dimensions fail the HTMT test "
		    "(above 0.90): they measure one thing.") : nd > 0 ?
		    _("Some pairs of dimensions are doubtful on HTMT (above "
		    "0.85) or Fornell-Larcker.") : _("Every pair of "
		    "dimensions passes the HTMT test (0.85)."));
		rdoc_para(doc, buf, 9.5, 0, 0);
		if (t != NULL)
			rdoc_table(doc, t);
		sq_table_free(t);
		t = NULL;
	}
	if (s->zone == NULL)
		absent(&gone, _("Zone of tolerance: the survey has no adequate "
		    "and desired levels (a three-column export)."));
	else {
		rdoc_heading(doc, 1, _("Zone of tolerance"));
		rdoc_para(doc, _("Adequate (minimum), desired and perceived "
		    "service: MSA = perceived minus adequate, MSS = perceived "
		    "minus desired; the shares of respondents below the "
		    "adequate level, within the zone and above the desired "
		    "level (sq-zone)."), 9.5, 0, 0);
		if ((t = zone_table(s, lang)) != NULL)
			rdoc_table(doc, t);
		sq_table_free(t);
		t = NULL;
	}

	/* Data quality. */
	rdoc_heading(doc, 1, _("Data quality"));
	rdoc_para(doc, _("What sq-check finds in the export."), 9.5, 0, 0);
	if ((t = quality_table(s)) != NULL)
		rdoc_table(doc, t);
	sq_table_free(t);
	t = NULL;

	/* What is not here, and why. */
	if (gone.n > 0) {
		rdoc_heading(doc, 2, _("Not in this report"));
		for (i = 0; i < gone.n; i++)
			rdoc_para(doc, gone.why[i], 9.5, 0, 1);
	}

	/* Methods. */
	rdoc_heading(doc, 1, _("Methods"));
	rdoc_para(doc, _("Definitions"), 11, 1, 0);
	rdoc_para(doc, _("Item gap: over respondents with both answers, the "
	    "mean of P \xe2\x88\x92 E, with a t-based confidence interval, "
	    "a paired t test and Cohen's d_z; item p-values are "
	    "Holm-adjusted. Dimension score of a respondent: the mean over "
	    "the dimension's items with both answers, defined when at least "
	    "half of them have. SERVQUAL score: the mean of the five "
	    "dimension scores; weighted, with the respondent's own "
	    "importance weights."), 9.5, 0, 0);
	rdoc_para(doc, _("Missing data"), 11, 1, 0);
	snprintf(buf, sizeof(buf), _("Gaps use every respondent with the "
	    "answers each figure needs (n in the tables). Reliability and "
	    "factor analysis use complete cases over the items analysed "
	    "(listwise). %s invalid cells were read as missing. Respondents "
	    "read: %s; with a SERVQUAL score: %s; complete on the "
	    "perceptions (factor analysis): %s."),
	    fx(a, (double)s->st.invalid, 0), fx(b, (double)s->st.rows, 0),
	    fx(c, (double)s->chk.usable, 0), s->fa ? fx(buf + 960, s->fa->n,
	    0) : "\xe2\x80\x94");
	rdoc_para(doc, buf, 9.5, 0, 0);
	rdoc_para(doc, _("Tests"), 11, 1, 0);
	rdoc_para(doc, _("Paired t tests of the gaps (Holm correction "
	    "across items); one-way ANOVA of the SERVQUAL score across "
	    "segments; Cronbach's alpha with Feldt's interval, omega total "
	    "from a one-factor model; KMO, Bartlett's test, parallel "
	    "analysis (1000 simulated matrices, seed 1), principal-axis "
	    "factoring with oblimin rotation; importance-performance "
	    "crosshairs at the means of the dimensions."), 9.5, 0, 0);
	rdoc_para(doc, _("Software"), 11, 1, 0);
	snprintf(buf, sizeof(buf), _("servqual %s (sq-report). The same "
	    "figures come from sq-gap, sq-alpha, sq-factor --block P, "
	    "sq-cfa, sq-drivers and sq-check on the same export."),
	    SQ_VERSION);
	rdoc_para(doc, buf, 9.5, 0, 0);

	pages = rdoc_pages(doc);
	*failed = rdoc_failed(doc);
	rdoc_end(doc);
	rchart_free(cd);
	return pages;
}

/*
 * The PDF is made in memory and written after: a write error then never
 * reaches Cairo, which keeps the fonts of a surface in error for good.
 */
struct membuf {
	unsigned char *p;
	size_t len, cap;
};

static cairo_status_t
sink(void *closure, const unsigned char *data, unsigned int len)
{
	struct membuf *m = closure;

	if (m->len + len > m->cap) {
		size_t cap = (m->len + len) * 2 + 65536;
		unsigned char *np = realloc(m->p, cap);

		if (np == NULL)
			return CAIRO_STATUS_NO_MEMORY;
		m->p = np;
		m->cap = cap;
	}
	memcpy(m->p + m->len, data, len);
	m->len += len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

int
sq_report_pdf(const sq_study *s, const sq_report_opts *o, FILE *fp,
    sq_error *err)
{
	double W = o->letter ? 612 : 595.276, H = o->letter ? 792 : 841.89;
	cairo_surface_t *surf;
	cairo_status_t st;
	struct membuf mem = { NULL, 0, 0 };
	char date[64];
	int pages, failed = 0;

	/* Count the pages first, for "page i of n". */
	surf = cairo_pdf_surface_create_for_stream(discard, NULL, W, H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	}
	pages = layout(s, o, surf, W, H, 0, &failed);
	cairo_surface_finish(surf);
	cairo_surface_destroy(surf);
	if (failed || pages == 0)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");

	surf = cairo_pdf_surface_create_for_stream(sink, &mem, W, H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	}
	/* Deterministic: the dates are the data's, never the clock's. */
	snprintf(date, sizeof(date), "%sT00:00:00Z", o->date ? o->date :
	    "2000-01-01");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
	    o->title ? o->title : _("Service quality survey"));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
	    _("SERVQUAL report"));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
	    "servqual " SQ_VERSION " (sq-report)");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS,
	    "SERVQUAL");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_MOD_DATE,
	    date);
	layout(s, o, surf, W, H, pages, &failed);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (failed || st != CAIRO_STATUS_SUCCESS) {
		free(mem.p);
		return sq_error_set(err, st == CAIRO_STATUS_NO_MEMORY ?
		    SQ_ENOMEM : SQ_EIO, NULL, 0, 0, NULL, "cairo: %s",
		    cairo_status_to_string(st));
	}
	if (fwrite(mem.p, 1, mem.len, fp) != mem.len || ferror(fp)) {
		free(mem.p);
		return sq_error_set(err, SQ_EIO, NULL, 0, 0, NULL,
		    "write error");
	}
	free(mem.p);
	return SQ_OK;
}
