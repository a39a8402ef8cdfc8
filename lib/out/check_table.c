/*
 * sq-check's counts as figures: the measures by name (rows read,
 * invalid cells, duplicate ids, ...) with their shares, the summary and
 * per-item tables, and the --fail-if gates over the measures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/table.h"
#include "check_int.h"

static const char *const measure[SQ_CM_N] = {
	[SQ_CM_ROWS] = "rows_read",
	[SQ_CM_USABLE] = "respondents_usable",
	[SQ_CM_RAGGED] = "ragged_rows",
	[SQ_CM_INVALID] = "invalid_cells",
	[SQ_CM_MISSING] = "missing_cells",
	[SQ_CM_DUPLICATE] = "duplicate_ids",
	[SQ_CM_STRAIGHT] = "straight_lining",
	[SQ_CM_FEW] = "too_few_answers",
	[SQ_CM_WEIGHTS] = "weights_not_100",
	[SQ_CM_INVERTED] = "inverted_zone",
};

const char *
sq_check_measure_name(int m)
{
	return m >= 0 && m < SQ_CM_N ? measure[m] : "";
}

void
sq_check_measures(const sq_check *c, unsigned long invalid,
    unsigned long ragged, double *v, double *s)
{
	int blocks[3], m;
	double rows = (double)c->s.rows;
	double cells = rows * (double)sq_check_blocks(c->s.form, blocks) *
	    (double)c->ins->nitems;

	v[SQ_CM_ROWS] = rows;
	v[SQ_CM_USABLE] = (double)c->s.usable;
	v[SQ_CM_RAGGED] = (double)ragged;
	v[SQ_CM_INVALID] = (double)invalid;
	v[SQ_CM_MISSING] = (double)c->s.missing;
	v[SQ_CM_DUPLICATE] = (double)c->s.duplicate_ids;
	v[SQ_CM_STRAIGHT] = (double)c->s.straight_respondents;
	v[SQ_CM_FEW] = (double)c->s.too_few;
	v[SQ_CM_WEIGHTS] = (double)c->s.weights_off;
	v[SQ_CM_INVERTED] = (double)c->s.inverted;
	for (m = 0; m < SQ_CM_N; m++)
		s[m] = v[m] / (m == SQ_CM_INVALID || m == SQ_CM_MISSING ?
		    cells : rows);
}

int
sq_check_summary_table(const sq_check *c, const char *shape,
    const double *v, const double *s, sq_table **out)
{
	static const char *const cols[] = { "header", "form", "measure",
		"count", "share" };
	int m, rc;

	if ((rc = sq_table_new(cols, 5, out)) != SQ_OK)
		return rc;
	sq_table_style(*out, 3, SQ_NUM_INT);
	for (m = 0; m < SQ_CM_N && rc == SQ_OK; m++)
		if ((rc = sq_table_str(*out, shape)) == SQ_OK &&
		    (rc = sq_table_str(*out, sq_form_name(c->s.form))) ==
		    SQ_OK &&
		    (rc = sq_table_str(*out, measure[m])) == SQ_OK &&
		    (rc = sq_table_num(*out, v[m])) == SQ_OK)
			rc = sq_table_num(*out, s[m]);
	return rc;
}

int
sq_check_items_table(const sq_check *c, sq_table **out)
{
	const sq_instrument *ins = c->ins;
	const unsigned long *miss[3];
	const char *cols[5] = { "item", "dimension" };
	char names[3][16];
	int blocks[3], nb, b, rc;
	size_t i;

	nb = sq_check_blocks(c->s.form, blocks);
	for (b = 0; b < nb; b++) {
		snprintf(names[b], sizeof(names[b]), "missing_%c",
		    blocks[b] - 'A' + 'a');
		cols[2 + b] = names[b];
		miss[b] = blocks[b] == 'E' ? c->miss_e : blocks[b] == 'A' ?
		    c->miss_a : blocks[b] == 'D' ? c->miss_d : c->miss_p;
	}
	if ((rc = sq_table_new(cols, 2 + (size_t)nb, out)) != SQ_OK)
		return rc;
	sq_table_style(*out, 0, SQ_NUM_INT);
	for (b = 0; b < nb; b++)
		sq_table_style(*out, 2 + (size_t)b, SQ_NUM_INT);
	for (i = 0; i < ins->nitems && rc == SQ_OK; i++) {
		if ((rc = sq_table_num(*out, ins->items[i].number)) == SQ_OK)
			rc = sq_table_str(*out,
			    ins->dims[ins->items[i].dim].code);
		for (b = 0; b < nb && rc == SQ_OK; b++)
			rc = sq_table_num(*out, (double)miss[b][i]);
	}
	return rc;
}

int
sq_checkgate_parse(const char *s, sq_checkgate *g)
{
	const char *x;
	char *end;
	size_t n = 0;

	memset(g, 0, sizeof(*g));
	for (g->measure = SQ_CM_RAGGED; g->measure < SQ_CM_N; g->measure++)
		if (strncmp(s, measure[g->measure],
		    n = strlen(measure[g->measure])) == 0 && s[n] == '>')
			break;
	if (g->measure == SQ_CM_N || strlen(s) >= sizeof(g->text))
		return SQ_EUSAGE;
	g->ge = s[n + 1] == '=';
	x = s + n + 1 + g->ge;
	if (*x < '0' || *x > '9')	/* no sign, space, nan or inf */
		return SQ_EUSAGE;
	g->x = strtod(x, &end);
	g->share = *end == '%';
	if (strcmp(end, g->share ? "%" : "") != 0 ||
	    !(g->x <= (g->share ? 100 : 1e15)))
		return SQ_EUSAGE;
	snprintf(g->text, sizeof(g->text), "%s", s);
	return SQ_OK;
}

int
sq_checkgate_holds(const sq_checkgate *g, const double *v, const double *s)
{
	double x = g->share ? 100 * s[g->measure] : v[g->measure];

	return g->ge ? x >= g->x : x > g->x;
}
