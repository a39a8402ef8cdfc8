/*
 * Partial results: the text state of an analysis (see state.h). The
 * writer prints every figure so that the reader gets the same bits back;
 * the reader checks every line and bounds every size before it trusts it.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/state.h"
#include "servqual/valcount.h"

#define LINE_MAX_LEN 65536
#define NMAX 70368744177664.0		/* 2^46: as the accumulators */

/* FNV-1a of s and a separator into h. */
static void
mix(uint64_t *h, const char *s)
{
	for (; *s; s++) {
		*h ^= (unsigned char)*s;
		*h *= 1099511628211ULL;
	}
	*h ^= 0xff;
	*h *= 1099511628211ULL;
}

uint64_t
sq_instrument_fingerprint(const sq_instrument *ins)
{
	uint64_t h = 1469598103934665603ULL;
	char buf[256];
	size_t i, j;

	snprintf(buf, sizeof(buf), "%zu %zu %a %a", ins->ndims, ins->nitems,
	    ins->min, ins->max);
	mix(&h, buf);
	for (i = 0; i < ins->ndims; i++) {
		mix(&h, ins->dims[i].code);
		for (j = 0; j < 2; j++)
			mix(&h, ins->dims[i].name[j]);
	}
	for (i = 0; i < ins->nitems; i++) {
		snprintf(buf, sizeof(buf), "%d %d %d", ins->items[i].number,
		    ins->items[i].dim, ins->items[i].reverse);
		mix(&h, buf);
	}
	return h;
}

/* Signed 128-bit integer in decimal. */
static void
put_i128(FILE *fp, __int128 v)
{
	char buf[48];
	size_t i = sizeof(buf);
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v :
	    (unsigned __int128)v;

	buf[--i] = '\0';
	do {
		buf[--i] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u > 0);
	if (v < 0)
		buf[--i] = '-';
	fputs(buf + i, fp);
}

static void
put_mom(FILE *fp, const sq_pairmom *m)
{
	fprintf(fp, "mom %a %d %lld ", m->n, m->inexact, m->den);
	put_i128(fp, m->xe);
	fputc(' ', fp);
	put_i128(fp, m->xp);
	fputc(' ', fp);
	put_i128(fp, m->xd2);
	fprintf(fp, " %a %a %a %a\n", m->me, m->mp, m->md, m->m2d);
}

/* "values <kind> <i> <k>", then k lines "<value> <count>", increasing. */
static int
put_vals(FILE *fp, const char *kind, size_t i, const sq_valcount *m)
{
	double *v = NULL;
	unsigned long long *c = NULL;
	size_t j;

	if (sq_valcount_sorted(m, &v, &c) != SQ_OK)
		return SQ_ENOMEM;
	fprintf(fp, "values %s %zu %zu\n", kind, i, m->n);
	for (j = 0; j < m->n; j++)
		fprintf(fp, "%a %llu\n", v[j], c[j]);
	free(v);
	free(c);
	return SQ_OK;
}

static int
put_acc(FILE *fp, const sq_gapacc *a)
{
	size_t i, j, R = a->range;
	int rc = SQ_OK;

	fprintf(fp, "respondents %a\nblock %d\n", a->respondents, a->block);
	for (i = 0; R > 0 && i < a->nitems; i++) {
		fprintf(fp, "counts %zu", i);
		for (j = 0; j < R * R; j++)
			fprintf(fp, " %llu", a->cnt[i * R * R + j]);
		fputc('\n', fp);
	}
	for (i = 0; i < a->nitems; i++)
		put_mom(fp, &a->item[i]);
	for (i = 0; i < a->ndims; i++)
		put_mom(fp, &a->dim[i]);
	put_mom(fp, &a->sq);
	put_mom(fp, &a->wsq);
	/* the signed-rank counts: items, then dimensions */
	for (i = 0; rc == SQ_OK && i < a->nitems; i++)
		rc = put_vals(fp, "item", i, &a->witem[i]);
	for (i = 0; rc == SQ_OK && i < a->ndims; i++)
		rc = put_vals(fp, "dim", i, &a->wdim[i]);
	return rc;
}

