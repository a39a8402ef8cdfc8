/*
 * Synthetic SERVQUAL exports from a latent factor model.
 *
 * Respondent r has a general expectation factor G_E ~ N(0,1) and a general
 * perception factor G_P = rho_ep G_E + sqrt(1 - rho_ep^2) V. Dimension d's
 * factors are F_Ed = sqrt(rho) G_E + sqrt(1 - rho) U_Ed (P likewise), so
 * dimension factors correlate rho within a block. Item i of dimension d:
 *   E_i = round(clamp(mu_Ei + sd (lambda F_Ed + sqrt(1 - lambda^2) e), 1, 7))
 * and P_i with mu_Pi = mu_Ei + gap_d + segment shift. Merged dimensions
 * share the factor of the first one.
 *
 * Forms: SERVPERF writes the P columns alone. The three-column form takes
 * E as the desired level D and draws the adequate level A_i from the same
 * expectation factor with mean mu_Ei - width (and an error of its own),
 * so the zone D - A is about width wide and the P - D gaps are as above.
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/simulate.h"

static const char *const seg_names[] = {
	"Centro", "Norte", "Sur", "Este", "Oeste", "Lima", "Quito",
	"Bogot\xc3\xa1", "Le\xc3\xb3n", "M\xc3\xa1laga", "C\xc3\xb3rdoba",
	"Cusco"
};

/* Default mean gaps by dimension position: TAN REL RES ASS EMP, then 0.8. */
static const double default_gap[] = { -0.4, -1.1, -0.9, -0.6, -0.8 };

void
sq_sim_defaults(sq_sim_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->n = 500;
	o->seed = 1;
	o->missing = 0;
	o->nseg = 3;
	o->seg_shift = 0.3;
	o->loading = 0.8;
	o->rho = 0.4;
	o->rho_ep = 0.3;
	o->sd = 1.2;
	o->mean_e = 5.7;
	o->gap = NULL;
	o->merge[0] = o->merge[1] = -1;
	o->form = SQ_FORM_SERVQUAL;
	o->width = 1.5;
}

#define SIM_MISSING	INT_MIN		/* a blank cell in val[] */

/* The overall rating's scale: its own if declared, else the items'. */
#define OMIN(ins)	(isfinite((ins)->omin) ? (ins)->omin : (ins)->min)
#define OMAX(ins)	(isfinite((ins)->omax) ? (ins)->omax : (ins)->max)

/*
 * x rounded and clamped to lo..hi (whole numbers within SQ_SCALE_LIMIT,
 * so an int); NaN (never expected) gives lo.
 */
static int
answer(double x, double lo, double hi)
{
	x = floor(x + 0.5);
	if (!(x >= lo))
		x = lo;
	if (x > hi)
		x = hi;
	return (int)x;
}

/* Decimal u at p; returns the end. At most 20 characters. */
static char *
put_uint(char *p, unsigned long u)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/* Decimal v at p; returns the end. At most 20 characters. */
static char *
put_int(char *p, long v)
{
	if (v < 0)
		*p++ = '-';
	return put_uint(p, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v);
}

/* Characters put_int() writes for v. */
static size_t
int_width(long v)
{
	char tmp[24];

	return (size_t)(put_int(tmp, v) - tmp);
}

/* ",PREFIXNAME" as a CSV field, quoted when the name needs it. */
static void
put_name(FILE *fp, const char *prefix, const char *name)
{
	const char *c;

	if (strpbrk(name, "\",\r\n") == NULL) {
		fprintf(fp, ",%s%s", prefix, name);
		return;
	}
	fprintf(fp, ",\"%s", prefix);
	for (c = name; *c != '\0'; c++) {
		if (*c == '"')
			putc('"', fp);
		putc(*c, fp);
	}
	putc('"', fp);
}

/* Whether lo <= x <= hi; false for NaN. */
static int
within(double x, double lo, double hi)
{
	return x >= lo && x <= hi;
}

