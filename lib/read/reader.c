/*
 * The CSV reader: libcsv, wrapped once, in strict mode.
 *
 * Input is fed to libcsv one physical line at a time so that the line
 * number of every row is known (libcsv does not count lines). Field bytes
 * are copied out of the callbacks into one growing row buffer, so a row
 * costs no allocation once the buffer has grown to the widest row.
 */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/encoding.h"
#include "servqual/reader.h"
#include "servqual/unicode.h"

#define CHUNK		(64 * 1024)
#define ROW_BYTES_MAX	(16u << 20)

struct rd {
	struct csv_parser p;
	const char *name;
	sq_row_fn fn;
	void *ctx;
	sq_error *err;
	size_t max_field, max_cols;
	char *buf;		/* the row's fields, each NUL-terminated */
	size_t used, cap;
	size_t *off, *len;	/* per field: offset into buf, length */
	char **field;
	size_t nf, fcap;
	unsigned long line;	/* physical line being fed */
	unsigned long row_line;	/* line where the current row began */
	unsigned long index;
	int prev_cr;		/* last byte fed was CR */
	int rc;			/* first error, stops everything */
	int delim;
	int started;		/* BOM and sep= handled */
};

static int
is_space(unsigned char c)
{
	return c == ' ';
}

static int
fail(struct rd *r, unsigned long line, size_t col, int code,
    const char *msg)
{
	if (r->rc == 0)
		r->rc = sq_error_set(r->err, code, r->name, line, col, NULL,
		    "%s", msg);
	return r->rc;
}

/* Make room for a field of n bytes, or fail; 0 when there is room. */
static int
field_room(struct rd *r, size_t n)
{
	size_t need;

	if (r->rc != 0)
		return -1;
	if (r->nf >= r->max_cols) {
		char msg[96];

		snprintf(msg, sizeof(msg), "more than %zu columns",
		    r->max_cols);
		return fail(r, r->row_line, r->nf + 1, SQ_ELIMIT, msg);
	}
	if (n > r->max_field) {
		char msg[96];

		snprintf(msg, sizeof(msg), "field is longer than %zu bytes",
		    r->max_field);
		return fail(r, r->row_line, r->nf + 1, SQ_ELIMIT, msg);
	}
	need = r->used + n + 1;
	if (need > ROW_BYTES_MAX)
		return fail(r, r->row_line, r->nf + 1, SQ_ELIMIT,
		    "row is longer than 16 MiB");
	if (need > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		char *nb;

		while (cap < need)
			cap *= 2;
		if ((nb = realloc(r->buf, cap)) == NULL)
			return fail(r, r->row_line, 0, SQ_ENOMEM,
			    "out of memory");
		r->buf = nb;
		r->cap = cap;
	}
	if (r->nf == r->fcap) {
		size_t fcap = r->fcap ? r->fcap * 2 : 64;
		size_t *no, *nl;
		char **nfp;

		no = realloc(r->off, fcap * sizeof(*no));
		if (no != NULL)
			r->off = no;
		nl = realloc(r->len, fcap * sizeof(*nl));
		if (nl != NULL)
			r->len = nl;
		nfp = realloc(r->field, fcap * sizeof(*nfp));
		if (nfp != NULL)
			r->field = nfp;
		if (no == NULL || nl == NULL || nfp == NULL)
			return fail(r, r->row_line, 0, SQ_ENOMEM,
			    "out of memory");
		r->fcap = fcap;
	}
	return 0;
}

/*
 * The field of n bytes just copied to buf + used, in NFC: text that looks
 * the same is the same bytes (an NFD export from macOS and an NFC one
 * give one segment, one header). Returns its new length.
 */
static size_t
nfc_field(struct rd *r, size_t n)
{
	char *big;
	size_t len;
	int k = sq_nfc(r->buf + r->used, n, &big, &len);

	if (k < 0)
		return n;
	if (k == 0)
		return len;
	/* Longer in NFC (rare): make room, then copy. */
	if (field_room(r, len) != 0) {
		free(big);
		return n;
	}
	memcpy(r->buf + r->used, big, len);
	free(big);
	return len;
}

