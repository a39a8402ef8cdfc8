/*
 * Factor rotations, written to reproduce R step by step (same starting
 * point, same update, same stopping rule), so that results agree with
 * psych/GPArotation to rounding rather than merely to the tolerance.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/rotation.h"
#include "fa_linalg.h"

static const char *rot_names[] = { "none", "varimax", "oblimin", "promax" };

int
sq_rotate_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(rot_names) / sizeof(rot_names[0]); i++)
		if (strcasecmp(s, rot_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
sq_rotate_name(int rot)
{
	if (rot < 0 || rot > SQ_ROT_PROMAX)
		return "?";
	return rot_names[rot];
}

/*
 * The work arrays *v[i] of len[i] doubles each, zeroed; SQ_ENOMEM when
 * one could not be had (the others are still set, for work_free).
 */
static int
work_new(double **const v[], const size_t *len, size_t n)
{
	size_t i;
	int rc = SQ_OK;

	for (i = 0; i < n; i++)
		if ((*v[i] = calloc(len[i], sizeof(double))) == NULL)
			rc = SQ_ENOMEM;
	return rc;
}

static void
work_free(double **const v[], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(*v[i]);
}

/* L (p x k) = z with row i times h[i]: undo a row normalization. */
static void
rows_times(double *L, const double *z, const double *h, size_t p, size_t k)
{
	size_t i, j;

	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++)
			L[i * k + j] = z[i * k + j] * h[i];
}

int
sq_varimax(double *L, size_t p, size_t k, int normalize, double eps,
    double *tmat, size_t *iter)
{
	double *sc, *TT, *z, *z3, *B, *u, *s, *v, *col, d, dpast;
	double **const w[] = { &sc, &TT, &z, &z3, &B, &u, &v, &s, &col };
	const size_t len[] = {
		p, k * k, p * k, p * k, k * k, k * k, k * k, k, k
	};
	size_t i, j, it;
	int rc;

	if (iter != NULL)
		*iter = 0;
	if (p == 0 || k == 0)
		return SQ_EUSAGE;
	if ((rc = work_new(w, len, 9)) != SQ_OK)
		goto out;
	for (i = 0; i < k; i++)
		TT[i * k + i] = 1;
	if (k < 2)
		goto out;
	for (i = 0; i < p; i++) {
		sc[i] = 1;
		if (normalize) {
			double ss = fa_rowss(L, i, k);

			if (ss > 0)
				sc[i] = sqrt(ss);
		}
		for (j = 0; j < k; j++)
			L[i * k + j] /= sc[i];
	}
	d = 0;
	for (it = 1; it <= 1000; it++) {
		fa_mul(L, 0, TT, 0, z, p, k, k);
		for (j = 0; j < k; j++) {
			col[j] = 0;
			for (i = 0; i < p; i++)
				col[j] += z[i * k + j] * z[i * k + j];
		}
		for (i = 0; i < p; i++)
			for (j = 0; j < k; j++) {
				double x = z[i * k + j];

				z3[i * k + j] = x * x * x - x * col[j] /
				    (double)p;
			}
		fa_mul(L, 1, z3, 0, B, k, p, k);
		if ((rc = fa_svd(B, k, u, s, v)) != SQ_OK)
			goto out;
		fa_mul(u, 0, v, 1, TT, k, k, k);
		dpast = d;
		d = 0;
		for (j = 0; j < k; j++)
			d += s[j];
		if (iter != NULL)
			*iter = it;
		if (d < dpast * (1 + eps))
			break;
	}
	fa_mul(L, 0, TT, 0, z, p, k, k);
	rows_times(L, z, sc, p, k);
out:
	if (rc == SQ_OK && tmat != NULL)
		memcpy(tmat, TT, k * k * sizeof(double));
	work_free(w, 9);
	return rc;
}

/*
 * Oblimin criterion of L (p x k) and its gradient Gq, as GPArotation's
 * vgQ.oblimin: X = (I - gam/p J) L^2 (1 - I), Gq = L * X,
 * f = sum(L^2 * X) / 4.
 */
static double
vgq_oblimin(const double *L, size_t p, size_t k, double gam, double *Gq,
    double *X)
{
	double f = 0, cm;
	size_t i, j, l;

	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++) {
			double s = 0;

			for (l = 0; l < k; l++)
				if (l != j)
					s += L[i * k + l] * L[i * k + l];
			X[i * k + j] = s;
		}
	if (gam != 0)
		for (j = 0; j < k; j++) {
			cm = 0;
			for (i = 0; i < p; i++)
				cm += X[i * k + j];
			for (i = 0; i < p; i++)
				X[i * k + j] -= gam * cm / (double)p;
		}
	for (i = 0; i < p * k; i++) {
		Gq[i] = L[i] * X[i];
		f += L[i] * L[i] * X[i];
	}
	return f / 4;
}

/* G = -t(t(L) Gq Ti), GPArotation's oblique gradient; Xm, tmp k x k. */
static void
oblique_grad(const double *L, const double *Gq, const double *Ti,
    double *G, double *Xm, double *tmp, size_t p, size_t k)
{
	size_t i, j;

	fa_mul(L, 1, Gq, 0, Xm, k, p, k);
	fa_mul(Xm, 0, Ti, 0, tmp, k, k, k);
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			G[i * k + j] = -tmp[j * k + i];
}

