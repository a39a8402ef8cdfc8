/*
 * Chart data from tables of means: sq-gap's (gaps by dimension, item and
 * segment, with the instrument in its own columns), sq-zone's (the zone
 * of tolerance) and importance-performance (one row per dimension).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "chart_int.h"
#include "chart_tab.h"

/* The instrument named by column ci of the first row, or the table's. */
static const char *
tab_ins_name(const struct tab *t, int ci)
{
	return ci >= 0 && t->nrows > 0 && t->cell[0][ci][0] ? t->cell[0][ci] :
	    t->name;
}

/*
 * The sq-gap table's instrument from its own columns: the dimensions of
 * the "all" dimension rows named by their labels, the items of the "all"
 * item rows with their wordings, the scale, the instrument's name.
 */
static int
gap_instrument(sq_chartdata *d, const struct tab *t, const int *c, int cl,
    int cmin, int cmax, int ci, sq_error *err)
{
	sq_instrument *ins;
	double lo, hi;
	size_t r;
	int rc, pass, k, num;

	if ((rc = ctab_scale(t, cmin, cmax, &lo, &hi, err)) != SQ_OK)
		return rc;
	rc = sq_instrument_new(tab_ins_name(t, ci), lo, hi, &ins);
	if (rc != SQ_OK)
		return rc;
	for (pass = 0; pass < 2; pass++)
		for (r = 0; r < t->nrows; r++) {
			const char *scope = t->cell[r][c[0]];
			const char *code = t->cell[r][c[2]];

			if (strcmp(t->cell[r][c[1]], "all") != 0 ||
			    strcmp(scope, pass ? "item" : "dimension") != 0)
				continue;
			k = ctab_ins_dim(ins, code, pass ? NULL :
			    t->cell[r][cl]);
			if (k < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[2] + 1,
				    t->head[c[2]], "\"%s\" is not a dimension"
				    " code (1-15 bytes, at most %d codes)",
				    code, SQ_MAX_DIMS);
			}
			if (!pass)
				continue;
			num = sqc_label_number(t->cell[r][c[3]]);
			if (num < 0 || sq_instrument_add_item(ins, num, k,
			    t->cell[r][cl], NULL) != SQ_OK) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[3] + 1,
				    t->head[c[3]], "\"%s\" is not a new item "
				    "number", t->cell[r][c[3]]);
			}
		}
	return sqc_chartdata_rebase(d, ins);
}

/* Names of the columns of want[] the table lacks, into buf. */
static void
missing_cols(const struct tab *t, const char *const *want, size_t n,
    char *buf, size_t len)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (ctab_col(t, want[i]) < 0 && o + 1 < len)
			o += (size_t)snprintf(buf + o, len - o, "%s%s",
			    o ? ", " : "", want[i]);
}

