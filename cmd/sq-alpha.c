/* sq-alpha: reliability of the E, P and gap scores of every dimension. */
#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "servqual/encoding.h"
#include "servqual/output.h"
#include "servqual/reliability.h"
#include "servqual/survey.h"
#include "servqual/table.h"

#define MAX_GATES 16

static void
usage(void)
{
	fprintf(stderr,
	    "usage: sq-alpha [-c codebook] [-d delim] [-f format] [-o file] "
	    "[--conf level]\n"
	    "                [--encoding enc] [--fail-if 'alpha<X'] "
	    "[--invalid error|missing]\n"
	    "                [--lang en|es] [--pairwise] [--skip-rows n] "
	    "[file]\n");
	exit(2);
}

static int
add(void *ctx, const sq_response *r, sq_error *err)
{
	(void)err;
	sq_relacc_add(ctx, r);
	return SQ_OK;
}

static int
fail(const sq_error *err, const char *file)
{
	char msg[1024];
	sq_error e = *err;

	if (e.file[0] == '\0' && file != NULL)
		snprintf(e.file, sizeof(e.file), "%s", file);
	sq_error_format(&e, msg, sizeof(msg));
	fprintf(stderr, "sq-alpha: %s\n", msg);
	return 1;
}

/* "E TAN" or "G ALL", for messages. */
static const char *
where(const sq_instrument *ins, const sq_relrow *r)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "%s %s", r->block == SQ_BLOCK_E ? "E" :
	    r->block == SQ_BLOCK_P ? "P" : "G",
	    r->dim < 0 ? "ALL" : ins->dims[r->dim].code);
	return buf;
}

