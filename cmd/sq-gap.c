/* sq-gap: item, dimension and SERVQUAL gap scores (P - E). */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/cli.h"
#include "servqual/gap.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "servqual/table.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-gap [-b column] [-c codebook] [-d delim] [-f format] "
	    "[-o file]\n"
	    "              [--conf level] [--encoding enc] "
	    "[--invalid error|missing]\n"
	    "              [--lang en|es] [--skip-rows n] [file]\n");
	exit(2);
}

struct run {
	const sq_instrument *ins;
	sq_gapset *set;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;

	return sq_gapset_add(run->set, run->ins, r, err);
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-gap: %s\n", msg);
	return 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, SQ_OPT_CONF },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	sq_cli cli;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	struct run run;
	char msg[256], title[256];
	int ch, rc;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	while ((ch = getopt_long(argc, argv, "b:c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-gap: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'b':
			cli.so.by = optarg;
			break;
		case SQ_OPT_VERSION:
			puts("sq-gap " SQ_VERSION);
			return 0;
		default:
			usage();
		}
	}
	if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
		usage();

	run.set = NULL;
	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	run.ins = ins;
	if (sq_gapset_new(ins, cli.so.by != NULL, &run.set) != SQ_OK) {
		fprintf(stderr, "sq-gap: out of memory\n");
		goto done;
	}
	if (sq_survey_read_path(cli.path, ins, &cli.so, add, &run, &st,
	    &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-gap: %s: %lu invalid value%s treated as "
		    "missing\n", cli.path, st.invalid, st.invalid == 1 ? "" : "s");
	sq_gapset_finish(run.set);
	if ((cli.format >= SQ_FMT_MD ? sq_gap_pretty(run.set, ins, cli.conf,
	    cli.lang, &table) : sq_gap_table(run.set, ins, cli.conf, 0,
	    cli.lang, &table)) != SQ_OK) {
		fprintf(stderr, "sq-gap: out of memory\n");
		goto done;
	}
	snprintf(title, sizeof(title), cli.lang == SQ_LANG_ES ?
	    "%s: %lu encuestados, IC %g%%" : "%s: %lu respondents, %g%% CI",
	    sq_gap_title(st.form, cli.lang), st.rows, cli.conf * 100);
	if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	ch = sq_table_write(table, out.fp, cli.format, title);
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	if (ch != SQ_OK) {
		fprintf(stderr, "sq-gap: %s: write error\n",
		    cli.outpath ? cli.outpath : "standard output");
		goto done;
	}
	rc = 0;
done:
	sq_table_free(table);
	sq_gapset_free(run.set);
	sq_instrument_free(ins);
	return rc;
}
