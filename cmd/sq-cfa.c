/* sq-cfa: confirmatory factor analysis of the instrument's dimensions. */
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "servqual/cfa.h"
#include "servqual/cfa_report.h"
#include "servqual/cli.h"
#include "servqual/covacc.h"
#include "servqual/output.h"
#include "servqual/survey.h"

#define MAX_GATES 16

static const char usage_text[] =
    "usage: sq-cfa [-c codebook] [-d delim] [-f format] [-o file] "
    "[--block E|P|G]\n"
    "              [--std-lv] [--fail-if gate]... [--invalid error|missing]\n"
    "              [--verbose]"
    " [--encoding enc] [--lang en|es] [--skip-rows n] [file]\n";

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(2);
}

static void
help(void)
{
	fputs(usage_text, stdout);
	fputs("\nConfirmatory factor analysis (maximum likelihood, as lavaan's "
	    "cfa()):\neach item loads on its dimension, the factors "
	    "correlate.\n\n"
	    "  -c, --codebook FILE  the instrument (default: the 22-item "
	    "SERVQUAL)\n"
	    "  --block E|P|G        expectations, perceptions (default) or "
	    "gaps P - E\n"
	    "  --std-lv             factor variances fixed to 1 instead of "
	    "first loadings\n"
	    "  --fail-if GATE       exit 3 when it holds: cfi<X, tli<X, "
	    "rmsea>X, srmr>X\n"
	    "                       (also <=, >=), heywood, convergence, "
	    "discriminant\n"
	    "  -f, --format FMT     tsv, csv, json, md or pretty\n"
	    "  -o, --output FILE    write there instead of standard output\n"
	    "  -d, --delimiter C    field delimiter of the export\n"
	    "  --encoding ENC       utf-8, latin1, cp1252 (default: guess)\n"
	    "  --invalid MODE       error (default) or missing\n"
	    "  --lang en|es         language of the labels\n"
	    "  --skip-rows N        rows before the header\n"
	    "  --verbose            reading and fitting times, iterations on "
	    "stderr\n"
	    "  -h, --help           this help\n"
	    "  --version            version\n", stdout);
	exit(0);
}

struct run {
	sq_covacc *acc;
	char block;
	double *x;
	size_t p;
};

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;
	size_t i;

	(void)err;
	for (i = 0; i < run->p; i++)
		run->x[i] = run->block == 'E' ? r->e[i] : run->block == 'P' ?
		    r->p[i] : r->p[i] - r->e[i];
	sq_covacc_add(run->acc, run->x);
	return 0;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-cfa: %s\n", msg);
	return 1;
}

