/* sq-drivers: what drives the overall rating; IPA; service-level targets. */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/cli.h"
#include "servqual/drivers.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "servqual/table.h"

static const char synopsis[] =
    "usage: sq-drivers [-b column] [-c codebook] [-d delim] [-f format] "
    "[-o file]\n"
    "                  [--conf level] [--crosshair mean|median|scale] "
    "[--encoding enc]\n"
    "                  [--fail-if missed] [--importance stated|derived] "
    "[--invalid error|missing]\n"
    "                  [--lang en|es] [--outcome column] [--skip-rows n]\n"
    "                  [--target DIM=LEVEL,...] [--targets file] [file]\n";

static void
usage(void)
{
	fputs(synopsis, stderr);
	exit(2);
}

static void
help(void)
{
	fputs(synopsis, stdout);
	fputs("\n"
	    "Regresses the overall rating on the five dimension gap scores "
	    "(servqual) and on\n"
	    "the five perception scores (servperf), splits R\xc2\xb2 by LMG, "
	    "sets stated against\n"
	    "derived importance, places the dimensions in importance-"
	    "performance quadrants\n"
	    "and checks service-level targets.\n\n"
	    "  -b, --by column       targets per value of this column too\n"
	    "  -c, --codebook file   the instrument (default: 22-item "
	    "SERVQUAL, 1..7)\n"
	    "  -d, --delimiter d     , ; or tab (default: detected)\n"
	    "  -f, --format f        tsv csv json md pretty\n"
	    "  -o, --output file     write here (default: standard output)\n"
	    "      --conf level      confidence level of intervals (0.95)\n"
	    "      --crosshair rule  IPA crosshairs: mean (default), median "
	    "or scale\n"
	    "      --fail-if missed  exit 3 after writing when a target is "
	    "missed\n"
	    "      --importance src  IPA importance: stated or derived "
	    "(default: stated\n"
	    "                        when the export has weights)\n"
	    "      --outcome column  the outcome (default: the overall "
	    "rating)\n"
	    "      --target spec     REL=6,TAN=5.5 (block P), G:REL=-0.5 "
	    "(gap)\n"
	    "      --targets file    CSV with columns dimension,block,target\n"
	    "      --encoding, --invalid, --lang, --skip-rows: as sq-gap\n"
	    "  -h, --help            this help;  --version: the version\n"
	    "\nSee sq-drivers(1).\n", stdout);
	exit(0);
}

enum {
	OPT_CROSSHAIR = SQ_OPT_TOOL, OPT_FAIL_IF, OPT_IMPORTANCE,
	OPT_OUTCOME, OPT_TARGET, OPT_TARGETS
};

struct run {
	const sq_instrument *ins;
	sq_drivers *acc;
	const char *outcome;	/* NULL: the overall rating */
	const char *file;
	int col;		/* outcome column, -1: the overall role */
	int invalid;		/* enum sq_invalid */
	unsigned long bad;	/* outcome cells treated as missing */
};

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	struct run *run = ctx;
	size_t i;

	run->col = -1;
	if (run->outcome == NULL) {
		for (i = 0; i < h->ncols; i++)
			if (h->role[i] == SQ_ROLE_OVERALL)
				return 0;
		return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
		    "no overall rating column (\"overall\"); name the outcome "
		    "with --outcome COLUMN");
	}
	for (i = 0; i < h->ncols && run->col < 0; i++)
		if (strcmp(h->name[i], run->outcome) == 0)
			run->col = (int)i;
	for (i = 0; i < h->ncols && run->col < 0; i++)
		if (strcasecmp(h->name[i], run->outcome) == 0)
			run->col = (int)i;
	if (run->col < 0)
		return sq_error_set(err, SQ_ESCHEMA, NULL, h->line, 0, NULL,
		    "outcome column \"%s\" not found in the header",
		    run->outcome);
	return 0;
}

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;
	double y = r->overall;

	if (run->col >= 0) {
		const char *v = r->row->field[run->col];

		y = NAN;
		if (v[0] != '\0' && strcmp(v, "NA") != 0 &&
		    (sq_parse_number(v, r->row->delim != ',', &y) != 0 ||
		    !isfinite(y))) {
			y = NAN;
			if (run->invalid != SQ_INVALID_MISSING)
				return sq_error_set(err, SQ_EDATA, NULL,
				    r->line, (size_t)run->col + 1,
				    run->outcome, "\"%s\" is not a number", v);
			run->bad++;
		}
	}
	return sq_drivers_add(run->acc, run->ins, r, y, err);
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-drivers: %s\n", msg);
	return 1;
}

