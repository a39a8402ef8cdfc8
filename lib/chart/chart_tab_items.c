/*
 * Chart data from tables by item: answer counts (Likert), a matrix of
 * correlations or loadings, eigenvalues for a scree chart, and
 * sq-factor's long table (eigenvalues, parallel analysis, loadings).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/chart.h"
#include "chart_int.h"
#include "chart_tab.h"

int
ctab_read_scree(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const refnames[] = {
		"reference", "parallel", "simulated", "pa_mean", "random"
	};
	int ce = ctab_col(t, "eigenvalue"), cr = -1, rc;
	size_t r, i;

	for (i = 0; i < sizeof(refnames) / sizeof(refnames[0]) && cr < 0; i++)
		cr = ctab_col(t, refnames[i]);
	/* The sniffer reads the first line loosely (quotes, CRs): check. */
	if (ce < 0)
		return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
		    "the table has no column \"eigenvalue\"");
	if ((rc = ctab_bare_ins(d, t)) != SQ_OK)
		return rc;
	if (t->nrows == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the table has no rows");
	d->eigen = malloc(t->nrows * sizeof(double));
	d->reference = malloc(t->nrows * sizeof(double));
	if (!d->eigen || !d->reference)
		return SQ_ENOMEM;
	d->ncomp = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		if ((rc = ctab_num(t, r, ce, &d->eigen[r], err)) != SQ_OK)
			return rc;
		d->reference[r] = NAN;
		if (cr >= 0 &&
		    (rc = ctab_num(t, r, cr, &d->reference[r], err)) != SQ_OK)
			return rc;
	}
	d->has_scree = 1;
	return SQ_OK;
}

/*
 * Answer counts "item value n", optionally with "block", "dimension",
 * "label" (the item's wording), "scale_min" and "scale_max". The scale is
 * the table's, else the codebook's: never the values that happen to occur,
 * so "lowest" and "highest" name the scale's ends.
 */
int
ctab_read_likert(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = { "item", "value", "n" };
	int c[3], cb, cd, cl, cmin, cmax, rc, idx;
	size_t r;
	double lo, hi, v, n;

	if ((rc = ctab_need(t, cols, c, 3, err)) != SQ_OK)
		return rc;
	cb = ctab_col(t, "block");
	cd = ctab_col(t, "dimension");
	cl = ctab_col(t, "label");
	cmin = ctab_col(t, "scale_min");
	cmax = ctab_col(t, "scale_max");
	if (cmin >= 0 && cmax >= 0) {
		if ((rc = ctab_scale(t, cmin, cmax, &lo, &hi, err)) != SQ_OK)
			return rc;
	} else if (d->ins_given) {
		lo = d->ins->min;
		hi = d->ins->max;
	} else
		return sq_error_set(err, SQ_ESCHEMA, t->name, 1, 0, "",
		    "the table does not say the answer scale (columns "
		    "scale_min, scale_max); add them or give the codebook "
		    "with -c");
	if (!d->ins_given || cl >= 0 || cd >= 0) {
		/* The items (and dimensions) as the table names them. */
		sq_instrument *ins;
		int num, k;

		if ((rc = sq_instrument_new(t->name, lo, hi, &ins)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++) {
			num = sqc_label_number(t->cell[r][c[0]]);
			k = ctab_ins_dim(ins, cd >= 0 ? t->cell[r][cd] : "ALL",
			    NULL);
			if (num < 0 || k < 0) {
				sq_instrument_free(ins);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)(num < 0 ? c[0] : cd) +
				    1, num < 0 ? "item" : "dimension", "\"%s\" "
				    "names no item or dimension", num < 0 ?
				    t->cell[r][c[0]] : t->cell[r][cd]);
			}
			if (sq_instrument_item(ins, num) < 0 &&
			    sq_instrument_add_item(ins, num, k, cl >= 0 ?
			    t->cell[r][cl] : NULL, NULL) != SQ_OK) {
				sq_instrument_free(ins);
				return SQ_ENOMEM;
			}
		}
		if ((rc = sqc_chartdata_rebase(d, ins)) != SQ_OK)
			return rc;
	}
	if (t->nrows == 0 || hi - lo > 20 || lo != floor(lo) ||
	    hi != floor(hi))
		return sq_error_set(err, SQ_EDATA, t->name, 0, 0, "",
		    "a Likert chart needs a whole-number scale of 2 to 21 "
		    "points, not %g..%g", lo, hi);
	d->vmin = lo;
	d->nvals = (size_t)(hi - lo) + 1;
	d->likert_block = SQ_BLOCK_P;
	if ((d->count = calloc(d->ins->nitems * d->nvals,
	    sizeof(double))) == NULL)
		return SQ_ENOMEM;
	for (r = 0; r < t->nrows; r++) {
		if ((idx = sqc_label_item(d->ins, t->cell[r][c[0]])) < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[0] + 1, "item",
			    "\"%s\" is no item of the instrument",
			    t->cell[r][c[0]]);
		if (cb >= 0 && strcasecmp(t->cell[r][cb], "E") == 0)
			d->likert_block = SQ_BLOCK_E;
		if ((rc = ctab_num(t, r, c[1], &v, err)) != SQ_OK ||
		    (rc = ctab_num(t, r, c[2], &n, err)) != SQ_OK)
			return rc;
		if (!(v >= lo && v <= hi) || v != floor(v))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[1] + 1, "value", "\"%s\" is not a whole "
			    "answer on the scale %g..%g", t->cell[r][c[1]], lo,
			    hi);
		if (!(n >= 0))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[2] + 1, "n", "\"%s\" is not a count",
			    t->cell[r][c[2]]);
		d->count[(size_t)idx * d->nvals + (size_t)(v - lo)] += n;
	}
	d->has_likert = 1;
	return SQ_OK;
}

