/*
 * The figures sq-drivers' outputs write, as keys and values in the
 * order the table and the JSON both give them (man/sq-drivers.1), so
 * that a key is named, and its value found, in one place.
 */
#include <math.h>
#include <string.h>

#include "drivers_int.h"

const char *const sq_drv_fit_keys[DRV_NFIT] = {
	"n", "r2", "adj_r2", "f", "df1", "df2", "p"
};

void
sq_drv_fit_values(const sq_drvmodel *m, double *v)
{
	const double x[DRV_NFIT] = { m->n, m->r2, m->adj_r2, m->f, m->df1,
	    m->df2, m->p };

	memcpy(v, x, sizeof(x));
}

const char *const sq_drv_coef_keys[DRV_NCOEF] = {
	"estimate", "se", "t", "p", "beta", "vif"
};

void
sq_drv_coef_values(const sq_drvmodel *m, size_t i, double *v)
{
	/* the intercept has no beta and no vif */
	const double x[DRV_NCOEF] = { m->est[i], m->se[i], m->t[i],
	    m->pv[i], i == 0 ? NAN : m->beta[i], i == 0 ? NAN : m->vif[i] };

	memcpy(v, x, sizeof(x));
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
	const double x[DRV_NIMP] = { r->stated[d], r->derived[d],
	    r->rank_stated[d], r->rank_derived[d] };

	memcpy(v, x, sizeof(x));
}

const char *const sq_drv_target_keys[DRV_NTARGET] = {
	"target", "n", "mean", "ci_low", "ci_high", "t", "p"
};

void
sq_drv_target_values(const sq_drvtarget *g, double *v)
{
	const double x[DRV_NTARGET] = { g->target, g->n, g->mean, g->ci_low,
	    g->ci_high, g->t, g->p };

	memcpy(v, x, sizeof(x));
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
