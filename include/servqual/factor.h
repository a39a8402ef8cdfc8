/*
 * servqual factor: sampling adequacy (KMO), Bartlett's sphericity test,
 * eigenvalues, Horn's parallel analysis, exploratory factor analysis
 * (principal axis, minres, maximum likelihood) with rotation, and a
 * check of the factor structure against the instrument's dimensions.
 * Everything works on a p x p correlation matrix R (row-major) and the
 * number of respondents n, as psych's KMO, cortest.bartlett and fa do.
 */
#ifndef SERVQUAL_FACTOR_H
#define SERVQUAL_FACTOR_H

#include <stddef.h>

#include <stdio.h>

#include "servqual/covacc.h"
#include "servqual/error.h"
#include "servqual/instrument.h"
#include "servqual/rotation.h"
#include "servqual/table.h"

enum sq_extract { SQ_FA_PA = 0, SQ_FA_MINRES, SQ_FA_ML };

/* Lower bound on uniquenesses in minres and ml (psych: 0.005). */
#define SQ_FA_PSI_MIN	0.005

/* Parse "pa", "minres", "ml"; -1 if unknown. */
int sq_extract_parse(const char *s);

/* The name of an extraction method, as sq_extract_parse() reads it. */
const char *sq_extract_name(int fm);

/*
 * Squared multiple correlations 1 - 1/diag(R^+), clamped to [0, 1], as
 * psych::smc.
 */
int sq_smc(const double *R, size_t p, double *smc);

/*
 * Kaiser-Meyer-Olkin measure of sampling adequacy, overall into *msa and
 * per item into msai[p] (may be NULL), as psych::KMO.
 */
int sq_kmo(const double *R, size_t p, double *msa, double *msai);

/*
 * Bartlett's test of sphericity as psych::cortest.bartlett:
 * chisq = -(n - 1 - (2p + 5)/6) ln|R|, df = p(p - 1)/2, upper-tail p.
 */
int sq_bartlett(const double *R, size_t p, double n, double *chisq,
    double *df, double *pval);

/* Eigenvalues of the symmetric R in decreasing order into val[p]. */
int sq_eigenvalues(const double *R, size_t p, double *val);

/*
 * Horn's parallel analysis without data: iter null correlation matrices
 * of p uncorrelated variables and n respondents, each from a Wishart(n -
 * 1, I) covariance drawn by Bartlett's decomposition with gsl_rng
 * mt19937 seeded with seed; per component the mean and the 95th
 * percentile (type 7, as R's quantile) of the simulated eigenvalues into
 * mean[p] and q95[p]. O(iter p^3), whatever n.
 */
int sq_parallel(size_t p, double n, unsigned long seed, size_t iter,
    double *mean, double *q95);

/* Leading observed eigenvalues greater than the reference: a count. */
size_t sq_parallel_count(const double *obs, const double *ref, size_t p);

typedef struct sq_fa_opts {
	int extract;		/* enum sq_extract */
	int rotate;		/* enum sq_rotate */
	size_t nfactors;
	size_t max_iter;	/* pa iterations, or optimiser steps; 0 = 1000 */
	double tol;		/* pa: change of the communality sum;
				   minres/ml: projected gradient; 0 = 1e-9 */
} sq_fa_opts;

typedef struct sq_fa {
	size_t p, k;		/* items, factors */
	int extract, rotate;
	double *loadings;	/* p x k, rotated (pattern for oblique) */
	double *unrotated;	/* p x k, after extraction */
	double *structure;	/* p x k, loadings %*% phi */
	double *phi;		/* k x k factor correlations (I if orthogonal) */
	double *communality;	/* p: rowSums(unrotated^2) */
	double *uniqueness;	/* p: 1 - communality */
	int *heywood;		/* p: communality >= 1, or a uniqueness held
				   at SQ_FA_PSI_MIN (minres, ml) */
	size_t nheywood;
	double *ss;		/* k: variance explained (SS loadings) */
	double *prop;		/* k: ss / p */
	double objective;	/* pa: 0; minres: sum of squared off-diagonal
				   residuals; ml: the ML discrepancy */
	size_t iterations;	/* extraction iterations */
	int converged;
	size_t rot_iterations;
	int rot_converged;
} sq_fa;

/*
 * Extract opts->nfactors factors from R and rotate them as psych::fa
 * does (sign each factor so that its loadings sum positive, order by
 * variance explained). Non-convergence and Heywood cases are results,
 * not errors: see converged, rot_converged and heywood.
 */
int sq_fa_fit(const double *R, size_t p, const sq_fa_opts *opts,
    sq_fa **out);

/* Release a factor solution. */
void sq_fa_free(sq_fa *fa);

/*
 * Structure check of loadings L (p x k) against a partition of the items
 * into ndim dimensions (dim[i] in 0..ndim-1).
 */
typedef struct sq_fa_check {
	size_t p, k, ndim;
	int *primary;		/* p: factor with the largest |loading| */
	int *dimfactor;		/* ndim: the factor most of its items load
				   on most (ties: larger sum of |loading|) */
	size_t *onfactor;	/* ndim: its items whose primary is that */
	size_t *nitems;		/* ndim: its items */
	double *congruence;	/* ndim: Tucker's phi between the dimension's
				   0/1 indicator and its best factor column */
	int *congfactor;	/* ndim: that best column (largest |phi|) */
	int *group;		/* ndim: dimensions sharing dimfactor have the
				   same group; group = smallest dim index */
	int merged;		/* some dimensions share a factor */
	int matches;		/* every dimension wholly on one factor, and
				   distinct dimensions on distinct factors */
} sq_fa_check;

