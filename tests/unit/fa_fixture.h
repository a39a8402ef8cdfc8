/*
 * Reads the R oracle's tidy TSV fixtures (section key item dimension
 * factor value) for the factor-analysis unit tests.
 */
#ifndef SQ_FA_FIXTURE_H
#define SQ_FA_FIXTURE_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fxrow {
	char section[32], key[32];
	int item, factor;
	double value;
};

static struct fxrow *fx;
static size_t nfx;

/* Load path; returns 0 on success. */
static int
fx_load(const char *path)
{
	char line[512];
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return -1;
	nfx = 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *f[6], *s = line;
		size_t i;
		struct fxrow *r;

		line[strcspn(line, "\r\n")] = '\0';
		for (i = 0; i < 6; i++)
			f[i] = strsep(&s, "\t");
		if (f[5] == NULL || strcmp(f[0], "section") == 0)
			continue;
		r = realloc(fx, (nfx + 1) * sizeof(*fx));
		if (r == NULL)
			break;
		fx = r;
		r = &fx[nfx++];
		snprintf(r->section, sizeof(r->section), "%s", f[0]);
		snprintf(r->key, sizeof(r->key), "%s", f[1]);
		r->item = *f[2] ? atoi(f[2]) : 0;
		r->factor = *f[4] ? atoi(f[4]) : 0;
		r->value = strtod(f[5], NULL);
	}
	fclose(fp);
	return nfx > 0 ? 0 : -1;
}

/* The value at (section, key, item, factor); 0 = empty; NAN if absent. */
static double
fx_get(const char *section, const char *key, int item, int factor)
{
	size_t i;

	for (i = 0; i < nfx; i++)
		if (strcmp(fx[i].section, section) == 0 &&
		    strcmp(fx[i].key, key) == 0 && fx[i].item == item &&
		    fx[i].factor == factor)
			return fx[i].value;
	return NAN;
}

/* Fill m (p x k, row-major) from rows (section, key, item, factor). */
static void
fx_matrix(const char *section, const char *key, double *m, size_t p,
    size_t k)
{
	size_t i, j;

	for (i = 0; i < p; i++)
		for (j = 0; j < k; j++)
			m[i * k + j] = fx_get(section, key, (int)i + 1,
			    (int)j + 1);
}

#endif
