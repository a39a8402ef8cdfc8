/* sq-gap: item, dimension and SERVQUAL gap scores (P - E). */
#include <stdio.h>
#include <stdlib.h>

#include "servqual/gap.h"
#include "servqual/partial.h"
#include "servqual/state.h"
#include "scan.h"
#include "tool.h"

static const tool_opt opts[] = {
	{ "adjust", TOOL_OWN, "holm|bh|bonferroni|none",
	    "what p_adj holds (default holm)" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-gap",
	.operands = "[file...]",
	.purpose = "Item, dimension and SERVQUAL gap scores (P - E) with "
	    "paired tests.\nAny number of files are read as one survey.",
	.example = "sq-gap -f pretty -b sucursal samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_TABLE | TOOL_BY | TOOL_CONF |
	    TOOL_INVALID | TOOL_FOLD | TOOL_GUARD | TOOL_SCALE,
	.own = opts,
};

static int adjust = SQ_ADJ_HOLM;

/* The accumulator: a gap set (with segments under -b). */
static void *
acc_make(void *ctx, const sq_instrument *ins)
{
	sq_gapset *set;

	(void)ctx;
	if (sq_gapset_new(ins, t.cli.so.by != NULL, &set) != SQ_OK)
		return NULL;
	set->adjust = adjust;
	return set;
}

static int
acc_add(void *set, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	return sq_gapset_add(set, ins, r, err);
}

static int
acc_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	int rc = sq_gapset_fold(dst, src, ins);

	if (rc == SQ_ELIMIT)
		sq_gapset_limit_error(src, ins, 0, err);
	return rc;
}

static void
acc_drop(void *set)
{
	sq_gapset_free(set);
}

static int
acc_write(FILE *fp, const void *set)
{
	return sq_gap_state_write_body(fp, set);
}

static int
acc_read(sq_state_rd *r, const sq_instrument *ins, void *set)
{
	return sq_gap_state_read_body(r, set, ins);
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read };

/* Read every file (or state), then write the table or the state. */
static int
gap(const sq_instrument *ins)
{
	sq_gapset *set;
	tool_input in;
	int rc;

	if ((set = tool_read(&t, &ops, NULL, ins, &in, &rc)) == NULL)
		return rc;
	tool_lookalikes(set->seg, set->nseg);
	sq_gapset_finish(set);
	if (sq_gap_emit(set, ins, t.cli.conf, in.form, t.cli.format,
	    t.cli.lang, t.cli.guard, in.rows, t.cli.outpath, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.outpath);
	sq_gapset_free(set);
	return rc;
}

static void
option(int ch, char *arg)
{
	(void)ch;	/* --adjust */
	if ((adjust = sq_adjust_parse(arg)) < 0)
		tool_usage("--adjust: \"%s\": expected holm, bh, bonferroni "
		    "or none", arg);
}

int
main(int argc, char *argv[])
{
	return tool_main(&t, argc, argv, option, gap);
}
