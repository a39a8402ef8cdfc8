/*
 * The report: its sections in order, each from the table a tool prints
 * for people (sq_gap_pretty, sq_rel_pretty, sq_fa_loadings_table) so
 * that a figure in the report is the figure the tool shows, with the
 * summary of report_summary.c and the tables of report_tables.c, one
 * function a section; report_pdf.c lays it out twice into a PDF.
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

/* What the sections of one layout share. */
struct lay {
	rdoc *doc;
	const sq_study *s;
	const sq_report_opts *o;
	struct sq_chartdata *cd;
	struct absent gone;
	int lang;
};

/* A paragraph of body text. */
static void
body(rdoc *doc, const char *text)
{
	rdoc_para(doc, text, 9.5, 0, 0);
}

/* Table t, if there is one, then released. */
static void
table(rdoc *doc, sq_table *t)
{
	if (t != NULL)
		rdoc_table(doc, t);
	sq_table_free(t);
}

static void
cover(struct lay *L, const char *title, double H)
{
	const sq_instrument *ins = L->s->ins;
	rdoc *doc = L->doc;
	char buf[1024], a[48];

	rdoc_space(doc, H * 0.28);
	rdoc_center(doc, title, 26, 1);
	rdoc_space(doc, 10);
	rdoc_center(doc, _("SERVQUAL report: gaps between what customers "
	    "expect and what they perceive"), 13, 0);
	rdoc_space(doc, 40);
	snprintf(buf, sizeof(buf), _("Data: %s"), L->o->source);
	rdoc_center(doc, buf, 11, 0);
	if (L->o->date != NULL) {
		snprintf(buf, sizeof(buf), _("Date of the data: %s"),
		    L->o->date);
		rdoc_center(doc, buf, 11, 0);
	}
	snprintf(buf, sizeof(buf), _("%s respondents \xc2\xb7 %s: %zu "
	    "items, %zu dimensions"), rfx(a, (double)L->s->st.rows, 0),
	    ins->name, ins->nitems, ins->ndims);
	rdoc_center(doc, buf, 11, 0);
}

static void
summary(struct lay *L)
{
	char *sum = NULL;

	rdoc_heading(L->doc, 1, _("Executive summary"));
	if (sq_report_summary(L->s, L->o, &sum) == SQ_OK) {
		lines(L->doc, sum, 1);
		free(sum);
	}
}

static void
gaps(struct lay *L)
{
	rdoc *doc = L->doc;
	sq_gapset all = *L->s->gaps;
	sq_table *t = NULL;

	rdoc_heading(doc, 1, _("Gaps by dimension and item"));
	body(doc, _("A gap is perception minus expectation on the same "
	    "item: below zero, the service falls short of what customers "
	    "expect. Dimension scores average a respondent's items of the "
	    "dimension; the SERVQUAL score averages the five dimensions."));
	rchart(doc, L->cd, RCH_GAPS, L->lang, NULL);
	all.nseg = 0;
	if (sq_gap_pretty(&all, L->s->ins, L->s->conf, L->lang, &t) ==
	    SQ_OK) {
		rdoc_keep_table(doc, t, 40);
		rdoc_heading(doc, 2, _("Gap table"));
		rdoc_table(doc, t);
	}
	sq_table_free(t);
	rchart(doc, L->cd, RCH_ITEMS, L->lang, _("Items"));
}

static void
segments(struct lay *L)
{
	const sq_study *s = L->s;
	const sq_instrument *ins = s->ins;
	rdoc *doc = L->doc;
	char buf[1024], a[48], b[48], c[48], p[64];
	size_t i;

	if (s->by[0] == '\0') {
		absent(&L->gone, _("Segments: no segment column was given "
		    "(sq-report -b COLUMN)."));
		return;
	}
	rdoc_heading(doc, 1, _("Segments"));
	snprintf(buf, sizeof(buf), _("Gaps of each group of %s. "
	    "One-way ANOVA of the SERVQUAL score: F(%s, %s) = %s, "
	    "%s."), s->by, rfx(a, s->anova_df1, 0),
	    rfx(b, s->anova_df2, 0), rfx(c, s->anova_f, 2),
	    rfp(p, s->anova_p));
	body(doc, buf);
	table(doc, rtable_segments(s, L->lang));
	/* the codes heading the columns, spelt out */
	buf[0] = '\0';
	for (i = 0; i < ins->ndims; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		    "%s%s: %s", i ? "; " : "", ins->dims[i].code,
		    ins->dims[i].name[L->lang]);
	rdoc_para(doc, buf, 8, 0, 0);
	if (rchart_nseg(L->cd) > 0)
		rchart(doc, L->cd, RCH_GROUPS, L->lang, NULL);
	else
		absent(&L->gone, _("More than 8 groups: no chart."));
}