static void
put_head(FILE *fp, const sq_state_head *h)
{
	fprintf(fp, "servqual-state %d\ntool %s\nversion %s\n"
	    "instrument %016" PRIx64 "\n", SQ_STATE_VERSION, h->tool,
	    h->version, h->fingerprint);
	fputs(h->options, fp);
	fprintf(fp, "rows %llu\ninvalid %llu\n", h->rows, h->invalid);
}

int
sq_gap_state_write(FILE *fp, const sq_gapset *s, const sq_instrument *ins,
    const sq_state_head *h)
{
	size_t i;
	const unsigned char *p;
	int rc;

	(void)ins;
	put_head(fp, h);
	fprintf(fp, "groups %zu\ngroup all\n", s->nseg + 1);
	if ((rc = put_acc(fp, s->all)) != SQ_OK)
		return rc;
	for (i = 0; i < s->nseg; i++) {
		fputs("group seg ", fp);
		/* hex: segment values may hold blanks, newlines, anything */
		for (p = (const unsigned char *)s->seg[i]; *p; p++)
			fprintf(fp, "%02x", *p);
		fputs(*s->seg[i] ? "\n" : "-\n", fp);
		if ((rc = put_acc(fp, s->acc[i])) != SQ_OK)
			return rc;
	}
	fputs("end\n", fp);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}

/* Reading. */

struct rd {
	FILE *fp;
	const char *name;
	unsigned long line;
	char *buf;
	char *tok[300];
	size_t ntok;
	sq_error *err;
};

static int
bad(struct rd *r, const char *what)
{
	return sq_error_set(r->err, SQ_EPARSE, r->name, r->line, 0, NULL,
	    "not a valid servqual state: %s", what);
}

/* The next line split at blanks; 0, or an error. */
static int
next(struct rd *r)
{
	size_t n = 0;
	int c;
	char *p, *save = NULL;

	while ((c = getc(r->fp)) != EOF && c != '\n') {
		if (n + 1 >= LINE_MAX_LEN) {
			r->line++;
			return bad(r, "line too long");
		}
		if (c == '\0')
			return bad(r, "a NUL byte");
		r->buf[n++] = (char)c;
	}
	if (ferror(r->fp))
		return sq_error_set(r->err, SQ_EIO, r->name, r->line, 0, NULL,
		    "read error");
	r->line++;
	if (c == EOF && n == 0)
		return bad(r, "unexpected end (truncated?)");
	r->buf[n] = '\0';
	r->ntok = 0;
	for (p = strtok_r(r->buf, " ", &save); p != NULL;
	    p = strtok_r(NULL, " ", &save)) {
		if (r->ntok == sizeof(r->tok) / sizeof(r->tok[0]))
			return bad(r, "too many fields");
		r->tok[r->ntok++] = p;
	}
	if (r->ntok == 0)
		return bad(r, "an empty line");
	return SQ_OK;
}

/* The line must be "key" followed by want fields (want < 0: any). */
static int
expect(struct rd *r, const char *key, int want)
{
	int rc;

	if ((rc = next(r)) != SQ_OK)
		return rc;
	if (strcmp(r->tok[0], key) != 0) {
		char msg[96];

		snprintf(msg, sizeof(msg), "expected \"%s\"", key);
		return bad(r, msg);
	}
	if (want >= 0 && r->ntok != (size_t)want + 1)
		return bad(r, "wrong number of fields");
	return SQ_OK;
}

static int
get_u64(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return *end != '\0' || errno != 0 || *v > max ? -1 : 0;
}

static int
get_i128(const char *s, __int128 *v)
{
	unsigned __int128 u = 0, lim = (unsigned __int128)1 << 120;
	int neg = *s == '-';

	if (neg)
		s++;
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || u > lim)
			return -1;
		u = u * 10 + (unsigned)(*s - '0');
	}
	if (u > lim)
		return -1;
	*v = neg ? -(__int128)u : (__int128)u;
	return 0;
}

