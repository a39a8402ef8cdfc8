/* sq-simulate: a synthetic SERVQUAL export with a known structure. */
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/output.h"
#include "servqual/simulate.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-simulate [-c codebook] [-n respondents] [-o file] "
	    "[-s seed]\n"
	    "                   [--gap g1,g2,...] [--loading L] "
	    "[--merge DIM,DIM] [--missing rate]\n"
	    "                   [--rho R] [--rho-ep R] [--sd S] "
	    "[--segments K] [--shift S]\n"
	    "                   [--form servqual|servperf|zone] "
	    "[--width W]\n");
	exit(2);
}

static double
num(const char *s, const char *opt)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno != 0) {
		fprintf(stderr, "sq-simulate: %s: \"%s\" is not a number\n",
		    opt, s);
		usage();
	}
	return x;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "codebook", required_argument, NULL, 'c' },
		{ "form", required_argument, NULL, 'F' },
		{ "gap", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ "loading", required_argument, NULL, 'l' },
		{ "merge", required_argument, NULL, 'm' },
		{ "missing", required_argument, NULL, 'M' },
		{ "output", required_argument, NULL, 'o' },
		{ "rho", required_argument, NULL, 'r' },
		{ "rho-ep", required_argument, NULL, 'R' },
		{ "sd", required_argument, NULL, 'S' },
		{ "seed", required_argument, NULL, 's' },
		{ "segments", required_argument, NULL, 'k' },
		{ "shift", required_argument, NULL, 'H' },
		{ "version", no_argument, NULL, 'V' },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	const char *codebook = NULL, *outpath = NULL, *merge = NULL;
	char *gapspec = NULL, *tok, *save, a[SQ_CODE_LEN + 1];
	double gap[SQ_MAX_DIMS], x;
	size_t ng = 0;
	sq_instrument *ins = NULL;
	sq_sim_opts o;
	sq_output out;
	sq_error err;
	int ch, rc = 1;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_sim_defaults(&o);
	memset(&err, 0, sizeof(err));
	while ((ch = getopt_long(argc, argv, "c:hn:o:s:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			codebook = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "servqual") == 0)
				o.form = SQ_FORM_SERVQUAL;
			else if (strcmp(optarg, "servperf") == 0)
				o.form = SQ_FORM_SERVPERF;
			else if (strcmp(optarg, "zone") == 0)
				o.form = SQ_FORM_ZONE;
			else {
				fprintf(stderr, "sq-simulate: --form: \"%s\": "
				    "expected servqual, servperf or zone\n",
				    optarg);
				usage();
			}
			break;
		case 'g':
			gapspec = optarg;
			break;
		case 'w':
			o.width = num(optarg, "--width");
			if (!(o.width >= 0 && o.width <= 6))
				usage();
			break;
		case 'H':
			o.seg_shift = num(optarg, "--shift");
			break;
		case 'k':
			x = num(optarg, "--segments");
			if (x < 0 || x > 1000 || x != (unsigned)x)
				usage();
			o.nseg = (unsigned)x;
			break;
		case 'l':
			o.loading = num(optarg, "--loading");
			break;
		case 'm':
			merge = optarg;
			break;
		case 'M':
			o.missing = num(optarg, "--missing");
			break;
		case 'n':
			x = num(optarg, "-n");
			if (x < 0 || x > 1e10 || x != (unsigned long)x)
				usage();
			o.n = (unsigned long)x;
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'r':
			o.rho = num(optarg, "--rho");
			break;
		case 'R':
			o.rho_ep = num(optarg, "--rho-ep");
			break;
		case 's':
			x = num(optarg, "--seed");
			if (x < 0 || x > 4294967295.0 || x != (unsigned long)x)
				usage();
			o.seed = (unsigned long)x;
			break;
		case 'S':
			o.sd = num(optarg, "--sd");
			break;
		case 'V':
			puts("sq-simulate " SQ_VERSION);
			return 0;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (sq_instrument_load(codebook, &ins, &err) != SQ_OK)
		goto fail;
	if (o.form == SQ_FORM_ZONE && codebook == NULL)
		ins->max = 9;	/* three-column surveys use 1..9 */
	if (gapspec != NULL) {
		for (tok = strtok_r(gapspec, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			if (ng == ins->ndims)
				break;
			gap[ng++] = num(tok, "--gap");
		}
		if (ng != ins->ndims || tok != NULL) {
			fprintf(stderr, "sq-simulate: --gap needs %zu values, "
			    "one per dimension\n", ins->ndims);
			sq_instrument_free(ins);
			return 2;
		}
		o.gap = gap;
	}
	if (merge != NULL) {
		const char *comma = strchr(merge, ',');

		if (comma == NULL || (size_t)(comma - merge) > SQ_CODE_LEN)
			usage();
		snprintf(a, sizeof(a), "%.*s", (int)(comma - merge), merge);
		o.merge[0] = sq_instrument_dim(ins, a);
		o.merge[1] = sq_instrument_dim(ins, comma + 1);
		if (o.merge[0] < 0 || o.merge[1] < 0) {
			fprintf(stderr, "sq-simulate: --merge: unknown "
			    "dimension in \"%s\"\n", merge);
			sq_instrument_free(ins);
			return 2;
		}
	}
	if (sq_output_open(&out, outpath, &err) != SQ_OK)
		goto fail;
	ch = sq_simulate(out.fp, ins, &o, &err);
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK || ch != SQ_OK)
		goto fail;
	fprintf(stderr, "sq-simulate: %lu respondents, seed %lu\n", o.n,
	    o.seed);
	rc = 0;
	goto done;
fail:
	{
		char msg[1024];

		sq_error_format(&err, msg, sizeof(msg));
		fprintf(stderr, "sq-simulate: %s\n", msg);
	}
done:
	sq_instrument_free(ins);
	return rc;
}