/* Print the notes on stderr, one "sq-cfa: " line each. */
static void
notes(const sq_cfa *c, const sq_cfa_source *src)
{
	char buf[8192], *line, *s = buf;

	sq_cfa_notes(c, src, buf, sizeof(buf));
	while ((line = strsep(&s, "\n")) != NULL)
		if (*line != '\0')
			fprintf(stderr, "sq-cfa: %s\n", line);
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
			fprintf(stderr, "sq-cfa: dimension %s has 1 item; a "
			    "factor needs at least 2\n", ins->dims[d].code);
			return 0;
		}
		dimidx[m] = d;
		f[d] = (int)m++;
	}
	for (i = 0; i < ins->nitems; i++)
		dim[i] = f[ins->items[i].dim];
	return m;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "block", required_argument, NULL, 'B' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "fail-if", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "std-lv", no_argument, NULL, 'L' },
		{ "verbose", no_argument, NULL, 'V' },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	const char *gates[MAX_GATES];
	sq_cli cli;
	sq_survey_stats st;
	sq_cfa_source src;
	sq_instrument *ins = NULL;
	sq_cfa *fit = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	struct run run = { 0 };
	size_t ngates = 0, i, m, dimidx[SQ_MAX_DIMS];
	double *S = NULL, n;
	int *dim = NULL;
	char msg[256], title[256];
	int ch, std_lv = 0, rc, held, verbose = 0;
	double t0 = now(), t1, t2;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	run.block = 'P';
	while ((ch = getopt_long(argc, argv, "c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-cfa: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'B':
			if (strlen(optarg) != 1 || !strchr("EPGepg", *optarg)) {
				fprintf(stderr, "sq-cfa: --block wants E, P or "
				    "G\n");
				usage();
			}
			run.block = (char)(*optarg & ~0x20);
			break;
		case 'F':
			if (!sq_cfa_gate_valid(optarg) || ngates == MAX_GATES) {
				fprintf(stderr, "sq-cfa: unknown gate \"%s\" "
				    "(cfi<X, tli<X, rmsea>X, srmr>X, heywood, "
				    "convergence, discriminant)\n", optarg);
				usage();
			}
			gates[ngates++] = optarg;
			break;
		case 'h':
			help();
			break;
		case 'L':
			std_lv = 1;
			break;
		case 'V':
			verbose = 1;
			break;
		case SQ_OPT_VERSION:
			puts("sq-cfa " SQ_VERSION);
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
	run.p = ins->nitems;
	if ((run.x = malloc(run.p * sizeof(double))) == NULL ||
	    (S = malloc(run.p * run.p * sizeof(double))) == NULL ||
	    (dim = malloc(run.p * sizeof(int))) == NULL ||
	    sq_covacc_new(run.p, 0, &run.acc) != SQ_OK) {
		fprintf(stderr, "sq-cfa: out of memory\n");
		goto done;
	}
	if ((m = factors(ins, dim, dimidx)) == 0)
		goto done;
	if (sq_survey_read_path(cli.path, ins, &cli.so, add, &run, &st,
	    &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-cfa: %s: %lu invalid value%s treated as "
		    "missing\n", cli.path, st.invalid, st.invalid == 1 ? "" :
		    "s");
	n = sq_covacc_n(run.acc);
	if (n < (double)run.p + 1) {
		fprintf(stderr, "sq-cfa: %s: %.0f complete respondents for "
		    "%zu items; the model needs more\n", cli.path, n, run.p);
		goto done;
	}
	/* lavaan's S: divided by N, not N - 1 */
	sq_covacc_cov(run.acc, S);
	for (i = 0; i < run.p * run.p; i++)
		S[i] *= (n - 1) / n;
	for (i = 0; i < run.p; i++)
		if (!(S[i * run.p + i] > 0)) {
			fprintf(stderr, "sq-cfa: %s: %c%d does not vary among "
			    "the complete respondents\n", cli.path, run.block,
			    ins->items[i].number);
			goto done;
		}
	t1 = now();
	ch = sq_cfa_fit(S, run.p, n, dim, m, std_lv, &fit);
	t2 = now();
	switch (ch) {
	case SQ_OK:
		break;
	case SQ_EDATA:
		fprintf(stderr, "sq-cfa: %s: the sample covariance matrix is "
		    "not positive definite (an item is a linear combination "
		    "of others)\n", cli.path);
		goto done;
	case SQ_ENOMEM:
		fprintf(stderr, "sq-cfa: out of memory\n");
		goto done;
	default:
		fprintf(stderr, "sq-cfa: %s: no start values give a positive "
		    "definite implied covariance matrix\n", cli.path);
		goto done;
	}
	if (verbose)
		fprintf(stderr, "sq-cfa: read %lu rows in %.3f s; fit %zu items,"
		    " %zu factors in %.3f ms, %zu iterations, Newton decrement "
		    "%.2g\n", st.rows, t1 - t0, run.p, m, (t2 - t1) * 1e3,
		    fit->iterations, fit->decrement);
	src.ins = ins;
	src.dimidx = dimidx;
	src.block = run.block;
	src.rows = st.rows;
	src.invalid = st.invalid;
	notes(fit, &src);
	if (cli.format != SQ_FMT_JSON && cli.format != SQ_FMT_PRETTY &&
	    sq_cfa_table(fit, &src, &table) != SQ_OK) {
		fprintf(stderr, "sq-cfa: out of memory\n");
		goto done;
	}
	snprintf(title, sizeof(title), cli.lang == SQ_LANG_ES ?
	    "An\xc3\xa1lisis factorial confirmatorio (%c): %.0f de %lu "
	    "encuestados" : "Confirmatory factor analysis (%c): %.0f of %lu "
	    "respondents", run.block, n, st.rows);
	if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	ch = cli.format == SQ_FMT_JSON ? sq_cfa_json(fit, &src, out.fp) :
	    cli.format == SQ_FMT_PRETTY ? sq_cfa_pretty(fit, &src, cli.lang,
	    out.fp) : sq_table_write(table, out.fp, cli.format, title);
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	if (ch != SQ_OK) {
		fprintf(stderr, "sq-cfa: %s: write error: %s\n",
		    cli.outpath ? cli.outpath : "standard output",
		    strerror(errno ? errno : EIO));
		goto done;
	}
	for (i = 0, held = 0; i < ngates; i++)
		if (sq_cfa_gate_holds(gates[i], fit)) {
			fprintf(stderr, "sq-cfa: gate held: %s\n", gates[i]);
			held = 1;
		}
	rc = held ? 3 : 0;
done:
	sq_cfa_free(fit);
	sq_table_free(table);
	sq_covacc_free(run.acc);
	sq_instrument_free(ins);
	free(run.x);
	free(S);
	free(dim);
	return rc;
}
