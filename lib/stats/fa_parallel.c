/*
 * Horn's parallel analysis (psych::fa.parallel, fa = "pc"): eigenvalues
 * of correlation matrices of normal random data, their mean and 95th
 * percentile, and the number of observed eigenvalues above them. Apart
 * from extraction (factor.c), which it does not use.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_sort_vector.h>

#include "servqual/factor.h"

/* R's quantile(type = 7) of the sorted x[0..n-1]. */
static double
quantile7(const double *x, size_t n, double prob)
{
	double h = (double)(n - 1) * prob;
	size_t lo = (size_t)floor(h);

	if (lo + 1 >= n)
		return x[n - 1];
	return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

int
sq_parallel(size_t p, double n, unsigned long seed, size_t iter,
    double *mean, double *q95)
{
	gsl_rng *rng = NULL;
	gsl_matrix *A = NULL;
	gsl_vector *e = NULL;
	gsl_eigen_symm_workspace *w = NULL;
	double *T = NULL, *sim = NULL, *col = NULL, *scale = NULL;
	size_t it, i, j, l;
	int rc = SQ_ENOMEM;

	if (p < 2 || iter == 0 || !(n - 1 >= (double)p))
		return SQ_EUSAGE;
	if (iter > SIZE_MAX / sizeof(double) / p)
		return SQ_ENOMEM;
	if ((rng = gsl_rng_alloc(gsl_rng_mt19937)) == NULL ||
	    (A = gsl_matrix_alloc(p, p)) == NULL ||
	    (e = gsl_vector_alloc(p)) == NULL ||
	    (w = gsl_eigen_symm_alloc(p)) == NULL ||
	    (T = calloc(p * p, sizeof(double))) == NULL ||
	    (sim = malloc(iter * p * sizeof(double))) == NULL ||
	    (col = malloc(iter * sizeof(double))) == NULL ||
	    (scale = malloc(p * sizeof(double))) == NULL)
		goto out;
	gsl_rng_set(rng, seed);
	for (it = 0; it < iter; it++) {
		/*
		 * Bartlett: W = T T' ~ Wishart(n - 1, I) with T lower
		 * triangular, T_ii^2 ~ chi2(n - 1 - i), T_ij ~ N(0, 1).
		 * W is (n - 1) times a null sample covariance matrix.
		 */
		for (i = 0; i < p; i++) {
			T[i * p + i] = sqrt(gsl_ran_chisq(rng,
			    n - 1 - (double)i));
			for (j = 0; j < i; j++)
				T[i * p + j] = gsl_ran_gaussian_ziggurat(rng,
				    1.0);
		}
		for (i = 0; i < p; i++)
			for (j = 0; j <= i; j++) {
				double s = 0;

				for (l = 0; l <= j; l++)
					s += T[i * p + l] * T[j * p + l];
				gsl_matrix_set(A, i, j, s);
				gsl_matrix_set(A, j, i, s);
			}
		for (i = 0; i < p; i++)
			scale[i] = 1 / sqrt(gsl_matrix_get(A, i, i));
		for (i = 0; i < p; i++)
			for (j = 0; j < p; j++)
				gsl_matrix_set(A, i, j,
				    gsl_matrix_get(A, i, j) * scale[i] *
				    scale[j]);
		if (gsl_eigen_symm(A, e, w) != 0) {
			rc = SQ_ENUMERIC;
			goto out;
		}
		gsl_sort_vector(e);
		for (i = 0; i < p; i++)
			sim[it * p + i] = gsl_vector_get(e, p - 1 - i);
	}
	for (i = 0; i < p; i++) {
		double s = 0;

		for (it = 0; it < iter; it++) {
			col[it] = sim[it * p + i];
			s += col[it];
		}
		mean[i] = s / (double)iter;
		gsl_sort(col, 1, iter);
		q95[i] = quantile7(col, iter, 0.95);
	}
	rc = SQ_OK;
out:
	gsl_rng_free(rng);
	gsl_matrix_free(A);
	gsl_vector_free(e);
	gsl_eigen_symm_free(w);
	free(T);
	free(sim);
	free(col);
	free(scale);
	return rc;
}

size_t
sq_parallel_count(const double *obs, const double *ref, size_t p)
{
	size_t i;

	for (i = 0; i < p && obs[i] > ref[i]; i++)
		;
	return i;
}
