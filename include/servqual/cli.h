/*
 * servqual command lines: the options every tool that reads an export
 * shares (-c, -d, -f, -o, --conf, --encoding, --invalid, --lang,
 * --skip-rows), parsed once here so that they mean the same everywhere.
 * Nothing here prints; the tool reports a bad value with the message.
 */
#ifndef SERVQUAL_CLI_H
#define SERVQUAL_CLI_H

#include <stddef.h>

#include "servqual/error.h"
#include "servqual/survey.h"

/* getopt_long codes of the shared long-only options. */
enum {
	SQ_OPT_CONF = 0x100,
	SQ_OPT_ENCODING,
	SQ_OPT_INVALID,
	SQ_OPT_LANG,
	SQ_OPT_SKIP_ROWS,
	SQ_OPT_VERSION,
	SQ_OPT_FOLD_SEGMENTS,	/* --fold-segments */
	SQ_OPT_FORMULA_GUARD,	/* --formula-guard */
	SQ_OPT_TOOL		/* a tool's own long-only codes start here */
};

typedef struct sq_cli {
	const char *codebook;	/* -c, NULL: built-in SERVQUAL */
	const char *outpath;	/* -o, NULL: standard output */
	const char *path;	/* the input operand, "-" for stdin */
	int format;		/* -f, -1 until sq_cli_operands */
	int lang;		/* --lang, else from the locale */
	char langcode[16];	/* the message language: "en", "es", ... */
	double conf;		/* --conf, 0.95 */
	int conf_given;		/* --conf was given */
	sq_survey_opts so;	/* -d, --encoding, --invalid, --skip-rows */
	int guard;		/* --formula-guard */
} sq_cli;

/*
 * Say once on stderr what a read found worth a warning: a file read as
 * Windows-1252 by guess, columns that look like items no role claims.
 */
void sq_cli_warn_encoding(const char *tool, const char *path,
    const sq_survey_stats *st);

/*
 * The one parser of numeric option values: s must be a whole number
 * (digits only) when whole, else a finite decimal number, and lie in
 * [lo, hi]. Returns 0 with *out set, or -1 with msg saying what was
 * expected ("expected a whole number from 1 to 100").
 */
int sq_cli_number(const char *s, int whole, double lo, double hi,
    double *out, char *msg, size_t len);

/* Defaults. */
void sq_cli_init(sq_cli *c);

/*
 * Take option ch with argument arg if it is a shared one: 1 when taken,
 * 0 when it is not shared, -1 when its value is wrong (msg says why).
 */
int sq_cli_option(sq_cli *c, int ch, const char *arg, char *msg,
    size_t len);

/*
 * Take the operands left after getopt (at most one input file), settle
 * the format (pretty when standard output is a terminal, tsv otherwise)
 * and set the message language (sq_i18n_init). Returns -1 when there are
 * too many operands.
 */
int sq_cli_operands(sq_cli *c, int argc, char *const *argv);

/* Read the export at path ("-": stdin) as sq_survey_read does. */
int sq_survey_read_path(const char *path, const sq_instrument *ins,
    const sq_survey_opts *opts, sq_response_fn fn, void *ctx,
    sq_survey_stats *st, sq_error *err);

#endif
