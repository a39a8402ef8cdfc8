/* sq-factor: KMO, Bartlett, parallel analysis and factor analysis. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/covacc.h"
#include "servqual/factor.h"
#include "servqual/survey.h"
#include "itemcov.h"
#include "tool.h"

#define MAX_GATES 16

enum { O_BLOCK = TOOL_OWN, O_EXTRACT, O_FAIL, O_ITER, O_PAIRWISE, O_ROTATE,
	O_SEED, O_CUT };

static const tool_opt opts[] = {
	{ "block", O_BLOCK, "E|P|G",
	    "analyse expectations, perceptions or gaps (default P)" },
	{ "cut", O_CUT, "x",
	    "md, pretty: blank loadings below x, 0 to 1 (default 0.3)", 1 },
	{ "extract", O_EXTRACT, "pa|minres|ml",
	    "extraction method (default pa)" },
	{ "factors", 'n', "factors",
	    "number of factors (default: from parallel analysis)" },
	{ "fail-if", O_FAIL, "gate",
	    "exit 3 if kmo<X, heywood, structure or convergence" },
	{ "iter", O_ITER, "n",
	    "parallel-analysis matrices, 0 to 100000 (default 1000)" },
	{ "pairwise", O_PAIRWISE, NULL,
	    "pairwise complete cases instead of listwise" },
	{ "rotate", O_ROTATE, "none|varimax|oblimin|promax",
	    "rotation (default oblimin)" },
	{ "seed", O_SEED, "n",
	    "parallel-analysis seed, 1 to 4294967295 (default 1)" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-factor",
	.operands = "[file...]",
	.purpose = "KMO, Bartlett's test, eigenvalues, parallel analysis and "
	    "exploratory factor\nanalysis with rotation, checked against the "
	    "instrument's dimensions.\nAny number of files are read as one "
	    "survey.",
	.example = "sq-factor -f pretty --block P --fail-if 'kmo<0.7' "
	    "samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_INVALID | TOOL_SCALE,
	.own = opts,
};

static const char *gates[MAX_GATES];
static size_t ngates;
static sq_fa_run_opts fo = { .fa = { .extract = SQ_FA_PA,
    .rotate = SQ_ROT_OBLIMIN }, .seed = 1, .iter = 1000 };
/* perceptions (P): what analysts factor; scree and heatmap too */
static sq_fa_source src = { .block = 'P' };
static tool_itemcov how = { .block = SQ_BLOCK_P, .need_e = 1 };
static int form;
static double cut = 0.3;

struct run {
	sq_covacc *acc;
	double *R;
	int *dim;
	size_t p;
	sq_fa_result *res;
	sq_table *table;
};

static void
option(int ch, char *arg)
{
	switch (ch) {
	case O_BLOCK:
		how.block = tool_block(arg);
		src.block = "EPG"[how.block];
		break;
	case O_EXTRACT:
		if ((fo.fa.extract = sq_extract_parse(arg)) < 0)
			tool_usage("--extract: \"%s\": expected pa, minres or "
			    "ml", arg);
		break;
	case O_FAIL:
		if (!sq_fa_gate_valid(arg) || ngates == MAX_GATES)
			tool_usage("--fail-if: \"%s\": expected kmo<X, "
			    "heywood, structure or convergence", arg);
		gates[ngates++] = arg;
		break;
	case O_ITER:
		fo.iter = tool_int("--iter", arg, 0, 100000);
		break;
	case O_CUT:
		cut = tool_real("--cut", arg, 0, 1);
		break;
	case 'n':
		fo.fa.nfactors = tool_int("-n", arg, 1, 1000);
		break;
	case O_PAIRWISE:
		src.pairwise = how.pairwise = 1;
		break;
	case O_ROTATE:
		if ((fo.fa.rotate = sq_rotate_parse(arg)) < 0)
			tool_usage("--rotate: \"%s\": expected none, varimax, "
			    "oblimin or promax", arg);
		break;
	case O_SEED:
		fo.seed = tool_seed("--seed", arg);
		break;
	}
}

/* Print the notes of r on stderr, one "sq-factor: " line each. */
static void
notes(const sq_fa_result *r)
{
	char buf[4096], *line, *s = buf;

	sq_fa_notes(r, &src, buf, sizeof(buf));
	while ((line = strsep(&s, "\n")) != NULL)
		if (*line != '\0')
			tool_warn("%s", line);
}

/*
 * The correlations of the items read: 0; -1 when --partial wrote the
 * state instead; 1 after saying why not.
 */
