/*
 * servqual tools: what every command line shares and the library must not
 * do (print, exit). Compiled into each tool, never into libservqual.a.
 *
 *   tool_init    name, synopsis operands, a one-line purpose, an example,
 *                the shared options the tool takes and its own
 *   tool_getopt  getopt_long over both; handles the shared options, -h,
 *                --version and bad options; returns the tool's own ones
 *   tool_start   tool_init, the options, the operands: a main's start
 *   tool_instrument       the instrument of -c
 *   tool_main    both, then the analysis: the whole of a simple main
 *   tool_int, tool_real   the one parser of numeric options (ranges)
 *   tool_word             an option's value from a list of words
 *   tool_fail, tool_warn, tool_usage   messages named for the program
 *   tool_write, tool_write_table       the output tail (-o, write errors)
 *
 * Exit codes: 0 success, 1 data or runtime error, 2 usage, 3 a gate held.
 */
#ifndef TOOL_H
#define TOOL_H

#include <getopt.h>
#include <stdio.h>

#include "servqual/cli.h"
#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/table.h"

/* The shared options a tool takes (bits of tool_init's shared). */
enum {
	TOOL_BY = 1 << 0,	/* -b, --by */
	TOOL_CODEBOOK = 1 << 1,	/* -c, --codebook */
	TOOL_DELIM = 1 << 2,	/* -d, --delimiter */
	TOOL_FORMAT = 1 << 3,	/* -f, --format */
	TOOL_OUTPUT = 1 << 4,	/* -o, --output */
	TOOL_CONF = 1 << 5,	/* --conf */
	TOOL_ENCODING = 1 << 6,	/* --encoding */
	TOOL_INVALID = 1 << 7,	/* --invalid */
	TOOL_LANG = 1 << 8,	/* --lang */
	TOOL_SKIP = 1 << 9,	/* --skip-rows */
	TOOL_FOLD = 1 << 10,	/* --fold-segments */
	TOOL_GUARD = 1 << 11,	/* --formula-guard */
	/* many files, -j, --partial, --merge, --progress, --quiet,
	   --file-column: see scan.h */
	TOOL_SCALE = 1 << 12,
	/* reading an export; writing a table */
	TOOL_READ = TOOL_CODEBOOK | TOOL_DELIM | TOOL_ENCODING | TOOL_SKIP,
	TOOL_TABLE = TOOL_FORMAT | TOOL_OUTPUT | TOOL_LANG
};

/* getopt codes of a tool's long-only options start here. */
#define TOOL_OWN	0x200

/* One of the tool's own options: getopt_long's fields plus its help. */
typedef struct tool_opt {
	const char *name;	/* long name */
	int val;		/* short letter, or TOOL_OWN + n */
	const char *arg;	/* argument in the help, NULL: takes none */
	const char *help;	/* one line */
	int output;		/* 1: shapes only the output, so a state
				   does not record it (see scan.h) */
} tool_opt;

/* What TOOL_SCALE's options said. */
typedef struct tool_scale {
	int partial;		/* --partial: write the state */
	int merge;		/* --merge: the operands are states */
	int pmode;		/* 1 --progress, 0 --quiet, -1 if a tty */
	size_t jobs;		/* -j, default: the CPUs */
	const char *filecol;	/* --file-column, default "file" */
} tool_scale;

typedef struct tool {
	const char *name;	/* "sq-gap" */
	const char *lead;	/* operands before the options, or NULL */
	const char *operands;	/* operands after them: "[file]" */
	const char *purpose;	/* one line for the help */
	const char *example;	/* one command line for the help */
	const char *required;	/* short letters whose [brackets] drop */
	const char *by_help;	/* -b's help line when not the usual one */
	unsigned shared;	/* TOOL_* */
	const tool_opt *own;	/* its own options, up to a NULL name */
	sq_cli cli;		/* what the shared options said */
	int nfiles;		/* the operands (tool_operands) */
	char **files;
	tool_scale scale;	/* with TOOL_SCALE */
	char record[4096];	/* the options a state records: lines
				   "option NAME[ VALUE]", %-encoded */
	int record_full;	/* record overflowed */
	sq_error err;		/* for library calls */
} tool;

/* Start: locale, GSL error handler, cli defaults; t's fields set first. */
void tool_init(tool *t);

/*
 * The next option that is the tool's own (its val), or -1 at the end.
 * Shared options land in t->cli; -h prints the help and exits 0;
 * --version prints the version and exits 0; bad ones exit 2.
 */
int tool_getopt(tool *t, int argc, char *argv[]);

/*
 * After the options: at most one input operand (any number with
 * TOOL_SCALE; the first into t->cli.path, all into t->files) and the
 * output format; "-c -" with input on stdin too is a usage error.
 */
void tool_operands(tool *t, int argc, char *argv[]);

/*
 * tool_init, then every option (the tool's own ones to option; none
 * when option is NULL), then tool_operands.
 */
void tool_start(tool *t, int argc, char *argv[],
    void (*option)(int ch, char *arg));

/* The instrument of -c (none: built-in SERVQUAL); NULL after saying why. */
sq_instrument *tool_instrument(tool *t);

/*
 * tool_start, tool_instrument, then run(ins): its exit code, or 1 when
 * the instrument cannot be had.
 */
int tool_main(tool *t, int argc, char *argv[],
    void (*option)(int ch, char *arg), int (*run)(const sq_instrument *));

/* A whole number s for option opt within [lo, hi]; else usage (2). */
unsigned long tool_int(const char *opt, const char *s, unsigned long lo,
    unsigned long hi);

/* A finite number s for option opt within [lo, hi]; else usage (2). */
double tool_real(const char *opt, const char *s, double lo, double hi);

/* Which of the words "a|b|c" arg is (0, 1, 2), or -1. */
int tool_word(const char *arg, const char *words);

/* --block: E, P or G (any case) as enum sq_block; else usage (2). */
int tool_block(const char *arg);

/* Seeds: every value the generator (mt19937, 32 bits, 0 means 4357) uses. */
unsigned long tool_seed(const char *opt, const char *s);
#define TOOL_SEED_MAX	4294967295UL

/* "NAME: msg" for err (file when err names none); returns 1. */
int tool_fail(const sq_error *err, const char *file);

/* "NAME: ..." on stderr. */
void tool_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "NAME: ..." then the synopsis on stderr; exits 2. fmt may be NULL. */
void tool_usage(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* "NAME: out of memory"; returns 1. */
int tool_nomem(void);

/* "NAME: FILE: N invalid values treated as missing" when n > 0. */
void tool_invalid(const char *file, unsigned long n);

/*
 * What a read found worth a warning, once on stderr: a file read as
 * Windows-1252 by guess, item-like columns no role claims.
 */
void tool_read_warn(const sq_survey_stats *st);

/*
 * "NAME: FILE: warning: segment values that differ only in case or
 * accents: ..." when seg[0..n) has such values.
 */
void tool_lookalikes(char *const *seg, size_t n);

/* "NAME: gate TEXT held[: where]"; returns 1 (count it). */
int tool_gate_held(const char *text, const char *where);

/*
 * Write through fn to -o (or stdout) via a temporary file renamed into
 * place; fn returns 0 or an SQ_E* code. A failure is reported with its
 * reason; returns 0 or 1.
 */
int tool_write(tool *t, int (*fn)(FILE *, void *), void *ctx);

/* tool_write of one table in t->cli.format with title (may be NULL). */
int tool_write_table(tool *t, const sq_table *tab, const char *title);

#endif
