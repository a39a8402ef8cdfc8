/*
 * Partial results: the text state of an analysis (see state.h), the part
 * every tool shares: the instrument's fingerprint, the head, and a reader
 * that checks every line and bounds every size before it trusts it.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/state.h"

#define LINE_MAX_LEN 65536

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
void
sq_state_put_i128(FILE *fp, __int128 v)
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
	buf[--i] = ' ';
	fputs(buf + i, fp);
}

void
sq_state_put_hex(FILE *fp, const char *s)
{
	const unsigned char *p;

	fputc(' ', fp);
	if (*s == '\0')
		fputc('-', fp);
	for (p = (const unsigned char *)s; *p; p++)
		fprintf(fp, "%02x", *p);
}

void
sq_state_write_head(FILE *fp, const sq_state_head *h)
{
	fprintf(fp, "servqual-state %d\ntool %s\nversion %s\n"
	    "instrument %016" PRIx64 "\n", SQ_STATE_VERSION, h->tool,
	    h->version, h->fingerprint);
	fputs(h->options, fp);
	fprintf(fp, "rows %llu\ninvalid %llu\n", h->rows, h->invalid);
}

/* Reading. */

int
sq_state_rd_init(sq_state_rd *r, FILE *fp, const char *name,
    unsigned long line, sq_error *err)
{
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = name;
	r->line = line;
	r->err = err;
	r->buf = malloc(LINE_MAX_LEN);
	r->tok = malloc(SQ_STATE_MAXTOK * sizeof(*r->tok));
	if (r->buf == NULL || r->tok == NULL) {
		sq_state_rd_free(r);
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	}
	return SQ_OK;
}

void
sq_state_rd_free(sq_state_rd *r)
{
	free(r->buf);
	free(r->tok);
	r->buf = NULL;
	r->tok = NULL;
}

int
sq_state_bad(sq_state_rd *r, const char *what)
{
	return sq_error_set(r->err, SQ_EPARSE, r->name, r->line, 0, NULL,
	    "not a valid servqual state: %s", what);
}

int
sq_state_next(sq_state_rd *r)
{
	size_t n = 0;
	int c;
	char *p, *save = NULL;

	while ((c = getc(r->fp)) != EOF && c != '\n') {
		if (n + 1 >= LINE_MAX_LEN) {
			r->line++;
			return sq_state_bad(r, "line too long");
		}
		if (c == '\0')
			return sq_state_bad(r, "a NUL byte");
		r->buf[n++] = (char)c;
	}
	if (ferror(r->fp))
		return sq_error_set(r->err, SQ_EIO, r->name, r->line, 0, NULL,
		    "read error");
	r->line++;
	if (c == EOF && n == 0)
		return sq_state_bad(r, "unexpected end (truncated?)");
	r->buf[n] = '\0';
	r->ntok = 0;
	for (p = strtok_r(r->buf, " ", &save); p != NULL;
	    p = strtok_r(NULL, " ", &save)) {
		if (r->ntok == SQ_STATE_MAXTOK)
			return sq_state_bad(r, "too many fields");
		r->tok[r->ntok++] = p;
	}
	if (r->ntok == 0)
		return sq_state_bad(r, "an empty line");
	return SQ_OK;
}

int
sq_state_expect(sq_state_rd *r, const char *key, int want)
{
	int rc;

	if ((rc = sq_state_next(r)) != SQ_OK)
		return rc;
	if (strcmp(r->tok[0], key) != 0) {
		char msg[96];

		snprintf(msg, sizeof(msg), "expected \"%s\"", key);
		return sq_state_bad(r, msg);
	}
	if (want >= 0 && r->ntok != (size_t)want + 1)
		return sq_state_bad(r, "wrong number of fields");
	return SQ_OK;
}

int
sq_state_u64(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return *end != '\0' || errno != 0 || *v > max ? -1 : 0;
}

int
sq_state_i128(const char *s, __int128 *v)
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