static void
importance(struct lay *L)
{
	const sq_study *s = L->s;
	rdoc *doc = L->doc;

	if (s->drv == NULL) {
		absent(&L->gone, _("Importance and performance: the export has "
		    "neither importance weight columns (W_TAN ... W_EMP) nor "
		    "an overall rating."));
		return;
	}
	rdoc_heading(doc, 1, _("Importance and performance"));
	body(doc, s->drv->source == SQ_IMP_STATED ?
	    _("Importance is the points of 100 respondents gave each "
	    "dimension (stated); performance the mean perception with "
	    "its confidence interval. Crosshairs at the means over the "
	    "dimensions, as sq-drivers draws them.") :
	    _("Importance is each dimension's share of the variance of "
	    "the overall rating the perceptions explain (derived, LMG); "
	    "performance the mean perception with its confidence "
	    "interval. Crosshairs at the means over the dimensions."));
	table(doc, rtable_ipa(s, L->lang));
	rchart(doc, L->cd, RCH_IPA, L->lang, NULL);
}

static void
drivers(struct lay *L)
{
	const sq_study *s = L->s;
	const sq_drvmodel *mq, *mp;
	rdoc *doc = L->doc;
	char buf[1024], a[48], b[48], c[48];

	if (!s->st.has_overall) {
		absent(&L->gone, _("Key drivers: the export has no overall "
		    "rating column."));
		return;
	}
	if (s->drv == NULL || isnan(s->drv->model[SQ_DRV_SERVPERF].r2)) {
		absent(&L->gone, _("Key drivers: too few respondents with the "
		    "overall rating and every dimension score to fit the "
		    "models."));
		return;
	}
	mq = &s->drv->model[SQ_DRV_SERVQUAL];
	mp = &s->drv->model[SQ_DRV_SERVPERF];
	rdoc_heading(doc, 1, _("Key drivers"));
	snprintf(buf, sizeof(buf), _("The overall rating regressed on "
	    "the five dimension scores: with the perceptions "
	    "(SERVPERF) R\xc2\xb2 = %s over %s respondents, with the "
	    "gaps (SERVQUAL) R\xc2\xb2 = %s. Relative importance "
	    "(LMG) splits the SERVPERF R\xc2\xb2 among the "
	    "dimensions; b, p and beta are the SERVPERF "
	    "coefficients."), rfx(a, mp->r2, 3), rfx(b, mp->n, 0),
	    rfx(c, mq->r2, 3));
	body(doc, buf);
	table(doc, rtable_drivers(s, L->lang));
	rchart(doc, L->cd, RCH_DRIVERS, L->lang, NULL);
}

static void
reliability(struct lay *L)
{
	sq_table *t = NULL;

	rdoc_heading(L->doc, 1, _("Reliability"));
	body(L->doc, _("Cronbach's alpha with its confidence interval and "
	    "McDonald's omega of each scale, over the respondents who "
	    "answered every item of the scale (listwise)."));
	if (sq_rel_pretty(L->s->rel, L->s->nrel, L->s->ins, L->lang, 0, &t) ==
	    SQ_OK)
		rdoc_table(L->doc, t);
	sq_table_free(t);
}

