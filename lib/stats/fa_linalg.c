/* Dense linear algebra helpers for factor analysis, over GSL. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_sort_vector.h>
#include <gsl/gsl_vector.h>

#include "servqual/error.h"
#include "fa_linalg.h"

/* 1 if the n x n matrix a has only finite entries. */
static int
all_finite(const double *a, size_t n)
{
	size_t i;

	for (i = 0; i < n * n; i++)
		if (!isfinite(a[i]))
			return 0;
	return 1;
}

/* A copy of the square a in a new GSL matrix; NULL when out of memory. */
static gsl_matrix *
matrix_of(const double *a, size_t n)
{
	gsl_matrix *m = gsl_matrix_alloc(n, n);

	if (m != NULL)
		memcpy(m->data, a, n * n * sizeof(double));
	return m;
}

/* The n values of the GSL vector v into x. */
static void
values_of(const gsl_vector *v, double *x, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		x[i] = gsl_vector_get(v, i);
}

int
fa_eigen(const double *a, size_t n, double *val, double *vec)
{
	gsl_matrix *m = NULL, *v = NULL;
	gsl_vector *e = NULL;
	gsl_eigen_symmv_workspace *wv = NULL;
	gsl_eigen_symm_workspace *w = NULL;
	size_t i, j;
	int rc = SQ_ENOMEM;

	if (n == 0)
		return SQ_EUSAGE;
	if (!all_finite(a, n))
		return SQ_ENUMERIC;
	if ((m = matrix_of(a, n)) == NULL || (e = gsl_vector_alloc(n)) == NULL)
		goto out;
	if (vec != NULL) {
		if ((v = gsl_matrix_alloc(n, n)) == NULL ||
		    (wv = gsl_eigen_symmv_alloc(n)) == NULL)
			goto out;
		if (gsl_eigen_symmv(m, e, v, wv) != 0 ||
		    gsl_eigen_symmv_sort(e, v, GSL_EIGEN_SORT_VAL_DESC) != 0) {
			rc = SQ_ENUMERIC;
			goto out;
		}
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++)
				vec[i * n + j] = gsl_matrix_get(v, i, j);
	} else {
		if ((w = gsl_eigen_symm_alloc(n)) == NULL)
			goto out;
		if (gsl_eigen_symm(m, e, w) != 0) {
			rc = SQ_ENUMERIC;
			goto out;
		}
		gsl_sort_vector(e);
		gsl_vector_reverse(e);
	}
	values_of(e, val, n);
	rc = SQ_OK;
out:
	gsl_eigen_symm_free(w);
	gsl_eigen_symmv_free(wv);
	gsl_matrix_free(v);
	gsl_vector_free(e);
	gsl_matrix_free(m);
	return rc;
}

/* LU-decompose a copy of a; caller frees *lu and *perm. */
static int
lu(const double *a, size_t n, gsl_matrix **lup, gsl_permutation **pp,
    int *sign)
{
	gsl_matrix *m;
	gsl_permutation *p;

	*lup = NULL;
	*pp = NULL;
	if (!all_finite(a, n))
		return SQ_ENUMERIC;
	if ((m = matrix_of(a, n)) == NULL)
		return SQ_ENOMEM;
	if ((p = gsl_permutation_alloc(n)) == NULL) {
		gsl_matrix_free(m);
		return SQ_ENOMEM;
	}
	if (gsl_linalg_LU_decomp(m, p, sign) != 0) {
		gsl_permutation_free(p);
		gsl_matrix_free(m);
		return SQ_ENUMERIC;
	}
	*lup = m;
	*pp = p;
	return SQ_OK;
}

