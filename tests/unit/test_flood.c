/*
 * Hash flooding: ids and segment values crafted so that unkeyed FNV-1a
 * collides in the low 20 bits (what slot = hash & (cap - 1) looks at) must
 * cost about what random ones cost. Before the tables were keyed, 65,536
 * such ids took 17.7 s against 0.2 s for random ones.
 *
 * The construction: FNV-1a's low k bits after a byte depend only on the
 * low k bits before it, so two 3-byte blocks that take one state to the
 * same low bits can be swapped anywhere; 16 such pairs give 2^16 strings
 * with equal low bits.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "servqual/check.h"
#include "servqual/drivers.h"
#include "servqual/gap.h"
#include "servqual/hash.h"
#include "servqual/instrument.h"
#include "servqual/zone.h"
#include "unit.h"

#define K	20
#define MASK	((1u << K) - 1)
#define NPOS	16
#define NSTR	(1u << NPOS)

static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789";

static uint64_t
fnv_step(uint64_t h, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)b[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Blocks x[i], y[i] (3 bytes each) with equal low bits from the state. */
static int
build(char x[NPOS][4], char y[NPOS][4])
{
	uint64_t h = 1469598103934665603ULL;
	uint32_t *seen = malloc(sizeof(uint32_t) << K);
	size_t i, a, n = sizeof(alpha) - 1;

	if (seen == NULL)
		return -1;
	for (i = 0; i < NPOS; i++) {
		int found = 0;

		memset(seen, 0xff, sizeof(uint32_t) << K);
		for (a = 0; a < n * n * n && !found; a++) {
			char b[4] = { alpha[a / (n * n)], alpha[a / n % n],
			    alpha[a % n], 0 };
			uint32_t low = (uint32_t)fnv_step(h, b, 3) & MASK;

			if (seen[low] != 0xffffffffu) {
				size_t o = seen[low];

				snprintf(x[i], 4, "%c%c%c", alpha[o / (n * n)],
				    alpha[o / n % n], alpha[o % n]);
				memcpy(y[i], b, 4);
				found = 1;
			} else
				seen[low] = (uint32_t)a;
		}
		if (!found) {
			free(seen);
			return -1;
		}
		h = fnv_step(h, x[i], 3);
	}
	free(seen);
	return 0;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds sq-check's id table takes for n ids from ids (48 bytes each). */
static double
check_ids(const sq_instrument *ins, const char *ids, size_t n,
    unsigned long *dups)
{
	double e[22], p[22], w[5], t0;
	sq_response r;
	sq_check *c;
	sq_check_summary s;
	size_t i;

	for (i = 0; i < 22; i++)
		e[i] = p[i] = 4;
	for (i = 0; i < 5; i++)
		w[i] = 20;
	memset(&r, 0, sizeof(r));
	r.e = e;
	r.p = p;
	r.w = w;
	r.answered = 44;
	if (sq_check_new(ins, NULL, &c) != SQ_OK)
		return 1e9;
	t0 = now();
	for (i = 0; i < n; i++) {
		r.id = ids + i * 49;
		r.line = i + 2;
		sq_check_add(c, &r, "f", NULL, NULL);
	}
	t0 = now() - t0;
	sq_check_result(c, &s);
	*dups = s.duplicate_ids;
	sq_check_free(c);
	return t0;
}

/* Seconds the -b segment table takes for n values. */
static double
segments(const sq_instrument *ins, const char *ids, size_t n, size_t *nseg)
{
	double e[22], p[22], w[5], t0;
	sq_response r;
	sq_gapset *s;
	size_t i;

	for (i = 0; i < 22; i++)
		e[i] = p[i] = 4;
	for (i = 0; i < 5; i++)
		w[i] = 20;
	memset(&r, 0, sizeof(r));
	r.e = e;
	r.p = p;
	r.w = w;
	r.overall = 5;
	if (sq_gapset_new(ins, 1, &s) != SQ_OK)
		return 1e9;
	t0 = now();
	for (i = 0; i < n; i++) {
		r.segment = ids + i * 49;
		r.line = i + 2;
		if (sq_gapset_add(s, ins, &r, NULL) != SQ_OK)
			break;
	}
	t0 = now() - t0;
	*nseg = s->nseg;
	sq_gapset_free(s);
	return t0;
}

/*
 * Seconds the segment tables of sq-zone and sq-drivers take for n values
 * (the same crafted values: each table hashes input, so each must be keyed).
 */
static double
other_segments(const sq_instrument *ins, const char *ids, size_t n,
    int zone, int *ok)
{
	double a[1] = { 3 }, d[1] = { 5 }, p[1] = { 4 }, e[1] = { NAN };
	double w[1] = { 100 }, t0;
	sq_response r;
	sq_zoneset *zs = NULL;
	sq_drivers *dr = NULL;
	size_t i;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.d = d;
	r.p = p;
	r.e = e;
	r.w = w;
	r.overall = 5;
	r.form = zone ? SQ_FORM_ZONE : SQ_FORM_SERVPERF;
	*ok = zone ? sq_zoneset_new(ins, 1, &zs) == SQ_OK :
	    sq_drivers_new(ins, 1, &dr) == SQ_OK;
	t0 = now();
	for (i = 0; i < n && *ok; i++) {
		r.segment = ids + i * 49;
		r.line = i + 2;
		*ok = zone ? sq_zoneset_add(zs, ins, &r, NULL) == SQ_OK :
		    sq_drivers_add(dr, ins, &r, 5, NULL) == SQ_OK;
	}
	t0 = now() - t0;
	sq_zoneset_free(zs);
	sq_drivers_free(dr);
	return t0;
}

int
main(void)
{
	char x[NPOS][4], y[NPOS][4], *crafted, *rnd;
	static const char one_item[] = "dimension,A,A\nitem,1,A\n";
	sq_instrument *ins, *ins1 = NULL;
	unsigned long dups;
	FILE *fp;
	size_t i, j, nseg, nsegr, all_low = 1;
	uint32_t low0 = 0;
	double tc, tr;
	unsigned seed = 12345;

	CHECK(build(x, y) == 0, "FNV low-bit colliding blocks found");
	crafted = malloc((size_t)NSTR * 49);
	rnd = malloc((size_t)NSTR * 49);
	sq_instrument_servqual(&ins);
	if (!crafted || !rnd || !ins)
		return 1;
	for (i = 0; i < NSTR; i++) {
		char *s = crafted + i * 49, *t = rnd + i * 49;

		for (j = 0; j < NPOS; j++)
			memcpy(s + 3 * j, (i >> j) & 1 ? y[j] : x[j], 3);
		s[48] = '\0';
		for (j = 0; j < 48; j++) {
			seed = seed * 1103515245u + 12345u;
			t[j] = alpha[(seed >> 16) % 36];
		}
		t[48] = '\0';
		if (i == 0)
			low0 = (uint32_t)sq_hash_str(s) & MASK;
		else if (((uint32_t)sq_hash_str(s) & MASK) != low0)
			all_low = 0;
	}
	CHECK(all_low, "65536 distinct ids whose FNV-1a agrees in 20 low bits");

	tr = check_ids(ins, rnd, NSTR, &dups);
	CHECK(dups == 0, "random ids: no duplicates");
	tc = check_ids(ins, crafted, NSTR, &dups);
	CHECK(dups == 0, "crafted ids: no duplicates");
	printf("# ids: crafted %.3f s, random %.3f s\n", tc, tr);
	CHECK(tc < 5 * tr + 1.0, "crafted ids cost about what random ones do");

	/*
	 * The segment table, on a one-item instrument so that 65536
	 * segments fit its memory cap (a few hundred bytes each).
	 */
	fp = fmemopen((void *)one_item, strlen(one_item), "r");
	CHECK(fp && sq_instrument_read(fp, "one", &ins1, NULL) == SQ_OK,
	    "one-item codebook");
	if (fp)
		fclose(fp);
	if (ins1 == NULL)
		return unit_done();
	tr = segments(ins1, rnd, NSTR, &nsegr);
	tc = segments(ins1, crafted, NSTR, &nseg);
	printf("# segments: crafted %.3f s, random %.3f s\n", tc, tr);
	CHECK(nseg == NSTR && nsegr == NSTR, "65536 segments kept");
	CHECK(tc < 5 * tr + 1.0,
	    "crafted segment values cost about what random ones do");
	{
		int okr, okc, z;

		for (z = 0; z < 2; z++) {
			tr = other_segments(ins1, rnd, NSTR, z, &okr);
			tc = other_segments(ins1, crafted, NSTR, z, &okc);
			printf("# %s segments: crafted %.3f s, random %.3f s\n",
			    z ? "zone" : "drivers", tc, tr);
			CHECK(okr && okc, z ? "sq-zone keeps 65536 segments" :
			    "sq-drivers keeps 65536 segments");
			CHECK(tc < 5 * tr + 1.0, z ?
			    "sq-zone: crafted segments cost what random ones do" :
			    "sq-drivers: crafted segments cost what random ones do");
		}
	}
	sq_instrument_free(ins);
	sq_instrument_free(ins1);
	free(crafted);
	free(rnd);
	return unit_done();
}