/* The exploratory factor analysis of the perceptions. */
static void
efa(struct lay *L)
{
	const sq_study *s = L->s;
	const sq_fa_result *fa = s->fa;
	rdoc *doc = L->doc;
	sq_fa_source src;
	sq_table *t = NULL;
	char buf[1024], a[48], b[48], c[48], d[48], p[64];

	rdoc_heading(doc, 1, _("Factor structure"));
	if (fa == NULL) {
		body(doc, s->fa_why);
		return;
	}
	snprintf(buf, sizeof(buf), _("Exploratory factor analysis of "
	    "the perceptions (principal axes, oblimin rotation) over "
	    "%s complete respondents. KMO = %s; Bartlett's test: "
	    "chi-square = %s, df = %s, %s. Parallel analysis suggests "
	    "%zu factors."), rfx(a, fa->n, 0), rfx(b, fa->kmo, 2),
	    rfx(c, fa->chisq, 1), rfx(d, fa->df, 0), rfp(p, fa->pval),
	    fa->suggested);
	body(doc, buf);
	rchart(doc, L->cd, RCH_SCREE, L->lang, NULL);
	src.ins = s->ins;
	src.block = 'P';
	src.pairwise = 0;
	src.rows = s->st.rows;
	src.invalid = s->st.invalid;
	if (sq_fa_loadings_table(fa, &src, L->lang, 0.3, &t) == SQ_OK) {
		rdoc_keep_table(doc, t, 40);
		rdoc_heading(doc, 2, _("Loadings"));
		rdoc_table(doc, t);
		rdoc_para(doc, _("Loadings below 0.30 are not shown; "
		    "h2: communality, u2: uniqueness."), 8.5, 0, 0);
	}
	sq_table_free(t);
}

/* The confirmatory model: no verdict on a pair without convergence. */
static void
cfa(struct lay *L)
{
	const sq_cfa *cf = L->s->cfa;
	rdoc *doc = L->doc;
	sq_table *t;
	char buf[1024], v[10][64];
	size_t nf, nd;

	if (cf == NULL) {
		snprintf(buf, sizeof(buf), _("Confirmatory factor analysis: "
		    "%s"), L->s->cfa_why);
		body(doc, buf);
		return;
	}
	htmt_count(cf, &nf, &nd);
	if ((t = rtable_cfa(L->s, L->lang)) != NULL)
		rdoc_keep_table(doc, t, 120);
	rdoc_heading(doc, 2, _("Confirmatory factor analysis"));
	snprintf(buf, sizeof(buf), _("Each perception item on its "
	    "dimension, maximum likelihood over %s complete "
	    "respondents (sq-cfa): chi-square = %s (df %s), %s; "
	    "CFI = %s, TLI = %s, RMSEA = %s [%s, %s], SRMR = %s. "
	    "%s"), rfx(v[0], cf->n, 0), rfx(v[1], cf->chisq, 3),
	    rfx(v[2], cf->df, 0), rfp(v[3], cf->pval),
	    rfx(v[4], cf->cfi, 3), rfx(v[5], cf->tli, 3),
	    rfx(v[6], cf->rmsea, 3), rfx(v[7], cf->rmsea_lo, 3),
	    rfx(v[8], cf->rmsea_hi, 3), rfx(v[9], cf->srmr, 3),
	    !cf->converged ?
	    _("The fit did not converge: read it with care.") :
	    nf > 0 ? _("Some pairs of dimensions fail the HTMT test "
	    "(above 0.90): they measure one thing.") : nd > 0 ?
	    _("Some pairs of dimensions are doubtful on HTMT (above "
	    "0.85) or Fornell-Larcker.") : _("Every pair of "
	    "dimensions passes the HTMT test (0.85)."));
	body(doc, buf);
	table(doc, t);
}

static void
zone(struct lay *L)
{
	if (L->s->zone == NULL) {
		absent(&L->gone, _("Zone of tolerance: the survey has no "
		    "adequate and desired levels (a three-column export)."));
		return;
	}
	rdoc_heading(L->doc, 1, _("Zone of tolerance"));
	body(L->doc, _("Adequate (minimum), desired and perceived "
	    "service: MSA = perceived minus adequate, MSS = perceived "
	    "minus desired; the shares of respondents below the "
	    "adequate level, within the zone and above the desired "
	    "level (sq-zone)."));
	table(L->doc, rtable_zone(L->s, L->lang));
}

