/*
 * Questionnaire forms (SERVQUAL, SERVPERF, three-column) and the
 * codebook's recodes of answer values.
 */
#include <math.h>

#include "servqual/instrument.h"
#include "servqual/reliability.h"

const char *
sq_form_name(int form)
{
	switch (form) {
	case SQ_FORM_SERVPERF:
		return "servperf";
	case SQ_FORM_ZONE:
		return "zone";
	default:
		return "servqual";
	}
}

const char *
sq_form_label(int form, int lang)
{
	static const char *const label[3][2] = {
		{ "SERVQUAL (expectations and perceptions)",
		  "SERVQUAL (expectativas y percepciones)" },
		{ "SERVPERF (perceptions only)",
		  "SERVPERF (solo percepciones)" },
		{ "three-column (adequate, desired, perceived)",
		  "tres columnas (adecuado, deseado, percibido)" },
	};

	if (form < 0 || form > 2)
		form = 0;
	return label[form][lang == SQ_LANG_ES];
}

int
sq_instrument_recode(const sq_instrument *ins, double *x)
{
	size_t i;

	for (i = 0; i < ins->nrecodes; i++)
		if (ins->recodes[i].from == *x) {
			*x = ins->recodes[i].to;
			return 1;
		}
	return 0;
}

size_t
sq_rel_keep_block(sq_relrow *rows, size_t n, int block)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (rows[i].block == block)
			rows[k++] = rows[i];
	return k;
}