int
ctab_read_gap(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"scope", "segment", "dimension", "item", "n", "mean_e",
		"mean_p", "gap", "ci_low", "ci_high"
	};
	static const char *const facts[] = {
		"label", "scale_min", "scale_max"
	};
	const sq_instrument *ins;
	int c[10], rc, cl, cmin, cmax;
	size_t r, s, j;
	char miss[64];

	if ((rc = ctab_need(t, cols, c, 10, err)) != SQ_OK)
		return rc;
	cl = ctab_col(t, "label");
	cmin = ctab_col(t, "scale_min");
	cmax = ctab_col(t, "scale_max");
	if ((rc = ctab_conf(t, ctab_col(t, "conf"), &d->conf, err)) != SQ_OK)
		return rc;
	if (cl >= 0 && cmin >= 0 && cmax >= 0) {
		rc = gap_instrument(d, t, c, cl, cmin, cmax,
		    ctab_col(t, "instrument"), err);
		if (rc != SQ_OK)
			return rc;
	} else if (!d->ins_given) {
		missing_cols(t, facts, 3, miss, sizeof(miss));
		return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
		    "the table does not say its instrument (no column %s): "
		    "its dimensions, item wordings and scale are unknown; "
		    "make it with sq-gap -f tsv or csv, or give the "
		    "codebook with -c", miss);
	}
	ins = d->ins;
	for (r = 0; r < t->nrows; r++) {
		const char *scope = t->cell[r][c[0]];
		const char *seg = t->cell[r][c[1]];
		sq_chartstat st;
		double v[6];
		int isitem = strcmp(scope, "item") == 0, idx;

		if (!isitem && strcmp(scope, "dimension") != 0)
			continue;
		for (j = 0; j < 6; j++)
			if ((rc = ctab_num(t, r, c[4 + j], &v[j],
			    err)) != SQ_OK)
				return rc;
		/* counts non-negative, means and CIs near the scale */
		if ((rc = ctab_range(t, r, c[4], v[0], 0, HUGE_VAL, err)))
			return rc;
		for (j = 1; j < 3; j++)
			if ((rc = ctab_range(t, r, c[4 + j], v[j], ins->min,
			    ins->max, err)))
				return rc;
		for (j = 3; j < 6; j++)
			if ((rc = ctab_range(t, r, c[4 + j], v[j],
			    -2 * (ins->max - ins->min) - 1,
			    ins->max + 2 * (ins->max - ins->min) + 1, err)))
				return rc;
		st.n = v[0];
		st.mean_e = v[1];
		st.mean_p = v[2];
		st.gap = v[3];
		st.ci_low = v[4];
		st.ci_high = v[5];
		if (isitem) {
			char *end;
			long num = strtol(t->cell[r][c[3]], &end, 10);

			idx = *end == '\0' && end != t->cell[r][c[3]] ?
			    sq_instrument_item(ins, (int)num) : -1;
			if (idx < 0)
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[3] + 1, "item",
				    "\"%s\" is no item of the instrument",
				    t->cell[r][c[3]]);
			if (strcmp(seg, "all") == 0)
				d->item[idx] = st;
			continue;
		}
		idx = sq_instrument_dim(ins, t->cell[r][c[2]]);
		if (idx < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[2] + 1, "dimension",
			    "\"%s\" is no dimension of the instrument",
			    t->cell[r][c[2]]);
		if (strcmp(seg, "all") == 0) {
			d->dim[idx] = st;
			d->has_gaps = 1;
			d->performance[idx] = st.mean_p;
			continue;
		}
		for (s = 0; s < d->nseg; s++)
			if (strcmp(d->seg[s], seg) == 0)
				break;
		if (s == d->nseg) {
			char **s2;
			sq_chartstat *g2;

			/* Charts draw a few; a linear search is enough. */
			if (d->nseg >= 1000)
				return sq_error_set(err, SQ_ELIMIT, t->name,
				    t->line[r], 0, "", "more than 1000 "
				    "segments");
			s2 = realloc(d->seg, (d->nseg + 1) * sizeof(char *));
			if (s2 == NULL)
				return SQ_ENOMEM;
			d->seg = s2;
			g2 = realloc(d->segdim, (d->nseg + 1) * ins->ndims *
			    sizeof(*g2));
			if (g2 == NULL)
				return SQ_ENOMEM;
			d->segdim = g2;
			for (j = 0; j < ins->ndims; j++)
				sqc_stat_nan(&d->segdim[d->nseg * ins->ndims + j]);
			if ((d->seg[d->nseg] = strdup(seg)) == NULL)
				return SQ_ENOMEM;
			d->nseg++;
		}
		d->segdim[s * ins->ndims + (size_t)idx] = st;
	}
	if (!d->has_gaps)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no dimension rows for segment \"all\"");
	/* sq-gap's block column: P alone (SERVPERF) */
	c[0] = ctab_col(t, "block");
	d->perf = c[0] >= 0 && t->nrows > 0 &&
	    strcmp(t->cell[0][c[0]], "P") == 0;
	return SQ_OK;
}

/*
 * sq-zone's table: the rows of segment "all" with their labels and the
 * scale the table carries, so that no instrument is needed.
 */
