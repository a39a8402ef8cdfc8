/* sq-drivers: what drives the overall rating; IPA; service-level targets. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/drivers.h"
#include "servqual/driversstate.h"
#include "servqual/survey.h"
#include "servqual/table.h"
#include "scan.h"
#include "tool.h"

#define MAX_TARGETS 64

enum { O_CROSSHAIR = TOOL_OWN, O_FAIL, O_IMPORTANCE, O_OUTCOME, O_TARGET,
	O_TARGETS };

static const tool_opt opts[] = {
	{ "crosshair", O_CROSSHAIR, "mean|median|scale",
	    "IPA crosshairs (default mean)" },
	{ "fail-if", O_FAIL, "missed",
	    "exit 3 after writing when a target is missed" },
	{ "importance", O_IMPORTANCE, "stated|derived",
	    "IPA importance (default: stated if weights)" },
	{ "outcome", O_OUTCOME, "column",
	    "the outcome (default: the overall rating)" },
	{ "target", O_TARGET, "DIM=LEVEL,...",
	    "REL=6,TAN=5.5 (block P), G:REL=-0.5 (gap)" },
	{ "targets", O_TARGETS, "file",
	    "CSV with columns dimension,block,target" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-drivers",
	.operands = "[file...]",
	.purpose = "Regresses the overall rating on the five dimension gap "
	    "scores (servqual) and on\nthe five perception scores "
	    "(servperf), splits R\xc2\xb2 by LMG, sets stated against\n"
	    "derived importance, places the dimensions in importance-"
	    "performance quadrants\nand checks service-level targets. Any "
	    "number of files are read as one survey.",
	.example = "sq-drivers -f pretty --target REL=5.5 "
	    "samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID | TOOL_FOLD | TOOL_SCALE,
	.by_help = "targets per value of this column too",
	.own = opts,
};

static const char *specs[MAX_TARGETS], *tfiles[MAX_TARGETS];
static size_t nspec, nfile;
static int fail_missed;
static sq_drivers_opts dopt;

/* What the whole run shares. */
struct run {
	const sq_instrument *ins;
	const char *outcome;	/* NULL: the overall rating */
	int col;		/* outcome column of the file being read, -1:
				   the overall role (atomic: -j threads each
				   see the header) */
	int invalid;		/* enum sq_invalid */
	sq_drvresult *res;
	sq_target *tg;
	size_t ntg;
};

static struct run drv;

/* The accumulator: the library's, and the outcome cells found invalid. */
struct acc {
	sq_drivers *d;
	unsigned long long bad;
};

static void
option(int ch, char *arg)
{
	int i;

	switch (ch) {
	case O_CROSSHAIR:
		/* SQ_CROSS_MEAN, _MEDIAN, _SCALE */
		if ((dopt.crosshair = tool_word(arg, "mean|median|scale")) < 0)
			tool_usage("--crosshair: \"%s\": expected mean, "
			    "median or scale", arg);
		break;
	case O_FAIL:
		if (tool_word(arg, "missed") < 0)
			tool_usage("--fail-if: \"%s\": expected missed", arg);
		fail_missed = 1;
		break;
	case O_IMPORTANCE:
		if ((i = tool_word(arg, "stated|derived")) < 0)
			tool_usage("--importance: \"%s\": expected stated or "
			    "derived", arg);
		dopt.importance = i == 0 ? SQ_IMP_STATED : SQ_IMP_DERIVED;
		break;
	case O_OUTCOME:
		drv.outcome = arg;
		break;
	case O_TARGET:
	case O_TARGETS:
		if ((ch == O_TARGET ? nspec : nfile) == MAX_TARGETS)
			tool_usage("at most %d --target and %d --targets",
			    MAX_TARGETS, MAX_TARGETS);
		if (ch == O_TARGETS && *arg == '\0')
			tool_usage("--targets: the file name is empty");
		if (ch == O_TARGET)
			specs[nspec++] = arg;
		else
			tfiles[nfile++] = arg;
		break;
	}
}

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	struct run *run = ctx;
	int col = -1;
	size_t i;

	if (run->outcome == NULL) {
		__atomic_store_n(&run->col, -1, __ATOMIC_RELAXED);
		for (i = 0; i < h->ncols; i++)
			if (h->role[i] == SQ_ROLE_OVERALL)
				return 0;
		return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
		    "no overall rating column (\"overall\"); name the outcome "
		    "with --outcome COLUMN");
	}
	for (i = 0; i < h->ncols && col < 0; i++)
		if (strcmp(h->name[i], run->outcome) == 0)
			col = (int)i;
	for (i = 0; i < h->ncols && col < 0; i++)
		if (strcasecmp(h->name[i], run->outcome) == 0)
			col = (int)i;
	if (col < 0)
		return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
		    "outcome column \"%s\" not found in the header",
		    run->outcome);
	__atomic_store_n(&run->col, col, __ATOMIC_RELAXED);
	return 0;
}

static void
acc_drop(void *a)
{
	struct acc *ac = a;

	if (ac != NULL)
		sq_drivers_free(ac->d);
	free(ac);
}

