/* A respondent's answers of one block, as the analyses of items take them. */
#include <stddef.h>

#include "servqual/survey.h"

void
sq_response_block(const sq_response *r, size_t nitems, int block,
    double *x)
{
	size_t i;

	for (i = 0; i < nitems; i++)
		x[i] = block == SQ_BLOCK_E ? r->e[i] : block == SQ_BLOCK_P ?
		    r->p[i] : r->p[i] - r->e[i];
}