/* Data quality, then what is not in the report and why. */
static void
quality(struct lay *L)
{
	size_t i;

	rdoc_heading(L->doc, 1, _("Data quality"));
	body(L->doc, _("What sq-check finds in the export."));
	table(L->doc, rtable_quality(L->s));
	if (L->gone.n == 0)
		return;
	rdoc_heading(L->doc, 2, _("Not in this report"));
	for (i = 0; i < L->gone.n; i++)
		rdoc_para(L->doc, L->gone.why[i], 9.5, 0, 1);
}

/* A heading of the methods and its paragraph. */
static void
method(rdoc *doc, const char *heading, const char *text)
{
	rdoc_para(doc, heading, 11, 1, 0);
	body(doc, text);
}

static void
methods(struct lay *L)
{
	const sq_study *s = L->s;
	rdoc *doc = L->doc;
	char buf[1024], a[48], b[48], c[48], d[48];

	rdoc_heading(doc, 1, _("Methods"));
	method(doc, _("Definitions"), _("Item gap: over respondents with "
	    "both answers, the mean of P \xe2\x88\x92 E, with a t-based "
	    "confidence interval, a paired t test and Cohen's d_z; item "
	    "p-values are Holm-adjusted. Dimension score of a respondent: "
	    "the mean over the dimension's items with both answers, defined "
	    "when at least half of them have. SERVQUAL score: the mean of "
	    "the five dimension scores; weighted, with the respondent's own "
	    "importance weights."));
	snprintf(buf, sizeof(buf), _("Gaps use every respondent with the "
	    "answers each figure needs (n in the tables). Reliability and "
	    "factor analysis use complete cases over the items analysed "
	    "(listwise). %s invalid cells were read as missing. Respondents "
	    "read: %s; with a SERVQUAL score: %s; complete on the "
	    "perceptions (factor analysis): %s."),
	    rfx(a, (double)s->st.invalid, 0), rfx(b, (double)s->st.rows, 0),
	    rfx(c, (double)s->chk.usable, 0), s->fa ? rfx(d, s->fa->n,
	    0) : "\xe2\x80\x94");
	method(doc, _("Missing data"), buf);
	method(doc, _("Tests"), _("Paired t tests of the gaps (Holm "
	    "correction across items); one-way ANOVA of the SERVQUAL score "
	    "across segments; Cronbach's alpha with Feldt's interval, omega "
	    "total from a one-factor model; KMO, Bartlett's test, parallel "
	    "analysis (1000 simulated matrices, seed 1), principal-axis "
	    "factoring with oblimin rotation; importance-performance "
	    "crosshairs at the means of the dimensions."));
	snprintf(buf, sizeof(buf), _("servqual %s (sq-report). The same "
	    "figures come from sq-gap, sq-alpha, sq-factor --block P, "
	    "sq-cfa, sq-drivers and sq-check on the same export."),
	    SQ_VERSION);
	method(doc, _("Software"), buf);
}

int
rlayout(const sq_study *s, const sq_report_opts *o, cairo_surface_t *surf,
    double W, double H, int total, int *failed)
{
	const char *title = o->title ? o->title : _("Service quality "
	    "survey");
	struct lay L;
	int pages;

	memset(&L, 0, sizeof(L));
	L.s = s;
	L.o = o;
	L.lang = o->lang;
	L.cd = rchart_data(s, o);
	L.doc = rdoc_new(surf, W, H, total, title);
	if (L.doc == NULL || L.cd == NULL) {
		*failed = 1;
		rchart_free(L.cd);
		if (L.doc != NULL)
			rdoc_end(L.doc);
		return 0;
	}
	cover(&L, title, H);
	summary(&L);
	gaps(&L);
	segments(&L);
	importance(&L);
	drivers(&L);
	reliability(&L);
	efa(&L);
	cfa(&L);
	zone(&L);
	quality(&L);
	methods(&L);
	pages = rdoc_pages(L.doc);
	*failed = rdoc_failed(L.doc);
	rdoc_end(L.doc);
	rchart_free(L.cd);
	return pages;
}
