/*
 * servqual tools at scale: how every analysis tool reads its survey.
 * With TOOL_SCALE in tool_init's shared options, tool_scan gives a tool
 *
 *   - any number of files (and -) read as one survey, headers checked to
 *     be of one form, errors naming the file; a file with a header and
 *     no data rows is a valid, empty part;
 *   - --file-column NAME (default "file"): -b NAME makes each file's
 *     name the segment;
 *   - -j N: a regular file parsed in N byte ranges on N threads, each
 *     into its own accumulator, folded in file order: the same result as
 *     -j 1 (the accumulators are exact integer sums);
 *   - a progress line on standard error (a terminal, or --progress;
 *     --quiet silences it);
 *   - --partial: the state (state.h: head, the tool's body, end) is
 *     written instead of the table;
 *   - --merge: the operands are states, folded into the accumulator in
 *     the order given; sq-merge runs the tool so, with the options the
 *     states recorded. States of another tool, version, instrument or
 *     option set are refused.
 *
 * The tool describes its accumulator with a tool_acc; tool_read makes
 * one and reads into it, and the tool prints its table from it exactly
 * as before.
 */
#ifndef TOOL_SCAN_H
#define TOOL_SCAN_H

#include <stdio.h>

#include "servqual/state.h"
#include "servqual/survey.h"
#include "tool.h"

/*
 * A tool's accumulator. Every one is for the instrument ins that
 * tool_read was given, which each operation gets again.
 */
typedef struct tool_acc {
	/* An empty accumulator (one more per byte range); NULL: out of
	   memory. ctx is what the tool gave tool_read. */
	void *(*make)(void *ctx, const sq_instrument *ins);
	/* One respondent; SQ_OK or an error set in err. */
	int (*add)(void *acc, const sq_instrument *ins, const sq_response *r,
	    sq_error *err);
	/* Fold src (what came after dst in the input) into dst; an error's
	   line, if any, is src's (of its byte range: made the file's); an
	   error left unsaid in err is said as sq_strerror's. */
	int (*fold)(void *dst, void *src, const sq_instrument *ins,
	    sq_error *err);
	void (*drop)(void *acc);
	/* The state's body (between head and "end"); SQ_OK or SQ_E*. */
	int (*write)(FILE *fp, const void *acc);
	/* Fold the body of one state into acc, up to before "end". */
	int (*read)(sq_state_rd *r, const sq_instrument *ins, void *acc);
	/* Optional: cells the tool itself treated as missing so far (an
	   outcome column...), counted with the reader's invalid ones. */
	unsigned long long (*invalid)(const void *acc);
} tool_acc;

/* What tool_scan read. */
typedef struct tool_input {
	unsigned long long rows;	/* data rows in all files or states */
	unsigned long long invalid;	/* cells treated as missing */
	int form;			/* enum sq_form */
	int has_weights, has_overall;	/* the export's header had them */
	int merged;			/* read from states */
	sq_survey_stats st;		/* sums over the files (from states:
					   rows, invalid and the flags) */
} tool_input;

enum {
	TOOL_SCAN_EMIT = 0,	/* print the table from acc */
	TOOL_SCAN_FAIL = 1,	/* an error was reported: exit 1 */
	TOOL_SCAN_DONE = 2	/* --partial wrote the state: exit 0 */
};

/*
 * Read the operands (tool_operands: t->files; none: standard input), or
 * with --merge the states in them, into acc, an accumulator for ins;
 * ctx goes to ops->make. The tool decides its segments from
 * t->cli.so.by before the call (-b naming the file column still means
 * segments).
 */
int tool_scan(tool *t, const tool_acc *ops, void *ctx, void *acc,
    const sq_instrument *ins, tool_input *in);

/*
 * tool_scan into a new accumulator made by ops->make(ctx, ins): the
 * accumulator (the caller drops it) when the table is to be written;
 * else NULL and *rc the exit code (0: --partial wrote the state; 1: an
 * error was reported).
 */
void *tool_read(tool *t, const tool_acc *ops, void *ctx,
    const sq_instrument *ins, tool_input *in, int *rc);

#endif
