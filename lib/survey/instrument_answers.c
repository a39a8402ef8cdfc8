/*
 * Answers as a codebook maps them: label rows (an answer's text read as
 * a value) and recode rows (a value read as another, or as missing), each
 * with the hash index that finds one in constant time, keyed as the hash
 * sets of every tool are (see hash.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "instrument_int.h"

int
sq_instrument_label(const sq_instrument *ins, const char *folded)
{
	size_t j, mask = ins->label_cap - 1;
	uint32_t v;

	if (ins->label_cap == 0)
		return -1;
	for (j = sq_hash_keyed(&ins->label_key, folded) & mask;
	    (v = ins->label_slot[j]) != 0; j = (j + 1) & mask)
		if (strcmp(ins->labels[v - 1].text, folded) == 0)
			return (int)v - 1;
	return -1;
}

/* Put 1 + i in the first free slot from hash h (cap a power of two). */
static void
slot_put(uint32_t *slot, size_t cap, uint64_t h, size_t i)
{
	size_t j;

	for (j = h & (cap - 1); slot[j] != 0; j = (j + 1) & (cap - 1))
		;
	slot[j] = (uint32_t)i + 1;
}

/*
 * Index entry i in *slot (*cap slots, keyed by key): the table doubles,
 * entries 0..i-1 put again by hash(ctx, k), when it would be over half
 * full.
 */
static int
index_add(uint32_t **slot, size_t *cap, sq_hash_key *key, size_t i,
    uint64_t (*hash)(const void *ctx, size_t k), const void *ctx)
{
	size_t k, nc = *cap;
	uint32_t *ns;

	if (2 * (i + 1) > nc) {
		nc = nc ? 2 * nc : 64;
		if (nc > ((size_t)1 << 31) ||
		    (ns = calloc(nc, sizeof(*ns))) == NULL)
			return SQ_ENOMEM;
		if (*cap == 0)
			sq_hash_key_init(key);
		for (k = 0; k < i; k++)
			slot_put(ns, nc, hash(ctx, k), k);
		free(*slot);
		*slot = ns;
		*cap = nc;
	}
	slot_put(*slot, *cap, hash(ctx, i), i);
	return SQ_OK;
}

/* The hash of label k's text. */
static uint64_t
label_hash(const void *ctx, size_t k)
{
	const sq_instrument *ins = ctx;

	return sq_hash_keyed(&ins->label_key, ins->labels[k].text);
}

/* label,TEXT,VALUE: the answer text TEXT reads as VALUE. */
int
sqi_label_row(struct cb *c, const sq_row *row, size_t nf, sq_error *err)
{
	sq_instrument *ins = c->ins;
	char **f = row->field;
	sq_label *nl;
	char t[256];
	double v;

	if (nf != 3)
		return cb_err(c, err, row->line, 1,
		    "a label row is: label,TEXT,VALUE");
	if (sqi_parse_num(f[2], &v) != 0)
		return cb_err(c, err, row->line, 3,
		    "label value \"%s\" is not a number", f[2]);
	sq_fold(f[1], t, sizeof(t));
	if (t[0] == '\0')
		return cb_err(c, err, row->line, 2,
		    "label text is empty");
	if (sq_instrument_label(ins, t) >= 0)
		return cb_err(c, err, row->line, 2, "label "
		    "\"%s\" is declared twice", f[1]);
	if (sqi_grow(&ins->labels, &c->label_cap, ins->nlabels,
	    sizeof(*ins->labels)) != SQ_OK)
		return SQ_ENOMEM;
	nl = ins->labels;
	nl[ins->nlabels].value = v;
	nl[ins->nlabels].shown = NULL;
	if ((nl[ins->nlabels].text = strdup(t)) == NULL)
		return SQ_ENOMEM;
	if ((nl[ins->nlabels].shown = strdup(f[1])) == NULL) {
		free(nl[ins->nlabels].text);
		return SQ_ENOMEM;
	}
	ins->nlabels++;
	if (index_add(&ins->label_slot, &ins->label_cap, &ins->label_key,
	    ins->nlabels - 1, label_hash, ins) != SQ_OK)
		return SQ_ENOMEM;
	return SQ_OK;
}

/*
 * The recodes seen, in a hash set keyed by the value (as the labels are):
 * each recode row was compared with every earlier one, quadratic.
 */
static uint64_t
recode_hash(const struct cb *c, double v)
{
	if (v == 0)
		v = 0;	/* -0 and 0 are the same value */
	return sq_siphash(&c->recode_key, &v, sizeof(v));
}

/* Index of the recode of value v, else (size_t)-1. */
static size_t
recode_find(const struct cb *c, double v)
{
	size_t j, mask = c->recode_slots - 1;
	uint32_t k;

	if (c->recode_slots == 0)
		return (size_t)-1;
	for (j = recode_hash(c, v) & mask; (k = c->recode_slot[j]) != 0;
	    j = (j + 1) & mask)
		if (c->ins->recodes[k - 1].from == v)
			return k - 1;
	return (size_t)-1;
}

/* The hash of recode k's value. */
static uint64_t
recode_hash_at(const void *ctx, size_t k)
{
	const struct cb *c = ctx;

	return recode_hash(c, c->ins->recodes[k].from);
}

/* recode,VALUE,NEW: NEW a number or NA/missing/empty (missing). */
int
sqi_recode_row(struct cb *c, const sq_row *row, size_t nf, sq_error *err)
{
	sq_instrument *ins = c->ins;
	char **f = row->field, to[32];
	sq_recode *nr;
	double from, x;
	size_t i;

	if (nf < 2 || nf > 3)
		return cb_err(c, err, row->line, 1,
		    "a recode row is: recode,VALUE,NEW (NEW a value or NA)");
	if (sqi_parse_num(f[1], &from) != 0)
		return cb_err(c, err, row->line, 2,
		    "recode value \"%s\" is not a number", f[1]);
	sq_fold(nf == 3 ? f[2] : "", to, sizeof(to));
	if (to[0] == '\0' || strcmp(to, "na") == 0 ||
	    strcmp(to, "missing") == 0)
		x = NAN;
	else if (sqi_parse_num(f[2], &x) != 0)
		return cb_err(c, err, row->line, 3, "recode target \"%s\" "
		    "is not a number or NA", f[2]);
	if ((i = recode_find(c, from)) != (size_t)-1)
		return cb_err(c, err, row->line, 2, "value \"%s\" is "
		    "recoded twice", f[1]);
	if (sqi_grow(&ins->recodes, &c->recode_cap, ins->nrecodes,
	    sizeof(*nr)) != SQ_OK)
		return SQ_ENOMEM;
	if (sqi_grow(&c->recode_line, &c->recode_line_cap, ins->nrecodes,
	    sizeof(*c->recode_line)) != SQ_OK)
		return SQ_ENOMEM;
	c->recode_line[ins->nrecodes] = row->line;
	nr = ins->recodes;
	nr[ins->nrecodes].from = from;
	nr[ins->nrecodes++].to = x;
	return index_add(&c->recode_slot, &c->recode_slots, &c->recode_key,
	    ins->nrecodes - 1, recode_hash_at, c);
}
