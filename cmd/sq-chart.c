/* sq-chart: report charts (PNG, PDF, SVG) from an export or a table. */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/chart.h"
#include "servqual/cli.h"
#include "servqual/i18n.h"
#include "servqual/output.h"
#include "servqual/survey.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-chart type -o file.png|.pdf|.svg [-b column] "
	    "[-c codebook] [-d delim]\n"
	    "                [--block E|P|G] [--conf level] "
	    "[--crosshair mean|median|scale]\n"
	    "                [--dpi n] [--encoding enc] [--height pt] "
	    "[--importance stated|derived]\n"
	    "                [--invalid error|missing] [--iter n] "
	    "[--lang en|es] [--seed n]\n"
	    "                [--skip-rows n] [--title text] [--width pt] "
	    "[file]\n"
	    "types: gaps items radar ipa groups likert scree heatmap "
	    "drivers cfa zone zone-radar\n");
	exit(2);
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];

	sq_error_message(err, file, msg, sizeof(msg));
	fprintf(stderr, "sq-chart: %s\n", msg);
	return 1;
}

/* A number option within [lo, hi], or usage. */
static double
number(const char *s, const char *opt, double lo, double hi)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end != '\0' || !(v >= lo && v <= hi)) {
		fprintf(stderr, "sq-chart: %s wants a number from %g to %g\n",
		    opt, lo, hi);
		usage();
	}
	return v;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "block", required_argument, NULL, 'B' },
		{ "by", required_argument, NULL, 'b' },
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, SQ_OPT_CONF },
		{ "crosshair", required_argument, NULL, 'X' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "dpi", required_argument, NULL, 'D' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "height", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ "importance", required_argument, NULL, 'I' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "iter", required_argument, NULL, 'i' },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "seed", required_argument, NULL, 'S' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "title", required_argument, NULL, 'T' },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ "width", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 }
	};
	sq_cli cli;
	sq_chart_opts co;
	sq_chartneed need;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_chartdata *d = NULL;
	sq_error err;
	char msg[256], title[128];
	int ch, rc;
	FILE *in;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&st, 0, sizeof(st));
	memset(&err, 0, sizeof(err));
	memset(&co, 0, sizeof(co));
	co.conf = 0.95;
	need = (sq_chartneed){ 0, SQ_BLOCK_P, 0.95, 1, 1000, 0, -1 };
	while ((ch = getopt_long(argc, argv, "b:c:d:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-chart: %s\n", msg);
			usage();
		}
		switch (ch) {
		case 'B':
			if (strcasecmp(optarg, "E") == 0)
				need.block = SQ_BLOCK_E;
			else if (strcasecmp(optarg, "P") == 0)
				need.block = SQ_BLOCK_P;
			else if (strcasecmp(optarg, "G") == 0)
				need.block = SQ_BLOCK_G;
			else
				usage();
			break;
		case 'b':
			cli.so.by = optarg;
			break;
		case 'D':
			co.dpi = number(optarg, "--dpi", 36, 1200);
			break;
		case 'H':
			co.height = number(optarg, "--height", 72, 14400);
			break;
		case 'I':
			need.importance = strcmp(optarg, "stated") == 0 ? 1 :
			    strcmp(optarg, "derived") == 0 ? 2 : -1;
			if (need.importance < 0)
				usage();
			break;
		case 'X':
			need.crosshair = strcmp(optarg, "mean") == 0 ? 0 :
			    strcmp(optarg, "median") == 0 ? 1 :
			    strcmp(optarg, "scale") == 0 ? 2 : -2;
			if (need.crosshair < -1)
				usage();
			break;
		case 'i':
			need.iterations = (int)number(optarg, "--iter", 1,
			    100000);
			break;
		case 'S':
			need.seed = (unsigned long)number(optarg, "--seed", 0,
			    4294967295.0);
			break;
		case 'T':
			co.title = optarg;
			break;
		case SQ_OPT_VERSION:
			puts("sq-chart " SQ_VERSION);
			return 0;
		case 'W':
			co.width = number(optarg, "--width", 72, 14400);
			break;
		case 'h':
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || argc > 2 || cli.outpath == NULL)
		usage();
	sq_i18n_init(cli.langcode);
	co.conf = need.conf = cli.conf;
	co.lang = cli.lang;
	if ((co.type = sq_chart_type_parse(argv[0])) < 0) {
		fprintf(stderr, "sq-chart: unknown chart type \"%s\"\n",
		    argv[0]);
		usage();
	}
	if (sq_chart_format_of(cli.outpath) < 0) {
		fprintf(stderr, "sq-chart: %s: name the output .png, .pdf or "
		    ".svg\n", cli.outpath);
		usage();
	}
	if (argc == 2)
		cli.path = argv[1];
	need.type = co.type;

	rc = 1;
	if (!sq_chart_font(title, sizeof(title)))
		fprintf(stderr, "sq-chart: warning: the font DejaVu Sans is not "
		    "installed (Debian: fonts-dejavu-core); %s%s%s\n",
		    title[0] ? "text falls back to \"" : "no font was found",
		    title, title[0] ? "\"" : "");
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	if (sq_chartdata_new(ins, &d) != SQ_OK) {
		fprintf(stderr, "sq-chart: out of memory\n");
		goto done;
	}
	if (sq_input_open(cli.path, &in, &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	ch = sq_chartdata_read(d, in, cli.path, &cli.so, &need, &st, &err);
	sq_input_close(in);
	if (ch != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-chart: %s: %lu invalid value%s treated as "
		    "missing\n", cli.path, st.invalid, st.invalid == 1 ? "" : "s");
	if (sq_chart_write(d, &co, cli.outpath, NULL, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	rc = 0;
done:
	sq_chartdata_free(d);
	sq_instrument_free(ins);
	sq_chart_release_fonts();
	return rc;
}