/* The options and the scale are what the model and the line buffer need. */
static int
check_opts(const sq_instrument *ins, const sq_sim_opts *o, sq_error *err)
{
	double omin = OMIN(ins), omax = OMAX(ins);
	size_t d;

	if (!within(o->loading, 0, 1) || !within(o->rho, 0, 1) ||
	    !within(o->rho_ep, -1, 1) || !within(o->missing, 0, 1) ||
	    o->missing >= 1)
		return sq_error_set(err, SQ_EUSAGE, NULL, 0, 0, NULL,
		    "loading and rho must be in 0..1, rho-ep in -1..1, "
		    "missing in 0..1 (below 1)");
	if (!within(o->sd, 0, SQ_SIM_MAX_ABS) ||
	    !within(o->seg_shift, -SQ_SIM_MAX_ABS, SQ_SIM_MAX_ABS) ||
	    !within(o->mean_e, -SQ_SIM_MAX_ABS, SQ_SIM_MAX_ABS) ||
	    !within(o->width, -SQ_SIM_MAX_ABS, SQ_SIM_MAX_ABS))
		return sq_error_set(err, SQ_EUSAGE, NULL, 0, 0, NULL,
		    "sd must be in 0..%g, shift, mean and width in -%g..%g",
		    SQ_SIM_MAX_ABS, SQ_SIM_MAX_ABS, SQ_SIM_MAX_ABS);
	for (d = 0; o->gap != NULL && d < ins->ndims; d++)
		if (!within(o->gap[d], -SQ_SIM_MAX_ABS, SQ_SIM_MAX_ABS))
			return sq_error_set(err, SQ_EUSAGE, NULL, 0, 0, NULL,
			    "gaps must be in -%g..%g", SQ_SIM_MAX_ABS,
			    SQ_SIM_MAX_ABS);
	if (!within(ins->min, -SQ_SCALE_LIMIT, SQ_SCALE_LIMIT) ||
	    !within(ins->max, ins->min + 1, SQ_SCALE_LIMIT) ||
	    ins->min != floor(ins->min) || ins->max != floor(ins->max) ||
	    !within(omin, -SQ_SCALE_LIMIT, SQ_SCALE_LIMIT) ||
	    !within(omax, omin + 1, SQ_SCALE_LIMIT) ||
	    omin != floor(omin) || omax != floor(omax))
		return sq_error_set(err, SQ_EUSAGE, NULL, 0, 0, NULL,
		    "the scales must be whole numbers in -%d..%d",
		    SQ_SCALE_LIMIT, SQ_SCALE_LIMIT);
	if (ins->nitems == 0 || ins->nitems > SQ_MAX_ITEMS ||
	    ins->ndims == 0 || ins->ndims > SQ_MAX_DIMS ||
	    o->merge[0] >= (int)ins->ndims || o->merge[1] >= (int)ins->ndims)
		return sq_error_set(err, SQ_EUSAGE, NULL, 0, 0, NULL,
		    "the instrument has no items or dimensions to simulate");
	return SQ_OK;
}

/* 100 points over k dimensions by largest remainder. */
static void
weights(gsl_rng *rng, size_t k, long *w)
{
	double g[SQ_MAX_DIMS], sum = 0, rem[SQ_MAX_DIMS];
	long tot = 0;
	size_t i, best;

	for (i = 0; i < k; i++)
		sum += g[i] = gsl_ran_gamma(rng, 3.0, 1.0);
	for (i = 0; i < k; i++) {
		double x = 100 * g[i] / sum;

		w[i] = (long)floor(x);
		rem[i] = x - (double)w[i];
		tot += w[i];
	}
	while (tot < 100) {
		best = 0;
		for (i = 1; i < k; i++)
			if (rem[i] > rem[best])
				best = i;
		w[best]++;
		rem[best] = -1;
		tot++;
	}
}

