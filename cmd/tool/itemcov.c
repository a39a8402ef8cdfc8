/* The items' covariance read at scale, for sq-factor and sq-cfa. */
#include <math.h>
#include <stdlib.h>

#include "servqual/covstate.h"
#include "servqual/survey.h"
#include "itemcov.h"

/* The accumulator of one byte range (or of the whole input). */
struct part {
	const tool_itemcov *how;
	sq_covacc *cov;
	double *x;		/* one row's block: nitems scratch */
};

static void
part_free(void *a)
{
	struct part *p = a;

	if (p == NULL)
		return;
	sq_covacc_free(p->cov);
	free(p->x);
	free(p);
}

static void *
part_new(void *how, const sq_instrument *ins)
{
	struct part *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->how = how;
	if ((p->x = malloc(ins->nitems * sizeof(double))) == NULL ||
	    sq_covacc_new(ins->nitems, p->how->pairwise, &p->cov) != SQ_OK) {
		part_free(p);
		return NULL;
	}
	return p;
}

static int
part_add(void *a, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	struct part *p = a;
	int block = p->how->block;

	if (p->how->need_e && r->form != SQ_FORM_SERVQUAL &&
	    block != SQ_BLOCK_P)
		return sq_error_set(err, SQ_EUSAGE, NULL, r->line, 0, NULL,
		    "--block %c: the export has no E columns (%s); use "
		    "--block P", "EPG"[block], sq_form_label(r->form,
		    SQ_LANG_EN));
	sq_response_block(r, ins->nitems, block, p->x);
	sq_covacc_add(p->cov, p->x);
	return SQ_OK;
}

static int
part_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	struct part *d = dst, *s = src;

	(void)ins;
	(void)err;
	return sq_covacc_merge(d->cov, s->cov);
}

static int
part_write(FILE *fp, const void *a)
{
	const struct part *p = a;

	return sq_covacc_state_write(fp, p->cov);
}

static int
part_read(sq_state_rd *r, const sq_instrument *ins, void *a)
{
	struct part *p = a;

	(void)ins;
	return sq_covacc_state_read(r, p->cov);
}

static const tool_acc ops = { part_new, part_add, part_fold, part_free,
    part_write, part_read };

sq_covacc *
tool_itemcov_read(tool *t, const tool_itemcov *how, const sq_instrument *ins,
    tool_input *in, int *rc)
{
	double m = how->block == SQ_BLOCK_G ? ins->max - ins->min :
	    fmax(fabs(ins->min), fabs(ins->max));
	struct part *p;
	sq_covacc *cov;

	/* running moments beyond exact sums: their last bits depend on
	   the order, so one stream */
	if (!(m <= SQ_COVACC_EXACT_MAX))
		t->scale.jobs = 1;
	if ((p = tool_read(t, &ops, (void *)how, ins, in, rc)) == NULL)
		return NULL;
	cov = p->cov;
	p->cov = NULL;
	part_free(p);
	return cov;
}
