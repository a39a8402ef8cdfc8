/* sq-check: validate an export against the instrument; --clean rewrites it. */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/check.h"
#include "servqual/cli.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "servqual/table.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-check [-b column] [-c codebook] [-d delim] "
	    "[--clean file] [--clean-format csv|csv-es|excel]\n"
	    "                [--encoding enc] [--id column] [--min-answers n] "
	    "[--skip-rows n] [file]\n");
	exit(2);
}

struct run {
	const sq_instrument *ins;
	const char *path;
	unsigned min_answers;
	sq_check *chk;
	char *probs;		/* problem lines, in order */
	size_t nprobs, len, cap;
	int nomem;
	const char *shape;
	const char *cleanpath;
	int cleanfmt;		/* SQ_FMT_CSV, SQ_FMT_CSV_ES, SQ_FMT_EXCEL */
	sq_output cout;
	sq_clean *clean;
};

static void
problem(void *ctx, const sq_error *p)
{
	struct run *run = ctx;
	char line[1024];
	size_t n;

	sq_error_format(p, line, sizeof(line));
	n = strlen(line);
	if (run->len + n + 2 > run->cap) {
		size_t cap = run->cap ? run->cap * 2 : 4096;
		char *np;

		while (cap < run->len + n + 2)
			cap *= 2;
		if ((np = realloc(run->probs, cap)) == NULL) {
			run->nomem = 1;
			return;
		}
		run->probs = np;
		run->cap = cap;
	}
	memcpy(run->probs + run->len, line, n);
	run->probs[run->len + n] = '\n';
	run->len += n + 1;
	run->nprobs++;
}

static int
header(void *ctx, const sq_survey_header *h, sq_error *err)
{
	struct run *run = ctx;
	sq_check_opts o;
	size_t i;
	int rc;

	memset(&o, 0, sizeof(o));
	o.min_answers = run->min_answers;
	for (i = 0; i < h->ncols; i++)
		if (h->role[i] == SQ_ROLE_W)
			o.weights = 1;
	run->shape = h->shape;
	if (sq_check_new(run->ins, &o, &run->chk) != SQ_OK)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	if (run->cleanpath == NULL)
		return SQ_OK;
	if ((rc = sq_output_open(&run->cout, run->cleanpath, err)) != SQ_OK)
		return rc;
	if (sq_clean_new_as(run->cout.fp, run->ins, h, run->cleanfmt,
	    &run->clean) != SQ_OK)
		return sq_error_set(err, SQ_EIO, run->cleanpath, 0, 0, NULL,
		    "write error");
	return SQ_OK;
}

static int
respond(void *ctx, const sq_response *r, sq_error *err)
{
	struct run *run = ctx;

	if (sq_check_add(run->chk, r, run->path, problem, run) != SQ_OK ||
	    run->nomem)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	if (run->clean != NULL && sq_clean_row(run->clean, r) != SQ_OK)
		return sq_error_set(err, SQ_EIO, run->cleanpath, 0, 0, NULL,
		    "write error");
	return SQ_OK;
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-check: %s\n", msg);
	return 1;
}

static unsigned
number(const char *s, const char *what)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v > 1000000) {
		fprintf(stderr, "sq-check: %s must be a whole number\n", what);
		usage();
	}
	return (unsigned)v;
}

