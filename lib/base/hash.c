/*
 * SipHash-2-4 (Aumasson and Bernstein, 2012), keyed per table, for the
 * tables input fills; FNV-1a for fixed keys. The SipHash test vector of
 * the paper's appendix is in tests/unit/test_hash.c.
 */
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "servqual/hash.h"

#define ROTL(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND do {							\
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);	\
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;				\
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;				\
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);	\
} while (0)

static uint64_t
load64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

uint64_t
sq_siphash(const sq_hash_key *k, const void *vp, size_t n)
{
	const unsigned char *p = vp, *end = p + (n - n % 8);
	uint64_t v0 = 0x736f6d6570736575ULL ^ k->k0;
	uint64_t v1 = 0x646f72616e646f6dULL ^ k->k1;
	uint64_t v2 = 0x6c7967656e657261ULL ^ k->k0;
	uint64_t v3 = 0x7465646279746573ULL ^ k->k1;
	uint64_t m, b = (uint64_t)n << 56;
	size_t left = n % 8;

	for (; p != end; p += 8) {
		m = load64(p);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	while (left > 0) {
		left--;
		b |= (uint64_t)p[left] << (8 * left);
	}
	v3 ^= b;
	SIPROUND;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t
sq_hash_keyed(const sq_hash_key *k, const char *s)
{
	return sq_siphash(k, s, strlen(s));
}

void
sq_hash_key_init(sq_hash_key *k)
{
	unsigned char b[16];
	struct timespec ts;
	size_t got = 0;
	ssize_t r;

	while (got < sizeof(b)) {
		r = getrandom(b + got, sizeof(b) - got, GRND_NONBLOCK);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got == sizeof(b)) {
		k->k0 = load64(b);
		k->k1 = load64(b + 8);
		return;
	}
	/* No entropy source: mix what differs from run to run. */
	clock_gettime(CLOCK_REALTIME, &ts);
	k->k0 = (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 30 ^
	    (uint64_t)(uintptr_t)k;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	k->k1 = (uint64_t)ts.tv_nsec ^ (uint64_t)getpid() << 32 ^
	    (uint64_t)(uintptr_t)&ts;
	k->k1 = sq_siphash(k, &k->k1, sizeof(k->k1));
}

uint64_t
sq_hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}
