/*
 * servqual encoding: streaming decoders from the encodings survey exports
 * come in (UTF-8, Windows-1252, Latin-1, UTF-16LE/BE) to UTF-8, and
 * detection of which one a file uses. Small tables, no iconv: the set is
 * fixed, every byte has a defined result, and errors carry a line number.
 *
 * Detection (SQ_ENC_AUTO): a byte-order mark decides; else the first
 * chunk is UTF-8 if it is valid UTF-8 and Windows-1252 otherwise; a later
 * byte that is not valid UTF-8 in a file judged UTF-8 is taken as
 * Windows-1252 (exports are seldom mixed, and a stray "ñ" far down a file
 * must not fail a million-row read).
 */
#ifndef SERVQUAL_ENCODING_H
#define SERVQUAL_ENCODING_H

#include <stddef.h>

#include "servqual/error.h"
#include "servqual/reader.h"

/* Bytes of output sq_decode may write for n bytes of input. */
#define SQ_DECODE_SPACE(n)	(3 * (n) + 32)

/* Bytes of input the first sq_decode call sees when detecting. */
#define SQ_DETECT_BYTES		65536

typedef struct sq_decoder {
	int enc;		/* as asked; SQ_ENC_AUTO until detected */
	int fallback;		/* UTF-8 whose bad bytes are CP1252 */
	int started;		/* byte-order mark handled */
	unsigned char pend[8];	/* an incomplete sequence carried over */
	size_t npend;
	unsigned long line;	/* 1 + newlines decoded so far */
	unsigned long long offset; /* input bytes consumed so far */
	const char *name;	/* input name for messages (borrowed) */
	void *cd;		/* iconv_t for SQ_ENC_ICONV, else NULL */
	const char *charset;	/* its name (borrowed) */
	int ascii_same;		/* SQ_ENC_ICONV: ASCII bytes are themselves */
	int guessed;		/* read as Windows-1252 by guess: no BOM and
				   not valid UTF-8 */
} sq_decoder;

/* Start decoding from enc (enum sq_encoding); name is used in messages. */
void sq_decoder_init(sq_decoder *d, int enc, const char *name);

/*
 * Decode n bytes of in to UTF-8 in out, which has room for
 * SQ_DECODE_SPACE(n) bytes; *outlen is set to the bytes written. last
 * says no input follows (an incomplete sequence is then an error). A
 * byte-order mark at the start is dropped. Returns 0 or SQ_EPARSE.
 */
int sq_decode(sq_decoder *d, const void *in, size_t n, int last, char *out,
    size_t *outlen, sq_error *err);

/*
 * Whether the n bytes at in, given next, decode to themselves: the
 * decoder has started, holds nothing over, cannot fail, and the bytes are
 * ASCII. Then the caller may use them as they are instead of calling
 * sq_decode (the decoder's line count is then not kept).
 */
int sq_decode_same(const sq_decoder *d, const void *in, size_t n);

/*
 * Start decoding from charset, any name iconv knows. SQ_EUSAGE if iconv
 * does not know it. Release with sq_decoder_release().
 */
int sq_decoder_init_charset(sq_decoder *d, const char *charset,
    const char *name);

/* Release what a decoder holds (an iconv descriptor); safe to repeat. */
void sq_decoder_release(sq_decoder *d);

/* Whether iconv can convert charset to UTF-8. */
int sq_charset_known(const char *charset);

/* The encoding in use (detected once sq_decode has seen input). */
int sq_decoder_encoding(const sq_decoder *d);

/*
 * Decode all of buf; *out (NUL-terminated, caller frees) and *outlen
 * receive the UTF-8 text, *used (may be NULL) the encoding used.
 */
int sq_decode_all(const void *buf, size_t len, int enc, const char *name,
    char **out, size_t *outlen, int *used, sq_error *err);

/*
 * The encoding a prefix of a file is in: from its byte-order mark
 * (*bomlen its length), else UTF-8 if valid, else CP1252. whole says the
 * prefix is the whole input.
 */
int sq_encoding_detect(const void *buf, size_t len, int whole,
    size_t *bomlen);

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t sq_utf8_valid(const void *s, size_t n);

/* Parse an --encoding name (utf-8, cp1252, latin1, utf-16le, auto...). */
int sq_encoding_parse(const char *s, int *enc);

/* Canonical name of an encoding. */
const char *sq_encoding_name(int enc);

#endif