int
sq_oblimin(double *L, size_t p, size_t k, double gam, double eps,
    size_t maxit, double *phi, size_t *iter, int *converged)
{
	double *A, *T, *Tt, *Ti, *Lc, *Gq, *X, *G, *Gp, *tmp, *Xm;
	double **const w[] = {
		&A, &Lc, &Gq, &X, &tmp, &T, &Tt, &Ti, &G, &Gp, &Xm
	};
	const size_t len[] = {
		p * k, p * k, p * k, p * k, p * k, k * k, k * k, k * k, k * k,
		k * k, k * k
	};
	double f, ft = 0, s = 0, al, imp;
	size_t i, j, l, it, ls;
	int rc;

	*iter = 0;
	*converged = 0;
	if (p == 0 || k < 2)
		return SQ_EUSAGE;
	if ((rc = work_new(w, len, 11)) != SQ_OK)
		goto out;
	memcpy(A, L, p * k * sizeof(double));
	for (i = 0; i < k; i++)
		T[i * k + i] = 1;
	/* L = A t(T^-1); G = -t(t(L) Gq T^-1) */
	if ((rc = fa_inverse(T, k, Ti)) != SQ_OK)
		goto out;
	fa_mul(A, 0, Ti, 1, Lc, p, k, k);
	f = vgq_oblimin(Lc, p, k, gam, Gq, X);
	oblique_grad(Lc, Gq, Ti, G, Xm, tmp, p, k);
	al = 1;
	for (it = 0; it <= maxit; it++) {
		for (j = 0; j < k; j++) {
			double cs = 0;

			for (i = 0; i < k; i++)
				cs += T[i * k + j] * G[i * k + j];
			for (i = 0; i < k; i++)
				Gp[i * k + j] = G[i * k + j] - T[i * k + j] * cs;
		}
		s = 0;
		for (i = 0; i < k * k; i++)
			s += Gp[i] * Gp[i];
		s = sqrt(s);
		*iter = it;
		if (s < eps)
			break;
		al *= 2;
		for (ls = 0; ls <= 10; ls++) {
			for (i = 0; i < k * k; i++)
				Xm[i] = T[i] - al * Gp[i];
			for (j = 0; j < k; j++) {
				double cs = 0;

				for (i = 0; i < k; i++)
					cs += Xm[i * k + j] * Xm[i * k + j];
				cs = 1 / sqrt(cs);
				for (i = 0; i < k; i++)
					Tt[i * k + j] = Xm[i * k + j] * cs;
			}
			if ((rc = fa_inverse(Tt, k, Ti)) != SQ_OK)
				goto out;
			fa_mul(A, 0, Ti, 1, Lc, p, k, k);
			ft = vgq_oblimin(Lc, p, k, gam, Gq, X);
			imp = f - ft;
			if (imp > 0.5 * s * s * al)
				break;
			al /= 2;
		}
		memcpy(T, Tt, k * k * sizeof(double));
		f = ft;
		oblique_grad(Lc, Gq, Ti, G, Xm, tmp, p, k);
	}
	*converged = s < eps;
	memcpy(L, Lc, p * k * sizeof(double));
	/* Phi = t(T) T */
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++) {
			double c = 0;

			for (l = 0; l < k; l++)
				c += T[l * k + i] * T[l * k + j];
			phi[i * k + j] = c;
		}
	rc = SQ_OK;
out:
	work_free(w, 11);
	return rc;
}

int
sq_promax(double *L, size_t p, size_t k, double m, double *phi)
{
	double *h, *TT, *Q, *xtx, *xtxi, *xtq, *U, *utu, *utui, *z, *Ut;
	double *ui;
	double **const w[] = {
		&h, &TT, &Q, &z, &xtx, &xtxi, &xtq, &U, &utu, &utui, &Ut, &ui
	};
	const size_t len[] = {
		p, k * k, p * k, p * k, k * k, k * k, k * k, k * k, k * k,
		k * k, k * k, k * k
	};
	size_t i, j;
	int rc;

	if (p == 0 || k < 2)
		return SQ_EUSAGE;
	if ((rc = work_new(w, len, 12)) != SQ_OK)
		goto out;
	/* psych::kaiser: rows to unit length */
	for (i = 0; i < p; i++) {
		h[i] = sqrt(fa_rowss(L, i, k));
		if (h[i] == 0) {
			rc = SQ_ENUMERIC;
			goto out;
		}
		for (j = 0; j < k; j++)
			L[i * k + j] /= h[i];
	}
	/* psych::Promax: varimax, then the power target */
	if ((rc = sq_varimax(L, p, k, 1, 1e-5, TT, NULL)) != SQ_OK)
		goto out;
	for (i = 0; i < p * k; i++)
		Q[i] = L[i] * pow(fabs(L[i]), m - 1);
	/* U = (x'x)^-1 x'Q, the least-squares fit of lm.fit(x, Q) */
	fa_mul(L, 1, L, 0, xtx, k, p, k);
	fa_mul(L, 1, Q, 0, xtq, k, p, k);
	if ((rc = fa_inverse(xtx, k, xtxi)) != SQ_OK)
		goto out;
	fa_mul(xtxi, 0, xtq, 0, U, k, k, k);
	fa_mul(U, 1, U, 0, utu, k, k, k);
	if ((rc = fa_inverse(utu, k, utui)) != SQ_OK)
		goto out;
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			U[i * k + j] *= sqrt(utui[j * k + j]);
	fa_mul(L, 0, U, 0, z, p, k, k);
	fa_mul(TT, 0, U, 0, Ut, k, k, k);
	if ((rc = fa_inverse(Ut, k, ui)) != SQ_OK)
		goto out;
	fa_mul(ui, 0, ui, 1, phi, k, k, k);
	rows_times(L, z, h, p, k);
	rc = SQ_OK;
out:
	work_free(w, 12);
	return rc;
}