static int
get_dbl(const char *s, double *v)
{
	char *end;

	if (*s == '\0')
		return -1;
	*v = strtod(s, &end);
	return *end != '\0' ? -1 : 0;
}

static __int128
abs128(__int128 v)
{
	return v < 0 ? -v : v;
}

static int
read_mom(struct rd *r, sq_pairmom *m)
{
	unsigned long long u;
	int rc;

	if ((rc = expect(r, "mom", 10)) != SQ_OK)
		return rc;
	memset(m, 0, sizeof(*m));
	if (get_dbl(r->tok[1], &m->n) || !(m->n >= 0 && m->n < NMAX) ||
	    m->n != floor(m->n))
		return bad(r, "a count out of range");
	if (get_u64(r->tok[2], 1, &u))
		return bad(r, "exactness flag not 0 or 1");
	m->inexact = (int)u;
	if (get_u64(r->tok[3], (1ULL << 62), &u))
		return bad(r, "a denominator out of range");
	m->den = (long long)u;
	if (get_i128(r->tok[4], &m->xe) || get_i128(r->tok[5], &m->xp) ||
	    get_i128(r->tok[6], &m->xd2))
		return bad(r, "an integer sum out of range");
	if (get_dbl(r->tok[7], &m->me) || get_dbl(r->tok[8], &m->mp) ||
	    get_dbl(r->tok[9], &m->md) || get_dbl(r->tok[10], &m->m2d))
		return bad(r, "a number that is not one");
	if (m->inexact) {
		if (m->den != 0 || m->xe != 0 || m->xp != 0 || m->xd2 != 0)
			return bad(r, "integer sums in running moments");
		return SQ_OK;
	}
	/* exact: the sums must be ones n bounded pairs can have */
	if ((m->n > 0) != (m->den > 0) || m->me != 0 || m->mp != 0 ||
	    m->md != 0 || m->m2d != 0)
		return bad(r, "inconsistent exact sums");
	{
		__int128 n = (__int128)(long long)m->n;
		__int128 lim = n * ((__int128)1 << 40);

		if (abs128(m->xe) > lim || abs128(m->xp) > lim ||
		    m->xd2 < 0 || m->xd2 > lim * ((__int128)1 << 42))
			return bad(r, "an integer sum out of range");
	}
	return SQ_OK;
}

/*
 * The counts of one series written by put_vals, added to m: values
 * finite and strictly increasing, counts positive, their sum at most the
 * respondents of the part (one value per respondent and series).
 */
static int
read_vals(struct rd *r, const char *kind, size_t i, double resp,
    sq_valcount *m)
{
	unsigned long long k, j, u, idx;
	double x, prev = 0, sum = 0;
	int rc;

	if ((rc = expect(r, "values", 3)) != SQ_OK)
		return rc;
	if (strcmp(r->tok[1], kind) != 0)
		return bad(r, strcmp(kind, "item") == 0 ?
		    "expected the values of an item" :
		    "expected the values of a dimension");
	if (get_u64(r->tok[2], SQ_MAX_ITEMS, &idx) || idx != i)
		return bad(r, "values of the wrong series");
	if (get_u64(r->tok[3], (1ULL << 46), &k) || (double)k > resp)
		return bad(r, "more distinct values than respondents");
	for (j = 0; j < k; j++) {
		if ((rc = next(r)) != SQ_OK)
			return rc;
		if (r->ntok != 2)
			return bad(r, "wrong number of fields");
		if (get_dbl(r->tok[0], &x) || !isfinite(x))
			return bad(r, "a value that is not a finite number");
		if (j > 0 && !(x > prev))
			return bad(r, "values not strictly increasing");
		if (get_u64(r->tok[1], (1ULL << 46), &u) || u == 0)
			return bad(r, "a count out of range");
		sum += (double)u;
		if (sum > resp)
			return bad(r, "more counts than respondents");
		if (sq_valcount_add(m, x, u) != SQ_OK)
			return SQ_ENOMEM;
		prev = x;
	}
	return SQ_OK;
}

