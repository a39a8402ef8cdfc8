/*
 * The report: its sections in order, each from the table a tool prints
 * for people (sq_gap_pretty, sq_rel_pretty, sq_fa_loadings_table) so
 * that a figure in the report is the figure the tool shows, with the
 * summary of report_summary.c and the tables of report_tables.c; laid
 * out twice (to count the pages, then to draw) into a PDF in memory.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

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
	    "items, %zu dimensions"), rfx(a, (double)s->st.rows, 0),
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
		    "%s."), s->by, rfx(a, s->anova_df1, 0),
		    rfx(b, s->anova_df2, 0), rfx(c, s->anova_f, 2),
		    rfp(buf + 900, s->anova_p));
		rdoc_para(doc, buf, 9.5, 0, 0);
		if ((t = rtable_segments(s, lang)) != NULL)
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
		if ((t = rtable_ipa(s, lang)) != NULL)
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
		    "coefficients."), rfx(a, mp->r2, 3), rfx(b, mp->n, 0),
		    rfx(c, mq->r2, 3));
		rdoc_para(doc, buf, 9.5, 0, 0);
		if ((t = rtable_drivers(s, lang)) != NULL)
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
		    "%zu factors."), rfx(a, s->fa->n, 0), rfx(b, s->fa->kmo, 2),
		    rfx(c, s->fa->chisq, 1), rfx(buf + 800, s->fa->df, 0),
		    rfp(buf + 900, s->fa->pval), s->fa->suggested);
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
		if ((t = rtable_cfa(s, lang)) != NULL)
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
		if ((t = rtable_zone(s, lang)) != NULL)
			rdoc_table(doc, t);
		sq_table_free(t);
		t = NULL;
	}

	/* Data quality. */
	rdoc_heading(doc, 1, _("Data quality"));
	rdoc_para(doc, _("What sq-check finds in the export."), 9.5, 0, 0);
	if ((t = rtable_quality(s)) != NULL)
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
	    rfx(a, (double)s->st.invalid, 0), rfx(b, (double)s->st.rows, 0),
	    rfx(c, (double)s->chk.usable, 0), s->fa ? rfx(buf + 960, s->fa->n,
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
