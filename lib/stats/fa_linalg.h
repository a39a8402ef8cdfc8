/*
 * Small dense linear algebra for factor analysis (internal to lib/):
 * row-major n x n doubles, thin wrappers over GSL. Matrices here are at
 * most a few hundred wide, so clarity wins over blocking.
 */
#ifndef SERVQUAL_FA_LINALG_H
#define SERVQUAL_FA_LINALG_H

#include <stddef.h>

/*
 * Eigen-decomposition of the symmetric a (n x n): values in decreasing
 * order into val[n]; if vec is not NULL, eigenvector j into column j of
 * vec (vec[i * n + j]). Returns SQ_OK, SQ_ENOMEM or SQ_ENUMERIC.
 */
int fa_eigen(const double *a, size_t n, double *val, double *vec);

/* Inverse of the square a into inv by LU; SQ_ENUMERIC when singular. */
int fa_inverse(const double *a, size_t n, double *inv);

/*
 * Moore-Penrose inverse of the symmetric a, dropping eigenvalues below
 * sqrt(DBL_EPSILON) times the largest (as psych's Pinv).
 */
int fa_pinv_sym(const double *a, size_t n, double *inv);

/* log |det a| of the square a by LU into *ld and its sign into *sign. */
int fa_logdet(const double *a, size_t n, double *ld, int *sign);

/*
 * c (n x m) = op(a) op(b), op(x) = x or its transpose (ta, tb != 0);
 * op(a) is n x k, op(b) is k x m. c must not alias a or b.
 */
void fa_mul(const double *a, int ta, const double *b, int tb, double *c,
    size_t n, size_t k, size_t m);

/* Sum of squares of row i of the n x k matrix a (a communality). */
double fa_rowss(const double *a, size_t i, size_t k);

/*
 * Thin SVD of the square a (n x n): a = u diag(s) v'. Returns SQ_OK,
 * SQ_ENOMEM or SQ_ENUMERIC.
 */
int fa_svd(const double *a, size_t n, double *u, double *s, double *v);

#endif
