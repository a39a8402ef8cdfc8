/* sq-cfa: confirmatory factor analysis of the instrument's dimensions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "servqual/cfa.h"
#include "servqual/cfa_report.h"
#include "servqual/covacc.h"
#include "servqual/survey.h"
#include "itemcov.h"
#include "tool.h"

#define MAX_GATES 16

enum { O_BLOCK = TOOL_OWN, O_FAIL, O_STD_LV, O_VERBOSE };

static const tool_opt opts[] = {
	{ "block", O_BLOCK, "E|P|G",
	    "expectations, perceptions (default) or gaps" },
	{ "fail-if", O_FAIL, "gate",
	    "exit 3 after writing if the gate holds (see above)" },
	{ "std-lv", O_STD_LV, NULL,
	    "factor variances fixed to 1, not first loadings" },
	{ "verbose", O_VERBOSE, NULL,
	    "reading and fitting times, iterations on stderr", 1 },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-cfa",
	.operands = "[file...]",
	.purpose = "Confirmatory factor analysis (maximum likelihood, as "
	    "lavaan's cfa()): each item\nloads on its dimension, the factors "
	    "correlate. Gates: cfi<X, tli<X, rmsea>X,\nsrmr>X (also <=, >=), "
	    "heywood, convergence, discriminant.\nAny number of files "
	    "are read as one survey.",
	.example = "sq-cfa -f pretty --fail-if 'rmsea>0.08' "
	    "samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_INVALID | TOOL_SCALE,
	.own = opts,
};

static const char *gates[MAX_GATES];
static size_t ngates;
static int std_lv, verbose;

/* perceptions (P) unless --block says otherwise */
static tool_itemcov how = { .block = SQ_BLOCK_P };

