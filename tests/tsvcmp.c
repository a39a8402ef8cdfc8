/*
 * tsvcmp: compare a tool's TSV output with an oracle's expected TSV.
 *
 *   tsvcmp [-m] [-t NAME=TOL]... EXPECTED ACTUAL
 *
 * Columns are matched by header name; every column of EXPECTED must be in
 * ACTUAL (which may have more). Rows are matched in order and the counts
 * must be equal. Two cells that both parse fully as numbers (strtod, plus
 * "NA"; NaN matches only NaN, Inf only Inf of the same sign) agree when
 * |actual - expected| <= tol * |expected| + 1e-13, with tol 1e-9, or 1e-6
 * for columns named p, p_adj or p_*; -t NAME=TOL overrides one column.
 * Other cells must be equal as strings. -m prints the largest relative
 * and absolute deviations of each numeric column (relative to |expected|,
 * absolute where expected is 0). Exit 0 equal, 1 different, 2 usage or
 * read error; at most 20 differing cells are listed on stdout.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ABS_TOL		1e-13
#define MAX_SHOWN	20
#define MAX_OVERRIDES	64

struct tsv {
	size_t ncols;
	char **head;		/* ncols names */
	size_t nrows;
	size_t *nf;		/* fields per row */
	char ***cell;		/* nrows rows of nf[r] fields */
};

struct override {
	const char *name;
	double tol;
};

static struct override ovr[MAX_OVERRIDES];
static size_t novr;

static void
usage(void)
{
	fprintf(stderr,
	    "usage: tsvcmp [-m] [-t NAME=TOL]... EXPECTED ACTUAL\n");
	exit(2);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		fprintf(stderr, "tsvcmp: out of memory\n");
		exit(2);
	}
	return p;
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL) {
		fprintf(stderr, "tsvcmp: out of memory\n");
		exit(2);
	}
	return p;
}

/* A copy of s; exits 2 when out of memory. */
static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* Split line (modified in place) on tabs into a new array of fields. */
static char **
split(char *line, size_t *nf)
{
	size_t n = 1, i;
	char *s, **f;

	for (s = line; *s; s++)
		if (*s == '\t')
			n++;
	f = xmalloc(n * sizeof *f);
	f[0] = line;
	for (i = 1, s = line; *s; s++)
		if (*s == '\t') {
			*s = '\0';
			f[i++] = s + 1;
		}
	*nf = n;
	return f;
}