static int
write_result(const sq_drvresult *res, const sq_instrument *ins,
    const sq_cli *cli, const char *outcome, FILE *fp)
{
	sq_table *t;
	int rc;

	if (cli->format == SQ_FMT_JSON)
		return sq_drivers_json(res, ins, outcome, fp);
	if (cli->format == SQ_FMT_PRETTY)
		return sq_drivers_pretty(res, ins, outcome, cli->lang, fp);
	if ((rc = sq_drivers_table(res, ins, outcome, 0, cli->lang, &t)) !=
	    SQ_OK)
		return rc;
	rc = sq_table_write(t, fp, cli->format, NULL);
	sq_table_free(t);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, SQ_OPT_CONF },
		{ "crosshair", required_argument, NULL, OPT_CROSSHAIR },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "fail-if", required_argument, NULL, OPT_FAIL_IF },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "importance", required_argument, NULL, OPT_IMPORTANCE },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "outcome", required_argument, NULL, OPT_OUTCOME },
		{ "output", required_argument, NULL, 'o' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "targets", required_argument, NULL, OPT_TARGETS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	const char *specs[64], *files[64];
	size_t nspec = 0, nfile = 0, i;
	sq_cli cli;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_drivers_opts dopt;
	sq_drvresult *res = NULL;
	sq_target *tg = NULL;
	size_t ntg = 0;
	sq_output out;
	sq_error err;
	struct run run;
	char msg[256];
	int ch, rc, fail_missed = 0;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	memset(&run, 0, sizeof(run));
	memset(&dopt, 0, sizeof(dopt));
	while ((ch = getopt_long(argc, argv, "b:c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-drivers: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'b':
			cli.so.by = optarg;
			break;
		case 'h':
			help();
			break;
		case OPT_CROSSHAIR:
			if (strcmp(optarg, "mean") == 0)
				dopt.crosshair = SQ_CROSS_MEAN;
			else if (strcmp(optarg, "median") == 0)
				dopt.crosshair = SQ_CROSS_MEDIAN;
			else if (strcmp(optarg, "scale") == 0)
				dopt.crosshair = SQ_CROSS_SCALE;
			else {
				fprintf(stderr, "sq-drivers: --crosshair: "
				    "expected mean, median or scale\n");
				usage();
			}
			break;
		case OPT_FAIL_IF:
			if (strcmp(optarg, "missed") != 0) {
				fprintf(stderr, "sq-drivers: --fail-if: "
				    "expected missed\n");
				usage();
			}
			fail_missed = 1;
			break;
		case OPT_IMPORTANCE:
			if (strcmp(optarg, "stated") == 0)
				dopt.importance = SQ_IMP_STATED;
			else if (strcmp(optarg, "derived") == 0)
				dopt.importance = SQ_IMP_DERIVED;
			else {
				fprintf(stderr, "sq-drivers: --importance: "
				    "expected stated or derived\n");
				usage();
			}
			break;
		case OPT_OUTCOME:
			run.outcome = optarg;
			break;
		case OPT_TARGET:
			if (nspec == 64)
				usage();
			specs[nspec++] = optarg;
			break;
		case OPT_TARGETS:
			if (nfile == 64)
				usage();
			files[nfile++] = optarg;
			break;
		case SQ_OPT_VERSION:
			puts("sq-drivers " SQ_VERSION);
			return 0;
		default:
			usage();
		}
	}
	if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
		usage();

	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	for (i = 0; i < nspec; i++)
		if (sq_targets_parse(specs[i], ins, &tg, &ntg, msg,
		    sizeof(msg)) != 0) {
			fprintf(stderr, "sq-drivers: %s\n", msg);
			rc = 2;
			goto done;
		}
	for (i = 0; i < nfile; i++)
		if (sq_targets_read(files[i], ins, &tg, &ntg, &err) != SQ_OK) {
			fail(&err, files[i]);
			goto done;
		}
	if (fail_missed && ntg == 0) {
		fprintf(stderr, "sq-drivers: --fail-if missed needs --target "
		    "or --targets\n");
		rc = 2;
		goto done;
	}
	run.ins = ins;
	run.file = cli.path;
	run.invalid = cli.so.invalid;
	if (sq_drivers_new(ins, cli.so.by != NULL, &run.acc) != SQ_OK) {
		fprintf(stderr, "sq-drivers: out of memory\n");
		goto done;
	}
	cli.so.header = header;
	cli.so.header_ctx = &run;
	if (sq_survey_read_path(cli.path, ins, &cli.so, add, &run, &st,
	    &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (st.invalid + run.bad > 0)
		fprintf(stderr, "sq-drivers: %s: %lu invalid value%s treated "
		    "as missing\n", cli.path, st.invalid + run.bad,
		    st.invalid + run.bad == 1 ? "" : "s");
	dopt.conf = cli.conf;
	dopt.targets = tg;
	dopt.ntargets = ntg;
	if (sq_drivers_result(run.acc, ins, &dopt, &res, &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	for (i = 0; i < SQ_DRV_NMODELS; i++)
		if (res->model[i].singular)
			fprintf(stderr, "sq-drivers: %s: the %s model's "
			    "predictors are collinear or constant; it is "
			    "left undefined\n", cli.path,
			    sq_drivers_model_name((int)i));
	if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	ch = write_result(res, ins, &cli, run.outcome ? run.outcome :
	    "overall", out.fp);
	if (sq_output_close(&out, ch == SQ_OK || ch == SQ_EIO, &err) !=
	    SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	if (ch != SQ_OK) {
		fprintf(stderr, "sq-drivers: %s: write error\n",
		    cli.outpath ? cli.outpath : "standard output");
		goto done;
	}
	rc = fail_missed && sq_drivers_missed(res) ? 3 : 0;
done:
	sq_drvresult_free(res);
	sq_drivers_free(run.acc);
	sq_instrument_free(ins);
	free(tg);
	return rc;
}
