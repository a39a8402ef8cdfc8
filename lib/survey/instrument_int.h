/*
 * Internal to lib/instrument*.c: the codebook being read and what the
 * instrument files share. Calls go one way:
 *
 *   instrument_codebook.c  a codebook file, row by row, then checked whole
 *   instrument_answers.c   label and recode rows and their hash indexes
 *   instrument_cell.c      one cell of a row: numbers, scale ends, roles;
 *                          the error that names it
 *   instrument_builtin.c   the built-in 22-item SERVQUAL
 *   instrument.c           the instrument itself: new, add, free, look up
 *
 * (sq_fold, which codebooks and exports both use, is in fold.c.)
 */
#ifndef SERVQUAL_INSTRUMENT_INT_H
#define SERVQUAL_INSTRUMENT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "servqual/hash.h"
#include "servqual/instrument.h"
#include "servqual/reader.h"

/* A codebook being read. */
struct cb {
	sq_instrument *ins;
	const char *name;
	int have_items;		/* item or dimension rows seen */
	int have_scale;
	int have_overall;	/* an overall row gave the rating's scale */
	size_t reverse_cap, missing_cap, label_cap;
	int *reverse;		/* item numbers to reverse, resolved later */
	unsigned long *reverse_line;
	size_t nreverse;
	unsigned long *col_line; /* line of each column row */
	char **col_target;	/* unresolved targets */
	size_t col_cap;
	size_t recode_cap;	/* room in ins->recodes */
	unsigned long *recode_line; /* line of each recode row */
	size_t recode_line_cap;
	uint32_t *recode_slot;	/* 1 + index of a recode, 0: empty */
	size_t recode_slots;	/* a power of two (or 0) */
	sq_hash_key recode_key;
};

/* instrument.c */

/* An empty instrument on the 1..7 scale, or NULL. */
sq_instrument *sqi_alloc(void);

/* Release the strings of the dimensions and items and forget them all. */
void sqi_clear_dims_items(sq_instrument *ins);

/* instrument_builtin.c */

/* Make ins the built-in SERVQUAL-22 (its dimensions, items and name). */
int sqi_set_builtin(sq_instrument *ins);

/* instrument_cell.c */

/*
 * A codebook error at line and column (0: none), fmt translated. The
 * name is the one `make pot` looks for (-kcb_err:5).
 */
int cb_err(struct cb *c, sq_error *err, unsigned long line, size_t col,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* A whole number in 1..1000000; 0, or -1 if s is not one. */
int sqi_parse_int(const char *s, int *v);

/* A finite number; 0, or -1 if s is not one. */
int sqi_parse_num(const char *s, double *v);

/* Room for one more element of size bytes in *arr (n used, *cap held). */
int sqi_grow(void *arr, size_t *cap, size_t n, size_t size);

/* "#k" with k a column number in 1..SQ_MAX_COLUMN_NUMBER, digits only. */
int sqi_col_number_ok(const char *h);

/* MIN and MAX of a scale row (what names it in messages). */
int sqi_scale_ends(struct cb *c, const sq_row *row, char **f, double *lo,
    double *hi, const char *what, sq_error *err);

/* The roles of the three-column form, by letter or name; or none. */
int sqi_zone_role(const char *role);

/* instrument_answers.c */

/* label,TEXT,VALUE: the answer text TEXT reads as VALUE. */
int sqi_label_row(struct cb *c, const sq_row *row, size_t nf,
    sq_error *err);

/* recode,VALUE,NEW: NEW a number or NA/missing/empty (missing). */
int sqi_recode_row(struct cb *c, const sq_row *row, size_t nf,
    sq_error *err);

#endif
