/* sq-alpha: reliability of the E, P and gap scores of every dimension. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/i18n.h"
#include "servqual/reliability.h"
#include "servqual/state.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "scan.h"
#include "tool.h"

#define MAX_GATES 16

static const tool_opt opts[] = {
	{ "fail-if", TOOL_OWN, "'alpha<X'",
	    "exit 3 if a scale's alpha, alpha_std, omega or r_diff < X" },
	{ "pairwise", TOOL_OWN + 1, NULL,
	    "pairwise complete cases instead of listwise" },
	{ "items", TOOL_OWN + 2, NULL,
	    "md and pretty: the item statistics too", 1 },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-alpha",
	.operands = "[file...]",
	.purpose = "Cronbach's alpha, omega, item-rest correlations and "
	    "difference-score\nreliability of the E, P and gap scores of "
	    "every dimension.\nAny number of files are read as one survey.",
	.example = "sq-alpha -f pretty --fail-if 'alpha<0.7' "
	    "samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_CONF | TOOL_INVALID |
	    TOOL_SCALE,
	.own = opts,
};

static sq_relgate gates[MAX_GATES];
static size_t ngates;
static int pairwise, items;

/* md and pretty: the scales, then with --items the item statistics. */
struct two {
	const sq_table *scales, *items;
	const char *title, *ititle;
};

static int
write_two(FILE *fp, void *ctx)
{
	const struct two *w = ctx;
	int rc = sq_table_write(w->scales, fp, t.cli.format, w->title);

	if (rc == SQ_OK && w->items != NULL) {
		fputc('\n', fp);
		rc = sq_table_write(w->items, fp, t.cli.format, w->ititle);
	}
	return rc;
}

/* The accumulator (exact integer sums: folds in any order). */
static void *
acc_make(void *ctx, const sq_instrument *ins)
{
	sq_relacc *a;

	(void)ctx;
	return sq_relacc_new(ins, pairwise, &a) == SQ_OK ? a : NULL;
}

static int
acc_add(void *a, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	(void)ins;
	(void)err;
	sq_relacc_add(a, r);
	return SQ_OK;
}

static int
acc_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	(void)ins;
	(void)err;
	return sq_relacc_merge(dst, src);
}

static void
acc_drop(void *a)
{
	sq_relacc_free(a);
}

static int
acc_write(FILE *fp, const void *a)
{
	return sq_alpha_state_write_body(fp, a);
}

static int
acc_read(sq_state_rd *r, const sq_instrument *ins, void *a)
{
	(void)ins;
	return sq_alpha_state_read_body(r, a);
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read };

/* "E TAN" or "G ALL", for messages. */
static const char *
where(const sq_instrument *ins, const sq_relrow *r)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "%s %s", r->block == SQ_BLOCK_E ? "E" :
	    r->block == SQ_BLOCK_P ? "P" : "G",
	    r->dim < 0 ? "ALL" : ins->dims[r->dim].code);
	return buf;
}

/* Warnings about the rows; returns how many gates held. */
static int
check(const sq_instrument *ins, const sq_relrow *rows, size_t n)
{
	size_t i, g;
	int held = 0;

	for (i = 0; i < n; i++) {
		const sq_relrow *r = &rows[i];

		if (r->scope == SQ_REL_ITEM && r->r_drop < 0)
			tool_warn("warning: %s: item %d correlates %.3f with "
			    "the rest of the scale; is it reverse-keyed?",
			    where(ins, r), ins->items[r->item].number,
			    r->r_drop);
		else if (r->scope == SQ_REL_ITEM && r->n >= 2 && r->k >= 2 &&
		    isnan(r->r_drop))
			tool_warn("warning: %s: item %d has no item-rest "
			    "correlation (no variance?)",
			    where(ins, r), ins->items[r->item].number);
		if (r->scope != SQ_REL_SCALE)
			continue;
		if (r->n < 2 && pairwise)
			tool_warn("warning: %s: some pairs of items have "
			    "fewer than 2 cases", where(ins, r));
		else if (r->n < 2)
			tool_warn(sq_ngettext("warning: %s: %.0f complete "
			    "case; try --pairwise", "warning: %s: %.0f "
			    "complete cases; try --pairwise",
			    (unsigned long)r->n), where(ins, r), r->n);
		else if (r->omega_status != SQ_OK)
			tool_warn("warning: %s: the one-factor solution for "
			    "omega did not converge", where(ins, r));
		for (g = 0; g < ngates; g++)
			if (sq_relgate_holds(&gates[g], r))
				held += tool_gate_held(gates[g].text,
				    where(ins, r));
	}
	return held;
}

/* Write the rows' tables, check the gates; 0, 1, or 3 when one held. */
static int
report(const sq_instrument *ins, const sq_relrow *rows, size_t nrows,
    const tool_input *in)
{
	sq_table *table = NULL, *itable = NULL;
	char title[256];
	int held, rc;
	struct two two;

	rc = t.cli.format >= SQ_FMT_MD ? sq_rel_pretty(rows, nrows, ins,
	    t.cli.lang, 0, &table) : sq_rel_table(rows, nrows, ins, pairwise,
	    0, t.cli.lang, &table);
	if (rc == SQ_OK && items && t.cli.format >= SQ_FMT_MD)
		rc = sq_rel_pretty(rows, nrows, ins, t.cli.lang, 1, &itable);
	if (rc != SQ_OK) {
		sq_table_free(table);
		return tool_nomem();
	}
	held = check(ins, rows, nrows);
	snprintf(title, sizeof(title),
	    _("Reliability, %s: %llu respondents, %s, %g%% CI"),
	    sq_form_label(in->form, t.cli.lang), in->rows,
	    pairwise ? _("pairwise") : _("listwise"), t.cli.conf * 100);
	two.scales = table;
	two.items = itable;
	two.title = title;
	two.ititle = _("Items");
	rc = itable != NULL ? tool_write(&t, write_two, &two) :
	    tool_write_table(&t, table, title);
	sq_table_free(itable);
	sq_table_free(table);
	return rc != 0 ? 1 : held ? 3 : 0;
}

/* Read, write the table (or the state); 0, 1, or 3 when a gate held. */
static int
alpha(const sq_instrument *ins)
{
	sq_relrow *rows = NULL;
	sq_relacc *acc;
	tool_input in;
	size_t nrows = 0;
	int rc;

	if ((acc = tool_read(&t, &ops, NULL, ins, &in, &rc)) == NULL)
		return rc;
	if (sq_rel_rows(acc, t.cli.conf, &rows, &nrows) == SQ_OK &&
	    in.form != SQ_FORM_SERVQUAL)	/* no E: block P alone */
		nrows = sq_rel_keep_block(rows, nrows, SQ_BLOCK_P);
	rc = rows == NULL ? tool_nomem() : report(ins, rows, nrows, &in);
	free(rows);
	sq_relacc_free(acc);
	return rc;
}

static void
option(int ch, char *arg)
{
	if (ch == TOOL_OWN + 1)
		pairwise = 1;
	else if (ch == TOOL_OWN + 2)
		items = 1;
	else if (ngates == MAX_GATES ||
	    sq_relgate_parse(arg, &gates[ngates++]) != SQ_OK)
		tool_usage("--fail-if: \"%s\": expected STAT<X or STAT<=X, "
		    "STAT one of alpha, alpha_std, omega, r_diff (at most %d)",
		    arg, MAX_GATES);
}

int
main(int argc, char *argv[])
{
	return tool_main(&t, argc, argv, option, alpha);
}
