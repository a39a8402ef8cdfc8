/* Unit tests of lib/read/encoding.c: decoders to UTF-8 and detection. */
#include <stdlib.h>
#include <string.h>

#include "servqual/encoding.h"
#include "unit.h"

/* Decode all of in with enc; returns the UTF-8 text (static) or NULL. */
static const char *
dec(const char *in, size_t n, int enc, int *used)
{
	static char buf[1024];
	char *o;
	size_t ol;

	if (sq_decode_all(in, n, enc, "t", &o, &ol, used, NULL) != 0)
		return NULL;
	snprintf(buf, sizeof(buf), "%s", o);
	free(o);
	return buf;
}

/* Decode in by chunks of size step through the streaming interface. */
static const char *
dec_steps(const char *in, size_t n, int enc, size_t step, int *rc)
{
	static char buf[1024];
	char out[SQ_DECODE_SPACE(64)];
	sq_decoder d;
	sq_error err;
	size_t i, m, ol, bl = 0;

	sq_decoder_init(&d, enc, "t");
	*rc = 0;
	for (i = 0; i < n || i == 0; i += step) {
		m = n - i < step ? n - i : step;
		*rc = sq_decode(&d, in + i, m, i + m >= n, out, &ol, &err);
		if (*rc != 0)
			return NULL;
		memcpy(buf + bl, out, ol);
		bl += ol;
		if (n == 0)
			break;
	}
	buf[bl] = '\0';
	return buf;
}