struct run {
	sq_covacc *acc;
	size_t p;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Print the notes on stderr, one "sq-cfa: " line each. */
static void
notes(const sq_cfa *c, const sq_cfa_source *src)
{
	char buf[8192], *line, *s = buf;

	sq_cfa_notes(c, src, buf, sizeof(buf));
	while ((line = strsep(&s, "\n")) != NULL)
		if (*line != '\0')
			tool_warn("%s", line);
}

/*
 * Factors are the dimensions that have items, in instrument order; each
 * needs 2 items. Fills dim[] and dimidx[]; returns the number of factors
 * or 0 after saying which dimension is too small.
 */
static size_t
factors(const sq_instrument *ins, int *dim, size_t *dimidx)
{
	size_t d, i, m = 0, k;
	int f[SQ_MAX_DIMS];

	for (d = 0; d < ins->ndims; d++) {
		f[d] = -1;
		if ((k = sq_instrument_dim_items(ins, (int)d)) == 0)
			continue;
		if (k < 2) {
			tool_warn("dimension %s has 1 item; a factor needs at "
			    "least 2", ins->dims[d].code);
			return 0;
		}
		dimidx[m] = d;
		f[d] = (int)m++;
	}
	for (i = 0; i < ins->nitems; i++)
		dim[i] = f[ins->items[i].dim];
	return m;
}

static void
option(int ch, char *arg)
{
	switch (ch) {
	case O_BLOCK:
		how.block = tool_block(arg);
		break;
	case O_FAIL:
		if (!sq_cfa_gate_valid(arg) || ngates == MAX_GATES)
			tool_usage("--fail-if: \"%s\": expected cfi<X, tli<X, "
			    "rmsea>X, srmr>X (or <=, >=), heywood, "
			    "convergence or discriminant", arg);
		gates[ngates++] = arg;
		break;
	case O_STD_LV:
		std_lv = 1;
		break;
	case O_VERBOSE:
		verbose = 1;
		break;
	}
}

/*
 * lavaan's S (divided by N, not N - 1) of the items read, or 1; -1 when
 * --partial wrote the state instead.
 */
static int
covariance(struct run *run, const sq_instrument *ins, double *S,
    tool_input *in, double *n)
{
	size_t i;
	int rc;

	if ((run->acc = tool_itemcov_read(&t, &how, ins, in, &rc)) == NULL)
		return rc == 0 ? -1 : 1;
	if ((*n = sq_covacc_n(run->acc)) < (double)run->p + 1) {
		tool_warn("%s: %.0f complete respondents for %zu items; the "
		    "model needs more", t.cli.path, *n, run->p);
		return 1;
	}
	sq_covacc_cov(run->acc, S);
	for (i = 0; i < run->p * run->p; i++)
		S[i] *= (*n - 1) / *n;
	for (i = 0; i < run->p; i++)
		if (!(S[i * run->p + i] > 0)) {
			tool_warn("%s: %c%d does not vary among the complete "
			    "respondents", t.cli.path, "EPG"[how.block],
			    ins->items[i].number);
			return 1;
		}
	return 0;
}

struct out {
	const sq_cfa *fit;
	const sq_cfa_source *src;
	const sq_table *table;
	const char *title;
};

static int
output(FILE *fp, void *ctx)
{
	const struct out *o = ctx;

	return t.cli.format == SQ_FMT_JSON ? sq_cfa_json(o->fit, o->src, fp) :
	    t.cli.format == SQ_FMT_PRETTY ? sq_cfa_pretty(o->fit, o->src,
	    t.cli.lang, fp) : sq_table_write(o->table, fp, t.cli.format,
	    o->title);
}

/* Write the fit; 0, 1, or 3 when a gate held. */
static int
report(const sq_cfa *fit, const sq_cfa_source *src, double n)
{
	struct out o = { fit, src, NULL, NULL };
	sq_table *table = NULL;
	char title[256];
	size_t i;
	int rc, held = 0;

	if (t.cli.format != SQ_FMT_JSON && t.cli.format != SQ_FMT_PRETTY &&
	    sq_cfa_table(fit, src, &table) != SQ_OK)
		return tool_nomem();
	snprintf(title, sizeof(title), t.cli.lang == SQ_LANG_ES ?
	    "An\xc3\xa1lisis factorial confirmatorio (%c): %.0f de %lu "
	    "encuestados" : "Confirmatory factor analysis (%c): %.0f of %lu "
	    "respondents", src->block, n, src->rows);
	o.table = table;
	o.title = title;
	rc = tool_write(&t, output, &o);
	sq_table_free(table);
	if (rc != 0)
		return 1;
	for (i = 0; i < ngates; i++)
		if (sq_cfa_gate_holds(gates[i], fit))
			held += tool_gate_held(gates[i], NULL);
	return held ? 3 : 0;
}

/* Read, fit, write; 0, 1 or 3. */
static int
cfa(struct run *run, const sq_instrument *ins, double *S, int *dim,
    double t0)
{
	size_t m, dimidx[SQ_MAX_DIMS];
	tool_input in;
	sq_cfa_source src;
	sq_cfa *fit = NULL;
	double n = 0, t1, t2;
	int rc;

	if ((m = factors(ins, dim, dimidx)) == 0)
		return 1;
	if ((rc = covariance(run, ins, S, &in, &n)) != 0)
		return rc < 0 ? 0 : 1;
	t1 = now();
	rc = sq_cfa_fit(S, run->p, n, dim, m, std_lv, &fit);
	t2 = now();
	if (rc == SQ_EDATA)
		tool_warn("%s: the sample covariance matrix is not positive "
		    "definite (an item is a linear combination of others)",
		    t.cli.path);
	else if (rc == SQ_ENOMEM)
		tool_nomem();
	else if (rc != SQ_OK)
		tool_warn("%s: no start values give a positive definite "
		    "implied covariance matrix", t.cli.path);
	if (rc != SQ_OK)
		return 1;
	if (verbose)
		tool_warn("read %lu rows in %.3f s; fit %zu items, %zu factors "
		    "in %.3f ms, %zu iterations, Newton decrement %.2g",
		    (unsigned long)in.rows, t1 - t0, run->p, m, (t2 - t1) * 1e3,
		    fit->iterations, fit->decrement);
	src.ins = ins;
	src.dimidx = dimidx;
	src.block = "EPG"[how.block];
	src.rows = (unsigned long)in.rows;
	src.invalid = (unsigned long)in.invalid;
	notes(fit, &src);
	rc = report(fit, &src, n);
	sq_cfa_free(fit);
	return rc;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins;
	struct run run = { 0 };
	double *S = NULL, t0 = now();
	int *dim = NULL;
	int rc;

	tool_start(&t, argc, argv, option);
	if ((ins = tool_instrument(&t)) == NULL)
		return 1;
	run.p = ins->nitems;
	if ((S = malloc(run.p * run.p * sizeof(double))) == NULL ||
	    (dim = malloc(run.p * sizeof(int))) == NULL)
		rc = tool_nomem();
	else
		rc = cfa(&run, ins, S, dim, t0);
	sq_covacc_free(run.acc);
	sq_instrument_free(ins);
	free(S);
	free(dim);
	return rc;
}