static int
read_acc(struct rd *r, sq_gapacc *a)
{
	size_t i, j, R = a->range;
	unsigned long long u;
	sq_pairmom m;
	double resp;
	int rc;

	if ((rc = expect(r, "respondents", 1)) != SQ_OK)
		return rc;
	if (get_dbl(r->tok[1], &resp) || !(resp >= 0 && resp < NMAX) ||
	    resp != floor(resp))
		return bad(r, "respondents out of range");
	a->respondents += resp;
	if ((rc = expect(r, "block", 1)) != SQ_OK)
		return rc;
	if (get_u64(r->tok[1], SQ_GAP_MSS, &u))
		return bad(r, "unknown block");
	if (resp > 0)
		a->block = (int)u;
	for (i = 0; R > 0 && i < a->nitems; i++) {
		if ((rc = expect(r, "counts", (int)(R * R + 1))) != SQ_OK)
			return rc;
		if (get_u64(r->tok[1], a->nitems, &u) || u != i)
			return bad(r, "counts of the wrong item");
		for (j = 0; j < R * R; j++) {
			if (get_u64(r->tok[2 + j], (1ULL << 46), &u))
				return bad(r, "a count out of range");
			a->cnt[i * R * R + j] += u;
		}
	}
	for (i = 0; i < a->nitems + a->ndims + 2; i++) {
		if ((rc = read_mom(r, &m)) != SQ_OK)
			return rc;
		sq_pairmom_merge(i < a->nitems ? &a->item[i] :
		    i < a->nitems + a->ndims ? &a->dim[i - a->nitems] :
		    i == a->nitems + a->ndims ? &a->sq : &a->wsq, &m);
	}
	for (i = 0; i < a->nitems; i++)
		if ((rc = read_vals(r, "item", i, resp, &a->witem[i])) != SQ_OK)
			return rc;
	for (i = 0; i < a->ndims; i++)
		if ((rc = read_vals(r, "dim", i, resp, &a->wdim[i])) != SQ_OK)
			return rc;
	return SQ_OK;
}

static int
read_head(struct rd *r, sq_state_head *h)
{
	unsigned long long u;
	size_t len = 0, n, i;
	int rc;

	memset(h, 0, sizeof(*h));
	if ((rc = expect(r, "servqual-state", 1)) != SQ_OK)
		return rc;
	if (get_u64(r->tok[1], 1000, &u) || u != SQ_STATE_VERSION)
		return bad(r, "unknown state version");
	if ((rc = expect(r, "tool", 1)) != SQ_OK)
		return rc;
	if (strlen(r->tok[1]) >= sizeof(h->tool))
		return bad(r, "tool name too long");
	strcpy(h->tool, r->tok[1]);
	if ((rc = expect(r, "version", 1)) != SQ_OK)
		return rc;
	if (strlen(r->tok[1]) >= sizeof(h->version))
		return bad(r, "version too long");
	strcpy(h->version, r->tok[1]);
	if ((rc = expect(r, "instrument", 1)) != SQ_OK)
		return rc;
	{
		char *end;

		if (strlen(r->tok[1]) != 16)
			return bad(r, "instrument fingerprint");
		errno = 0;
		h->fingerprint = strtoull(r->tok[1], &end, 16);
		if (*end != '\0' || errno != 0)
			return bad(r, "instrument fingerprint");
	}
	for (;;) {
		if ((rc = next(r)) != SQ_OK)
			return rc;
		if (strcmp(r->tok[0], "option") != 0)
			break;
		for (i = 0; i < r->ntok; i++) {
			n = strlen(r->tok[i]);
			if (len + n + 2 >= sizeof(h->options))
				return bad(r, "options too long");
			memcpy(h->options + len, r->tok[i], n);
			len += n;
			h->options[len++] = i + 1 < r->ntok ? ' ' : '\n';
		}
		h->options[len] = '\0';
	}
	if (strcmp(r->tok[0], "rows") != 0 || r->ntok != 2 ||
	    get_u64(r->tok[1], 1ULL << 46, &h->rows))
		return bad(r, "expected \"rows\"");
	if ((rc = expect(r, "invalid", 1)) != SQ_OK)
		return rc;
	if (get_u64(r->tok[1], 1ULL << 56, &h->invalid))
		return bad(r, "invalid count out of range");
	return SQ_OK;
}

