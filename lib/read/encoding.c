/*
 * Decoders to UTF-8. Tables rather than iconv: the five encodings are
 * fixed and small, glibc's CP1252 rejects the five unassigned bytes that
 * real files contain, and a decoder of our own reports the line of a bad
 * sequence, streams without allocating and is easy to fuzz.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iconv.h>
#include <errno.h>
#include <strings.h>

#include "servqual/encoding.h"

/* Windows-1252 0x80..0x9F; unassigned bytes map to the C1 control of the
 * same value, as the WHATWG encoding standard does. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

/* Input seen as two segments: bytes carried over, then the new chunk. */
typedef struct vbuf {
	const unsigned char *a;
	size_t na;
	const unsigned char *b;
	size_t nb;
} vbuf;

static inline unsigned
vb(const vbuf *v, size_t i)
{
	return i < v->na ? v->a[i] : v->b[i - v->na];
}

/*
 * Length of the valid UTF-8 sequence at i (1..4), 0 when invalid, -1 when
 * it is a valid beginning cut off by the end of the data.
 */
static int
utf8_seq(const vbuf *v, size_t i, size_t n)
{
	unsigned c = vb(v, i), lo = 0x80, hi = 0xBF;
	int len, k;

	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (c == 0xE0)
		lo = 0xA0;		/* overlong */
	else if (c == 0xED)
		hi = 0x9F;		/* surrogates */
	else if (c == 0xF0)
		lo = 0x90;		/* overlong */
	else if (c == 0xF4)
		hi = 0x8F;		/* beyond U+10FFFF */
	for (k = 1; k < len; k++) {
		if (i + (size_t)k >= n)
			return -1;
		c = vb(v, i + (size_t)k);
		if (c < lo || c > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
	}
	return len;
}

/* Valid UTF-8 over [0, n); an incomplete tail counts as valid unless
 * whole. Returns the length of the longest valid prefix. */
static size_t
vb_valid(const vbuf *v, size_t n, int whole)
{
	size_t i = 0;
	int k;

	while (i < n) {
		k = utf8_seq(v, i, n);
		if (k == 0)
			return i;
		if (k < 0)
			return whole ? i : n;
		i += (size_t)k;
	}
	return n;
}

size_t
sq_utf8_valid(const void *s, size_t n)
{
	vbuf v = { NULL, 0, s, n };

	return vb_valid(&v, n, 1);
}

int
sq_encoding_detect(const void *buf, size_t len, int whole, size_t *bomlen)
{
	const unsigned char *s = buf;
	vbuf v = { NULL, 0, s, len };
	size_t bl = 0;
	int enc;

	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		enc = SQ_ENC_UTF8;
		bl = 3;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		enc = SQ_ENC_UTF16LE;
		bl = 2;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		enc = SQ_ENC_UTF16BE;
		bl = 2;
	} else
		enc = vb_valid(&v, len, whole) == len ? SQ_ENC_UTF8 :
		    SQ_ENC_CP1252;
	if (bomlen != NULL)
		*bomlen = bl;
	return enc;
}

static const struct {
	const char *name;
	int enc;
} encnames[] = {
	{ "auto", SQ_ENC_AUTO },
	{ "utf-8", SQ_ENC_UTF8 }, { "utf8", SQ_ENC_UTF8 },
	{ "cp1252", SQ_ENC_CP1252 }, { "windows-1252", SQ_ENC_CP1252 },
	{ "windows1252", SQ_ENC_CP1252 }, { "ansi", SQ_ENC_CP1252 },
	{ "latin1", SQ_ENC_LATIN1 }, { "latin-1", SQ_ENC_LATIN1 },
	{ "iso-8859-1", SQ_ENC_LATIN1 }, { "iso8859-1", SQ_ENC_LATIN1 },
	{ "utf-16le", SQ_ENC_UTF16LE }, { "utf16le", SQ_ENC_UTF16LE },
	{ "utf-16", SQ_ENC_UTF16LE }, { "utf16", SQ_ENC_UTF16LE },
	{ "utf-16be", SQ_ENC_UTF16BE }, { "utf16be", SQ_ENC_UTF16BE },
};

