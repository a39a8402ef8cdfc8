/*
 * Gap rows of the other forms. SERVPERF has P alone: each P is paired
 * with the scale minimum lo, so that the gap accumulator's counts, item
 * sets and dimension rule serve unchanged (P - lo has P's spread), and
 * the rows are then made rows of P. The three-column form pairs P with D
 * (the measure of service superiority).
 */
#include <math.h>

#include "servqual/gap.h"

const char *
sq_gap_block_name(int block)
{
	return block == SQ_GAP_P ? "P" : block == SQ_GAP_MSS ? "MSS" : "G";
}

int
sq_gap_block_of(int form)
{
	return form == SQ_FORM_SERVPERF ? SQ_GAP_P : form == SQ_FORM_ZONE ?
	    SQ_GAP_MSS : SQ_GAP_G;
}

void
sq_gap_pair(const sq_response *r, size_t nitems, double lo, double *ref,
    sq_response *out)
{
	size_t i;

	*out = *r;
	for (i = 0; i < nitems; i++)
		ref[i] = r->form == SQ_FORM_ZONE ? r->d[i] : lo;
	out->e = ref;
}

void
sq_gaprow_perf(sq_gaprow *row, double lo)
{
	row->mean_e = row->gap = NAN;
	row->ci_low += lo;
	row->ci_high += lo;
	row->t = row->p = row->p_adj = row->d = NAN;
}

const char *
sq_gap_title(int form, int lang)
{
	static const char *const title[3][2] = {
		{ "SERVQUAL gaps (P \xe2\x88\x92 E)",
		  "Brechas SERVQUAL (P \xe2\x88\x92 E)" },
		{ "SERVPERF perceptions (P)",
		  "Percepciones SERVPERF (P)" },
		{ "Service superiority (P \xe2\x88\x92 D), three-column form",
		  "Superioridad del servicio (P \xe2\x88\x92 D), formulario de "
		  "tres columnas" },
	};

	return title[sq_gap_block_of(form)][lang == SQ_LANG_ES];
}