int
ctab_read_matrix(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	size_t r, j, nc = t->ncols - 1;
	int rc, square;

	if ((rc = ctab_bare_ins(d, t)) != SQ_OK)
		return rc;
	if (t->ncols < 2 || t->nrows == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "a matrix needs a row of column names, then rows of a "
		    "label and numbers");
	d->matrix = malloc(t->nrows * nc * sizeof(double));
	d->rowlab = calloc(t->nrows, sizeof(char *));
	d->collab = calloc(nc, sizeof(char *));
	d->rowdim = malloc(t->nrows * sizeof(int));
	d->coldim = malloc(nc * sizeof(int));
	if (!d->matrix || !d->rowlab || !d->collab || !d->rowdim ||
	    !d->coldim)
		return SQ_ENOMEM;
	d->mrows = t->nrows;
	d->mcols = nc;
	for (j = 0; j < nc; j++) {
		int it = sqc_label_item(d->ins, t->head[j + 1]);

		if ((d->collab[j] = strdup(t->head[j + 1])) == NULL)
			return SQ_ENOMEM;
		d->coldim[j] = it >= 0 ? d->ins->items[it].dim : -1;
	}
	for (r = 0; r < t->nrows; r++) {
		int it = sqc_label_item(d->ins, t->cell[r][0]);

		if ((d->rowlab[r] = strdup(t->cell[r][0])) == NULL)
			return SQ_ENOMEM;
		d->rowdim[r] = it >= 0 ? d->ins->items[it].dim : -1;
		for (j = 0; j < nc; j++)
			if ((rc = ctab_num(t, r, (int)j + 1,
			    &d->matrix[r * nc + j], err)) != SQ_OK)
				return rc;
	}
	square = d->mrows == d->mcols;
	for (r = 0; square && r < d->mrows; r++)
		if (strcmp(d->rowlab[r], d->collab[r]) != 0 ||
		    fabs(d->matrix[r * nc + r] - 1) > 1e-6)
			square = 0;
	d->matrix_kind = square ? SQ_MATRIX_CORRELATION : SQ_MATRIX_LOADINGS;
	d->has_matrix = 1;
	return SQ_OK;
}

/*
 * sq-factor's long table (section key item dimension factor value): the
 * eigenvalues with the parallel-analysis 95th percentile for the scree
 * chart, and the pattern loadings for the heatmap.
 */
