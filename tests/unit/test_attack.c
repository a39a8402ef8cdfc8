/*
 * Library-level cases of issue 10: the SipHash test vectors, ticks over
 * ranges doubles cannot tick, sq_simulate() fed NaN and scales a codebook
 * would refuse, and the label index.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/hash.h"
#include "servqual/instrument.h"
#include "servqual/simulate.h"
#include "unit.h"

static void
test_siphash(void)
{
	/* Aumasson and Bernstein, SipHash paper, appendix A; and the
	 * reference implementation's vectors.h for lengths 0 and 8. */
	sq_hash_key k = { 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL };
	unsigned char m[15];
	size_t i;

	for (i = 0; i < sizeof(m); i++)
		m[i] = (unsigned char)i;
	CHECK(sq_siphash(&k, m, 15) == 0xa129ca6149be45e5ULL,
	    "SipHash-2-4, 15 bytes (paper)");
	CHECK(sq_siphash(&k, m, 0) == 0x726fdb47dd0e0e31ULL,
	    "SipHash-2-4, empty message");
	CHECK(sq_siphash(&k, m, 8) == 0x93f5f5799a932462ULL,
	    "SipHash-2-4, 8 bytes");
	CHECK(sq_hash_keyed(&k, "") == 0x726fdb47dd0e0e31ULL,
	    "keyed string hash is SipHash of the bytes");
}

static void
test_ticks(void)
{
	sq_ticks t;

	memset(&t, 0, sizeof(t));
	CHECK(sq_nice_ticks(-1e308, 1e308, 6, &t) == SQ_EDATA,
	    "ticks: hi - lo overflows");
	CHECK(sq_nice_ticks(1e300, 1e300, 6, &t) == SQ_EDATA,
	    "ticks: widening by one is lost in rounding");
	t.n = 0;
	CHECK(sq_nice_ticks(1e300, 1e300 * (1 + 1e-15), 6, &t) == SQ_EDATA ||
	    (t.n >= 2 && t.n <= SQ_MAX_TICKS),
	    "ticks: steps near one ulp are refused or bounded");
	CHECK(sq_nice_ticks(NAN, 1, 6, &t) == SQ_EUSAGE, "ticks: NaN");
	CHECK(sq_nice_ticks(0, INFINITY, 6, &t) == SQ_EUSAGE, "ticks: inf");
	CHECK(sq_nice_ticks(0, 1e-320, 6, &t) != SQ_OK ||
	    (t.n >= 2 && t.n <= SQ_MAX_TICKS),
	    "ticks: subnormal range is refused or bounded");
	CHECK(sq_nice_ticks(-3e307, 3e307, 6, &t) == SQ_OK && t.n >= 2 &&
	    t.n <= SQ_MAX_TICKS && isfinite(t.lo) && isfinite(t.hi),
	    "ticks: a wide range that fits");
	CHECK(sq_nice_ticks(1, 7, 6, &t) == SQ_OK && t.lo == 1 &&
	    t.hi == 7 && t.n == 7, "ticks: 1..7 unchanged");
}

/* Every answer cell of a simulated export within lo..hi. */
static int
cells_within(const char *buf, size_t k, double lo, double hi)
{
	const char *p = strchr(buf, '\n');
	size_t f;

	while (p != NULL && p[1] != '\0') {
		p++;
		for (f = 0; f < 2 + 2 * k; f++) {
			const char *c = p;
			char *end;
			double v;

			p = strpbrk(p, ",\n");
			if (f >= 2 && c != p) {
				v = strtod(c, &end);
				if (end != p || v < lo || v > hi)
					return 0;
			}
			if (p == NULL || *p == '\n')
				return 0;
			p++;
		}
		p = strchr(p, '\n');
	}
	return 1;
}

static int
simulate(const sq_instrument *ins, const sq_sim_opts *o, char **out)
{
	size_t len;
	FILE *fp = open_memstream(out, &len);
	sq_error err;
	int rc;

	if (fp == NULL)
		return -1;
	rc = sq_simulate(fp, ins, o, &err);
	fclose(fp);
	return rc;
}

