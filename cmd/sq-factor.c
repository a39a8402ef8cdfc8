/* sq-factor: KMO, Bartlett, parallel analysis and factor analysis. */
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/cli.h"
#include "servqual/covacc.h"
#include "servqual/factor.h"
#include "servqual/output.h"
#include "servqual/survey.h"

#define MAX_GATES 16

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-factor [-c codebook] [-d delim] [-f format] "
	    "[-n factors] [-o file]\n"
	    "                 [--block E|P|G] [--extract pa|minres|ml] "
	    "[--rotate none|varimax|oblimin|promax]\n"
	    "                 [--pairwise] [--seed n] [--iter n] "
	    "[--fail-if gate]... [--invalid error|missing]\n"
	    "                 [--cut x] [--encoding enc] [--lang en|es] "
	    "[--skip-rows n] [file]\n");
	exit(2);
}

struct run {
	sq_covacc *acc;
	char block;
	int block_given;	/* --block: no default by the form */
	double *x;
	size_t p;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;
	size_t i;

	if (r->form != SQ_FORM_SERVQUAL && run->block != 'P') {
		/* no E: block P, unless E or G was asked for */
		if (run->block_given)
			return sq_error_set(err, SQ_EUSAGE, NULL, r->line, 0,
			    NULL, "--block %c: the export has no E columns "
			    "(%s); use --block P", run->block,
			    sq_form_label(r->form, SQ_LANG_EN));
		run->block = 'P';
	}
	for (i = 0; i < run->p; i++)
		run->x[i] = run->block == 'E' ? r->e[i] : run->block == 'P' ?
		    r->p[i] : r->p[i] - r->e[i];
	sq_covacc_add(run->acc, run->x);
	return 0;
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-factor: %s\n", msg);
	return 1;
}

static unsigned long
number(const char *s, const char *opt, unsigned long min)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s == '-' || *end != '\0' || end == s || v < min) {
		fprintf(stderr, "sq-factor: %s wants a whole number >= %lu\n",
		    opt, min);
		usage();
	}
	return v;
}

