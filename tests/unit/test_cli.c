/* The one parser of numeric option values (lib/base/cli.c). */
#include <math.h>
#include <string.h>

/* Every public header together: one definition of each enum. */
#include "servqual/chart.h"
#include "servqual/check.h"
#include "servqual/cli.h"
#include "servqual/encoding.h"
#include "servqual/factor.h"
#include "servqual/reader.h"
#include "servqual/reliability.h"
#include "unit.h"

/* Does s parse (whole or real) within [lo, hi] to want? */
static int
yes(const char *s, int whole, double lo, double hi, double want)
{
	char msg[128];
	double v = -12345;

	return sq_cli_number(s, whole, lo, hi, &v, msg, sizeof(msg)) == 0 &&
	    v == want;
}

/* Is s refused, with msg as expected? */
static int
no(const char *s, int whole, double lo, double hi, const char *want)
{
	char msg[128];
	double v = -12345;

	return sq_cli_number(s, whole, lo, hi, &v, msg, sizeof(msg)) == -1 &&
	    v == -12345 && strcmp(msg, want) == 0;
}

int
main(void)
{
	CHECK(yes("0", 0, 0, 1, 0) && yes("1", 0, 0, 1, 1) &&
	    yes("0.5", 0, 0, 1, 0.5) && yes("-1", 0, -1, 1, -1) &&
	    yes("1e-1", 0, 0, 1, 0.1), "reals in range, ends included");
	CHECK(no("nan", 0, 0, 1, "\"nan\": expected a number from 0 to 1") &&
	    no("NaN", 0, 0, 1, "\"NaN\": expected a number from 0 to 1") &&
	    no("-nan", 0, -1, 1, "\"-nan\": expected a number from -1 to 1") &&
	    no("inf", 0, 0, 1, "\"inf\": expected a number from 0 to 1") &&
	    no("1e999", 0, 0, 1e308,
	    "\"1e999\": expected a number from 0 to 1e+308"),
	    "NaN and infinity refused");
	CHECK(no("", 0, 0, 1, "\"\": expected a number from 0 to 1") &&
	    no(" 1", 0, 0, 1, "\" 1\": expected a number from 0 to 1") &&
	    no("1 ", 0, 0, 1, "\"1 \": expected a number from 0 to 1") &&
	    no("1x", 0, 0, 1, "\"1x\": expected a number from 0 to 1") &&
	    no("0x1", 0, 0, 2, "\"0x1\": expected a number from 0 to 2") &&
	    no("1.5", 0, 0, 1, "\"1.5\": expected a number from 0 to 1") &&
	    no("-0.1", 0, 0, 1, "\"-0.1\": expected a number from 0 to 1"),
	    "junk and out of range refused, the range said");
	CHECK(yes("4294967295", 1, 1, 4294967295.0, 4294967295.0) &&
	    yes("0", 1, 0, 5, 0) && yes("007", 1, 0, 10, 7),
	    "whole numbers, the largest seed exactly");
	CHECK(no("4294967296", 1, 1, 4294967295.0,
	    "\"4294967296\": expected a whole number from 1 to 4294967295") &&
	    no("18446744073709551616", 1, 1, 4294967295.0,
	    "\"18446744073709551616\": expected a whole number from 1 to "
	    "4294967295") &&
	    no("-1", 1, 0, 9, "\"-1\": expected a whole number from 0 to 9") &&
	    no("+1", 1, 0, 9, "\"+1\": expected a whole number from 0 to 9") &&
	    no("1e3", 1, 0, 9999, "\"1e3\": expected a whole number from 0 to "
	    "9999") &&
	    no("1.0", 1, 0, 9,
	    "\"1.0\": expected a whole number from 0 to 9") &&
	    no("", 1, 0, 9, "\"\": expected a whole number from 0 to 9"),
	    "whole numbers: signs, exponents, fractions, overflow refused");
	CHECK(SQ_BLOCK_G == 2 && SQ_ENC_UTF16BE == SQ_ENC_UTF16LE + 1,
	    "enum sq_block and enum sq_encoding defined once, in full");
	return unit_done();
}