static void
summary(FILE *fp, const struct run *run, const sq_survey_stats *st)
{
	const sq_instrument *ins = run->ins;
	sq_check_summary s;
	size_t i;

	sq_check_result(run->chk, &s);
	if (run->nprobs > 0) {
		fwrite(run->probs, 1, run->len, fp);
		putc('\n', fp);
	}
	fprintf(fp, "rows_read\t%lu\nrespondents_usable\t%lu\n"
	    "invalid_cells\t%lu\nmissing_cells\t%lu\nduplicate_ids\t%lu\n"
	    "straight_lining\t%lu\ntoo_few_answers\t%lu\n"
	    "weights_not_100\t%lu\nheader\t%s\n", st->rows, s.usable,
	    st->invalid, s.missing, s.duplicate_ids, s.straight_lining,
	    s.too_few, s.weights_off, run->shape);
	if (st->form == SQ_FORM_ZONE)
		fprintf(fp, "inverted_zone\t%lu\n", s.inverted);
	fprintf(fp, "form\t%s\n\n", sq_form_name(st->form));
	/* the missing answers of each block the form has */
	fprintf(fp, "item\tdimension%s\n", st->form == SQ_FORM_ZONE ?
	    "\tmissing_a\tmissing_d\tmissing_p" :
	    st->form == SQ_FORM_SERVPERF ? "\tmissing_p" :
	    "\tmissing_e\tmissing_p");
	for (i = 0; i < ins->nitems; i++) {
		fprintf(fp, "%d\t%s", ins->items[i].number,
		    ins->dims[ins->items[i].dim].code);
		if (st->form == SQ_FORM_ZONE)
			fprintf(fp, "\t%lu\t%lu", s.missing_a[i],
			    s.missing_d[i]);
		else if (st->form == SQ_FORM_SERVQUAL)
			fprintf(fp, "\t%lu", s.missing_e[i]);
		fprintf(fp, "\t%lu\n", s.missing_p[i]);
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "clean", required_argument, NULL, 'C' },
		{ "clean-format", required_argument, NULL, 'X' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "help", no_argument, NULL, 'h' },
		{ "id", required_argument, NULL, 'I' },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "min-answers", required_argument, NULL, 'M' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	const char *path;
	sq_instrument *ins = NULL;
	sq_cli cli;
	sq_survey_opts *so = &cli.so;
	sq_survey_stats st;
	sq_output out;
	sq_error err;
	struct run run;
	char msg[256];
	int ch, rc = 1;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	memset(&run, 0, sizeof(run));
	run.cleanfmt = SQ_FMT_CSV;
	while ((ch = getopt_long(argc, argv, "b:c:d:h", longopts, NULL)) !=
	    -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-check: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'b':
			so->by = optarg;
			break;
		case 'C':
			run.cleanpath = optarg;
			break;
		case 'X':
			run.cleanfmt = sq_format_parse(optarg);
			if (run.cleanfmt != SQ_FMT_CSV &&
			    run.cleanfmt != SQ_FMT_CSV_ES &&
			    run.cleanfmt != SQ_FMT_EXCEL) {
				fprintf(stderr, "sq-check: --clean-format: "
				    "\"%s\": expected csv, csv-es or excel\n",
				    optarg);
				usage();
			}
			break;
		case 'I':
			so->id = optarg;
			break;
		case 'M':
			run.min_answers = number(optarg, "--min-answers");
			break;
		case SQ_OPT_VERSION:
			puts("sq-check " SQ_VERSION);
			return 0;
		case 'h':
		default:
			usage();
		}
	}
	if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
		usage();
	path = cli.path;

	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	run.ins = ins;
	run.path = path;
	so->problem = problem;
	so->problem_ctx = &run;
	so->header = header;
	so->header_ctx = &run;
	if (sq_survey_read_path(path, ins, so, respond, &run, &st,
	    &err) != SQ_OK) {
		sq_output_close(&run.cout, 0, NULL);
		fail(&err, path);
		goto done;
	}
	if (sq_output_close(&run.cout, 1, &err) != SQ_OK) {
		fail(&err, run.cleanpath);
		goto done;
	}
	sq_output_open(&out, NULL, &err);
	summary(out.fp, &run, &st);
	if (sq_output_close(&out, 1, &err) != SQ_OK) {
		fail(&err, NULL);
		goto done;
	}
	rc = run.nprobs > 0;
done:
	sq_clean_free(run.clean);
	sq_check_free(run.chk);
	free(run.probs);
	sq_instrument_free(ins);
	return rc;
}
