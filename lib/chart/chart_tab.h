/*
 * Internal to lib/chart_tab*.c and chart_table.c: a small table read
 * whole as strings (chart_tab.c) and the readers that turn each kind of
 * table into chart data. Readers return SQ_* with err set, naming the
 * table's line and column; what they allocate is d's.
 */
#ifndef SERVQUAL_CHART_TAB_H
#define SERVQUAL_CHART_TAB_H

#include "servqual/chart.h"
#include "servqual/reader.h"

/* A whole small table held as strings. */
struct tab {
	size_t ncols, nrows, cap;
	char **head;
	char ***cell;		/* nrows rows of ncols cells */
	unsigned long *line;
	const char *name;
};

/* Free what t holds (not t). */
void ctab_free(struct tab *t);
/* The reader's row callback filling the struct tab at vctx. */
int ctab_row(void *vctx, const sq_row *row, sq_error *err);
/* Column named name (any case), or -1. */
int ctab_col(const struct tab *t, const char *name);
/* A number cell: "NaN", "NA" and "" read as NAN; inf is refused. */
int ctab_num(const struct tab *t, size_t r, int c, double *x,
    sq_error *err);
/* A figure outside [lo, hi] (NaN passes: the reader decides). */
int ctab_range(const struct tab *t, size_t r, int c, double x, double lo,
    double hi, sq_error *err);
/* Indices of columns names[0..n-1] into idx; a missing one is refused. */
int ctab_need(const struct tab *t, const char *const *names, int *idx,
    size_t n, sq_error *err);

/*
 * Duplicate keys. A selector fills cols with the key columns of row r
 * (-1: none) and *name with the column a message names, and returns 0
 * when the row is not checked. The first row whose key an earlier row
 * already has is refused: the same item, dimension or group twice drew
 * twice (zone-radar drew M, N, M, N as four axes).
 */
typedef int dup_sel(const struct tab *t, size_t r, int *cols, int *name);
/* Refuse the first row whose key of ncols columns (by sel) repeats. */
int ctab_dups(const struct tab *t, dup_sel *sel, size_t ncols,
    sq_error *err);

/* Index of dimension code in ins, added (named name, else code) if new. */
int ctab_ins_dim(sq_instrument *ins, const char *code, const char *name);
/* The scale stated in columns cmin, cmax: the same on every row. */
int ctab_scale(const struct tab *t, int cmin, int cmax, double *lo,
    double *hi, sq_error *err);
/* The table's confidence level from column cc (one value), into *conf. */
int ctab_conf(const struct tab *t, int cc, double *conf, sq_error *err);
/* An instrument without dimensions or items, for tables that need none. */
int ctab_bare_ins(sq_chartdata *d, const struct tab *t);

/* Tables of means (chart_tab_means.c): sq-gap, sq-zone, importance. */
int ctab_read_gap(sq_chartdata *d, const struct tab *t, sq_error *err);
int ctab_read_zone(sq_chartdata *d, const struct tab *t, sq_error *err);
int ctab_read_ipa(sq_chartdata *d, const struct tab *t, sq_error *err);
/* Tables by item (chart_tab_items.c): scree, counts, matrix, sq-factor. */
int ctab_read_scree(sq_chartdata *d, const struct tab *t, sq_error *err);
int ctab_read_likert(sq_chartdata *d, const struct tab *t, sq_error *err);
int ctab_read_matrix(sq_chartdata *d, const struct tab *t, sq_error *err);
int ctab_read_factor(sq_chartdata *d, const struct tab *t, sq_error *err);
/* The model tools' long tables (chart_tab_models.c): sq-drivers, sq-cfa. */
int ctab_read_drivers(sq_chartdata *d, const struct tab *t,
    sq_error *err);
int ctab_read_cfa(sq_chartdata *d, const struct tab *t, sq_error *err);
/* sq-compare's table (chart_tab_compare.c): its pairs of groups. */
int ctab_read_compare(sq_chartdata *d, const struct tab *t,
    sq_error *err);

#endif
