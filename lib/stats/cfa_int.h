/*
 * Model half of the maximum-likelihood CFA (cfa_model.c): the model
 * Sigma = Lambda Phi Lambda' + Theta with its parameters, the discrepancy
 * F, its gradient and Hessians, the scoring and Newton steps and start
 * values. Internal to lib/cfa*.c; sq_cfa_fit (cfa.c) drives them.
 */
#ifndef SERVQUAL_CFA_INT_H
#define SERVQUAL_CFA_INT_H

#include <stddef.h>

#include <gsl/gsl_matrix.h>

#define NONE		((size_t)-1)

struct model {
	size_t p, m, q;
	const int *dim;
	int std_lv;
	size_t *lidx;		/* p: parameter of item i's loading, or NONE */
	size_t *pidx;		/* m*m: parameter of phi[a][b], or NONE */
	size_t tidx;		/* first residual variance */
	const double *S;
	double logdet_s;
	/* workspace */
	double *lam, *th, *phi;
	gsl_matrix *sig, *inv, *t, *w;
	gsl_matrix *x, *y, *mx, *my, *a, *b, *c, *d, *h;
	double *g, *g2, *step, *trial;
};

/* Free what md holds (not md). */
void cfa_model_free(struct model *md);
/* Parameter indices and workspace for p items on m dimensions. */
int cfa_model_init(struct model *md, const double *S, size_t p,
    const int *dim, size_t m, int std_lv);
/* F at par (Sigma, its inverse kept in md), or INFINITY if not PD. */
double cfa_objective(struct model *md, const double *par);
/* The gradient into g, for the par cfa_objective() last saw. */
void cfa_gradient(struct model *md, double *g);
/* The expected Hessian into md->h, at that same par. */
void cfa_expected_hessian(struct model *md);
/* Solve h step = -g (Cholesky); the decrement, or NAN if h is not PD. */
double cfa_solve(gsl_matrix *h, const double *g, double *step, size_t q);
/* Armijo step halving along md->step; the new F, or NAN. */
double cfa_line_search(struct model *md, double *par, double f,
    double dec);
/* Newton's Hessian of F into md->h by central differences. */
int cfa_newton_hessian(struct model *md, double *par);
/* Start values into par. */
int cfa_start(struct model *md, double *par, size_t p, size_t m);

#endif