int
ctab_read_factor(sq_chartdata *d, const struct tab *t, sq_error *err)
{
	static const char *const cols[] = {
		"section", "key", "item", "dimension", "factor", "value"
	};
	const sq_instrument *ins;
	int c[6], rc, it;
	size_t r, ncomp = 0, nfac = 0, i, j;
	char block = 'P', buf[32];
	double f, v;

	if ((rc = ctab_need(t, cols, c, 6, err)) != SQ_OK)
		return rc;
	if (!d->ins_given) {
		/* Items and dimensions as the table names them. */
		sq_instrument *ni;
		const char *name = t->name;
		int cl = ctab_col(t, "label"), k, num;

		for (r = 0; r < t->nrows; r++)
			if (strcmp(t->cell[r][c[0]], "sample") == 0 &&
			    strcmp(t->cell[r][c[1]], "instrument") == 0)
				name = t->cell[r][c[5]];
		if ((rc = sq_instrument_new(name, 1, 7, &ni)) != SQ_OK)
			return rc;
		for (r = 0; r < t->nrows; r++) {
			if (t->cell[r][c[2]][0] == '\0' ||
			    t->cell[r][c[3]][0] == '\0')
				continue;
			num = sqc_label_number(t->cell[r][c[2]]);
			k = ctab_ins_dim(ni, t->cell[r][c[3]], NULL);
			if (num < 0 || k < 0) {
				sq_instrument_free(ni);
				return sq_error_set(err, SQ_EDATA, t->name,
				    t->line[r], (size_t)c[2] + 1, "item",
				    "\"%s\" of \"%s\" names no item and "
				    "dimension", t->cell[r][c[2]],
				    t->cell[r][c[3]]);
			}
			if (sq_instrument_item(ni, num) < 0 &&
			    sq_instrument_add_item(ni, num, k, cl >= 0 ?
			    t->cell[r][cl] : NULL, NULL) != SQ_OK) {
				sq_instrument_free(ni);
				return SQ_ENOMEM;
			}
		}
		if ((rc = sqc_chartdata_rebase(d, ni)) != SQ_OK)
			return rc;
	}
	ins = d->ins;
	/* First pass: sizes. */
	for (r = 0; r < t->nrows; r++) {
		const char *sec = t->cell[r][c[0]], *key = t->cell[r][c[1]];

		if (strcmp(sec, "sample") == 0 && strcmp(key, "block") == 0)
			block = t->cell[r][c[5]][0];
		if (strcmp(sec, "sample") == 0 && strcmp(key, "rows") == 0 &&
		    (rc = ctab_num(t, r, c[5], &d->respondents, err)) != SQ_OK)
			return rc;
		if (strcmp(sec, "sample") == 0 && strcmp(key, "n") == 0 &&
		    (rc = ctab_num(t, r, c[5], &d->cases, err)) != SQ_OK)
			return rc;
		if (strcmp(sec, "eigen") != 0 && strcmp(sec, "loading") != 0)
			continue;
		if ((rc = ctab_num(t, r, c[4], &f, err)) != SQ_OK)
			return rc;
		if (!(f >= 1 && f <= SQ_MAX_ITEMS) || f != floor(f))
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[4] + 1, "factor", "\"%s\" is not a "
			    "component number", t->cell[r][c[4]]);
		if (strcmp(sec, "eigen") == 0 && f > (double)ncomp)
			ncomp = (size_t)f;
		if (strcmp(sec, "loading") == 0 &&
		    strcmp(key, "pattern") == 0 && f > (double)nfac)
			nfac = (size_t)f;
	}
	if (ncomp > 0) {
		d->eigen = malloc(ncomp * sizeof(double));
		d->reference = malloc(ncomp * sizeof(double));
		if (!d->eigen || !d->reference)
			return SQ_ENOMEM;
		d->ncomp = ncomp;
		for (i = 0; i < ncomp; i++)
			d->eigen[i] = d->reference[i] = NAN;
	}
	if (nfac > 0) {
		size_t ni = ins->nitems;

		d->matrix = malloc(ni * nfac * sizeof(double));
		d->rowlab = calloc(ni, sizeof(char *));
		d->collab = calloc(nfac, sizeof(char *));
		d->rowdim = malloc(ni * sizeof(int));
		d->coldim = malloc(nfac * sizeof(int));
		if (!d->matrix || !d->rowlab || !d->collab || !d->rowdim ||
		    !d->coldim)
			return SQ_ENOMEM;
		d->mrows = ni;
		d->mcols = nfac;
		for (i = 0; i < ni * nfac; i++)
			d->matrix[i] = NAN;
		for (i = 0; i < ni; i++) {
			snprintf(buf, sizeof(buf), "%c%d", block,
			    ins->items[i].number);
			if ((d->rowlab[i] = strdup(buf)) == NULL)
				return SQ_ENOMEM;
			d->rowdim[i] = ins->items[i].dim;
		}
		for (j = 0; j < nfac; j++) {
			snprintf(buf, sizeof(buf), "F%zu", j + 1);
			if ((d->collab[j] = strdup(buf)) == NULL)
				return SQ_ENOMEM;
			d->coldim[j] = -1;
		}
		d->matrix_kind = SQ_MATRIX_LOADINGS;
	}
	for (r = 0; r < t->nrows; r++) {
		const char *sec = t->cell[r][c[0]], *key = t->cell[r][c[1]];

		if (strcmp(sec, "parallel") == 0 &&
		    strcmp(key, "iterations") == 0) {
			if ((rc = ctab_num(t, r, c[5], &v, err)) != SQ_OK)
				return rc;
			d->pa_iter = v >= 1 && v < 1e9 ? (int)v : 0;
			continue;
		}
		if (strcmp(sec, "eigen") != 0 && (strcmp(sec, "loading") != 0 ||
		    strcmp(key, "pattern") != 0))
			continue;
		if ((rc = ctab_num(t, r, c[4], &f, err)) != SQ_OK ||
		    (rc = ctab_num(t, r, c[5], &v, err)) != SQ_OK)
			return rc;
		j = (size_t)f - 1;
		if (strcmp(sec, "eigen") == 0) {
			if (strcmp(key, "observed") == 0)
				d->eigen[j] = v;
			else if (strcmp(key, "sim_p95") == 0)
				d->reference[j] = v;
			continue;
		}
		if ((it = sqc_label_item(ins, t->cell[r][c[2]])) < 0)
			return sq_error_set(err, SQ_EDATA, t->name, t->line[r],
			    (size_t)c[2] + 1, "item",
			    "\"%s\" is no item of the instrument",
			    t->cell[r][c[2]]);
		d->matrix[(size_t)it * nfac + j] = v;
	}
	if (ncomp == 0 && nfac == 0)
		return sq_error_set(err, SQ_EEMPTY, t->name, 0, 0, "",
		    "the sq-factor table has no eigenvalues and no loadings");
	d->has_scree = ncomp > 0;
	d->has_matrix = nfac > 0;
	d->block = block == 'E' ? SQ_BLOCK_E : block == 'G' ? SQ_BLOCK_G :
	    SQ_BLOCK_P;
	return SQ_OK;
}