int
sq_simulate(FILE *fp, const sq_instrument *ins, const sq_sim_opts *o,
    sq_error *err)
{
	size_t k = ins->nitems, nd = ins->ndims, i, d, line_cap, cell;
	double fe[SQ_MAX_DIMS], fp_[SQ_MAX_DIMS], ge, gp, lam, ulam;
	double *mue = NULL, *mup = NULL, shift, psum, wid;
	int *val = NULL;
	size_t b, nb, first;
	long w[SQ_MAX_DIMS];
	char *line = NULL, *p;
	unsigned long r;
	gsl_rng *rng;
	int rc = SQ_OK, ov;

	if ((rc = check_opts(ins, o, err)) != SQ_OK)
		return rc;
	if ((rng = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
		return sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
	gsl_rng_set(rng, o->seed);
	/*
	 * The longest line: id (20), segment name (at most 16 bytes and a
	 * number of up to 10 digits), up to 3k answers and the overall
	 * rating as wide as the widest scale end, nd weights of up to 3
	 * digits, one separator per cell and the newline.
	 */
	cell = int_width((long)ins->min);
	if (int_width((long)ins->max) > cell)
		cell = int_width((long)ins->max);
	if (int_width((long)OMIN(ins)) > cell)
		cell = int_width((long)OMIN(ins));
	if (int_width((long)OMAX(ins)) > cell)
		cell = int_width((long)OMAX(ins));
	line_cap = 20 + 1 + 16 + 10 + (3 * k + 1) * (cell + 1) + nd * 4 + 2;
	mue = malloc(k * sizeof(*mue));
	mup = malloc(k * sizeof(*mup));
	val = malloc(3 * k * sizeof(*val) + 1);
	line = malloc(line_cap);
	if (mue == NULL || mup == NULL || line == NULL || val == NULL) {
		rc = sq_error_set(err, SQ_ENOMEM, NULL, 0, 0, NULL,
		    "out of memory");
		goto out;
	}
	/* Item means: a fixed pattern around mean_e, then the gap. */
	for (i = 0; i < k; i++) {
		d = (size_t)ins->items[i].dim;
		mue[i] = o->mean_e + 0.15 * ((double)((i * 7) % 5) - 2) / 2;
		mup[i] = mue[i] + (o->gap ? o->gap[d] :
		    d < 5 ? default_gap[d] : -0.8);
		/* on a 1..7 scale; rescale for other scales */
		mue[i] = ins->min + (mue[i] - 1) * (ins->max - ins->min) / 6;
		mup[i] = ins->min + (mup[i] - 1) * (ins->max - ins->min) / 6;
	}
	lam = o->loading;
	ulam = sqrt(1 - lam * lam);
	wid = o->width * (ins->max - ins->min) / 6;
	/* blocks written, as offsets into val[]: E 0, P k, A 2k; D is E */
	nb = o->form == SQ_FORM_ZONE ? 3 : o->form == SQ_FORM_SERVPERF ? 1 :
	    2;
	first = o->form == SQ_FORM_SERVPERF ? 1 : 0;
	fprintf(fp, "id%s", o->nseg ? ",sucursal" : "");
	for (b = 0; b < nb; b++)
		for (i = 0; i < k; i++)
			fprintf(fp, ",%c%d", o->form == SQ_FORM_ZONE ?
			    "ADP"[b] : "EP"[first + b], ins->items[i].number);
	for (d = 0; d < nd; d++)
		put_name(fp, "W_", ins->dims[d].code);
	fprintf(fp, ",overall\n");
	for (r = 0; r < o->n; r++) {
		unsigned seg = o->nseg ? (unsigned)gsl_rng_uniform_int(rng,
		    o->nseg) : 0;

		ge = gsl_ran_gaussian_ziggurat(rng, 1);
		gp = o->rho_ep * ge + sqrt(1 - o->rho_ep * o->rho_ep) *
		    gsl_ran_gaussian_ziggurat(rng, 1);
		for (d = 0; d < nd; d++) {
			fe[d] = sqrt(o->rho) * ge + sqrt(1 - o->rho) *
			    gsl_ran_gaussian_ziggurat(rng, 1);
			fp_[d] = sqrt(o->rho) * gp + sqrt(1 - o->rho) *
			    gsl_ran_gaussian_ziggurat(rng, 1);
		}
		if (o->merge[0] >= 0 && o->merge[1] >= 0) {
			fe[o->merge[1]] = fe[o->merge[0]];
			fp_[o->merge[1]] = fp_[o->merge[0]];
		}
		shift = o->nseg ? o->seg_shift * ((double)seg -
		    (double)(o->nseg - 1) / 2) : 0;
		p = line;
		p = put_uint(p, r + 1);
		if (o->nseg) {
			const char *s = seg_names[seg % 12];

			*p++ = ',';
			memcpy(p, s, strlen(s));
			p += strlen(s);
			if (seg >= 12)
				p = put_int(p, seg / 12 + 1);
		}
		psum = 0;
		for (i = 0; i < 2 * k; i++) {
			size_t it = i % k;
			double f, mu, x;
			int a;

			d = (size_t)ins->items[it].dim;
			f = i < k ? fe[d] : fp_[d];
			mu = i < k ? mue[it] : mup[it] + shift;
			x = mu + o->sd * (lam * f + ulam *
			    gsl_ran_gaussian_ziggurat(rng, 1));
			a = answer(x, ins->min, ins->max);
			if (i >= k)
				psum += a;
			val[i] = a;
			if (o->missing > 0 && gsl_rng_uniform(rng) <
			    o->missing)
				val[i] = SIM_MISSING;
		}
		for (i = 0; o->form == SQ_FORM_ZONE && i < k; i++) {
			double x;

			d = (size_t)ins->items[i].dim;
			x = mue[i] - wid + o->sd * (lam * fe[d] + ulam *
			    gsl_ran_gaussian_ziggurat(rng, 1));
			val[2 * k + i] = answer(x, ins->min, ins->max);
			if (o->missing > 0 && gsl_rng_uniform(rng) <
			    o->missing)
				val[2 * k + i] = SIM_MISSING;
		}
		for (b = 0; b < nb; b++) {
			/* ADP: A at 2k, D (= E) at 0, P at k */
			size_t off = o->form == SQ_FORM_ZONE ?
			    (b == 0 ? 2 * k : b == 1 ? 0 : k) : (first + b) * k;

			for (i = 0; i < k; i++) {
				int a = val[off + i];

				*p++ = ',';
				if (a == SIM_MISSING)
					continue;
				if (ins->items[i].reverse)
					a = (int)(ins->min + ins->max) - a;
				p = put_int(p, a);
			}
		}
		weights(rng, nd, w);
		if (o->missing > 0 && gsl_rng_uniform(rng) < o->missing) {
			for (d = 0; d < nd; d++)
				*p++ = ',';
		} else
			for (d = 0; d < nd; d++) {
				*p++ = ',';
				p = put_int(p, w[d]);
			}
		/* the mean P answer moved onto the overall rating's scale */
		ov = answer(OMIN(ins) + (psum / (double)k - ins->min) *
		    (OMAX(ins) - OMIN(ins)) / (ins->max - ins->min) + 0.5 *
		    gsl_ran_gaussian_ziggurat(rng, 1), OMIN(ins), OMAX(ins));
		*p++ = ',';
		p = put_int(p, ov);
		*p++ = '\n';
		if (fwrite(line, 1, (size_t)(p - line), fp) !=
		    (size_t)(p - line)) {
			rc = sq_error_set(err, SQ_EIO, NULL, 0, 0, NULL,
			    "write error");
			goto out;
		}
	}
out:
	gsl_rng_free(rng);
	free(mue);
	free(mup);
	free(val);
	free(line);
	return rc;
}
