/*
 * The report's executive summary: sentences computed from the study
 * (where the largest gaps are, which dimension matters most, whether the
 * scales hold), and the figures for people every part of the report
 * writes (rfx, rfp).
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
const char *
rfx(char *buf, double x, int d)
{
	sq_fmt_human(x, d < 0 ? SQ_NUM_P : d == 0 ? SQ_NUM_INT : SQ_NUM_REAL,
	    d, buf, 48);
	if (buf[0] == '\0')
		snprintf(buf, 48, "\xe2\x80\x94");
	return buf;
}

/* "p = 0.012" or "p < 0.001" */
const char *
rfp(char *buf, double p)
{
	char v[48];

	rfx(v, p, -1);
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
		    ins->dims[ts].name[lang], rfx(a, r->stated[ts], 1));
	if (td >= 0 && s->st.has_overall && !isnan(mp->r2))
		tprintf(t, _("The overall rating moves most with %s (%s%% of "
		    "the variance the perceptions explain, R\xc2\xb2 = %s). "),
		    ins->dims[td].name[lang], rfx(a, r->derived[td], 1),
		    rfx(b, mp->r2, 2));
	for (i = 0; i < nd; i++)
		if (r->quadrant[i] == RQ_CONCENTRATE)
			tprintf(t, nc++ ? ", %s" : _("Concentrate on %s"),
			    ins->dims[i].name[lang]);
	tprintf(t, "%s\n", nc ? _(": above-average importance, "
	    "below-average performance.") : _("No dimension is both above "
	    "average in importance and below average in performance."));
}

/* The level of service: perceptions, zone of tolerance, SERVQUAL. */
static void
level_summary(const sq_study *s, struct text *t)
{
	const sq_gaprow *sq = scoperow(s, SQ_SCOPE_SERVQUAL);
	const sq_gaprow *wq = scoperow(s, SQ_SCOPE_WEIGHTED);
	char a[48], b[48], c[48], d[48], e[48];
	size_t i;

	if (s->form == SQ_FORM_SERVPERF && sq != NULL && !isnan(sq->mean_p))
		tprintf(t, _("The export has perceptions only (SERVPERF): the "
		    "mean perception over the dimensions is %s, with a %.0f%% "
		    "confidence interval from %s to %s, over %s "
		    "respondents.\n"), rfx(a, sq->mean_p, 2), s->conf * 100,
		    rfx(b, sq->ci_low, 2), rfx(c, sq->ci_high, 2),
		    rfx(d, sq->n, 0));
	for (i = 0; i < s->nzrow; i++)
		if (s->zrow[i].scope == SQ_ZONE_OVERALL &&
		    !isnan(s->zrow[i].below))
			tprintf(t, _("Zone of tolerance: %s%% of the respondents "
			    "perceive the service below the adequate level, "
			    "%s%% within the zone and %s%% above the desired "
			    "level (MSA %s, MSS %s).\n"),
			    rfx(a, 100 * s->zrow[i].below, 1),
			    rfx(b, 100 * s->zrow[i].within, 1),
			    rfx(c, 100 * s->zrow[i].above, 1),
			    rfx(d, s->zrow[i].msa, 2),
			    rfx(e, s->zrow[i].mss, 2));
	if (s->form == SQ_FORM_SERVQUAL && sq != NULL && !isnan(sq->gap)) {
		const char *verdict = sq->ci_high < 0 ? _("service falls "
		    "short of what customers expect") : sq->ci_low > 0 ?
		    _("service exceeds what customers expect") :
		    _("service is not distinguishable from what customers "
		    "expect");

		tprintf(t, _("The SERVQUAL score (perceptions minus "
		    "expectations, the mean of the dimension gaps) is %s, "
		    "with a %.0f%% confidence interval from %s to %s, over %s "
		    "respondents: %s."), rfx(a, sq->gap, 2), s->conf * 100,
		    rfx(b, sq->ci_low, 2), rfx(c, sq->ci_high, 2),
		    rfx(d, sq->n, 0), verdict);
		if (wq != NULL && !isnan(wq->gap))
			tprintf(t, _(" Weighted by the importance each "
			    "respondent gave the dimensions, it is %s."),
			    rfx(a, wq->gap, 2));
		tprintf(t, "\n");
	}
}

/* Dimensions by gap, then the items furthest below expectations. */
static void
gaps_summary(const sq_study *s, int lang, size_t *idx, struct text *t)
{
	const sq_instrument *ins = s->ins;
	size_t n, i, below = 0;
	char a[48], b[48], c[48];

	n = sorted(s, SQ_SCOPE_DIMENSION, idx);
	if (n >= 3) {
		const sq_gaprow *r0 = &s->grow[idx[0]], *r1 = &s->grow[idx[1]];
		const sq_gaprow *rl = &s->grow[idx[n - 1]];

		tprintf(t, _("The largest gaps are in %s (%s) and %s (%s); "
		    "the smallest in %s (%s).\n"),
		    ins->dims[r0->dim].name[lang], rfx(a, r0->gap, 2),
		    ins->dims[r1->dim].name[lang], rfx(b, r1->gap, 2),
		    ins->dims[rl->dim].name[lang], rfx(c, rl->gap, 2));
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
			    "", w, *w ? "\xe2\x80\x9d" : "", rfx(a, r->gap, 2));
		}
		tprintf(t, ".\n");
	}
}

/* Whether the SERVQUAL score differs between segments. */
static void
segments_summary(const sq_study *s, struct text *t)
{
	const sq_gapset *g = s->gaps;
	size_t i, lo = 0, hi = 0;
	char a[48], b[48], c[48], d[48], e[48], f[64];

	if (s->by[0] == '\0' || isnan(s->anova_p))
		return;
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
	    rfx(a, s->anova_df1, 0), rfx(b, s->anova_df2, 0),
	    rfx(c, s->anova_f, 2), rfp(f, s->anova_p),
	    rfx(d, g->acc[lo]->sq.md, 2), g->seg[lo],
	    rfx(e, g->acc[hi]->sq.md, 2), g->seg[hi]);
}

/* Whether the scales hold: alpha, the EFA, the CFA (when it converged). */
static void
scales_summary(const sq_study *s, struct text *t)
{
	char a[48], b[48];
	size_t i;

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
			    "ranges from %s to %s%s\n"), rfx(a, lo, 3),
			    rfx(b, hi, 3), lo >= 0.7 ? _(": every scale is "
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
		    rfx(a, cf->cfi, 3), rfx(b, cf->rmsea, 3));
	}
}

static void
summary(const sq_study *s, const sq_report_opts *o, struct text *t)
{
	size_t *idx = calloc(s->ngrow + 1, sizeof(size_t));
	char a[48], b[48], c[48];

	if (idx == NULL) {
		t->nomem = 1;
		return;
	}
	level_summary(s, t);
	gaps_summary(s, o->lang, idx, t);
	segments_summary(s, t);
	if (s->drv != NULL)
		drivers_summary(s, o->lang, t);
	scales_summary(s, t);
	tprintf(t, sq_ngettext("%s of %s respondents have a SERVQUAL score; "
	    "%s problem was flagged in the data.\n", "%s of %s respondents "
	    "have a SERVQUAL score; %s problems were flagged in the data.\n",
	    s->problems), rfx(a, s->chk.usable, 0), rfx(b, s->st.rows, 0),
	    rfx(c, (double)s->problems, 0));
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