int
fa_inverse(const double *a, size_t n, double *inv)
{
	gsl_matrix *m, *out;
	gsl_permutation *p;
	size_t i;
	int sign, rc;

	if (n == 0)
		return SQ_EUSAGE;
	if ((rc = lu(a, n, &m, &p, &sign)) != SQ_OK)
		return rc;
	rc = SQ_ENUMERIC;
	for (i = 0; i < n; i++)
		if (gsl_matrix_get(m, i, i) == 0)
			goto out;
	if ((out = gsl_matrix_alloc(n, n)) == NULL) {
		rc = SQ_ENOMEM;
		goto out;
	}
	if (gsl_linalg_LU_invert(m, p, out) == 0) {
		memcpy(inv, out->data, n * n * sizeof(double));
		rc = all_finite(inv, n) ? SQ_OK : SQ_ENUMERIC;
	}
	gsl_matrix_free(out);
out:
	gsl_permutation_free(p);
	gsl_matrix_free(m);
	return rc;
}

int
fa_pinv_sym(const double *a, size_t n, double *inv)
{
	double *val, *vec, tol;
	size_t i, j, k;
	int rc;

	if (n == 0)
		return SQ_EUSAGE;
	val = malloc(n * sizeof(double));
	vec = malloc(n * n * sizeof(double));
	if (val == NULL || vec == NULL) {
		free(val);
		free(vec);
		return SQ_ENOMEM;
	}
	if ((rc = fa_eigen(a, n, val, vec)) == SQ_OK) {
		/* singular values are |eigenvalues| for a symmetric matrix */
		tol = 0;
		for (k = 0; k < n; k++)
			if (fabs(val[k]) > tol)
				tol = fabs(val[k]);
		tol *= sqrt(DBL_EPSILON);
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++) {
				double s = 0;

				for (k = 0; k < n; k++)
					if (fabs(val[k]) > tol)
						s += vec[i * n + k] *
						    vec[j * n + k] / val[k];
				inv[i * n + j] = s;
			}
	}
	free(val);
	free(vec);
	return rc;
}

int
fa_logdet(const double *a, size_t n, double *ld, int *sign)
{
	gsl_matrix *m;
	gsl_permutation *p;
	int s, rc;

	if (n == 0)
		return SQ_EUSAGE;
	if ((rc = lu(a, n, &m, &p, &s)) != SQ_OK)
		return rc;
	*ld = gsl_linalg_LU_lndet(m);
	*sign = gsl_linalg_LU_sgndet(m, s);
	gsl_permutation_free(p);
	gsl_matrix_free(m);
	return SQ_OK;
}

void
fa_mul(const double *a, int ta, const double *b, int tb, double *c,
    size_t n, size_t k, size_t m)
{
	size_t i, j, l;

	for (i = 0; i < n; i++)
		for (j = 0; j < m; j++) {
			double s = 0;

			for (l = 0; l < k; l++)
				s += (ta ? a[l * n + i] : a[i * k + l]) *
				    (tb ? b[j * k + l] : b[l * m + j]);
			c[i * m + j] = s;
		}
}

double
fa_rowss(const double *a, size_t i, size_t k)
{
	double s = 0;
	size_t j;

	for (j = 0; j < k; j++)
		s += a[i * k + j] * a[i * k + j];
	return s;
}

int
fa_svd(const double *a, size_t n, double *u, double *s, double *v)
{
	gsl_matrix *mu = NULL, *mv = NULL;
	gsl_vector *vs = NULL, *w = NULL;
	int rc = SQ_ENOMEM;

	if (!all_finite(a, n))
		return SQ_ENUMERIC;
	if ((mu = matrix_of(a, n)) == NULL ||
	    (mv = gsl_matrix_alloc(n, n)) == NULL ||
	    (vs = gsl_vector_alloc(n)) == NULL ||
	    (w = gsl_vector_alloc(n)) == NULL)
		goto out;
	if (gsl_linalg_SV_decomp(mu, mv, vs, w) != 0) {
		rc = SQ_ENUMERIC;
		goto out;
	}
	memcpy(u, mu->data, n * n * sizeof(double));
	memcpy(v, mv->data, n * n * sizeof(double));
	values_of(vs, s, n);
	rc = SQ_OK;
out:
	gsl_vector_free(w);
	gsl_vector_free(vs);
	gsl_matrix_free(mv);
	gsl_matrix_free(mu);
	return rc;
}
