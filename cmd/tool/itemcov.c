/* The items' covariance read at scale, for sq-factor and sq-cfa. */
#include <math.h>
#include <stdlib.h>

#include "servqual/covstate.h"
#include "servqual/survey.h"
#include "itemcov.h"

/* The accumulator of one byte range (or of the whole input). */
struct acc {
	const tool_itemcov *how;
	sq_covacc *cov;
	double *x;		/* one row's block: nitems scratch */
};

static void
acc_drop(void *a)
{
	struct acc *ac = a;

	if (ac == NULL)
		return;
	sq_covacc_free(ac->cov);
	free(ac->x);
	free(ac);
}

static void *
acc_make(void *how, const sq_instrument *ins)
{
	struct acc *ac = calloc(1, sizeof(*ac));

	if (ac == NULL)
		return NULL;
	ac->how = how;
	if ((ac->x = malloc(ins->nitems * sizeof(double))) == NULL ||
	    sq_covacc_new(ins->nitems, ac->how->pairwise, &ac->cov) != SQ_OK) {
		acc_drop(ac);
		return NULL;
	}
	return ac;
}

static int
acc_add(void *a, const sq_instrument *ins, const sq_response *r,
    sq_error *err)
{
	struct acc *ac = a;
	int block = ac->how->block;

	if (ac->how->need_e && r->form != SQ_FORM_SERVQUAL &&
	    block != SQ_BLOCK_P)
		return sq_error_set(err, SQ_EUSAGE, NULL, r->line, 0, NULL,
		    "--block %c: the export has no E columns (%s); use "
		    "--block P", "EPG"[block], sq_form_label(r->form,
		    SQ_LANG_EN));
	sq_response_block(r, ins->nitems, block, ac->x);
	sq_covacc_add(ac->cov, ac->x);
	return SQ_OK;
}

static int
acc_fold(void *dst, void *src, const sq_instrument *ins, sq_error *err)
{
	struct acc *d = dst, *s = src;

	(void)ins;
	(void)err;
	return sq_covacc_merge(d->cov, s->cov);
}

static int
acc_write(FILE *fp, const void *a)
{
	const struct acc *ac = a;

	return sq_covacc_state_write(fp, ac->cov);
}

static int
acc_read(sq_state_rd *r, const sq_instrument *ins, void *a)
{
	struct acc *ac = a;

	(void)ins;
	return sq_covacc_state_read(r, ac->cov);
}

static const tool_acc ops = { acc_make, acc_add, acc_fold, acc_drop,
    acc_write, acc_read };

sq_covacc *
tool_itemcov_read(tool *t, const tool_itemcov *how, const sq_instrument *ins,
    tool_input *in, int *rc)
{
	double m = how->block == SQ_BLOCK_G ? ins->max - ins->min :
	    fmax(fabs(ins->min), fabs(ins->max));
	struct acc *ac;
	sq_covacc *cov;

	/* running moments beyond exact sums: their last bits depend on
	   the order, so one stream */
	if (!(m <= SQ_COVACC_EXACT_MAX))
		t->scale.jobs = 1;
	if ((ac = tool_read(t, &ops, (void *)how, ins, in, rc)) == NULL)
		return NULL;
	cov = ac->cov;
	ac->cov = NULL;
	acc_drop(ac);
	return cov;
}