/* libcsv's field callback: copy the bytes out (hot: one call a field). */
static void
on_field(void *s, size_t n, void *data)
{
	struct rd *r = data;
	const char *src = s;
	char *dst;
	size_t i;

	if (src == NULL)
		n = 0;
	if (r->rc != 0 || r->nf >= r->fcap || r->nf >= r->max_cols ||
	    n > r->max_field || r->used + n + 1 > r->cap)
		if (field_room(r, n) != 0)
			return;
	dst = r->buf + r->used;
	if (n <= 16) {	/* survey answers are short: skip the call */
		unsigned char hi = 0;

		for (i = 0; i < n; i++)
			hi |= (unsigned char)(dst[i] = src[i]);
		if (hi & 0x80)
			n = nfc_field(r, n);
	} else {
		memcpy(dst, src, n);
		for (i = 0; i < n; i++)
			if ((unsigned char)src[i] & 0x80) {
				n = nfc_field(r, n);
				break;
			}
	}
	if (r->rc != 0)
		return;
	dst = r->buf + r->used;
	dst[n] = '\0';
	r->off[r->nf] = r->used;
	r->len[r->nf] = n;
	r->nf++;
	r->used += n + 1;
}

static void
on_row(int c, void *data)
{
	struct rd *r = data;
	sq_row row;
	size_t i;

	(void)c;
	if (r->rc != 0)
		return;
	for (i = 0; i < r->nf; i++)
		r->field[i] = r->buf + r->off[i];
	row.line = r->row_line;
	row.index = r->index++;
	row.nfields = r->nf;
	row.field = r->field;
	row.len = r->len;
	row.delim = r->delim;
	r->rc = r->fn(r->ctx, &row, r->err);
	r->nf = 0;
	r->used = 0;
}

/*
 * Count delimiter candidates outside quotes on the first line that has
 * any and is not a '#' comment (codebooks may open with one; exports
 * with a title line above the header).
 */
static int
sniff_delim(const unsigned char *s, size_t n)
{
	size_t i, comma, semi, tab;
	int q = 0;

	while (n > 0) {
		comma = semi = tab = 0;
		for (i = 0; i < n; i++) {
			if (s[i] == '"')
				q = !q;
			else if (!q && (s[i] == '\n' || s[i] == '\r'))
				break;
			else if (!q && s[i] == ',')
				comma++;
			else if (!q && s[i] == ';')
				semi++;
			else if (!q && s[i] == '\t')
				tab++;
		}
		if (s[0] != '#' && comma + semi + tab > 0) {
			if (tab > comma && tab > semi)
				return '\t';
			return semi > comma ? ';' : ',';
		}
		while (i < n && (s[i] == '\n' || s[i] == '\r'))
			i++;
		s += i;
		n -= i;
	}
	return ',';
}

/* Feed bytes to libcsv one physical line at a time. */
static int
feed(struct rd *r, const unsigned char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n && r->rc == 0) {
		for (j = i; j < n; j++) {
			if (s[j] == '\n' || s[j] == '\r')
				break;
			if (s[j] == '\0')
				return fail(r, r->line, r->nf + 1, SQ_EPARSE,
				    "binary data (a NUL byte): not a CSV "
				    "text file");
		}
		if (j < n)
			j++;	/* include the line end */
		if (r->p.pstate == 0 && !(r->prev_cr && s[i] == '\n'))
			r->row_line = r->line;
		if (csv_parse(&r->p, s + i, j - i, on_field, on_row, r) !=
		    j - i) {
			if (r->rc != 0)
				return r->rc;
			return fail(r, r->line, r->nf + 1, SQ_EPARSE,
			    "malformed quoted field (a quote inside an "
			    "unquoted field, or text after a closing quote)");
		}
		if (r->rc != 0)
			return r->rc;
		if (r->p.entry_pos > r->max_field) {
			char msg[96];

			snprintf(msg, sizeof(msg),
			    "field is longer than %zu bytes", r->max_field);
			return fail(r, r->row_line, r->nf + 1, SQ_ELIMIT, msg);
		}
		/* A line ends at LF, at CR not followed by LF, at CRLF. */
		if (s[j - 1] == '\n') {
			if (!r->prev_cr || j - 1 != i)
				r->line++;
			r->prev_cr = 0;
		} else if (s[j - 1] == '\r') {
			r->line++;
			r->prev_cr = 1;
		} else
			r->prev_cr = 0;
		i = j;
	}
	return r->rc;
}