int
sq_encoding_parse(const char *s, int *enc)
{
	size_t i;

	for (i = 0; i < sizeof(encnames) / sizeof(encnames[0]); i++)
		if (strcasecmp(s, encnames[i].name) == 0) {
			*enc = encnames[i].enc;
			return 0;
		}
	return SQ_EUSAGE;
}

const char *
sq_encoding_name(int enc)
{
	switch (enc) {
	case SQ_ENC_AUTO:	return "auto";
	case SQ_ENC_UTF8:	return "utf-8";
	case SQ_ENC_CP1252:	return "cp1252";
	case SQ_ENC_LATIN1:	return "latin1";
	case SQ_ENC_UTF16LE:	return "utf-16le";
	case SQ_ENC_UTF16BE:	return "utf-16be";
	default:		return "unknown";
	}
}

void
sq_decoder_init(sq_decoder *d, int enc, const char *name)
{
	memset(d, 0, sizeof(*d));
	d->enc = enc;
	d->line = 1;
	d->name = name;
}

int
sq_charset_known(const char *charset)
{
	iconv_t cd = iconv_open("UTF-8", charset);

	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

int
sq_decoder_init_charset(sq_decoder *d, const char *charset,
    const char *name)
{
	iconv_t cd;
	char in[] = "Az09,;\t\n", out[64], *ip = in, *op = out;
	size_t il = sizeof(in) - 1, ol = sizeof(out);

	sq_decoder_init(d, SQ_ENC_ICONV, name);
	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return SQ_EUSAGE;
	d->cd = cd;
	d->charset = charset;
	/* ASCII-compatible (CP949, ISO-8859-15...): the fast path holds. */
	d->ascii_same = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 &&
	    il == 0 && (size_t)(op - out) == sizeof(in) - 1 &&
	    memcmp(out, in, sizeof(in) - 1) == 0;
	iconv(cd, NULL, NULL, NULL, NULL);
	return SQ_OK;
}

void
sq_decoder_release(sq_decoder *d)
{
	if (d->cd != NULL)
		iconv_close((iconv_t)d->cd);
	d->cd = NULL;
}

/*
 * One character of an iconv charset at i: the shortest run of 1 to 4
 * bytes that converts whole. Returns the bytes consumed, 0 when more
 * input is needed, -1 on error (err set).
 */
static int
iconv_unit(sq_decoder *d, const vbuf *v, size_t i, size_t n, int last,
    char *o, size_t *olen, sq_error *err);

int
sq_decoder_encoding(const sq_decoder *d)
{
	return d->enc;
}

/* Append code point c as UTF-8; returns the bytes written. */
static size_t
put_utf8(unsigned long c, char *o)
{
	unsigned char *u = (unsigned char *)o;

	if (c < 0x80) {
		u[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = (unsigned char)(0xC0 | (c >> 6));
		u[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (c >> 12));
		u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (c >> 18));
	u[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

static unsigned long
cp1252(unsigned c)
{
	return c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c;
}

static int bad(sq_decoder *, sq_error *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(sq_decoder *d, sq_error *err, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return sq_error_set(err, SQ_EPARSE, d->name, d->line, 0, NULL,
	    "%s", msg);
}

/*
 * Decode one unit at i of v (n bytes available). Returns the bytes
 * consumed (> 0), 0 when more input is needed, -1 on error (err set).
 */
static int
unit(sq_decoder *d, const vbuf *v, size_t i, size_t n, int last, char *o,
    size_t *olen, sq_error *err)
{
	unsigned c, c2;
	unsigned long cp;
	int k;

	switch (d->enc) {
	case SQ_ENC_ICONV:
		return iconv_unit(d, v, i, n, last, o, olen, err);
	case SQ_ENC_UTF16LE:
	case SQ_ENC_UTF16BE:
		if (n - i < 2) {
			if (!last)
				return 0;
			bad(d, err, "UTF-16 input ends in the middle of a "
			    "character (odd number of bytes)");
			return -1;
		}
		c = d->enc == SQ_ENC_UTF16LE ?
		    vb(v, i) | vb(v, i + 1) << 8 :
		    vb(v, i) << 8 | vb(v, i + 1);
		if (c >= 0xDC00 && c <= 0xDFFF) {
			bad(d, err, "UTF-16 low surrogate U+%04X without a "
			    "high one", c);
			return -1;
		}
		if (c < 0xD800 || c > 0xDBFF) {
			*olen = put_utf8(c, o);
			return 2;
		}
		if (n - i < 4) {
			if (!last)
				return 0;
			bad(d, err, "UTF-16 high surrogate U+%04X at the end "
			    "of the input", c);
			return -1;
		}
		c2 = d->enc == SQ_ENC_UTF16LE ?
		    vb(v, i + 2) | vb(v, i + 3) << 8 :
		    vb(v, i + 2) << 8 | vb(v, i + 3);
		if (c2 < 0xDC00 || c2 > 0xDFFF) {
			bad(d, err, "UTF-16 high surrogate U+%04X without a "
			    "low one", c);
			return -1;
		}
		cp = 0x10000 + (((unsigned long)c - 0xD800) << 10) +
		    (c2 - 0xDC00);
		*olen = put_utf8(cp, o);
		return 4;
	case SQ_ENC_CP1252:
		*olen = put_utf8(cp1252(vb(v, i)), o);
		return 1;
	case SQ_ENC_LATIN1:
		*olen = put_utf8(vb(v, i), o);
		return 1;
	default:		/* UTF-8 */
		k = utf8_seq(v, i, n);
		if (k < 0 && !last)
			return 0;
		if (k > 0) {
			for (c = 0; c < (unsigned)k; c++)
				o[c] = (char)vb(v, i + c);
			*olen = (size_t)k;
			return k;
		}
		if (d->fallback) {
			d->guessed = 1;
			*olen = put_utf8(cp1252(vb(v, i)), o);
			return 1;
		}
		bad(d, err, "invalid UTF-8 (byte 0x%02X); if the file is "
		    "Windows-1252 give --encoding cp1252", vb(v, i));
		return -1;
	}
}

static int
iconv_unit(sq_decoder *d, const vbuf *v, size_t i, size_t n, int last,
    char *o, size_t *olen, sq_error *err)
{
	char in[4], *ip, *op;
	size_t k, j, il, ol;

	for (k = 1; k <= 4; k++) {
		if (i + k > n) {
			if (!last)
				return 0;
			bad(d, err, "the input ends in the middle of a %s "
			    "character", d->charset);
			return -1;
		}
		for (j = 0; j < k; j++)
			in[j] = (char)vb(v, i + j);
		ip = in;
		il = k;
		op = o;
		ol = 16;
		iconv((iconv_t)d->cd, NULL, NULL, NULL, NULL);
		if (iconv((iconv_t)d->cd, &ip, &il, &op, &ol) != (size_t)-1 &&
		    il == 0) {
			*olen = (size_t)(op - o);
			return (int)k;
		}
		if (errno != EINVAL)
			break;
	}
	bad(d, err, "byte 0x%02X is not valid %s", vb(v, i), d->charset);
	return -1;
}

/* Resolve the encoding and drop a byte-order mark; 0 if more is needed. */
static int
start(sq_decoder *d, const vbuf *v, size_t n, int last, size_t *skip)
{
	unsigned b0, b1, b2;
	size_t lim;

	if (n < 3 && !last)
		return 0;
	b0 = n > 0 ? vb(v, 0) : 0x100;
	b1 = n > 1 ? vb(v, 1) : 0x100;
	b2 = n > 2 ? vb(v, 2) : 0x100;
	*skip = 0;
	if (d->enc == SQ_ENC_AUTO) {
		if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF)
			d->enc = SQ_ENC_UTF8;
		else if (b0 == 0xFF && b1 == 0xFE)
			d->enc = SQ_ENC_UTF16LE;
		else if (b0 == 0xFE && b1 == 0xFF)
			d->enc = SQ_ENC_UTF16BE;
		else {
			lim = n < SQ_DETECT_BYTES ? n : SQ_DETECT_BYTES;
			d->enc = vb_valid(v, lim, last && lim == n) == lim ?
			    SQ_ENC_UTF8 : SQ_ENC_CP1252;
			d->guessed = d->enc == SQ_ENC_CP1252;
		}
		if (d->enc == SQ_ENC_UTF8)
			d->fallback = 1;
	}
	if (d->enc == SQ_ENC_UTF8 && b0 == 0xEF && b1 == 0xBB && b2 == 0xBF)
		*skip = 3;
	else if (d->enc == SQ_ENC_UTF16LE && b0 == 0xFF && b1 == 0xFE)
		*skip = 2;
	else if (d->enc == SQ_ENC_UTF16BE && b0 == 0xFE && b1 == 0xFF)
		*skip = 2;
	d->started = 1;
	return 1;
}

int
sq_decode(sq_decoder *d, const void *in, size_t n, int last, char *out,
    size_t *outlen, sq_error *err)
{
	vbuf v = { d->pend, d->npend, in, n };
	size_t tot = d->npend + n, i = 0, o = 0, ol, j;
	int k, ascii_ok;

	*outlen = 0;
	if (!d->started) {
		if (!start(d, &v, tot, last, &i)) {
			memcpy(d->pend + d->npend, in, n);
			d->npend += n;
			return 0;
		}
	}
	/* One byte per character below 0x80 in all but UTF-16. */
	ascii_ok = d->enc != SQ_ENC_UTF16LE && d->enc != SQ_ENC_UTF16BE &&
	    (d->enc != SQ_ENC_ICONV || d->ascii_same);
	while (i < tot) {
		if (ascii_ok && i >= v.na) {
			const unsigned char *p = v.b + (i - v.na);
			size_t m = tot - i;

			for (j = 0; j < m && p[j] < 0x80; j++)
				if (p[j] == '\n')
					d->line++;
			memcpy(out + o, p, j);
			o += j;
			i += j;
			if (i == tot)
				break;
		}
		k = unit(d, &v, i, tot, last, out + o, &ol, err);
		if (k < 0) {
			d->offset += i;
			return SQ_EPARSE;
		}
		if (k == 0)
			break;
		for (j = 0; j < ol; j++)
			if (out[o + j] == '\n')
				d->line++;
		o += ol;
		i += (size_t)k;
	}
	/* Keep an incomplete tail (at most 3 bytes) for the next call. */
	{
		unsigned char tmp[sizeof(d->pend)];
		size_t r = tot - i;

		for (j = 0; j < r && j < sizeof(tmp); j++)
			tmp[j] = (unsigned char)vb(&v, i + j);
		memcpy(d->pend, tmp, j);
		d->npend = j;
	}
	d->offset += i;
	*outlen = o;
	return 0;
}

int
sq_decode_same(const sq_decoder *d, const void *in, size_t n)
{
	const unsigned char *s = in;
	uint64_t acc = 0, w;
	size_t i = 0;

	if (!d->started || d->npend != 0 || !(d->fallback ||
	    d->enc == SQ_ENC_CP1252 || d->enc == SQ_ENC_LATIN1 ||
	    (d->enc == SQ_ENC_ICONV && d->ascii_same)))
		return 0;
	for (; i + 32 <= n; i += 32) {
		memcpy(&w, s + i, 8);
		acc |= w;
		memcpy(&w, s + i + 8, 8);
		acc |= w;
		memcpy(&w, s + i + 16, 8);
		acc |= w;
		memcpy(&w, s + i + 24, 8);
		acc |= w;
		if (acc & 0x8080808080808080ULL)
			return 0;
	}
	for (; i < n; i++)
		acc |= s[i];
	return (acc & 0x8080808080808080ULL) == 0;
}

int
sq_decode_all(const void *buf, size_t len, int enc, const char *name,
    char **out, size_t *outlen, int *used, sq_error *err)
{
	sq_decoder d;
	char *o;
	size_t ol = 0;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (len > ((size_t)-1 - 64) / 3)
		return sq_error_set(err, SQ_ELIMIT, name, 0, 0, NULL,
		    "input too large");
	o = malloc(SQ_DECODE_SPACE(len) + 1);
	if (o == NULL)
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	sq_decoder_init(&d, enc, name);
	rc = sq_decode(&d, buf, len, 1, o, &ol, err);
	if (rc != 0) {
		free(o);
		return rc;
	}
	o[ol] = '\0';
	*out = o;
	*outlen = ol;
	if (used != NULL)
		*used = d.enc;
	return 0;
}
