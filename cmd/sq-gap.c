/* sq-gap: item, dimension and SERVQUAL gap scores (P - E). */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/encoding.h"
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
	sq_error e = *err;

	if (e.file[0] == '\0' && file != NULL)
		snprintf(e.file, sizeof(e.file), "%s", file);
	sq_error_format(&e, msg, sizeof(msg));
	fprintf(stderr, "sq-gap: %s\n", msg);
	return 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, 'C' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, 'I' },
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "skip-rows", required_argument, NULL, 'S' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *codebook = NULL, *outpath = NULL, *path = "-";
	sq_survey_opts so;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	struct run run;
	double conf = 0.95;
	char *end, title[256];
	int ch, format = -1, lang = SQ_LANG_EN, rc;
	FILE *in;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	memset(&so, 0, sizeof(so));
	memset(&err, 0, sizeof(err));
	while ((ch = getopt_long(argc, argv, "b:c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'b':
			so.by = optarg;
			break;
		case 'c':
			codebook = optarg;
			break;
		case 'C':
			conf = strtod(optarg, &end);
			if (*end != '\0' || !(conf > 0 && conf < 1)) {
				fprintf(stderr, "sq-gap: --conf must be between "
				    "0 and 1, as 0.95\n");
				usage();
			}
			break;
		case 'd':
			so.csv.delim = strcmp(optarg, "tab") == 0 ? '\t' :
			    optarg[0];
			if (strlen(optarg) != 1 && so.csv.delim != '\t')
				usage();
			break;
		case 'E':
			if (sq_encoding_parse(optarg, &so.csv.encoding) != 0)
				usage();
			break;
		case 'S':
			so.skip_rows = (unsigned)strtoul(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0')
				usage();
			break;
		case 'f':
			if ((format = sq_format_parse(optarg)) < 0)
				usage();
			break;
		case 'I':
			if (strcmp(optarg, "missing") == 0)
				so.invalid = SQ_INVALID_MISSING;
			else if (strcmp(optarg, "error") != 0)
				usage();
			break;
		case 'L':
			if ((lang = sq_lang_parse(optarg)) < 0)
				usage();
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'V':
			puts("sq-gap " SQ_VERSION);
			return 0;
		case 'h':
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1)
		path = argv[0];
	if (format < 0)
		format = outpath == NULL && isatty(STDOUT_FILENO) ?
		    SQ_FMT_PRETTY : SQ_FMT_TSV;

	run.set = NULL;
	rc = 1;
	if (sq_instrument_load(codebook, &ins, &err) != SQ_OK) {
		fail(&err, codebook);
		goto done;
	}
	run.ins = ins;
	if (sq_gapset_new(ins, so.by != NULL, &run.set) != SQ_OK) {
		fprintf(stderr, "sq-gap: out of memory\n");
		goto done;
	}
	if (sq_input_open(path, &in, &err) != SQ_OK) {
		fail(&err, path);
		goto done;
	}
	ch = sq_survey_read(in, path, ins, &so, add, &run, &st, &err);
	sq_input_close(in);
	if (ch != SQ_OK) {
		fail(&err, path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-gap: %s: %lu invalid value%s treated as "
		    "missing\n", path, st.invalid, st.invalid == 1 ? "" : "s");
	if (sq_gap_table(run.set, ins, conf, format >= SQ_FMT_MD, lang,
	    &table) != SQ_OK) {
		fprintf(stderr, "sq-gap: out of memory\n");
		goto done;
	}
	snprintf(title, sizeof(title), lang == SQ_LANG_ES ?
	    "Brechas SERVQUAL (P \xe2\x88\x92 E): %lu encuestados, "
	    "IC %g%%" : "SERVQUAL gaps (P \xe2\x88\x92 E): %lu respondents, "
	    "%g%% CI", st.rows, conf * 100);
	if (sq_output_open(&out, outpath, &err) != SQ_OK) {
		fail(&err, outpath);
		goto done;
	}
	ch = sq_table_write(table, out.fp, format, title);
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK) {
		fail(&err, outpath);
		goto done;
	}
	if (ch != SQ_OK) {
		fprintf(stderr, "sq-gap: %s: write error\n",
		    outpath ? outpath : "standard output");
		goto done;
	}
	rc = 0;
done:
	sq_table_free(table);
	sq_gapset_free(run.set);
	sq_instrument_free(ins);
	return rc;
}