/* Read a whole TSV file with a header line; exits 2 on failure. */
static void
readtsv(const char *path, struct tsv *t)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, rcap = 0, nf;
	ssize_t len;
	int first = 1;

	memset(t, 0, sizeof *t);
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "tsvcmp: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (first) {
			t->head = split(xstrdup(line), &t->ncols);
			first = 0;
			continue;
		}
		if (t->nrows == rcap) {
			rcap = rcap ? 2 * rcap : 64;
			t->cell = xrealloc(t->cell, rcap * sizeof *t->cell);
			t->nf = xrealloc(t->nf, rcap * sizeof *t->nf);
		}
		t->cell[t->nrows] = split(xstrdup(line), &nf);
		t->nf[t->nrows++] = nf;
	}
	if (ferror(fp)) {
		fprintf(stderr, "tsvcmp: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	free(line);
	fclose(fp);
	if (first) {
		fprintf(stderr, "tsvcmp: %s: no header line\n", path);
		exit(2);
	}
	/* A final empty line is the file's last newline, not a row. */
	while (t->nrows > 0 && t->nf[t->nrows - 1] == 1 &&
	    t->cell[t->nrows - 1][0][0] == '\0') {
		t->nrows--;
		free(t->cell[t->nrows][0]);
		free(t->cell[t->nrows]);
	}
}

/* Release what readtsv allocated. */
static void
freetsv(struct tsv *t)
{
	size_t r;

	for (r = 0; r < t->nrows; r++) {
		free(t->cell[r][0]);
		free(t->cell[r]);
	}
	free(t->cell);
	free(t->nf);
	if (t->head != NULL)
		free(t->head[0]);
	free(t->head);
}

/* Parse s fully as a number into *x; returns 1 if it is one. */
static int
number(const char *s, double *x)
{
	char *end;

	if (strcmp(s, "NA") == 0 || strcmp(s, "NaN") == 0 ||
	    strcmp(s, "nan") == 0 || strcmp(s, "-nan") == 0) {
		*x = NAN;
		return 1;
	}
	if (*s == '\0')
		return 0;
	errno = 0;
	*x = strtod(s, &end);
	return *end == '\0' && end != s;
}

/* The default tolerance of column name, or its -t override. */
static double
coltol(const char *name)
{
	size_t i;

	for (i = 0; i < novr; i++)
		if (strcmp(ovr[i].name, name) == 0)
			return ovr[i].tol;
	if (strcmp(name, "p") == 0 || strcmp(name, "p_adj") == 0 ||
	    strncmp(name, "p_", 2) == 0)
		return 1e-6;
	return 1e-9;
}

/* Relative deviation of a from expected e (absolute when e is 0). */
static double
reldev(double e, double a)
{
	if (isnan(e) || isnan(a))
		return isnan(e) && isnan(a) ? 0 : INFINITY;
	if (isinf(e) || isinf(a))
		return e == a ? 0 : INFINITY;
	return e != 0 ? fabs(a - e) / fabs(e) : fabs(a - e);
}

/* Absolute deviation of a from e (0 when both are NaN or equal Inf). */
static double
absdev(double e, double a)
{
	if (isnan(e) || isnan(a) || isinf(e) || isinf(a))
		return reldev(e, a);
	return fabs(a - e);
}

/* Do numbers e (expected) and a agree within tol? */
static int
agree(double e, double a, double tol)
{
	if (isnan(e) || isnan(a))
		return isnan(e) && isnan(a);
	if (isinf(e) || isinf(a))
		return e == a;
	return fabs(a - e) <= tol * fabs(e) + ABS_TOL;
}

/* Record a -t NAME=TOL override. */
static void
parseopt(char *arg)
{
	char *eq = strchr(arg, '='), *end;
	double tol;

	if (eq == NULL || eq == arg || novr == MAX_OVERRIDES)
		usage();
	*eq = '\0';
	tol = strtod(eq + 1, &end);
	if (*end != '\0' || end == eq + 1 || !(tol >= 0))
		usage();
	ovr[novr].name = arg;
	ovr[novr++].tol = tol;
}

/*
 * Compare ex with ac (files en and an), listing differences on stdout;
 * returns the exit status.
 */
static int
compare(const struct tsv *ex, const struct tsv *ac, const char *en,
    const char *an, int mflag)
{
	size_t *map, c, r, shown = 0, bad = 0;
	double *maxdev, *maxabs;
	int *numeric, rc = 0;

	map = xmalloc(ex->ncols * sizeof *map);
	maxdev = xmalloc(ex->ncols * sizeof *maxdev);
	maxabs = xmalloc(ex->ncols * sizeof *maxabs);
	numeric = xmalloc(ex->ncols * sizeof *numeric);
	for (c = 0; c < ex->ncols; c++) {
		size_t k;

		for (k = 0; k < ac->ncols; k++)
			if (strcmp(ex->head[c], ac->head[k]) == 0)
				break;
		if (k == ac->ncols) {
			printf("column %s: missing from %s\n", ex->head[c],
			    an);
			rc = 1;
		}
		map[c] = k;
		maxdev[c] = maxabs[c] = 0;
		numeric[c] = 0;
	}
	for (r = 0; rc == 0 && r < ex->nrows; r++)
		if (ex->nf[r] != ex->ncols) {
			fprintf(stderr, "tsvcmp: %s: row %zu has %zu fields, "
			    "the header %zu\n", en, r + 1, ex->nf[r],
			    ex->ncols);
			rc = 2;
		}
	if (rc == 0 && ex->nrows != ac->nrows) {
		printf("rows: expected %zu, actual %zu\n", ex->nrows,
		    ac->nrows);
		rc = 1;
	}

	for (r = 0; rc == 0 && r < ex->nrows; r++) {
		if (ac->nf[r] != ac->ncols) {
			bad++;
			if (shown++ < MAX_SHOWN)
				printf("row %zu: %zu fields, header has %zu\n",
				    r + 1, ac->nf[r], ac->ncols);
			continue;
		}
		for (c = 0; c < ex->ncols; c++) {
			const char *es = ex->cell[r][c];
			const char *as = ac->cell[r][map[c]];
			double e, a, dev;
			int ok;

			if (number(es, &e) && number(as, &a)) {
				ok = agree(e, a, coltol(ex->head[c]));
				dev = reldev(e, a);
				numeric[c] = 1;
				if (dev > maxdev[c])
					maxdev[c] = dev;
				if (absdev(e, a) > maxabs[c])
					maxabs[c] = absdev(e, a);
			} else {
				ok = strcmp(es, as) == 0;
				dev = NAN;
			}
			if (ok)
				continue;
			bad++;
			if (shown++ >= MAX_SHOWN)
				continue;
			printf("row %zu column %s: expected \"%s\", "
			    "actual \"%s\"", r + 1, ex->head[c], es, as);
			if (isnan(dev))
				printf("\n");
			else
				printf(", rel diff %.3g\n", dev);
		}
	}
	if (bad > MAX_SHOWN)
		printf("... %zu differing cells in all\n", bad);
	if (rc == 0 && mflag)
		for (c = 0; c < ex->ncols; c++)
			if (numeric[c])
				printf("max_dev\t%s\trel %.3g\tabs %.3g\n",
				    ex->head[c], maxdev[c], maxabs[c]);
	free(map);
	free(maxdev);
	free(maxabs);
	free(numeric);
	if (rc == 0 && bad)
		rc = 1;
	return rc;
}

int
main(int argc, char **argv)
{
	struct tsv ex, ac;
	int ch, mflag = 0, rc;

	while ((ch = getopt(argc, argv, "mt:")) != -1) {
		switch (ch) {
		case 'm':
			mflag = 1;
			break;
		case 't':
			parseopt(optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 2)
		usage();
	readtsv(argv[0], &ex);
	readtsv(argv[1], &ac);
	rc = compare(&ex, &ac, argv[0], argv[1], mflag);
	freetsv(&ex);
	freetsv(&ac);
	if (fflush(stdout) != 0 || ferror(stdout))
		return 2;
	return rc;
}