/* Strip a UTF-8 BOM, honour Excel's "sep=X" line, pick the delimiter. */
static size_t
start(struct rd *r, const unsigned char *s, size_t n, int delim)
{
	size_t skip = 0;

	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		skip = 3;
	if (n - skip >= 5 && strncasecmp((const char *)s + skip, "sep=", 4)
	    == 0 && (n - skip == 5 || s[skip + 5] == '\r' ||
	    s[skip + 5] == '\n')) {
		if (delim == 0)
			delim = s[skip + 4];
		skip += 5;
		if (skip < n && s[skip] == '\r')
			skip++;
		if (skip < n && s[skip] == '\n')
			skip++;
		r->line++;
	}
	if (delim == 0)
		delim = sniff_delim(s + skip, n - skip);
	r->delim = delim;
	csv_set_delim(&r->p, (unsigned char)delim);
	/* libcsv's own test (space or tab) is inline; a function costs a
	 * call a byte, so set one only where tab must not be a space. */
	csv_set_space_func(&r->p, delim == '\t' ? is_space : NULL);
	r->started = 1;
	return skip;
}

static int
rd_init(struct rd *r, const char *name, const sq_reader_opts *o,
    sq_row_fn fn, void *ctx, sq_error *err)
{
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->fn = fn;
	r->ctx = ctx;
	r->err = err;
	r->line = 1;
	r->row_line = 1;
	r->max_field = o && o->max_field ? o->max_field : SQ_MAX_FIELD_DEFAULT;
	r->max_cols = o && o->max_cols ? o->max_cols : SQ_MAX_COLS_DEFAULT;
	if (o && o->delim != 0 && o->delim != ',' && o->delim != ';' &&
	    o->delim != '\t')
		return sq_error_set(err, SQ_EUSAGE, name, 0, 0, NULL,
		    "delimiter must be comma, semicolon or tab");
	if (o && (o->encoding < SQ_ENC_AUTO || o->encoding > SQ_ENC_ICONV ||
	    (o->encoding == SQ_ENC_ICONV && (o->charset == NULL ||
	    !sq_charset_known(o->charset)))))
		return sq_error_set(err, SQ_EUSAGE, name, 0, 0, NULL,
		    "unknown encoding");
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
	    CSV_EMPTY_IS_NULL) != 0)
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	return SQ_OK;
}

static int
rd_finish(struct rd *r)
{
	if (r->rc == 0 && csv_fini(&r->p, on_field, on_row, r) != 0 &&
	    r->rc == 0)
		fail(r, r->row_line, r->nf + 1, SQ_EPARSE,
		    "unterminated quoted field (the quote opened here is "
		    "never closed)");
	csv_free(&r->p);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->field);
	return r->rc;
}