/* Print the notes of r on stderr, one "sq-factor: " line each. */
static void
notes(const sq_fa_result *r, const sq_fa_source *src)
{
	char buf[4096], *line, *s = buf;

	sq_fa_notes(r, src, buf, sizeof(buf));
	while ((line = strsep(&s, "\n")) != NULL)
		if (*line != '\0')
			fprintf(stderr, "sq-factor: %s\n", line);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "block", required_argument, NULL, 'B' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "cut", required_argument, NULL, 'C' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "extract", required_argument, NULL, 'E' },
		{ "fail-if", required_argument, NULL, 'F' },
		{ "factors", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "iter", required_argument, NULL, 'i' },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "pairwise", no_argument, NULL, 'P' },
		{ "rotate", required_argument, NULL, 'R' },
		{ "seed", required_argument, NULL, 'S' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	const char *gates[MAX_GATES];
	sq_cli cli;
	sq_fa_run_opts fo;
	sq_survey_stats st;
	sq_fa_source src;
	sq_instrument *ins = NULL;
	sq_fa_result *res = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	struct run run = { 0 };
	double *R = NULL, cut = 0.3;
	char *cutend;
	int *dim = NULL;
	size_t ngates = 0, i, bi, bj;
	char msg[256], title[256];
	const char *path;
	int ch, pairwise = 0, rc, held;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	memset(&fo, 0, sizeof(fo));
	fo.fa.extract = SQ_FA_PA;
	fo.fa.rotate = SQ_ROT_OBLIMIN;
	fo.seed = 1;
	fo.iter = 1000;
	run.block = 'E';
	while ((ch = getopt_long(argc, argv, "c:d:f:hn:o:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-factor: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'C':
			cut = strtod(optarg, &cutend);
			if (*optarg == '\0' || *cutend != '\0' ||
			    !(cut >= 0 && cut <= 1)) {
				fprintf(stderr, "sq-factor: --cut: \"%s\": "
				    "expected a number from 0 to 1\n", optarg);
				usage();
			}
			break;
		case 'B':
			if (strlen(optarg) != 1 || !strchr("EPGepg", *optarg))
				usage();
			run.block = (char)(*optarg & ~0x20);
			run.block_given = 1;
			break;
		case 'E':
			if ((fo.fa.extract = sq_extract_parse(optarg)) < 0)
				usage();
			break;
		case 'F':
			if (!sq_fa_gate_valid(optarg) || ngates == MAX_GATES) {
				fprintf(stderr, "sq-factor: unknown gate \"%s\" "
				    "(kmo<X, heywood, structure, "
				    "convergence)\n", optarg);
				usage();
			}
			gates[ngates++] = optarg;
			break;
		case 'i':
			fo.iter = number(optarg, "--iter", 0);
			if (fo.iter > 100000)
				usage();
			break;
		case 'n':
			fo.fa.nfactors = number(optarg, "-n", 1);
			break;
		case 'P':
			pairwise = 1;
			break;
		case 'R':
			if ((fo.fa.rotate = sq_rotate_parse(optarg)) < 0)
				usage();
			break;
		case 'S':
			fo.seed = number(optarg, "--seed", 0);
			break;
		case SQ_OPT_VERSION:
			puts("sq-factor " SQ_VERSION);
			return 0;
		case 'h':
		default:
			usage();
		}
	}
	if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
		usage();
	path = cli.path;

	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	run.p = ins->nitems;
	if (fo.fa.nfactors >= run.p) {
		fprintf(stderr, "sq-factor: -n must be below the number of "
		    "items (%zu)\n", run.p);
		rc = 2;
		goto done;
	}
	if (fo.fa.nfactors == 0 && fo.iter == 0) {
		fprintf(stderr, "sq-factor: --iter 0 needs -n\n");
		rc = 2;
		goto done;
	}
	if ((run.x = malloc(run.p * sizeof(double))) == NULL ||
	    (R = malloc(run.p * run.p * sizeof(double))) == NULL ||
	    (dim = malloc(run.p * sizeof(int))) == NULL ||
	    sq_covacc_new(run.p, pairwise, &run.acc) != SQ_OK) {
		fprintf(stderr, "sq-factor: out of memory\n");
		goto done;
	}
	for (i = 0; i < run.p; i++)
		dim[i] = ins->items[i].dim;
	if (sq_survey_read_path(path, ins, &cli.so, add, &run, &st,
	    &err) != SQ_OK) {
		fail(&err, path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-factor: %s: %lu invalid value%s treated "
		    "as missing\n", path, st.invalid, st.invalid == 1 ? "" :
		    "s");
	if (sq_covacc_n(run.acc) < (double)run.p + 1) {
		fprintf(stderr, "sq-factor: %s: %.0f %s respondents for %zu "
		    "items; factor analysis needs more\n", path,
		    sq_covacc_n(run.acc), pairwise ? "pairwise" : "complete",
		    run.p);
		goto done;
	}
	if (sq_fa_correlations(run.acc, run.p, R, &bi, &bj) != SQ_OK) {
		if (bi == bj)
			fprintf(stderr, "sq-factor: %s: %c%d does not vary "
			    "among the respondents used\n", path, run.block,
			    ins->items[bi].number);
		else
			fprintf(stderr, "sq-factor: %s: %c%d and %c%d have "
			    "fewer than 2 respondents in common\n", path,
			    run.block, ins->items[bi].number, run.block,
			    ins->items[bj].number);
		goto done;
	}
	ch = sq_fa_analyse(R, run.p, sq_covacc_n(run.acc), dim, ins->ndims,
	    &fo, &res);
	if (ch != SQ_OK) {
		fprintf(stderr, "sq-factor: %s: %s\n", path, sq_strerror(ch));
		goto done;
	}
	src.ins = ins;
	src.block = run.block;
	src.pairwise = pairwise;
	src.rows = st.rows;
	src.invalid = st.invalid;
	notes(res, &src);
	if (cli.format != SQ_FMT_JSON && cli.format < SQ_FMT_MD &&
	    sq_fa_table(res, &src, &table) != SQ_OK) {
		fprintf(stderr, "sq-factor: out of memory\n");
		goto done;
	}
	snprintf(title, sizeof(title), cli.lang == SQ_LANG_ES ?
	    "An\xc3\xa1lisis factorial (%c, %s): %s + %s, %zu factores; %.0f "
	    "de %lu encuestados (%s)" : "Factor analysis (%c, %s): %s + %s, "
	    "%zu factors; %.0f of %lu respondents (%s)", run.block,
	    sq_form_label(st.form, cli.lang),
	    sq_extract_name(fo.fa.extract), sq_rotate_name(fo.fa.rotate),
	    res->fa->k, res->n, st.rows, pairwise ? "pairwise" : "listwise");
	if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	ch = cli.format == SQ_FMT_JSON ? sq_fa_json(res, &src, out.fp) :
	    cli.format >= SQ_FMT_MD ? sq_fa_pretty(res, &src, cli.lang, cut,
	    cli.format, title, out.fp) :
	    sq_table_write(table, out.fp, cli.format, title);
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	if (ch != SQ_OK) {
		fprintf(stderr, "sq-factor: %s: write error: %s\n",
		    cli.outpath ? cli.outpath : "standard output",
		    strerror(errno ? errno : EIO));
		goto done;
	}
	rc = 0;
	for (i = 0, held = 0; i < ngates; i++)
		if (sq_fa_gate_holds(gates[i], res)) {
			fprintf(stderr, "sq-factor: gate held: %s\n", gates[i]);
			held = 1;
		}
	if (held)
		rc = 3;
done:
	sq_fa_result_free(res);
	sq_table_free(table);
	sq_covacc_free(run.acc);
	sq_instrument_free(ins);
	free(run.x);
	free(R);
	free(dim);
	return rc;
}