/* Check L against the item dimensions; the result is the caller's. */
int sq_fa_check_structure(const double *L, size_t p, size_t k,
    const int *dim, size_t ndim, sq_fa_check **out);

/* Release a structure check. */
void sq_fa_check_free(sq_fa_check *c);

/* What sq_fa_analyse() is to do. */
typedef struct sq_fa_run_opts {
	sq_fa_opts fa;		/* fa.nfactors 0: from parallel analysis */
	unsigned long seed;	/* parallel analysis */
	size_t iter;		/* simulated matrices; 0: no parallel analysis */
} sq_fa_run_opts;

/*
 * The fit of a factor solution as psych::fa reports it (fa.stats): F =
 * tr(M^-1 R) - log|M^-1 R| - p for the model M = L L' with unit
 * diagonal; chisq = F ((n - 1) - (2p + 5)/6 - 2k/3) (Bartlett's
 * correction, 0 if negative), df = p(p - 1)/2 - pk + k(k - 1)/2; TLI from
 * F over df against the null model's -log|R| over p(p - 1)/2; RMSEA =
 * sqrt(max(chisq/(df n) - 1/(n - 1), 0)) with its 90% interval from the
 * noncentral chi-square (ncp / ((n - 1) df)), computed exactly where
 * psych stops uniroot at ~1e-4; BIC = chisq - df ln n. NaN where df <= 0.
 */
typedef struct sq_fa_fit_stats {
	double objective, chisq, df, p;
	double null_chisq, null_df;
	double tli, rmsea, rmsea_lo, rmsea_hi, bic;
} sq_fa_fit_stats;

/* Everything sq-factor reports about one correlation matrix. */
typedef struct sq_fa_result {
	size_t p;
	double n;		/* respondents behind R */
	double kmo, *kmo_item;	/* NaN when R is singular */
	double chisq, df, pval;	/* Bartlett; NaN when R is singular */
	double *eigen;		/* p, decreasing */
	double *sim_mean;	/* p, or NULL without parallel analysis */
	double *sim_p95;	/* p, or NULL */
	unsigned long seed;
	size_t iter;
	size_t suggested;	/* leading eigenvalues above sim_p95 */
	int nfactors_from;	/* 0: given, 1: parallel analysis, 2: parallel
				   analysis found none, 1 factor used */
	sq_fa *fa;
	sq_fa_check *check;
	sq_fa_fit_stats fit;	/* psych's fit of the solution */
} sq_fa_result;

/*
 * All of sq-factor's statistics for the correlation matrix R of p items
 * (dim[i]: the item's dimension, 0..ndim-1) over n respondents.
 */
int sq_fa_analyse(const double *R, size_t p, double n, const int *dim,
    size_t ndim, const sq_fa_run_opts *opts, sq_fa_result **out);

/* Release a result. */
void sq_fa_result_free(sq_fa_result *r);

/* How the data behind a result were read, for the report. */
typedef struct sq_fa_source {
	const sq_instrument *ins;	/* items in instrument order */
	char block;			/* 'E', 'P' or 'G' */
	int pairwise;
	unsigned long rows;		/* data rows read */
	unsigned long invalid;		/* cells treated as missing */
	int lang;			/* enum sq_lang of the labels */
} sq_fa_source;

/*
 * The result for people (format SQ_FMT_MD or SQ_FMT_PRETTY) on fp under
 * title: KMO and Bartlett in a sentence, the loading matrix grouped by
 * dimension with |loadings| below cut blank, variance explained, factor
 * correlations; names in language lang.
 */
int sq_fa_pretty(const sq_fa_result *r, const sq_fa_source *src, int lang,
    double cut, int format, const char *title, FILE *fp);

/* The loading matrix of sq_fa_pretty as a table for people. */
int sq_fa_loadings_table(const sq_fa_result *r, const sq_fa_source *src,
    int lang, double cut, sq_table **out);

/*
 * The result as a tidy long table with columns section key item
 * dimension factor value label (see man/sq-factor.1).
 */
int sq_fa_table(const sq_fa_result *r, const sq_fa_source *src,
    sq_table **out);

/* The result as one JSON document (see man/sq-factor.1). */
int sq_fa_json(const sq_fa_result *r, const sq_fa_source *src, FILE *fp);

/*
 * The correlation matrix (p x p) of the accumulated respondents into R.
 * SQ_EDATA when one is undefined: then *bi == *bj names an item that
 * does not vary, else two items with fewer than 2 respondents in common.
 */
int sq_fa_correlations(const sq_covacc *acc, size_t p, double *R,
    size_t *bi, size_t *bj);

/* 1 if gate is kmo<X, kmo<=X, heywood, structure or convergence. */
int sq_fa_gate_valid(const char *gate);

/* 1 if the (valid) gate holds for r; an undefined KMO holds kmo<X. */
int sq_fa_gate_holds(const char *gate, const sq_fa_result *r);

/*
 * What must not go unnoticed (Heywood cases, non-convergence, no factor
 * retained, a singular R), one note per line, into buf.
 */
void sq_fa_notes(const sq_fa_result *r, const sq_fa_source *src, char *buf,
    size_t len);

#endif