int
sq_read_csv(FILE *fp, const char *name, const sq_reader_opts *opts,
    sq_row_fn fn, void *ctx, sq_error *err)
{
	struct rd r;
	sq_decoder dec;
	unsigned char *chunk, *out;
	char *text;
	size_t n, tn, skip;
	int rc, eof = 0;

	if ((rc = rd_init(&r, name, opts, fn, ctx, err)) != 0)
		return rc;
	if (opts && opts->encoding == SQ_ENC_ICONV)
		sq_decoder_init_charset(&dec, opts->charset, name);
	else
		sq_decoder_init(&dec, opts ? opts->encoding : SQ_ENC_AUTO,
		    name);
	chunk = malloc(CHUNK);
	text = malloc(SQ_DECODE_SPACE(CHUNK));
	if (chunk == NULL || text == NULL) {
		free(chunk);
		free(text);
		sq_decoder_release(&dec);
		fail(&r, 0, 0, SQ_ENOMEM, "out of memory");
		return rd_finish(&r);
	}
	while (r.rc == 0 && !eof) {
		n = fread(chunk, 1, CHUNK, fp);
		eof = n < CHUNK;
		if (eof && ferror(fp)) {
			sq_error_set(err, r.rc = SQ_EIO, name, 0, 0, NULL,
			    "%s", strerror(errno));
			break;
		}
		/* Plain ASCII after the start is its own UTF-8: no copy. */
		if (sq_decode_same(&dec, chunk, n)) {
			out = chunk;
			tn = n;
		} else if ((r.rc = sq_decode(&dec, chunk, n, eof, text, &tn,
		    err)) != 0)
			break;
		else
			out = (unsigned char *)text;
		skip = 0;
		if (!r.started && tn > 0)
			skip = start(&r, out, tn, opts ? opts->delim : 0);
		feed(&r, out + skip, tn - skip);
	}
	if (opts && opts->guessed && dec.guessed)
		*opts->guessed = 1;
	sq_decoder_release(&dec);
	free(chunk);
	free(text);
	return rd_finish(&r);
}

int
sq_read_csv_mem(const void *buf, size_t len, const char *name,
    const sq_reader_opts *opts, sq_row_fn fn, void *ctx, sq_error *err)
{
	const unsigned char *s = buf;
	struct rd r;
	char *text = NULL;
	size_t skip, tn = 0;
	int rc, enc, used = 0;

	if ((rc = rd_init(&r, name, opts, fn, ctx, err)) != 0)
		return rc;
	enc = opts ? opts->encoding : SQ_ENC_AUTO;
	/* Valid UTF-8 without a byte-order mark is parsed in place. */
	if ((enc == SQ_ENC_AUTO || enc == SQ_ENC_UTF8) && !(len >= 2 &&
	    (s[0] == 0xFF || s[0] == 0xFE || s[0] == 0xEF)) &&
	    sq_utf8_valid(s, len) == len) {
		skip = start(&r, s, len, opts ? opts->delim : 0);
		feed(&r, s + skip, len - skip);
		return rd_finish(&r);
	}
	if (enc == SQ_ENC_ICONV) {
		sq_decoder dec;

		sq_decoder_init_charset(&dec, opts->charset, name);
		if (len > ((size_t)-1 - 64) / 3 ||
		    (text = malloc(SQ_DECODE_SPACE(len) + 1)) == NULL)
			r.rc = sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
			    "out of memory");
		else
			r.rc = sq_decode(&dec, buf, len, 1, text, &tn, err);
		sq_decoder_release(&dec);
		if (r.rc == 0 && tn > 0) {
			skip = start(&r, (unsigned char *)text, tn,
			    opts->delim);
			feed(&r, (unsigned char *)text + skip, tn - skip);
		}
	} else if ((r.rc = sq_decode_all(buf, len, enc, name, &text, &tn,
	    &used, err)) == 0 && tn > 0) {
		if (opts && opts->guessed && used == SQ_ENC_CP1252 &&
		    enc == SQ_ENC_AUTO)
			*opts->guessed = 1;
		skip = start(&r, (unsigned char *)text, tn,
		    opts ? opts->delim : 0);
		feed(&r, (unsigned char *)text + skip, tn - skip);
	}
	free(text);
	return rd_finish(&r);
}
