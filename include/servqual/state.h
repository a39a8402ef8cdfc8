/*
 * servqual partial results: a versioned, self-describing text state of a
 * tool's accumulators, written by `--partial` and combined by sq-merge.
 * Integers are decimal, doubles C99 hex floats (%a), so a state reads back
 * to the same bits on any machine. The reader treats its input as hostile:
 * every count is bounded, every token checked; a bad state is an error
 * naming the line, never a crash.
 *
 * Every state has the same head and end; the body between them is the
 * tool's (lib/<tool>state.c documents each):
 *
 *   servqual-state 2
 *   tool sq-gap
 *   version 0.1.0
 *   instrument <16 hex digits>        fingerprint of the instrument
 *   option <name> [<value>]           every option the table depends on,
 *                                     values %-encoded (no blanks)
 *   rows <n>                          data rows read
 *   invalid <n>                       cells treated as missing
 *   ...                               the tool's body
 *   end
 *
 * sq-gap's body:
 *
 *   groups <g>
 *   group all | group seg <hex bytes, or - for empty>
 *   respondents <hex float>
 *   block <n>
 *   counts <item> <R*R counts>        one line per item (scales <= 16)
 *   mom <n> <inexact> <den> <xe> <xp> <xd2> <me> <mp> <md> <m2d>
 *                                     items, dimensions, servqual, weighted
 *   values item|dim <i> <k>           per item, then per dimension: the
 *   <value> <count>                   counts of the distinct P - E of the
 *                                     signed-rank test, k lines, values
 *                                     (hex floats) strictly increasing
 */
#ifndef SERVQUAL_STATE_H
#define SERVQUAL_STATE_H

#include <stdint.h>
#include <stdio.h>

#include "servqual/error.h"
#include "servqual/gap.h"
#include "servqual/instrument.h"

#define SQ_STATE_VERSION 2
#define SQ_STATE_MAXTOK 4096		/* fields on one line */
#define SQ_STATE_NMAX 70368744177664.0	/* 2^46: counts of respondents */

/* Fingerprint of what an analysis depends on in an instrument. */
uint64_t sq_instrument_fingerprint(const sq_instrument *ins);

/* The head shared by every state: what must agree to merge. */
typedef struct sq_state_head {
	char tool[32];
	char version[32];
	uint64_t fingerprint;
	char options[4096];	/* "option name value\n" lines, in order */
	unsigned long long rows, invalid;
} sq_state_head;

/* Write the head (up to "invalid") to fp. */
void sq_state_write_head(FILE *fp, const sq_state_head *h);

/* " <hex bytes of s>", or " -" for an empty s (any bytes, one token). */
void sq_state_put_hex(FILE *fp, const char *s);

/* " <v>" in decimal. */
void sq_state_put_i128(FILE *fp, __int128 v);

/*
 * Reading: a cursor over one stream of states. Each line is split at
 * blanks into tok[0..ntok). Every function returns SQ_OK or an error set
 * in err naming the stream and line ("not a valid servqual state: ...").
 */
typedef struct sq_state_rd {
	FILE *fp;
	const char *name;	/* for messages */
	unsigned long line;	/* lines read so far */
	char *buf;
	char **tok;
	size_t ntok;
	sq_error *err;
} sq_state_rd;

/* Start reading fp after line lines already read; SQ_ENOMEM. */
int sq_state_rd_init(sq_state_rd *r, FILE *fp, const char *name,
    unsigned long line, sq_error *err);
void sq_state_rd_free(sq_state_rd *r);

/* The error "not a valid servqual state: what" at the current line. */
int sq_state_bad(sq_state_rd *r, const char *what);

/* The next line, split into fields (an empty line is an error). */
int sq_state_next(sq_state_rd *r);

/* The next line must be key followed by want fields (want < 0: any). */
int sq_state_expect(sq_state_rd *r, const char *key, int want);

/* Field parsers: 0 when s is one, -1 when not (the caller says what). */
int sq_state_u64(const char *s, unsigned long long max,
    unsigned long long *v);
int sq_state_i128(const char *s, __int128 *v);	/* |v| <= 2^120 */
int sq_state_dbl(const char *s, double *v);	/* any strtod number */
/* A whole count 0 <= v < SQ_STATE_NMAX written as a double. */
int sq_state_count(const char *s, double *v);
/* sq_state_put_hex's token back into a new string (free it). */
int sq_state_unhex(const char *s, char **out);

/*
 * Segmented bodies (sq-gap, sq-zone, sq-drivers): "groups <g>", then the
 * whole sample's group, "group all", and one "group seg <hex>" a segment,
 * each line followed by the tool's lines of that group's accumulator.
 */

/* Write group g's accumulator: g 0 the whole sample, g > 0 segment g-1. */
typedef int sq_state_put_fn(FILE *fp, const void *ctx, size_t g);

/* The groups of the whole sample and segments seg[0..nseg); put's code. */
int sq_state_write_groups(FILE *fp, char *const *seg, size_t nseg,
    sq_state_put_fn *put, const void *ctx);

/*
 * How a tool reads its groups: group() folds the lines of the group of
 * segment val (NULL: the whole sample) into gs->set, a set for gs->ins
 * (arg: anything else it needs); its SQ_ELIMIT (the segment is one too
 * many) is reported as "too many segments".
 */
typedef struct sq_state_groups {
	unsigned long long max;	/* most groups, 1 + the segments */
	int segmented;		/* segments kept: else only "all" */
	int (*group)(sq_state_rd *r, const struct sq_state_groups *gs,
	    const char *val);
	void *set;
	const sq_instrument *ins;
	const void *arg;
} sq_state_groups;

/*
 * Read "groups <g>" (1 <= g <= max; more than one only when segmented)
 * and each group's line and lines.
 */
int sq_state_read_segments(sq_state_rd *r, const sq_state_groups *gs);

/*
 * Read the head of the next state into h (r positioned before its first
 * line). A state of another version is refused.
 */
int sq_state_read_head_rd(sq_state_rd *r, sq_state_head *h);

/* Read only the head of a state from fp (tool, version, options...). */
int sq_state_read_head(FILE *fp, const char *name, sq_state_head *h,
    sq_error *err);

/* sq-gap's body (see above) of set s, not yet finished. */
int sq_gap_state_write_body(FILE *fp, const sq_gapset *s);

/* Fold the body of one sq-gap state into s (a set for ins). */
int sq_gap_state_read_body(sq_state_rd *r, sq_gapset *s,
    const sq_instrument *ins);

/* Write a whole sq-gap state: head, body, end. */
int sq_gap_state_write(FILE *fp, const sq_gapset *s, const sq_instrument *ins,
    const sq_state_head *h);

/*
 * Read one sq-gap state from fp (name for messages), up to its "end"
 * line, and fold it into s, which must be a set for ins (with segments if
 * the state has them). *line is the count of lines already read from fp
 * (several states may follow one another in one stream) and is advanced.
 * h receives the state's header. Malformed input: SQ_EPARSE and the line.
 */
int sq_gap_state_read(FILE *fp, const char *name, sq_gapset *s,
    const sq_instrument *ins, sq_state_head *h, unsigned long *line,
    sq_error *err);

#endif
