/*
 * servqual cfa: confirmatory factor analysis of an instrument's
 * dimensions by maximum likelihood, as lavaan's cfa() with its defaults:
 * each item loads on its own dimension only, the factors correlate, the
 * first loading of each factor is fixed to 1 (or, std_lv, every factor
 * variance to 1), and S is the listwise covariance divided by N. Works
 * on the p x p matrix S alone: memory O(p^2 + q^2) for q parameters,
 * whatever the number of respondents.
 *
 * Everything sq_cfa_fit returns is the caller's, released with
 * sq_cfa_free.
 */
#ifndef SERVQUAL_CFA_H
#define SERVQUAL_CFA_H

#include <stddef.h>

/* Discriminant validity of a pair of dimensions. */
enum sq_cfa_verdict {
	SQ_CFA_OK = 0,		/* HTMT <= 0.85 and Fornell-Larcker holds */
	SQ_CFA_DOUBTFUL,	/* 0.85 < HTMT <= 0.90, or AVE < r^2 */
	SQ_CFA_FAIL,		/* HTMT > 0.90: the two measure one thing */
	SQ_CFA_UNJUDGED		/* the fit did not converge: no verdict */
};

typedef struct sq_cfa {
	size_t p, m;		/* items, factors */
	size_t npar;		/* free parameters */
	double n;		/* respondents behind S */
	int std_lv;
	int converged;
	size_t iterations;	/* Fisher scoring and Newton steps */
	double decrement;	/* last Newton decrement g'H^-1 g */
	int implied_pd;		/* the implied covariance is positive
				   definite (always, when converged) */
	int phi_pd;		/* the factor covariance is */
	double fmin;		/* F_ML = log|Sigma| + tr(S Sigma^-1)
				   - log|S| - p */
	double chisq, df, pval;
	double base_chisq, base_df, base_pval;
	double cfi, tli, rmsea, rmsea_lo, rmsea_hi, srmr;
	double loglik, loglik_h1, aic, bic;
	const int *dim;		/* borrowed: p, the factor of each item */
	/* per item */
	double *lambda, *lambda_se, *lambda_z, *lambda_p, *lambda_std;
	int *fixed;		/* 1: the loading is fixed (se, z, p NaN) */
	double *theta, *theta_se, *theta_std;	/* residual variances */
	int *heywood;		/* theta < 0 */
	size_t nheywood;
	/* per factor, m x m row-major */
	double *phi, *phi_se;	/* factor (co)variances */
	double *phi_cor;	/* factor correlations */
	double *htmt;		/* NaN on the diagonal */
	int *verdict;		/* enum sq_cfa_verdict, off the diagonal */
	double *cr, *ave;	/* m */
	size_t *nitems;		/* m */
} sq_cfa;

/*
 * Fit the model to the covariance S (p x p, divided by n) of n
 * respondents; dim[i] in 0..m-1 is item i's factor, every factor with
 * at least 2 items. SQ_EUSAGE for a bad model, SQ_EDATA when S is not
 * positive definite, SQ_ENUMERIC when no start value gives a positive
 * definite implied matrix. Non-convergence and Heywood cases are
 * results, not errors.
 */
int sq_cfa_fit(const double *S, size_t p, double n, const int *dim,
    size_t m, int std_lv, sq_cfa **out);

/* Release a fit; NULL is a no-op. */
void sq_cfa_free(sq_cfa *c);

/*
 * HTMT (Henseler et al., 2015; arithmetic means of absolute item
 * correlations, as semTools::htmt) of every pair of the m groups of the
 * p x p correlation matrix R into h[m*m]; NaN on the diagonal.
 */
int sq_htmt(const double *R, size_t p, const int *dim, size_t m,
    double *h);

/* 1 if gate is one sq_cfa_gate_holds knows: cfi<X, tli<X, rmsea>X,
   srmr>X (also <= and >=), heywood, convergence, discriminant. */
int sq_cfa_gate_valid(const char *gate);

/* 1 if the valid gate holds for c; an undefined figure holds, and so
   does every gate on a fit that did not converge. */
int sq_cfa_gate_holds(const char *gate, const sq_cfa *c);

#endif
