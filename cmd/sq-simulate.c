/* sq-simulate: a synthetic SERVQUAL export with a known structure. */
#include <stdio.h>
#include <string.h>

#include "servqual/output.h"
#include "servqual/simulate.h"
#include "tool.h"

enum { O_FORM = TOOL_OWN, O_GAP, O_LOADING, O_MERGE, O_MISSING, O_RHO,
	O_RHO_EP, O_SD, O_SEGMENTS, O_SHIFT, O_WIDTH };

static const tool_opt opts[] = {
	{ "form", O_FORM, "servqual|servperf|zone",
	    "E and P, P only, or A, D and P (default servqual)" },
	{ "gap", O_GAP, "g1,g2,...",
	    "mean gap P - E of each dimension, -10 to 10" },
	{ "loading", O_LOADING, "L",
	    "item loading on its factor, 0 to 1 (default 0.8)" },
	{ "merge", O_MERGE, "DIM,DIM", "build two dimensions as one" },
	{ "missing", O_MISSING, "rate",
	    "probability a cell is blank, 0 to 1 (default 0)" },
	{ "respondents", 'n', "respondents",
	    "how many, 0 to 10000000000 (default 500)" },
	{ "rho", O_RHO, "R",
	    "correlation of dimension factors, 0 to 1 (default 0.4)" },
	{ "rho-ep", O_RHO_EP, "R",
	    "correlation of E and P, -1 to 1 (default 0.3)" },
	{ "sd", O_SD, "S",
	    "item sd on the latent scale, 0 to 10 (default 1.2)" },
	{ "seed", 's', "seed", "1 to 4294967295 (default 1)" },
	{ "segments", O_SEGMENTS, "K",
	    "segments in column sucursal, 0 to 1000 (default 3)" },
	{ "shift", O_SHIFT, "S",
	    "P shift between segments, -10 to 10 (default 0.3)" },
	{ "width", O_WIDTH, "W",
	    "zone: mean width D - A, 0 to 6 (default 1.5)" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-simulate",
	.purpose = "A synthetic SERVQUAL export (CSV) with a known factor "
	    "structure, for tests,\nbenchmarks, demos and power analysis.",
	.example = "sq-simulate -n 1000 --seed 7 -o sim.csv",
	.shared = TOOL_CODEBOOK | TOOL_OUTPUT,
	.own = opts,
};

static sq_sim_opts o;
static char *gapspec;
static const char *merge;

static void
option(int ch, char *arg)
{
	switch (ch) {
	case O_FORM:
		/* SQ_FORM_SERVQUAL, _SERVPERF, _ZONE */
		if ((o.form = tool_word(arg, "servqual|servperf|zone")) < 0)
			tool_usage("--form: \"%s\": expected servqual, "
			    "servperf or zone", arg);
		break;
	case O_GAP:
		gapspec = arg;
		break;
	case O_LOADING:
		o.loading = tool_real("--loading", arg, 0, 1);
		break;
	case O_MERGE:
		merge = arg;
		break;
	case O_MISSING:
		o.missing = tool_real("--missing", arg, 0, 1);
		break;
	case 'n':
		o.n = tool_int("-n", arg, 0, 10000000000UL);
		break;
	case O_RHO:
		o.rho = tool_real("--rho", arg, 0, 1);
		break;
	case O_RHO_EP:
		o.rho_ep = tool_real("--rho-ep", arg, -1, 1);
		break;
	case O_SD:
		o.sd = tool_real("--sd", arg, 0, 10);
		break;
	case 's':
		o.seed = tool_seed("--seed", arg);
		break;
	case O_SEGMENTS:
		o.nseg = (unsigned)tool_int("--segments", arg, 0, 1000);
		break;
	case O_SHIFT:
		o.seg_shift = tool_real("--shift", arg, -10, 10);
		break;
	case O_WIDTH:
		o.width = tool_real("--width", arg, 0, 6);
		break;
	}
}

/* --gap and --merge, which need the instrument; usage errors exit 2. */
static void
instrument_options(const sq_instrument *ins, double *gap)
{
	char *tok, *save, a[SQ_CODE_LEN + 1];
	const char *comma;
	size_t ng = 0;

	for (tok = gapspec ? strtok_r(gapspec, ",", &save) : NULL;
	    tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		if (ng == ins->ndims)
			break;
		gap[ng++] = tool_real("--gap", tok, -10, 10);
	}
	if (gapspec != NULL && (ng != ins->ndims || tok != NULL))
		tool_usage("--gap needs %zu values, one per dimension",
		    ins->ndims);
	if (gapspec != NULL)
		o.gap = gap;
	if (merge == NULL)
		return;
	if ((comma = strchr(merge, ',')) == NULL ||
	    (size_t)(comma - merge) > SQ_CODE_LEN)
		tool_usage("--merge: \"%s\": expected two dimension codes, "
		    "as REL,RES", merge);
	snprintf(a, sizeof(a), "%.*s", (int)(comma - merge), merge);
	o.merge[0] = sq_instrument_dim(ins, a);
	o.merge[1] = sq_instrument_dim(ins, comma + 1);
	if (o.merge[0] < 0 || o.merge[1] < 0)
		tool_usage("--merge: unknown dimension in \"%s\"", merge);
}

static int
simulate(FILE *fp, void *ins)
{
	return sq_simulate(fp, ins, &o, &t.err);
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins;
	double gap[SQ_MAX_DIMS];
	int ch, rc;

	sq_sim_defaults(&o);
	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1)
		option(ch, optarg);
	if (optind != argc)
		tool_usage("no operands: the export goes to standard output "
		    "or -o");
	if ((ins = tool_instrument(&t)) == NULL)
		return 1;
	if (o.form == SQ_FORM_ZONE && t.cli.codebook == NULL)
		ins->max = 9;	/* three-column surveys use 1..9 */
	instrument_options(ins, gap);
	if ((rc = tool_write(&t, simulate, ins)) == 0)
		tool_warn("%lu respondents, seed %lu", o.n, o.seed);
	sq_instrument_free(ins);
	return rc;
}