static int
correlations(struct run *run, const sq_instrument *ins)
{
	tool_input in;
	size_t bi, bj, i;
	int rc;

	if ((run->R = malloc(run->p * run->p * sizeof(double))) == NULL ||
	    (run->dim = malloc(run->p * sizeof(int))) == NULL)
		return tool_nomem();
	for (i = 0; i < run->p; i++)
		run->dim[i] = ins->items[i].dim;
	if ((run->acc = tool_itemcov_read(&t, &how, ins, &in, &rc)) == NULL)
		return rc == 0 ? -1 : 1;
	src.rows = (unsigned long)in.rows;
	src.lang = t.cli.lang;
	src.invalid = (unsigned long)in.invalid;
	form = in.form;
	if (sq_covacc_n(run->acc) < (double)run->p + 1) {
		tool_warn("%s: %.0f %s respondents for %zu items; factor "
		    "analysis needs more", t.cli.path, sq_covacc_n(run->acc),
		    src.pairwise ? "pairwise" : "complete", run->p);
		return 1;
	}
	if (sq_fa_correlations(run->acc, run->p, run->R, &bi, &bj) == SQ_OK)
		return 0;
	if (bi == bj)
		tool_warn("%s: %c%d does not vary among the respondents used",
		    t.cli.path, src.block, ins->items[bi].number);
	else
		tool_warn("%s: %c%d and %c%d have fewer than 2 respondents in "
		    "common", t.cli.path, src.block, ins->items[bi].number,
		    src.block, ins->items[bj].number);
	return 1;
}

static int
json(FILE *fp, void *ctx)
{
	return sq_fa_json(ctx, &src, fp);
}

/* md and pretty: the loading matrix and its companions (fapretty.c). */
struct human {
	const sq_fa_result *res;
	const char *title;
};

static int
human(FILE *fp, void *ctx)
{
	const struct human *h = ctx;

	return sq_fa_pretty(h->res, &src, t.cli.lang, cut, t.cli.format,
	    h->title, fp);
}

/* Analyse, write (or the state); 0, 1, or 3 when a gate held. */
static int
factor(struct run *run, const sq_instrument *ins)
{
	char title[256];
	size_t i;
	int rc, held = 0;

	if ((rc = correlations(run, ins)) != 0)
		return rc < 0 ? 0 : 1;
	rc = sq_fa_analyse(run->R, run->p, sq_covacc_n(run->acc), run->dim,
	    ins->ndims, &fo, &run->res);
	if (rc != SQ_OK) {
		tool_warn("%s: %s", t.cli.path, sq_strerror(rc));
		return 1;
	}
	notes(run->res);
	if (t.cli.format == SQ_FMT_JSON)
		rc = tool_write(&t, json, run->res);
	else if (t.cli.format < SQ_FMT_MD &&
	    sq_fa_table(run->res, &src, &run->table) != SQ_OK)
		return tool_nomem();
	else {
		snprintf(title, sizeof(title), t.cli.lang == SQ_LANG_ES ?
		    "An\xc3\xa1lisis factorial (%c, %s): %s + %s, %zu "
		    "factores; %.0f de %lu encuestados (%s)" :
		    "Factor analysis (%c, %s): %s + %s, %zu factors; %.0f of "
		    "%lu respondents (%s)", src.block,
		    sq_form_label(form, t.cli.lang),
		    sq_extract_name(fo.fa.extract),
		    sq_rotate_name(fo.fa.rotate), run->res->fa->k,
		    run->res->n, src.rows, src.pairwise ? "pairwise" :
		    "listwise");
		if (t.cli.format >= SQ_FMT_MD) {
			struct human h = { run->res, title };

			rc = tool_write(&t, human, &h);
		} else
			rc = tool_write_table(&t, run->table, title);
	}
	if (rc != 0)
		return 1;
	for (i = 0; i < ngates; i++)
		if (sq_fa_gate_holds(gates[i], run->res))
			held += tool_gate_held(gates[i], NULL);
	return held ? 3 : 0;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins;
	struct run run = { 0 };
	int rc;

	tool_start(&t, argc, argv, option);
	if (fo.fa.nfactors == 0 && fo.iter == 0)
		tool_usage("--iter 0 needs -n");
	if ((ins = tool_instrument(&t)) == NULL)
		return 1;
	if ((run.p = ins->nitems) <= fo.fa.nfactors) {
		tool_warn("-n must be below the number of items (%zu)", run.p);
		rc = 2;
	} else {
		src.ins = ins;
		rc = factor(&run, ins);
	}
	sq_fa_result_free(run.res);
	sq_table_free(run.table);
	sq_covacc_free(run.acc);
	sq_instrument_free(ins);
	free(run.R);
	free(run.dim);
	return rc;
}
