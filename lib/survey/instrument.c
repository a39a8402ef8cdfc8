/*
 * The instrument: dimensions, items, scale and what a codebook adds to
 * them; made empty, filled, looked up and freed here. The built-in
 * SERVQUAL is in instrument_builtin.c, codebooks in instrument_codebook.c
 * (see instrument_int.h for the map).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/instrument.h"
#include "instrument_int.h"

sq_instrument *
sqi_alloc(void)
{
	sq_instrument *ins = calloc(1, sizeof(*ins));

	if (ins != NULL) {
		ins->min = 1;
		ins->max = 7;
		/* the overall rating: on the items' scale (NaN) until an
		 * overall row gives it its own */
		ins->omin = NAN;
		ins->omax = NAN;
	}
	return ins;
}

void
sqi_clear_dims_items(sq_instrument *ins)
{
	size_t i;

	for (i = 0; i < ins->ndims; i++) {
		free(ins->dims[i].name[0]);
		free(ins->dims[i].name[1]);
	}
	for (i = 0; i < ins->nitems; i++) {
		free(ins->items[i].wording[0]);
		free(ins->items[i].wording[1]);
	}
	ins->ndims = 0;
	ins->nitems = 0;
}

int
sq_instrument_add_dim(sq_instrument *ins, const char *code, const char *en,
    const char *es)
{
	sq_dimension *dm;

	if (code == NULL || code[0] == '\0' || strlen(code) >= SQ_CODE_LEN ||
	    sq_instrument_dim(ins, code) >= 0 || ins->ndims == SQ_MAX_DIMS)
		return SQ_EUSAGE;
	if (en == NULL)
		en = "";
	if (es == NULL || es[0] == '\0')
		es = en;
	dm = &ins->dims[ins->ndims];
	memset(dm, 0, sizeof(*dm));
	snprintf(dm->code, SQ_CODE_LEN, "%s", code);
	if ((dm->name[0] = strdup(en)) == NULL ||
	    (dm->name[1] = strdup(es)) == NULL) {
		free(dm->name[0]);
		return SQ_ENOMEM;
	}
	ins->ndims++;
	return SQ_OK;
}

int
sq_instrument_add_item(sq_instrument *ins, int number, int dim,
    const char *en, const char *es)
{
	sq_item *it;

	if (dim < 0 || (size_t)dim >= ins->ndims ||
	    sq_instrument_item(ins, number) >= 0 ||
	    ins->nitems == SQ_MAX_ITEMS)
		return SQ_EUSAGE;
	if (ins->nitems == ins->itemcap) {
		size_t cap = ins->itemcap ? 2 * ins->itemcap : 32;
		sq_item *ni = realloc(ins->items, cap * sizeof(*ni));

		if (ni == NULL)
			return SQ_ENOMEM;
		ins->items = ni;
		ins->itemcap = cap;
	}
	if (en == NULL)
		en = "";
	if (es == NULL || es[0] == '\0')
		es = en;
	it = &ins->items[ins->nitems];
	memset(it, 0, sizeof(*it));
	it->number = number;
	it->dim = dim;
	if ((it->wording[0] = strdup(en)) == NULL ||
	    (it->wording[1] = strdup(es)) == NULL) {
		free(it->wording[0]);
		return SQ_ENOMEM;
	}
	ins->nitems++;
	return SQ_OK;
}

int
sq_instrument_new(const char *name, double min, double max,
    sq_instrument **out)
{
	sq_instrument *ins;

	*out = NULL;
	if ((ins = sqi_alloc()) == NULL)
		return SQ_ENOMEM;
	ins->min = min;
	ins->max = max;
	if ((ins->name = strdup(name ? name : "")) == NULL) {
		free(ins);
		return SQ_ENOMEM;
	}
	*out = ins;
	return SQ_OK;
}

void
sq_instrument_free(sq_instrument *ins)
{
	size_t i;

	if (ins == NULL)
		return;
	sqi_clear_dims_items(ins);
	free(ins->name);
	for (i = 0; i < ins->nmissing; i++)
		free(ins->missing[i]);
	free(ins->missing);
	for (i = 0; i < ins->nlabels; i++) {
		free(ins->labels[i].text);
		free(ins->labels[i].shown);
	}
	free(ins->labels);
	for (i = 0; i < ins->ncols; i++)
		free(ins->cols[i].name);
	free(ins->cols);
	free(ins->recodes);
	free(ins->items);
	free(ins->codebook);
	free(ins->label_slot);
	free(ins);
}

int
sq_instrument_dim(const sq_instrument *ins, const char *code)
{
	size_t d;

	for (d = 0; d < ins->ndims; d++)
		if (strcasecmp(ins->dims[d].code, code) == 0)
			return (int)d;
	return -1;
}

int
sq_instrument_item(const sq_instrument *ins, int number)
{
	size_t i;

	for (i = 0; i < ins->nitems; i++)
		if (ins->items[i].number == number)
			return (int)i;
	return -1;
}

size_t
sq_instrument_dim_items(const sq_instrument *ins, int d)
{
	size_t i, k = 0;

	for (i = 0; i < ins->nitems; i++)
		if (ins->items[i].dim == d)
			k++;
	return k;
}

int
sq_lang_parse(const char *s)
{
	if (strcasecmp(s, "en") == 0)
		return SQ_LANG_EN;
	if (strcasecmp(s, "es") == 0)
		return SQ_LANG_ES;
	return -1;
}