static void *
acc_make(void *ctx, const sq_instrument *ins)
{
	struct acc *ac = calloc(1, sizeof(*ac));

	(void)ctx;
	if (ac == NULL || sq_drivers_new(ins, t.cli.so.by != NULL, &ac->d) !=
	    SQ_OK) {
		free(ac);
		return NULL;
	}
	return ac;
}

static int
acc_add(void *a, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	struct acc *ac = a;
	int col = __atomic_load_n(&drv.col, __ATOMIC_RELAXED);
	double y = r->overall;

	if (col >= 0) {
		const char *v = r->row->field[col];

		y = NAN;
		if (v[0] != '\0' && strcmp(v, "NA") != 0 &&
		    (sq_parse_number(v, r->row->delim != ',', &y) != 0 ||
		    !isfinite(y))) {
			y = NAN;
			if (drv.invalid != SQ_INVALID_MISSING)
				return sq_error_set(err, SQ_EDATA, NULL,
				    r->line, (size_t)col + 1, drv.outcome,
				    "\"%s\" is not a number", v);
			ac->bad++;
		}
	}
	return sq_drivers_add(ac->d, ins, r, y, err);
}

static int
acc_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	struct acc *d = dst, *s = src;
	int rc = sq_drivers_fold(d->d, s->d);

	(void)ins;
	d->bad += s->bad;
	if (rc == SQ_ELIMIT)
		sq_error_set(err, rc, NULL, 0, 0, NULL,
		    "more than 100000 distinct segment values");
	return rc;
}

static int
acc_write(FILE *fp, const void *a)
{
	const struct acc *ac = a;

	return sq_drivers_state_write_body(fp, ac->d);
}

static int
acc_read(sq_state_rd *r, const sq_instrument *ins, void *a)
{
	struct acc *ac = a;

	return sq_drivers_state_read_body(r, ac->d, ins);
}

static unsigned long long
acc_invalid(const void *a)
{
	const struct acc *ac = a;

	return ac->bad;
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read, acc_invalid };

static int
write_result(const sq_drvresult *res, const sq_instrument *ins,
    const sq_cli *cli, const char *outcome, FILE *fp)
{
	sq_table *tab;
	int rc;

	if (cli->format == SQ_FMT_JSON)
		return sq_drivers_json(res, ins, outcome, fp);
	if (cli->format == SQ_FMT_PRETTY)
		return sq_drivers_pretty(res, ins, outcome, cli->lang, fp);
	if ((rc = sq_drivers_table(res, ins, outcome, 0, cli->lang, &tab))
	    != SQ_OK)
		return rc;
	rc = sq_table_write(tab, fp, cli->format, NULL);
	sq_table_free(tab);
	return rc;
}

/* The targets of --target and --targets; 0, 1, or exits 2. */
static int
targets(const sq_instrument *ins)
{
	char msg[256];
	size_t i;

	for (i = 0; i < nspec; i++)
		if (sq_targets_parse(specs[i], ins, &drv.tg, &drv.ntg, msg,
		    sizeof(msg)) != 0)
			tool_usage("%s", msg);
	for (i = 0; i < nfile; i++)
		if (sq_targets_read(tfiles[i], ins, &drv.tg, &drv.ntg,
		    &t.err) != SQ_OK)
			return tool_fail(&t.err, tfiles[i]);
	if (fail_missed && drv.ntg == 0)
		tool_usage("--fail-if missed needs --target or --targets");
	return 0;
}

static int
result(FILE *fp, void *ctx)
{
	(void)ctx;
	return write_result(drv.res, drv.ins, &t.cli, drv.outcome ?
	    drv.outcome : "overall", fp);
}

/* Read, analyse, write; 0, 1, or 3 when a target was missed. */
static int
analyse(const sq_instrument *ins)
{
	struct acc *ac;
	tool_input in;
	size_t i;
	int rc;

	drv.ins = ins;
	drv.col = -1;
	drv.invalid = t.cli.so.invalid;
	t.cli.so.header = header;
	t.cli.so.header_ctx = &drv;
	if ((ac = tool_read(&t, &ops, NULL, ins, &in, &rc)) == NULL)
		return rc;
	dopt.conf = t.cli.conf;
	dopt.targets = drv.tg;
	dopt.ntargets = drv.ntg;
	rc = sq_drivers_result(ac->d, ins, &dopt, &drv.res, &t.err);
	acc_drop(ac);
	if (rc != SQ_OK)
		return tool_fail(&t.err, t.cli.path);
	tool_lookalikes(drv.res->seg, drv.res->nseg);
	for (i = 0; i < SQ_DRV_NMODELS; i++)
		if (drv.res->model[i].singular)
			tool_warn("%s: the %s model's predictors are collinear "
			    "or constant; it is left undefined", t.cli.path,
			    sq_drivers_model_name((int)i));
	if (tool_write(&t, result, NULL) != 0)
		return 1;
	return fail_missed && sq_drivers_missed(drv.res) &&
	    tool_gate_held("missed", NULL) ? 3 : 0;
}

/* The targets, then the analysis. */
static int
drivers(const sq_instrument *ins)
{
	int rc = targets(ins) != 0 ? 1 : analyse(ins);

	sq_drvresult_free(drv.res);
	free(drv.tg);
	return rc;
}

int
main(int argc, char *argv[])
{
	return tool_main(&t, argc, argv, option, drivers);
}
