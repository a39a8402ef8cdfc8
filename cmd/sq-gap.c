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

/* The accumulator: a gap set (with segments under -b) for ins. */
struct acc {
	const sq_instrument *ins;
	sq_gapset *set;
};

static int adjust = SQ_ADJ_HOLM;

static void
acc_drop(void *a)
{
	struct acc *ac = a;

	if (ac != NULL)
		sq_gapset_free(ac->set);
	free(ac);
}

static void *
acc_make(void *ctx)
{
	const sq_instrument *ins = ctx;
	struct acc *ac = calloc(1, sizeof(*ac));

	if (ac == NULL)
		return NULL;
	ac->ins = ins;
	if (sq_gapset_new(ins, t.cli.so.by != NULL, &ac->set) != SQ_OK) {
		free(ac);
		return NULL;
	}
	ac->set->adjust = adjust;
	return ac;
}

static int
acc_add(void *a, const sq_response *r, sq_error *err)
{
	struct acc *ac = a;

	return sq_gapset_add(ac->set, ac->ins, r, err);
}

static int
acc_fold(void *dst, void *src, sq_error *err)
{
	struct acc *d = dst, *s = src;
	int rc = sq_gapset_fold(d->set, s->set, d->ins);

	if (rc == SQ_ELIMIT)
		sq_gapset_limit_error(s->set, s->ins, 0, err);
	else if (rc != SQ_OK)
		sq_error_set(err, rc, NULL, 0, 0, NULL, "out of memory");
	return rc;
}

static int
acc_write(FILE *fp, const void *a)
{
	const struct acc *ac = a;

	return sq_gap_state_write_body(fp, ac->set);
}

static int
acc_read(sq_state_rd *r, void *a)
{
	struct acc *ac = a;

	return sq_gap_state_read_body(r, ac->set, ac->ins);
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read };

/* Read every file (or state), then write the table or the state. */
static int
gap(const sq_instrument *ins, int nfiles, char **files)
{
	struct acc *ac;
	tool_input in;
	int rc;

	if ((ac = acc_make((void *)ins)) == NULL)
		return tool_nomem();
	rc = tool_scan(&t, &ops, (void *)ins, ac, ins, nfiles, files, &in);
	if (rc == TOOL_SCAN_EMIT) {
		tool_lookalikes(ac->set->seg, ac->set->nseg);
		sq_gapset_finish(ac->set);
		rc = sq_gap_emit(ac->set, ins, t.cli.conf, in.form,
		    t.cli.format, t.cli.lang, t.cli.guard, in.rows,
		    t.cli.outpath, &t.err) != SQ_OK ?
		    tool_fail(&t.err, t.cli.outpath) : 0;
	} else
		rc = rc == TOOL_SCAN_DONE ? 0 : 1;
	acc_drop(ac);
	return rc;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	int rc = 1, ch;

	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1) {
		if (ch == TOOL_OWN) {
			if ((adjust = sq_adjust_parse(optarg)) < 0)
				tool_usage("--adjust: \"%s\": expected holm, bh, "
				    "bonferroni or none", optarg);
		} else
			tool_usage(NULL);
	}
	tool_operands(&t, argc - optind, argv + optind);
	if (sq_instrument_load(t.cli.codebook, &ins, &t.err) != SQ_OK)
		rc = tool_fail(&t.err, t.cli.codebook);
	else
		rc = gap(ins, argc - optind, argv + optind);
	sq_instrument_free(ins);
	return rc;
}
