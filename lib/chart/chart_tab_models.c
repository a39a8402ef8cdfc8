/*
 * Chart data from the long tables of the model tools: sq-drivers'
 * (figures held to their known ranges, rows to chart_drivers.c) and
 * sq-cfa's (rows to chart_cfa.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "chart_int.h"
#include "chart_tab.h"

/*
 * The scale sq-drivers' table states in its summary rows (scale_min,
 * scale_max), into *lo and *hi; a figure it lacks leaves them as they are.
 */
static void
drivers_scale(const struct tab *t, const int *c, double *lo, double *hi)
{
	size_t k;

	for (k = 0; k < t->nrows; k++) {
		char **v = t->cell[k], *end;
		double y;

		if (strcmp(v[c[0]], "summary") != 0)
			continue;
		y = strtod(v[c[5]], &end);
		if (end == v[c[5]] || *end != '\0')
			continue;
		if (strcmp(v[c[4]], "scale_min") == 0)
			*lo = y;
		else if (strcmp(v[c[4]], "scale_max") == 0)
			*hi = y;
	}
}

/*
 * The figures of sq-drivers' table whose range is known: R^2, p-values
 * and LMG in [0,1], shares and importance in [0,100] (up to rounding),
 * counts and F non-negative, correlations in [-1,1], performance on the
 * table's scale. A figure outside drew nonsense (an axis to 1e308).
 */
static int
drivers_range(const struct tab *t, size_t r, const int *c, sq_error *err)
{
	static const struct {
		const char *sec, *key;
		double lo, hi;
	} rule[] = {
		{ "summary", "n", 0, HUGE_VAL },
		{ "summary", "conf", 0, 1 },
		{ "model", "r2", 0, 1 },
		{ "model", "adj_r2", -HUGE_VAL, 1 },
		{ "model", "p", 0, 1 },
		{ "model", "n", 0, HUGE_VAL },
		{ "model", "df1", 0, HUGE_VAL },
		{ "model", "df2", 0, HUGE_VAL },
		{ "model", "f", 0, HUGE_VAL },
		{ "coefficient", "p", 0, 1 },
		{ "coefficient", "se", 0, HUGE_VAL },
		{ "coefficient", "vif", 0, HUGE_VAL },
		{ "lmg", "lmg", -1e-9, 1 + 1e-9 },
		{ "lmg", "share", -1e-6, 100 + 1e-6 },
		{ "importance", "stated", -1e-6, 100 + 1e-6 },
		{ "importance", "derived", -1e-6, 100 + 1e-6 },
		{ "importance", "stated_n", 0, HUGE_VAL },
		{ "importance", "spearman", -1 - 1e-9, 1 + 1e-9 },
		{ "ipa", "importance", -1e-6, 100 + 1e-6 },
		{ "ipa", "importance_cross", -1e-6, 100 + 1e-6 },
		{ "ipa", "n", 0, HUGE_VAL },
	};
	const char *sec = t->cell[r][c[0]], *key = t->cell[r][c[4]];
	double x, lo = NAN, hi = NAN;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(rule) / sizeof(rule[0]); i++) {
		if (strcmp(sec, rule[i].sec) != 0 ||
		    strcmp(key, rule[i].key) != 0)
			continue;
		if ((rc = ctab_num(t, r, c[5], &x, err)) != SQ_OK)
			return rc;
		return ctab_range(t, r, c[5], x, rule[i].lo, rule[i].hi, err);
	}
	if (strcmp(sec, "ipa") != 0 || (strcmp(key, "performance") != 0 &&
	    strcmp(key, "performance_cross") != 0))
		return SQ_OK;
	/* performance: on the scale the table states */
	drivers_scale(t, c, &lo, &hi);
	if ((rc = ctab_num(t, r, c[5], &x, err)) != SQ_OK)
		return rc;
	if (isnan(lo) || isnan(hi))
		return ctab_range(t, r, c[5], x, -1e6, 1e6, err);
	return ctab_range(t, r, c[5], x, lo - 1e-9, hi + 1e-9, err);
}

/* sq-drivers' long table: section segment model term key value. */
int
ctab_read_drivers(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"section", "segment", "model", "term", "key", "value"
	};
	int c[6], rc;
	size_t r;

	if ((rc = ctab_need(t, cols, c, 6, err)) != SQ_OK)
		return rc;
	if (!d->ins_given) {
		/* The dimensions the table names (by code), on its scale. */
		sq_instrument *ins;
		double lo = 1, hi = 7;

		drivers_scale(t, c, &lo, &hi);
		if ((rc = sq_instrument_new(t->name, lo, hi, &ins)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++) {
			const char *term = t->cell[r][c[3]];

			if (term[0] == '\0' || strcmp(term, "intercept") == 0 ||
			    strcmp(t->cell[r][c[1]], "all") != 0)
				continue;
			if (ctab_ins_dim(ins, term, NULL) < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[3] + 1, "term",
				    "\"%s\" is not a dimension code (1-15 "
				    "bytes, at most %d codes)", term,
				    SQ_MAX_DIMS);
			}
		}
		if ((rc = sqc_chartdata_rebase(d, ins)) != SQ_OK)
			return rc;
	}
	for (r = 0; r < t->nrows; r++) {
		char **v = t->cell[r];

		if ((rc = drivers_range(t, r, c, err)) != SQ_OK)
			return rc;
		if ((rc = sqc_drivers_cell(d, v[c[0]], v[c[1]], v[c[2]],
		    v[c[3]], v[c[4]], v[c[5]], t->name, t->line[r], err)))
			return rc;
	}
	return SQ_OK;
}

/* sq-cfa's long table: the rows go to chart_cfa.c one by one. */
int
ctab_read_cfa(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"section", "key", "dimension", "item", "dimension2", "value"
	};
	int c[6], rc;
	size_t r;

	if ((rc = ctab_need(t, cols, c, 6, err)) != SQ_OK)
		return rc;
	for (r = 0; r < t->nrows; r++)
		if ((rc = sqc_cfa_add(d, t->cell[r][c[0]], t->cell[r][c[1]],
		    t->cell[r][c[2]], t->cell[r][c[3]], t->cell[r][c[4]],
		    t->cell[r][c[5]], t->name, t->line[r], err)) != SQ_OK)
			return rc;
	return sqc_cfa_finish(d, t->name, err);
}
