/*
 * servqual instrument: items, dimensions, scale, reverse keying, missing
 * codes, text labels and column names, either the built-in 22-item
 * SERVQUAL or read from a codebook file (see man/servqual-codebook.5).
 */
#ifndef SERVQUAL_INSTRUMENT_H
#define SERVQUAL_INSTRUMENT_H

#include <stdint.h>
#include <stdio.h>

#include "servqual/error.h"
#include "servqual/hash.h"

#define SQ_MAX_DIMS	32
#define SQ_MAX_ITEMS	512
#define SQ_CODE_LEN	16
/*
 * Display-buffer sizes older code used for labels; names and wordings
 * themselves have no length limit (see sq_dimension, sq_item).
 */
#define SQ_NAME_LEN	96
#define SQ_WORDING_LEN	160
/* Scale ends are whole numbers within -SQ_SCALE_LIMIT..SQ_SCALE_LIMIT. */
#define SQ_SCALE_LIMIT	1000000
/* Codebook column rows name columns #1..SQ_MAX_COLUMN_NUMBER at most. */
#define SQ_MAX_COLUMN_NUMBER	1000000

enum sq_lang { SQ_LANG_EN = 0, SQ_LANG_ES = 1 };

/* The answers a score is taken from: expectations, perceptions, P - E. */
enum sq_block { SQ_BLOCK_E = 0, SQ_BLOCK_P, SQ_BLOCK_G };

/* What a column holds. */
enum sq_role {
	SQ_ROLE_NONE = 0,
	SQ_ROLE_E,		/* expectation of item `target` */
	SQ_ROLE_P,		/* perception of item `target` */
	SQ_ROLE_W,		/* importance weight of dimension `target` */
	SQ_ROLE_OVERALL,	/* overall rating */
	SQ_ROLE_SEGMENT,	/* a grouping column */
	SQ_ROLE_ID,		/* respondent id */
	SQ_ROLE_A,		/* adequate (minimum) level of item `target` */
	SQ_ROLE_D		/* desired level of item `target` */
};

/*
 * The questionnaire's form, from the blocks an export has: SERVQUAL
 * (E and P), SERVPERF (P only), the three-column zone form (A, D, P).
 */
enum sq_form { SQ_FORM_SERVQUAL = 0, SQ_FORM_SERVPERF, SQ_FORM_ZONE };

/*
 * Names and wordings are UTF-8 strings of any length, owned by the
 * instrument: for every dimension d < ndims and item i < nitems they are
 * never NULL ("" when the codebook gives none).
 */
typedef struct sq_dimension {
	char code[SQ_CODE_LEN];		/* TAN, REL, ... */
	char *name[2];			/* by enum sq_lang */
} sq_dimension;

typedef struct sq_item {
	int number;			/* as printed: 1..22 */
	int dim;			/* index into dims */
	int reverse;			/* reverse-keyed: x -> min + max - x */
	char *wording[2];		/* short wording by language */
} sq_item;

/* A codebook "column" row: header name -> role and target. */
typedef struct sq_colmap {
	char *name;
	int role;			/* enum sq_role */
	int target;			/* item index or dimension index */
	unsigned long line;		/* of the codebook row (0: built in) */
} sq_colmap;

/* A codebook "label" row: answer text -> value. */
typedef struct sq_label {
	char *text;			/* folded: see sq_fold() */
	double value;
	char *shown;			/* as the codebook writes it */
} sq_label;

/* A codebook "recode" row: an answer value -> value, NAN = missing. */
typedef struct sq_recode {
	double from, to;
} sq_recode;

typedef struct sq_instrument {
	char *name;			/* "SERVQUAL-22" or the codebook's */
	size_t ndims;
	sq_dimension dims[SQ_MAX_DIMS];
	size_t nitems;
	sq_item *items;			/* in instrument order */
	size_t itemcap;			/* room in items */
	double min, max;		/* answer scale, inclusive */
	char **missing;			/* extra missing codes (folded) */
	size_t nmissing;
	sq_label *labels;
	size_t nlabels;
	sq_colmap *cols;		/* explicit column names, may be 0 */
	size_t ncols;
	sq_recode *recodes;		/* answer values recoded, may be 0 */
	size_t nrecodes;
	double omin, omax;		/* overall rating's scale, inclusive;
					   NaN unless declared: then the
					   items' scale, whole numbers */
	char *codebook;			/* file name for messages, or NULL */
	uint32_t *label_slot;		/* hash index of labels: index + 1 */
	size_t label_cap;		/* slots, a power of two (or 0) */
	sq_hash_key label_key;
} sq_instrument;

/* The built-in 22-item SERVQUAL on a 1..7 scale. */
int sq_instrument_servqual(sq_instrument **out);

/*
 * An instrument with no dimensions or items on the scale min..max, named
 * name, to be filled with sq_instrument_add_dim() and _add_item().
 */
int sq_instrument_new(const char *name, double min, double max,
    sq_instrument **out);

/*
 * Append a dimension (code 1-15 bytes; es may be NULL or "" for en).
 * SQ_EUSAGE on a bad or repeated code or more than SQ_MAX_DIMS.
 */
int sq_instrument_add_dim(sq_instrument *ins, const char *code,
    const char *en, const char *es);

/*
 * Append item number of dimension index dim with its wordings (NULL or
 * "" for none; es falls back to en). SQ_EUSAGE on a repeated number, a
 * bad dimension or more than SQ_MAX_ITEMS.
 */
int sq_instrument_add_item(sq_instrument *ins, int number, int dim,
    const char *en, const char *es);

/* Read a codebook; name is used in messages. */
int sq_instrument_read(FILE *fp, const char *name, sq_instrument **out,
    sq_error *err);

/* Release an instrument. */
void sq_instrument_free(sq_instrument *ins);

/* Index of the dimension with this code (case-insensitive), or -1. */
int sq_instrument_dim(const sq_instrument *ins, const char *code);

/* Index of the item with this number, or -1. */
int sq_instrument_item(const sq_instrument *ins, int number);

/* Index of the label whose folded text is folded, or -1. */
int sq_instrument_label(const sq_instrument *ins, const char *folded);

/* Number of items of dimension d. */
size_t sq_instrument_dim_items(const sq_instrument *ins, int d);

/* The form's name for machines: "servqual", "servperf" or "zone". */
const char *sq_form_name(int form);

/* The form for readers in lang: "SERVPERF (perceptions only)", ... */
const char *sq_form_label(int form, int lang);

/* Recode answer x by the codebook: 1 if a recode row applied. */
int sq_instrument_recode(const sq_instrument *ins, double *x);

/*
 * Fold s for matching labels and codes: trim, collapse inner blanks, lower
 * case, strip Latin accents (UTF-8). Writes at most len bytes to out.
 */
void sq_fold(const char *s, char *out, size_t len);

/* The built-in instrument, or the codebook at path when path is set. */
int sq_instrument_load(const char *path, sq_instrument **ins,
    sq_error *err);

/* Parse "en" or "es" into enum sq_lang; -1 if neither. */
int sq_lang_parse(const char *s);

#endif
