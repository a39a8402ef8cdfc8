/*
 * sq-compare's table into a compare chart: the pairwise rows of the
 * dimensions, each figure held to its range as the other table readers
 * hold theirs (a p-value within 0..1, counts and standard deviations not
 * negative, one confidence level), then handed to sqc_compare_rows.
 * Repeated rows are refused before (chart_table.c, sel_compare).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/compare.h"
#include "servqual/gap.h"
#include "chart_int.h"
#include "chart_tab.h"

enum {
	C_SCOPE, C_DIM, C_TEST, C_G1, C_G2, C_DIFF, C_PADJ, C_CILO, C_CIHI,
	C_N1, C_N2, C_M1, C_M2, C_SD1, C_SD2, C_CONF, C_N
};

static const char *const need[C_N] = {
	"scope", "dimension", "test", "group1", "group2", "diff", "p_adj",
	"ci_low", "ci_high", "n1", "n2", "mean1", "mean2", "sd1", "sd2",
	"conf"
};

/* The figures of row r, from diff on, into x, each within its range. */
static int
figures(const struct tab *t, size_t r, const int *col, double *x,
    sq_error *err)
{
	size_t i;
	int rc;

	for (i = C_DIFF; i < C_N; i++)
		if ((rc = ctab_num(t, r, col[i], &x[i], err)) != SQ_OK)
			return rc;
	if ((rc = ctab_range(t, r, col[C_PADJ], x[C_PADJ], 0, 1, err)) ||
	    (rc = ctab_range(t, r, col[C_N1], x[C_N1], 0, HUGE_VAL, err)) ||
	    (rc = ctab_range(t, r, col[C_N2], x[C_N2], 0, HUGE_VAL, err)) ||
	    (rc = ctab_range(t, r, col[C_SD1], x[C_SD1], 0, HUGE_VAL, err)) ||
	    (rc = ctab_range(t, r, col[C_SD2], x[C_SD2], 0, HUGE_VAL, err)))
		return rc;
	if (!(x[C_CONF] > 0 && x[C_CONF] < 1))
		return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
		    (size_t)col[C_CONF] + 1, t->head[col[C_CONF]], "conf "
		    "\"%s\" is not a level between 0 and 1",
		    t->cell[r][col[C_CONF]]);
	return SQ_OK;
}

/* Row r as an sq_cmprow naming its groups names[2k], names[2k + 1]. */
static int
row(const sq_instrument *ins, const struct tab *t, size_t r,
    const int *col, sq_cmprow *x, char **names, double *conf, sq_error *err)
{
	const char *dim = t->cell[r][col[C_DIM]];
	double f[C_N];
	size_t i;
	int rc;

	memset(x, 0, sizeof(*x));
	x->scope = SQ_SCOPE_DIMENSION;
	x->item = -1;
	if ((x->dim = sq_instrument_dim(ins, dim)) < 0)
		return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
		    (size_t)col[C_DIM] + 1, t->head[col[C_DIM]], "dimension "
		    "\"%s\" is not in the instrument (give the codebook with "
		    "-c)", dim);
	if ((rc = figures(t, r, col, f, err)) != SQ_OK)
		return rc;
	if (!isnan(*conf) && f[C_CONF] != *conf)
		return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
		    (size_t)col[C_CONF] + 1, t->head[col[C_CONF]], "the "
		    "confidence level changes from %g to %g", *conf,
		    f[C_CONF]);
	*conf = f[C_CONF];
	x->test = -1;
	for (i = 0; i < SQ_T_NTESTS; i++)
		if (strcmp(sq_cmp_test_names[i], t->cell[r][col[C_TEST]]) == 0)
			x->test = (int)i;
	x->diff = f[C_DIFF];
	x->p_adj = f[C_PADJ];
	x->ci_low = f[C_CILO];
	x->ci_high = f[C_CIHI];
	x->n1 = f[C_N1];
	x->n2 = f[C_N2];
	x->mean1 = f[C_M1];
	x->mean2 = f[C_M2];
	x->sd1 = f[C_SD1];
	x->sd2 = f[C_SD2];
	names[0] = strdup(t->cell[r][col[C_G1]]);
	names[1] = strdup(t->cell[r][col[C_G2]]);
	return names[0] && names[1] ? SQ_OK : SQ_ENOMEM;
}

int
ctab_read_compare(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	int col[C_N], rc = SQ_OK;
	sq_cmprow *rows;
	char **names;
	double conf = NAN;
	size_t n = 0, r, i;

	for (i = 0; i < C_N; i++)
		if ((col[i] = ctab_col(t, need[i])) < 0)
			return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
			    "sq-compare table without column %s (make it "
			    "with sq-compare -f tsv)", need[i]);
	rows = calloc(t->nrows + 1, sizeof(*rows));
	names = calloc(2 * t->nrows + 2, sizeof(*names));
	if (rows == NULL || names == NULL)
		rc = SQ_ENOMEM;
	for (r = 0; rc == SQ_OK && r < t->nrows; r++) {
		/* pairs on dimensions only: no omnibus, item or total rows */
		if (strcmp(t->cell[r][col[C_SCOPE]], "dimension") != 0 ||
		    t->cell[r][col[C_G1]][0] == '\0')
			continue;
		rc = row(d->ins, t, r, col, &rows[n], names + 2 * n, &conf,
		    err);
		rows[n].g1 = (long)(2 * n);
		rows[n].g2 = (long)(2 * n + 1);
		n++;
	}
	if (rc == SQ_OK) {
		rc = sqc_compare_rows(d, rows, n, names, conf);
		if (rc == SQ_EEMPTY)
			rc = sq_error_set(err, rc, t->name, 0, 0, "", "no pairs "
			    "of groups on dimension rows in the sq-compare "
			    "table");
	}
	if (names != NULL)
		for (i = 0; i < 2 * n; i++)
			free(names[i]);
	free(names);
	free(rows);
	return rc;
}