static void
test_simulate(void)
{
	sq_instrument *ins;
	sq_sim_opts o;
	char *out = NULL;
	double gap[5] = { 0, NAN, 0, 0, 0 };

	sq_instrument_servqual(&ins);
	sq_sim_defaults(&o);
	o.n = 3;
#define REFUSED(field, v, what) do {					\
	sq_sim_defaults(&o);						\
	o.n = 3;							\
	o.field = v;							\
	CHECK(simulate(ins, &o, &out) == SQ_EUSAGE && out &&		\
	    out[0] == '\0', what);					\
	free(out);							\
	out = NULL;							\
} while (0)
	REFUSED(sd, NAN, "simulate: sd NaN refused, nothing written");
	REFUSED(sd, -1, "simulate: sd -1 refused");
	REFUSED(sd, 1e300, "simulate: sd 1e300 refused");
	REFUSED(loading, NAN, "simulate: loading NaN refused");
	REFUSED(rho, NAN, "simulate: rho NaN refused");
	REFUSED(rho_ep, NAN, "simulate: rho-ep NaN refused");
	REFUSED(missing, NAN, "simulate: missing NaN refused");
	REFUSED(missing, 1, "simulate: missing 1 refused");
	REFUSED(seg_shift, NAN, "simulate: shift NaN refused");
	REFUSED(mean_e, INFINITY, "simulate: mean inf refused");
	REFUSED(gap, gap, "simulate: a NaN gap refused");
	/* Scales a codebook refuses, set directly: refused here too. */
	sq_sim_defaults(&o);
	o.n = 3;
	ins->min = -2147483648.0;
	ins->max = 2147483647.0;
	CHECK(simulate(ins, &o, &out) == SQ_EUSAGE, "simulate: int's range "
	    "refused");
	free(out);
	ins->min = 1;
	ins->max = 1e308;
	CHECK(simulate(ins, &o, &out) == SQ_EUSAGE, "simulate: 1..1e308 "
	    "refused");
	free(out);
	ins->min = 1;
	ins->max = 7.5;
	CHECK(simulate(ins, &o, &out) == SQ_EUSAGE, "simulate: 1..7.5 "
	    "refused");
	free(out);
	/* The widest scale allowed, with a huge sd: every cell in it. */
	ins->min = ins->omin = -SQ_SCALE_LIMIT;
	ins->max = ins->omax = SQ_SCALE_LIMIT;
	o.sd = SQ_SIM_MAX_ABS;
	o.n = 200;
	o.nseg = 40;
	CHECK(simulate(ins, &o, &out) == SQ_OK &&
	    cells_within(out, 22, -SQ_SCALE_LIMIT, SQ_SCALE_LIMIT),
	    "simulate: -1e6..1e6 with sd 1e6 stays on the scale");
	free(out);
	sq_instrument_free(ins);
}

static void
test_labels(void)
{
	size_t n = 50000, i, len = 0;
	char *text = NULL, f[64];
	FILE *fp = open_memstream(&text, &len);
	sq_instrument *ins = NULL;
	sq_error err;
	int ok = 1;

	for (i = 0; i < n; i++)
		fprintf(fp, "label,Respuesta N\xc2\xba %zu,%zu\n", i, 1 + i % 7);
	fclose(fp);
	fp = fmemopen(text, len, "r");
	CHECK(sq_instrument_read(fp, "cb", &ins, &err) == SQ_OK &&
	    ins->nlabels == n, "50,000 labels read");
	fclose(fp);
	for (i = 0; ins && i < n; i += 997) {
		snprintf(f, sizeof(f), "respuesta n\xc2\xba %zu", i);
		if (sq_instrument_label(ins, f) != (int)i)
			ok = 0;
	}
	CHECK(ok, "every label found at its index");
	CHECK(ins && sq_instrument_label(ins, "respuesta") == -1,
	    "an unknown label is -1");
	sq_instrument_free(ins);
	free(text);
}

int
main(void)
{
	test_siphash();
	test_ticks();
	test_simulate();
	test_labels();
	return unit_done();
}