int
ctab_read_zone(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"scope", "segment", "n", "mean_a", "mean_d", "mean_p",
		"scale_min", "scale_max", "label", "item"
	};
	int c[10], rc, scope;
	size_t r, j, m;
	double v[6];
	char *lab;

	if ((rc = ctab_need(t, cols, c, 10, err)) != SQ_OK)
		return rc;
	if ((d->zone = calloc(1, sizeof(*d->zone))) == NULL)
		return SQ_ENOMEM;
	d->zone->lo = d->zone->hi = NAN;
	for (r = 0; r < t->nrows; r++) {
		const char *sc = t->cell[r][c[0]];

		if (strcmp(t->cell[r][c[1]], "all") != 0)
			continue;
		scope = strcmp(sc, "item") == 0 ? 0 : strcmp(sc,
		    "dimension") == 0 ? 1 : strcmp(sc, "overall") == 0 ? 2 :
		    -1;
		if (scope < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[0] + 1, "scope", "\"%s\" is not item, "
			    "dimension or overall", sc);
		for (j = 0; j < 6; j++)
			if ((rc = ctab_num(t, r, c[2 + j], &v[j],
			    err)) != SQ_OK)
				return rc;
		if (isnan(d->zone->lo)) {
			d->zone->lo = v[4];
			d->zone->hi = v[5];
			if (!(v[5] > v[4]) || v[5] - v[4] > 1000)
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[6] + 1, "scale_min",
				    "the scale %g..%g is not an answer scale",
				    v[4], v[5]);
		} else if (v[4] != d->zone->lo || v[5] != d->zone->hi)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[6] + 1, "scale_min", "the scale %g..%g "
			    "differs from the first row's", v[4], v[5]);
		/* a mean off the scale hung the drawing (ticks to 1e308) */
		for (j = 1; j < 4; j++)
			if (!isnan(v[j]) && !(v[j] >= v[4] && v[j] <= v[5]))
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[2 + j] + 1,
				    cols[2 + j], "%g is outside the scale "
				    "%g..%g", v[j], v[4], v[5]);
		/* items as the other charts label them: "12. wording" */
		m = strlen(t->cell[r][c[9]]) + strlen(t->cell[r][c[8]]) + 3;
		if ((lab = malloc(m)) == NULL)
			return SQ_ENOMEM;
		snprintf(lab, m, "%s%s%s", t->cell[r][c[9]],
		    t->cell[r][c[9]][0] && t->cell[r][c[8]][0] ? ". " : "",
		    t->cell[r][c[8]]);
		rc = sqc_zone_add(d, scope, lab, lab, v[0], v[1], v[2], v[3]);
		free(lab);
		if (rc != SQ_OK)
			return rc == SQ_ELIMIT ? sq_error_set(err, rc, t->name,
			    t->line[r], 0, "", "more than 10000 rows") : rc;
	}
	if (d->zone->n == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no rows for segment \"all\"");
	return SQ_OK;
}

int
ctab_read_ipa(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"dimension", "importance", "performance"
	};
	int c[3], rc, idx, cl = ctab_col(t, "label");
	size_t r;

	if ((rc = ctab_need(t, cols, c, 3, err)) != SQ_OK)
		return rc;
	if (!d->ins_given) {
		/* The dimensions the table names, by their labels if any. */
		sq_instrument *ins;

		if ((rc = sq_instrument_new(t->name, 1, 7, &ins)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++)
			if (ctab_ins_dim(ins, t->cell[r][c[0]], cl >= 0 ?
			    t->cell[r][cl] : NULL) < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[0] + 1,
				    t->head[c[0]], "\"%s\" is not a dimension"
				    " code (1-15 bytes, at most %d codes)",
				    t->cell[r][c[0]], SQ_MAX_DIMS);
			}
		if ((rc = sqc_chartdata_rebase(d, ins)) != SQ_OK)
			return rc;
	}
	for (r = 0; r < t->nrows; r++) {
		idx = sq_instrument_dim(d->ins, t->cell[r][c[0]]);
		if (idx < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[0] + 1, t->head[c[0]],
			    "\"%s\" is no dimension of the instrument",
			    t->cell[r][c[0]]);
		if ((rc = ctab_num(t, r, c[1], &d->importance[idx], err)) ||
		    (rc = ctab_num(t, r, c[2], &d->performance[idx], err)))
			return rc;
		/* importance is a weight: never negative */
		if ((rc = ctab_range(t, r, c[1], d->importance[idx], 0,
		    HUGE_VAL, err)) != SQ_OK)
			return rc;
	}
	d->has_ipa = 1;
	return SQ_OK;
}
