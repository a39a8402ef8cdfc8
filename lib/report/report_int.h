/* Internal to lib/report*.c: the study's results and the page layout. */
#ifndef SERVQUAL_REPORT_INT_H
#define SERVQUAL_REPORT_INT_H

#include <cairo.h>

#include "servqual/check.h"
#include "servqual/factor.h"
#include "servqual/gap.h"
#include "servqual/report.h"
#include "servqual/table.h"

struct sq_study {
	const sq_instrument *ins;
	double conf;
	char by[128];			/* segment column, "" without */
	sq_survey_stats st;
	sq_gapset *gaps;
	sq_gaprow *grow;		/* rows of "all" */
	size_t ngrow;
	struct sq_relrow *rel;
	size_t nrel;
	int has_weights;
	struct sq_drvresult *drv;	/* importance, IPA, drivers; or NULL */
	sq_fa_result *fa;		/* perceptions; NULL when it failed */
	char fa_why[256];		/* why fa is NULL */
	struct sq_cfa *cfa;		/* perceptions; NULL when it failed */
	int form;			/* enum sq_form of the export */
	struct sq_zoneacc *zone;	/* three-column exports, else NULL */
	struct sq_zonerow *zrow;	/* its rows */
	size_t nzrow;
	size_t cfa_dimidx[SQ_MAX_DIMS];	/* factor -> dimension */
	int *cfa_dim;			/* item -> factor; cfa borrows it */
	char cfa_why[256];		/* why cfa is NULL */
	sq_check_summary chk;		/* data quality */
	sq_check *check;
	unsigned long problems;
	double anova_f, anova_df1, anova_df2, anova_p; /* servqual by segment */
};

/* The page layout engine (report_doc.c). */
typedef struct rdoc rdoc;

/*
 * The report's sections laid out on surf, w x h points (report.c), with
 * total pages in the footers (0 while counting); returns the pages, and
 * *failed set when out of memory.
 */
int rlayout(const sq_study *s, const sq_report_opts *o,
    cairo_surface_t *surf, double w, double h, int total, int *failed);

/* A document on surface s of w x h points; total pages for footers, 0
 * while counting. */
rdoc *rdoc_new(cairo_surface_t *s, double w, double h, int total,
    const char *footer);
/* Pages so far, and whether the document failed (out of memory, cairo). */
int rdoc_pages(const rdoc *d);
int rdoc_failed(const rdoc *d);
/* Finish the last page and release d (not the surface). */
void rdoc_end(rdoc *d);

void rdoc_newpage(rdoc *d);
/* A heading (level 1: a new page) with a bookmark. */
void rdoc_heading(rdoc *d, int level, const char *text);
/* A paragraph of plain text; size in points, bold, indented bullet. */
void rdoc_para(rdoc *d, const char *text, double size, int bold,
    int bullet);
/* Vertical space in points. */
void rdoc_space(rdoc *d, double pts);
/* Centered text at the current position (the cover). */
void rdoc_center(rdoc *d, const char *text, double size, int bold);
/* Room for table t and extra points, when the table fits on a page:
 * before a heading that belongs to it. */
void rdoc_keep_table(rdoc *d, const sq_table *t, double extra);
/* A table as md and pretty would show it. */
void rdoc_table(rdoc *d, const sq_table *t);
/* A chart of the chart library, the width of the text column. */
struct sq_chartdata;
struct sq_chart_opts;
void rdoc_chart(rdoc *d, const struct sq_chartdata *cd,
    const struct sq_chart_opts *co, const char *heading);

/*
 * Charts of a study (report_chart.c, apart because chart.h and
 * reliability.h both define enum sq_block). Types as enum rchart_type.
 */
enum rchart_type { RCH_GAPS, RCH_ITEMS, RCH_GROUPS, RCH_IPA, RCH_SCREE,
    RCH_DRIVERS };
struct sq_chartdata *rchart_data(const sq_study *s, const sq_report_opts *o);
size_t rchart_nseg(const struct sq_chartdata *cd);
void rchart(rdoc *d, const struct sq_chartdata *cd, int type, int lang,
    const char *heading);
void rchart_free(struct sq_chartdata *cd);

/* IPA quadrants as sq-drivers numbers them (enum sq_quadrant). */
enum { RQ_CONCENTRATE = 0, RQ_KEEP_UP, RQ_LOW_PRIORITY, RQ_OVERKILL };

/* The row of dimension d, or of the first row of scope, in s->grow. */
const sq_gaprow *rq_dimrow(const sq_study *s, size_t d);

/*
 * Figures for people (report_summary.c), into buf of 48 bytes (rfp: 64):
 * x with d decimals (d < 0: a p-value, d = 0: a count), a dash for NaN;
 * "p = 0.012" or "p < 0.001". Both return buf.
 */
const char *rfx(char *buf, double x, int d);
const char *rfp(char *buf, double p);

/*
 * The report's own tables (report_tables.c), each new (NULL when out of
 * memory): scores by segment, importance-performance, key drivers, each
 * factor's CR, AVE and HTMT, the zone of tolerance, data quality.
 */
sq_table *rtable_segments(const sq_study *s, int lang);
sq_table *rtable_ipa(const sq_study *s, int lang);
sq_table *rtable_drivers(const sq_study *s, int lang);
sq_table *rtable_cfa(const sq_study *s, int lang);
sq_table *rtable_zone(const sq_study *s, int lang);
sq_table *rtable_quality(const sq_study *s);

#endif