int
sq_state_read_head(FILE *fp, const char *name, sq_state_head *h,
    sq_error *err)
{
	struct rd r = { fp, name, 0, NULL, { 0 }, 0, err };
	int rc;

	if ((r.buf = malloc(LINE_MAX_LEN)) == NULL)
		return SQ_ENOMEM;
	rc = read_head(&r, h);
	free(r.buf);
	return rc;
}

static int
unhex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int
sq_gap_state_read(FILE *fp, const char *name, sq_gapset *s,
    const sq_instrument *ins, sq_state_head *h, unsigned long *line,
    sq_error *err)
{
	struct rd r = { fp, name, *line, NULL, { 0 }, 0, err };
	unsigned long long groups, g;
	sq_gapacc *acc;
	char *val = NULL;
	size_t n, i;
	int rc;

	if ((r.buf = malloc(LINE_MAX_LEN)) == NULL)
		return SQ_ENOMEM;
	if ((rc = read_head(&r, h)) != SQ_OK)
		goto done;
	if (strcmp(h->tool, "sq-gap") != 0) {
		rc = bad(&r, "not an sq-gap state");
		goto done;
	}
	if (h->fingerprint != sq_instrument_fingerprint(ins)) {
		rc = sq_error_set(err, SQ_ESCHEMA, name, 0, 0, NULL,
		    "the state is of another instrument than the one given "
		    "(give the shards' codebook with -c)");
		goto done;
	}
	if ((rc = expect(&r, "groups", 1)) != SQ_OK)
		goto done;
	if (get_u64(r.tok[1], SQ_MAX_SEGMENTS + 1, &groups) || groups == 0) {
		rc = bad(&r, "group count out of range");
		goto done;
	}
	if (groups > 1 && s->hash == NULL) {
		rc = bad(&r, "segments in a state without --by");
		goto done;
	}
	for (g = 0; g < groups; g++) {
		if ((rc = expect(&r, "group", -1)) != SQ_OK)
			goto done;
		if (g == 0) {
			if (r.ntok != 2 || strcmp(r.tok[1], "all") != 0) {
				rc = bad(&r, "expected \"group all\"");
				goto done;
			}
			acc = s->all;
		} else {
			if (r.ntok != 3 || strcmp(r.tok[1], "seg") != 0) {
				rc = bad(&r, "expected \"group seg\"");
				goto done;
			}
			n = strlen(r.tok[2]);
			free(val);
			if ((val = malloc(n / 2 + 1)) == NULL) {
				rc = SQ_ENOMEM;
				goto done;
			}
			if (strcmp(r.tok[2], "-") == 0)
				val[0] = '\0';
			else {
				if (n % 2 != 0) {
					rc = bad(&r, "segment value not hex");
					goto done;
				}
				for (i = 0; i < n / 2; i++) {
					int hi = unhex(r.tok[2][2 * i]),
					    lo = unhex(r.tok[2][2 * i + 1]);

					if (hi < 0 || lo < 0 || hi + lo == 0) {
						rc = bad(&r, "segment value "
						    "not hex");
						goto done;
					}
					val[i] = (char)(hi * 16 + lo);
				}
				val[n / 2] = '\0';
			}
			rc = sq_gapset_segment(s, ins, val, &acc);
			if (rc == SQ_ELIMIT) {
				rc = bad(&r, "too many segments");
				goto done;
			}
			if (rc != SQ_OK)
				goto done;
		}
		if ((rc = read_acc(&r, acc)) != SQ_OK)
			goto done;
	}
	rc = expect(&r, "end", 0);
done:
	*line = r.line;
	free(val);
	free(r.buf);
	return rc;
}
