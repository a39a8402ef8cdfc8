/*
 * The figures sq-drivers' outputs write, as keys and values in the
 * order the table and the JSON both give them (man/sq-drivers.1), so
 * that a key is named, and its value found, in one place.
 */
#include <math.h>

#include "drivers_int.h"

const char *const sq_drv_fit_keys[DRV_NFIT] = {
	"n", "r2", "adj_r2", "f", "df1", "df2", "p"
};

void
sq_drv_fit_values(const sq_drvmodel *m, double *v)
{
	v[0] = m->n;
	v[1] = m->r2;
	v[2] = m->adj_r2;
	v[3] = m->f;
	v[4] = m->df1;
	v[5] = m->df2;
	v[6] = m->p;
}

const char *const sq_drv_coef_keys[DRV_NCOEF] = {
	"estimate", "se", "t", "p", "beta", "vif"
};

void
sq_drv_coef_values(const sq_drvmodel *m, size_t i, double *v)
{
	v[0] = m->est[i];
	v[1] = m->se[i];
	v[2] = m->t[i];
	v[3] = m->pv[i];
	/* the intercept has neither */
	v[4] = i == 0 ? NAN : m->beta[i];
	v[5] = i == 0 ? NAN : m->vif[i];
}

const char *const sq_drv_lmg_keys[DRV_NLMG] = { "lmg", "share" };

void
sq_drv_lmg_values(const sq_drvmodel *m, size_t d, double *v)
{
	v[0] = m->lmg[d];
	v[1] = m->share[d];
}

const char *const sq_drv_imp_keys[DRV_NIMP] = {
	"stated", "derived", "rank_stated", "rank_derived"
};

void
sq_drv_imp_values(const sq_drvresult *r, size_t d, double *v)
{
	v[0] = r->stated[d];
	v[1] = r->derived[d];
	v[2] = r->rank_stated[d];
	v[3] = r->rank_derived[d];
}

const char *const sq_drv_target_keys[DRV_NTARGET] = {
	"target", "n", "mean", "ci_low", "ci_high", "t", "p"
};

void
sq_drv_target_values(const sq_drvtarget *g, double *v)
{
	v[0] = g->target;
	v[1] = g->n;
	v[2] = g->mean;
	v[3] = g->ci_low;
	v[4] = g->ci_high;
	v[5] = g->t;
	v[6] = g->p;
}

const char *
sq_drv_term_name(const sq_instrument *ins, size_t i)
{
	return i == 0 ? "intercept" : ins->dims[i - 1].code;
}

const char *
sq_drv_seg_name(const sq_drvresult *r, long seg)
{
	return seg < 0 ? "all" : r->seg[seg];
}

const char *
sq_drv_source_name(int source)
{
	return source == SQ_IMP_STATED ? "stated" : "derived";
}