int
main(void)
{
	sq_error err;
	char *o;
	size_t ol, step;
	int enc, used, rc, okall;
	const char cp[] = "Se\xF1or\xEDo;\x80;\x93x\x94;\x81";
	const char le[] = "\xFF\xFE" "S\0e\0\xF1\0" "\t\0" "=\xD8\x00\xDE"
	    "\r\0\n\0";
	const char be[] = "\xFE\xFF" "\0S\0\xF1\xD8=\xDE\x00";

	/* detection */
	CHECK(sq_encoding_detect("abc", 3, 1, NULL) == SQ_ENC_UTF8,
	    "ascii is utf-8");
	CHECK(sq_encoding_detect("Se\xC3\xB1or", 6, 1, NULL) == SQ_ENC_UTF8,
	    "valid utf-8 is utf-8");
	CHECK(sq_encoding_detect("Se\xF1or", 5, 1, NULL) == SQ_ENC_CP1252,
	    "invalid utf-8 is cp1252");
	CHECK(sq_encoding_detect("ab\xC3", 3, 0, NULL) == SQ_ENC_UTF8,
	    "cut sequence in a prefix is still utf-8");
	CHECK(sq_encoding_detect("ab\xC3", 3, 1, NULL) == SQ_ENC_CP1252,
	    "cut sequence at the end of the whole input is not");
	ol = 9;
	CHECK(sq_encoding_detect("\xFF\xFEx\0", 4, 1, &ol) ==
	    SQ_ENC_UTF16LE && ol == 2, "utf-16le bom");
	CHECK(sq_encoding_detect("\xEF\xBB\xBFx", 4, 1, &ol) ==
	    SQ_ENC_UTF8 && ol == 3, "utf-8 bom");
	CHECK(sq_encoding_detect("\xFE\xFF\0x", 4, 1, &ol) ==
	    SQ_ENC_UTF16BE && ol == 2, "utf-16be bom");

	/* utf-8 validity: overlongs, surrogates, beyond U+10FFFF */
	CHECK(sq_utf8_valid("\xC0\x80", 2) == 0, "overlong C0 rejected");
	CHECK(sq_utf8_valid("\xE0\x80\x80", 3) == 0, "overlong E0 rejected");
	CHECK(sq_utf8_valid("\xED\xA0\x80", 3) == 0, "surrogate rejected");
	CHECK(sq_utf8_valid("\xF4\x90\x80\x80", 4) == 0, ">U+10FFFF rejected");
	CHECK(sq_utf8_valid("a\xF0\x9F\x98\x80z", 6) == 6, "emoji accepted");
	CHECK(sq_utf8_valid("ab\x80", 3) == 2, "stray continuation");

	/* Windows-1252: ñ, í, euro, curly quotes, unassigned 0x81 */
	CHECK_STR(dec(cp, sizeof(cp) - 1, SQ_ENC_CP1252, NULL),
	    "Se\xC3\xB1or\xC3\xADo;\xE2\x82\xAC;\xE2\x80\x9Cx\xE2\x80\x9D;"
	    "\xC2\x81", "cp1252 to utf-8");
	CHECK_STR(dec(cp, sizeof(cp) - 1, SQ_ENC_AUTO, &used),
	    "Se\xC3\xB1or\xC3\xADo;\xE2\x82\xAC;\xE2\x80\x9Cx\xE2\x80\x9D;"
	    "\xC2\x81", "auto detects cp1252");
	CHECK(used == SQ_ENC_CP1252, "auto reports cp1252");
	CHECK_STR(dec("\x80\xF1", 2, SQ_ENC_LATIN1, NULL), "\xC2\x80\xC3\xB1",
	    "latin-1 maps bytes to U+0080..U+00FF");

	/* UTF-16LE with BOM, tab, surrogate pair, CRLF */
	CHECK_STR(dec(le, sizeof(le) - 1, SQ_ENC_AUTO, &used),
	    "Se\xC3\xB1\t\xF0\x9F\x98\x80\r\n", "utf-16le to utf-8");
	CHECK(used == SQ_ENC_UTF16LE, "auto reports utf-16le");
	CHECK_STR(dec(le + 2, sizeof(le) - 3, SQ_ENC_UTF16LE, NULL),
	    "Se\xC3\xB1\t\xF0\x9F\x98\x80\r\n", "utf-16le without bom");
	CHECK_STR(dec(be, sizeof(be) - 1, SQ_ENC_AUTO, NULL),
	    "S\xC3\xB1\xF0\x9F\x98\x80", "utf-16be to utf-8");

	/* UTF-16 errors carry the line */
	memset(&err, 0, sizeof(err));
	rc = sq_decode_all("\xFF\xFE" "a\0\n\0b", 7, SQ_ENC_AUTO, "x.txt", &o,
	    &ol, NULL, &err);
	CHECK(rc == SQ_EPARSE && o == NULL, "odd trailing byte is an error");
	CHECK(err.line == 2 && strstr(err.msg, "odd number") != NULL,
	    "odd byte message names line 2");
	rc = sq_decode_all("\xFF\xFE" "a\0\x3D\xD8" "b\0", 8, SQ_ENC_AUTO,
	    "x", &o, &ol, NULL, &err);
	CHECK(rc == SQ_EPARSE && strstr(err.msg, "without a low") != NULL,
	    "high surrogate without low");
	rc = sq_decode_all("\xFF\xFE\x00\xDE", 4, SQ_ENC_AUTO, "x", &o, &ol,
	    NULL, &err);
	CHECK(rc == SQ_EPARSE && strstr(err.msg, "low surrogate") != NULL,
	    "lone low surrogate");
	rc = sq_decode_all("\xFF\xFE\x3D\xD8", 4, SQ_ENC_AUTO, "x", &o, &ol,
	    NULL, &err);
	CHECK(rc == SQ_EPARSE && strstr(err.msg, "end of the input") != NULL,
	    "high surrogate at end");

	/* UTF-8: BOM dropped; strict mode rejects, auto falls back */
	CHECK_STR(dec("\xEF\xBB\xBFok", 5, SQ_ENC_UTF8, NULL), "ok",
	    "utf-8 bom stripped");
	CHECK_STR(dec("\xEF\xBB\xBFok", 5, SQ_ENC_AUTO, NULL), "ok",
	    "utf-8 bom stripped in auto");
	rc = sq_decode_all("a\nb\n\xE9", 5, SQ_ENC_UTF8, "f.csv", &o, &ol,
	    NULL, &err);
	CHECK(rc == SQ_EPARSE && err.line == 3 &&
	    strstr(err.msg, "0xE9") != NULL, "strict utf-8 error on line 3");
	rc = sq_decode_all("ab\xC3", 3, SQ_ENC_UTF8, "f", &o, &ol, NULL, &err);
	CHECK(rc == SQ_EPARSE, "strict utf-8 rejects a cut sequence at end");

	/* empty input, tiny input */
	CHECK_STR(dec("", 0, SQ_ENC_AUTO, &used), "", "empty input");
	CHECK_STR(dec("x", 1, SQ_ENC_AUTO, NULL), "x", "one byte");
	CHECK_STR(dec("\xFF", 1, SQ_ENC_AUTO, NULL), "\xC3\xBF",
	    "lone 0xFF is cp1252");

	/* streaming: every chunk size gives the same text */
	okall = 1;
	for (step = 1; step <= 9; step++) {
		const char *s = dec_steps(le, sizeof(le) - 1, SQ_ENC_AUTO,
		    step, &rc);
		if (s == NULL ||
		    strcmp(s, "Se\xC3\xB1\t\xF0\x9F\x98\x80\r\n") != 0)
			okall = 0;
		s = dec_steps("\xEF\xBB\xBF" "a\xC3\xB1\xF0\x9F\x98\x80z",
		    12, SQ_ENC_AUTO, step, &rc);
		if (s == NULL || strcmp(s, "a\xC3\xB1\xF0\x9F\x98\x80z") != 0)
			okall = 0;
		s = dec_steps(cp, sizeof(cp) - 1, SQ_ENC_CP1252, step, &rc);
		if (s == NULL || strncmp(s, "Se\xC3\xB1", 4) != 0)
			okall = 0;
	}
	CHECK(okall, "chunked decoding equals whole decoding");
	CHECK(dec_steps("\xFF\xFE" "a\0b", 5, SQ_ENC_AUTO, 2, &rc) == NULL &&
	    rc == SQ_EPARSE, "chunked odd trailing byte is an error");
	/* a file judged utf-8 from its start takes a late bad byte as cp1252 */
	CHECK_STR(dec_steps("a\xC3\xB1;\xF1", 5, SQ_ENC_AUTO, 3, &rc),
	    "a\xC3\xB1;\xC3\xB1", "late bad byte falls back to cp1252");

	/* pass-through of plain ASCII once started */
	{
		sq_decoder d;
		char out[SQ_DECODE_SPACE(8)];
		size_t n;

		sq_decoder_init(&d, SQ_ENC_AUTO, "t");
		CHECK(!sq_decode_same(&d, "abc", 3), "not before the start");
		sq_decode(&d, "abcdef", 6, 0, out, &n, NULL);
		CHECK(sq_decode_same(&d, "plain ascii text, long enough for "
		    "words", 40), "ascii passes through");
		CHECK(!sq_decode_same(&d, "Se\xC3\xB1or", 6),
		    "utf-8 does not");
		sq_decoder_init(&d, SQ_ENC_UTF16LE, "t");
		sq_decode(&d, "a\0b\0", 4, 0, out, &n, NULL);
		CHECK(!sq_decode_same(&d, "ab", 2), "never in utf-16");
		sq_decoder_init(&d, SQ_ENC_UTF8, "t");
		sq_decode(&d, "abcd", 4, 0, out, &n, NULL);
		CHECK(!sq_decode_same(&d, "ab", 2),
		    "never in strict utf-8 (lines are counted)");
	}

	/* names */
	CHECK(sq_encoding_parse("Windows-1252", &enc) == 0 &&
	    enc == SQ_ENC_CP1252, "parse windows-1252");
	CHECK(sq_encoding_parse("UTF-16LE", &enc) == 0 &&
	    enc == SQ_ENC_UTF16LE, "parse utf-16le");
	CHECK(sq_encoding_parse("latin1", &enc) == 0 && enc == SQ_ENC_LATIN1,
	    "parse latin1");
	CHECK(sq_encoding_parse("ebcdic", &enc) == SQ_EUSAGE,
	    "unknown encoding rejected");
	CHECK_STR(sq_encoding_name(SQ_ENC_UTF16LE), "utf-16le", "name");
	return unit_done();
}