int
sq_state_dbl(const char *s, double *v)
{
	char *end;

	if (*s == '\0')
		return -1;
	*v = strtod(s, &end);
	return *end != '\0' ? -1 : 0;
}

int
sq_state_count(const char *s, double *v)
{
	if (sq_state_dbl(s, v) || !(*v >= 0 && *v < SQ_STATE_NMAX) ||
	    *v != floor(*v))
		return -1;
	return 0;
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
sq_state_unhex(const char *s, char **out)
{
	size_t n = strlen(s), i;
	char *val;

	*out = NULL;
	if (strcmp(s, "-") != 0 && (n % 2 != 0 || n == 0))
		return -1;
	if ((val = malloc(n / 2 + 1)) == NULL)
		return -1;
	if (strcmp(s, "-") == 0)
		n = 0;
	for (i = 0; i < n / 2; i++) {
		int hi = unhex(s[2 * i]), lo = unhex(s[2 * i + 1]);

		if (hi < 0 || lo < 0 || hi + lo == 0) {
			free(val);
			return -1;
		}
		val[i] = (char)(hi * 16 + lo);
	}
	val[n / 2] = '\0';
	*out = val;
	return 0;
}

int
sq_state_read_head_rd(sq_state_rd *r, sq_state_head *h)
{
	unsigned long long u;
	size_t len = 0, n, i;
	int rc;

	memset(h, 0, sizeof(*h));
	if ((rc = sq_state_expect(r, "servqual-state", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], 1000, &u) || u != SQ_STATE_VERSION)
		return sq_state_bad(r, "unknown state version");
	if ((rc = sq_state_expect(r, "tool", 1)) != SQ_OK)
		return rc;
	if (strlen(r->tok[1]) >= sizeof(h->tool))
		return sq_state_bad(r, "tool name too long");
	strcpy(h->tool, r->tok[1]);
	if ((rc = sq_state_expect(r, "version", 1)) != SQ_OK)
		return rc;
	if (strlen(r->tok[1]) >= sizeof(h->version))
		return sq_state_bad(r, "version too long");
	strcpy(h->version, r->tok[1]);
	if ((rc = sq_state_expect(r, "instrument", 1)) != SQ_OK)
		return rc;
	{
		char *end;

		if (strlen(r->tok[1]) != 16)
			return sq_state_bad(r, "instrument fingerprint");
		errno = 0;
		h->fingerprint = strtoull(r->tok[1], &end, 16);
		if (*end != '\0' || errno != 0)
			return sq_state_bad(r, "instrument fingerprint");
	}
	for (;;) {
		if ((rc = sq_state_next(r)) != SQ_OK)
			return rc;
		/* options, then facts of the export (scan.h) */
		if (strcmp(r->tok[0], "option") != 0 &&
		    strcmp(r->tok[0], "fact") != 0)
			break;
		for (i = 0; i < r->ntok; i++) {
			n = strlen(r->tok[i]);
			if (len + n + 2 >= sizeof(h->options))
				return sq_state_bad(r, "options too long");
			memcpy(h->options + len, r->tok[i], n);
			len += n;
			h->options[len++] = i + 1 < r->ntok ? ' ' : '\n';
		}
		h->options[len] = '\0';
	}
	if (strcmp(r->tok[0], "rows") != 0 || r->ntok != 2 ||
	    sq_state_u64(r->tok[1], 1ULL << 46, &h->rows))
		return sq_state_bad(r, "expected \"rows\"");
	if ((rc = sq_state_expect(r, "invalid", 1)) != SQ_OK)
		return rc;
	if (sq_state_u64(r->tok[1], 1ULL << 56, &h->invalid))
		return sq_state_bad(r, "invalid count out of range");
	return SQ_OK;
}

int
sq_state_read_head(FILE *fp, const char *name, sq_state_head *h,
    sq_error *err)
{
	sq_state_rd r;
	int rc;

	if ((rc = sq_state_rd_init(&r, fp, name, 0, err)) != SQ_OK)
		return rc;
	rc = sq_state_read_head_rd(&r, h);
	sq_state_rd_free(&r);
	return rc;
}
