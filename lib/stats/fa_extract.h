/*
 * The extraction criteria of factor analysis (internal to lib/fa*.c and
 * factor.c; see factor.c for the method): loadings for given
 * uniquenesses, psych's minres and ml criteria with their gradients, the
 * spectral projected gradient that minimises them and psych's principal
 * axis iteration. Functions return SQ_OK, SQ_ENOMEM or SQ_ENUMERIC.
 */
#ifndef SERVQUAL_FA_EXTRACT_H
#define SERVQUAL_FA_EXTRACT_H

#include <stddef.h>

/* Workspace shared by the extraction criteria. */
struct fit {
	const double *R;
	size_t p, k;
	double *S;		/* p x p scratch */
	double *val, *vec;	/* eigen-decomposition */
	double *L;		/* p x k loadings */
};

/* A criterion: F at psi into *fv and its gradient into g. */
typedef int (*fg_fn)(struct fit *, const double *, double *, double *);

/* Principal-axis style loadings of R - diag(psi) into f->L. */
int fa_uls_loadings(struct fit *f, const double *psi);
/* psych's minres criterion (unweighted least squares) in psi. */
int fa_minres_fg(struct fit *f, const double *psi, double *fv, double *g);
/* ML loadings for psi as psych's FAout into f->L. */
int fa_ml_loadings(struct fit *f, const double *psi);
/* psych's FAfn and FAgr: the ML discrepancy in psi and its gradient. */
int fa_ml_fg(struct fit *f, const double *psi, double *fv, double *g);
/* Minimise fg over the box [lo, hi]^p from x (spectral projected
   gradient) to a projected gradient below tol. */
int fa_spg(fg_fn fg, struct fit *f, double *x, double lo, double hi,
    double tol, size_t maxit, double *fx, size_t *iters, int *converged);
/* psych's fa(fm = "pa"): communalities from smc to a fixed point. */
int fa_fit_pa(struct fit *f, double tol, size_t maxit, const double *smc,
    size_t *iters, int *converged);

#endif
