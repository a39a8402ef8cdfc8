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

#include "servqual/cli.h"
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
	    "                [--items] [--lang en|es] [--pairwise] [--skip-rows n] "
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

	sq_error_message(err, file, msg, sizeof(msg));
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
		{ "conf", required_argument, NULL, SQ_OPT_CONF },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, SQ_OPT_ENCODING },
		{ "fail-if", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "invalid", required_argument, NULL, SQ_OPT_INVALID },
		{ "items", no_argument, NULL, 'I' },
		{ "lang", required_argument, NULL, SQ_OPT_LANG },
		{ "output", required_argument, NULL, 'o' },
		{ "pairwise", no_argument, NULL, 'P' },
		{ "skip-rows", required_argument, NULL, SQ_OPT_SKIP_ROWS },
		{ "version", no_argument, NULL, SQ_OPT_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	sq_relgate gates[MAX_GATES];
	size_t ngates = 0, nrows = 0;
	sq_cli cli;
	sq_survey_stats st;
	sq_instrument *ins = NULL;
	sq_relacc *acc = NULL;
	sq_relrow *rows = NULL;
	sq_table *table = NULL;
	sq_output out;
	sq_error err;
	char msg[256], title[256];
	int ch, pairwise = 0, items = 0, rc, held, es;
	sq_table *itable = NULL;

	setlocale(LC_NUMERIC, "C");
	gsl_set_error_handler_off();
	sq_cli_init(&cli);
	memset(&err, 0, sizeof(err));
	while ((ch = getopt_long(argc, argv, "c:d:f:ho:", longopts,
	    NULL)) != -1) {
		switch (sq_cli_option(&cli, ch, optarg, msg, sizeof(msg))) {
		case 1:
			continue;
		case -1:
			fprintf(stderr, "sq-alpha: %s\n", msg);
			usage();
		}
		switch (ch) {
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
		case 'I':
			items = 1;
			break;
		case 'P':
			pairwise = 1;
			break;
		case SQ_OPT_VERSION:
			puts("sq-alpha " SQ_VERSION);
			return 0;
		default:
			usage();
		}
	}
	if (sq_cli_operands(&cli, argc - optind, argv + optind) != 0)
		usage();
	es = cli.lang == SQ_LANG_ES;

	rc = 1;
	if (sq_instrument_load(cli.codebook, &ins, &err) != SQ_OK) {
		fail(&err, cli.codebook);
		goto done;
	}
	if (sq_relacc_new(ins, pairwise, &acc) != SQ_OK) {
		fprintf(stderr, "sq-alpha: out of memory\n");
		goto done;
	}
	if (sq_survey_read_path(cli.path, ins, &cli.so, add, acc, &st,
	    &err) != SQ_OK) {
		fail(&err, cli.path);
		goto done;
	}
	if (st.invalid > 0)
		fprintf(stderr, "sq-alpha: %s: %lu invalid value%s treated as "
		    "missing\n", cli.path, st.invalid, st.invalid == 1 ? "" : "s");
	if (sq_rel_rows(acc, cli.conf, &rows, &nrows) == SQ_OK &&
	    st.form != SQ_FORM_SERVQUAL)	/* no E: block P alone */
		nrows = sq_rel_keep_block(rows, nrows, SQ_BLOCK_P);
	if (rows == NULL || (cli.format >= SQ_FMT_MD ? sq_rel_pretty(rows,
	    nrows, ins, cli.lang, 0, &table) != SQ_OK || (items &&
	    sq_rel_pretty(rows, nrows, ins, cli.lang, 1, &itable) != SQ_OK) :
	    sq_rel_table(rows, nrows, ins, pairwise, 0, cli.lang, &table) !=
	    SQ_OK)) {
		fprintf(stderr, "sq-alpha: out of memory\n");
		goto done;
	}
	held = check(ins, rows, nrows, pairwise, gates, ngates, es);
	snprintf(title, sizeof(title), es ?
	    "Fiabilidad, %s: %lu encuestados, %s, IC %g%%" :
	    "Reliability, %s: %lu respondents, %s, %g%% CI",
	    sq_form_label(st.form, cli.lang), st.rows,
	    pairwise ? (es ? "por pares" : "pairwise") :
	    (es ? "casos completos" : "listwise"), cli.conf * 100);
	if (sq_output_open(&out, cli.outpath, &err) != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	ch = sq_table_write(table, out.fp, cli.format, title);
	if (ch == SQ_OK && itable != NULL) {
		fputc('\n', out.fp);
		ch = sq_table_write(itable, out.fp, cli.format,
		    es ? "\xc3\x8dtems" : "Items");
	}
	if (ch != SQ_OK)
		sq_error_set(&err, ch, cli.outpath ? cli.outpath :
		    "standard output",
		    0, 0, NULL, "write error: %s", strerror(errno ? errno : EIO));
	if (sq_output_close(&out, ch == SQ_OK, &err) != SQ_OK ||
	    ch != SQ_OK) {
		fail(&err, cli.outpath);
		goto done;
	}
	rc = held ? 3 : 0;
done:
	sq_table_free(table);
	sq_table_free(itable);
	free(rows);
	sq_relacc_free(acc);
	sq_instrument_free(ins);
	return rc;
}