/* Warnings about the rows; returns how many gates held. */
static int
check(const sq_instrument *ins, const sq_relrow *rows, size_t n,
    int pairwise, const sq_relgate *gates, size_t ngates, int es)
{
	size_t i, g;
	int held = 0;

	for (i = 0; i < n; i++) {
		const sq_relrow *r = &rows[i];

		if (r->scope == SQ_REL_ITEM && r->r_drop < 0)
			fprintf(stderr, es ? "sq-alpha: aviso: %s: el \xc3\xadtem "
			    "%d correlaciona %.3f con el resto de la escala; "
			    "\xc2\xbf" "est\xc3\xa1 invertido?\n" :
			    "sq-alpha: warning: %s: item %d correlates %.3f "
			    "with the rest of the scale; is it reverse-keyed?\n",
			    where(ins, r), ins->items[r->item].number,
			    r->r_drop);
		else if (r->scope == SQ_REL_ITEM && r->n >= 2 && r->k >= 2 &&
		    isnan(r->r_drop))
			fprintf(stderr, es ? "sq-alpha: aviso: %s: el \xc3\xadtem "
			    "%d no correlaciona con el resto (\xc2\xbf" "no "
			    "var\xc3\xad" "a?)\n" :
			    "sq-alpha: warning: %s: item %d has no item-rest "
			    "correlation (no variance?)\n", where(ins, r),
			    ins->items[r->item].number);
		if (r->scope != SQ_REL_SCALE)
			continue;
		if (r->n < 2 && pairwise)
			fprintf(stderr, es ? "sq-alpha: aviso: %s: algunos pares "
			    "de \xc3\xadtems tienen menos de 2 casos\n" :
			    "sq-alpha: warning: %s: some pairs of items have "
			    "fewer than 2 cases\n", where(ins, r));
		else if (r->n < 2)
			fprintf(stderr, es ? "sq-alpha: aviso: %s: %.0f "
			    "caso(s) completo(s); pruebe --pairwise\n" :
			    "sq-alpha: warning: %s: %.0f complete case%s; "
			    "try --pairwise\n", where(ins, r), r->n,
			    es || r->n == 1 ? "" : "s");
		else if (r->omega_status != SQ_OK)
			fprintf(stderr, "sq-alpha: warning: %s: the one-factor "
			    "solution for omega did not converge\n",
			    where(ins, r));
		for (g = 0; g < ngates; g++)
			if (sq_relgate_holds(&gates[g], r)) {
				fprintf(stderr, "sq-alpha: gate %s held: %s\n",
				    gates[g].text, where(ins, r));
				held++;
			}
	}
	return held;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "codebook", required_argument, NULL, 'c' },
		{ "conf", required_argument, NULL, 'C' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "fail-if", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, 'I' },
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "pairwise", no_argument, NULL, 'P' },
		{ "skip-rows", required_argument, NULL, 'S' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *codebook = NULL, *outpath = NULL, *path = "-";
	sq_relgate gates[MAX_GATES];
	size_t ngates = 0, nrows = 0;
	sq_survey_opts so;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_relacc *acc = NULL;
	sq_relrow *rows = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	double conf = 0.95;
	char *end, title[256];
	int ch, format = -1, lang = SQ_LANG_EN, pairwise = 0, rc, held;
	FILE *in;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	memset(&so, 0, sizeof(so));
	memset(&err, 0, sizeof(err));
	while ((ch = getopt_long(argc, argv, "c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			codebook = optarg;
			break;
		case 'C':
			conf = strtod(optarg, &end);
			if (*end != '\0' || !(conf > 0 && conf < 1)) {
				fprintf(stderr, "sq-alpha: --conf must be "
				    "between 0 and 1, as 0.95\n");
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
		case 'F':
			if (ngates == MAX_GATES ||
			    sq_relgate_parse(optarg, &gates[ngates]) != SQ_OK) {
				fprintf(stderr, "sq-alpha: --fail-if: \"%s\": "
				    "expected STAT<X or STAT<=X, STAT one of "
				    "alpha, alpha_std, omega, r_diff\n", optarg);
				usage();
			}
			ngates++;
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
		case 'P':
			pairwise = 1;
			break;
		case 'S':
			so.skip_rows = (unsigned)strtoul(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0')
				usage();
			break;
		case 'V':
			puts("sq-alpha " SQ_VERSION);
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

	rc = 1;
	if (sq_instrument_load(codebook, &ins, &err) != SQ_OK) {
		fail(&err, codebook);
		goto done;
	}
	if (sq_relacc_new(ins, pairwise, &acc) != SQ_OK) {
		fprintf(stderr, "sq-alpha: out of memory\n");
		goto done;
	}
	if (sq_input_open(path, &in, &err) != SQ_OK) {
		fail(&err, path);
		goto done;
	}
	ch = sq_survey_read(in, path, ins, &so, add, acc, &st, &err);
	sq_input_close(in);
	if (ch != SQ_OK) {
		fail(&err, path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-alpha: %s: %lu invalid value%s treated as "
		    "missing\n", path, st.invalid, st.invalid == 1 ? "" : "s");
	if (sq_rel_rows(acc, conf, &rows, &nrows) != SQ_OK ||
	    sq_rel_table(rows, nrows, ins, pairwise, format >= SQ_FMT_MD,
	    lang, &table) != SQ_OK) {
		fprintf(stderr, "sq-alpha: out of memory\n");
		goto done;
	}
	held = check(ins, rows, nrows, pairwise, gates, ngates,
	    lang == SQ_LANG_ES);
	snprintf(title, sizeof(title), lang == SQ_LANG_ES ?
	    "Fiabilidad: %lu encuestados, %s, IC %g%%" :
	    "Reliability: %lu respondents, %s, %g%% CI", st.rows,
	    pairwise ? (lang == SQ_LANG_ES ? "por pares" : "pairwise") :
	    (lang == SQ_LANG_ES ? "casos completos" : "listwise"),
	    conf * 100);
	if (sq_output_open(&out, outpath, &err) != SQ_OK) {
		fail(&err, outpath);
		goto done;
	}
	ch = sq_table_write(table, out.fp, format, title);
	if (ch != SQ_OK)
		sq_error_set(&err, ch, outpath ? outpath : "standard output",
		    0, 0, NULL, "write error: %s", strerror(errno ? errno : EIO));
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK ||
	    ch != SQ_OK) {
		fail(&err, outpath);
		goto done;
	}
	rc = held ? 3 : 0;
done:
	sq_table_free(table);
	free(rows);
	sq_relacc_free(acc);
	sq_instrument_free(ins);
	return rc;
}
