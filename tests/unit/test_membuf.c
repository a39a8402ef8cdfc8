/*
 * The growing byte buffer (membuf.h): appends across many doublings keep
 * every byte in order; empty appends; a size that cannot be held fails
 * with the buffer kept and failed set.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/error.h"
#include "servqual/membuf.h"
#include "unit.h"

static void
test_appends(void)
{
	sq_membuf m = { 0 };
	unsigned char chunk[1000];
	size_t i, k, bad = 0;

	CHECK(sq_membuf_add(&m, "", 0) == SQ_OK && m.len == 0,
	    "an empty append on an empty buffer");
	/* 3,000 appends of 1..1000 bytes: 1.5 MB, several doublings */
	for (i = 0; i < 3000; i++) {
		for (k = 0; k < i % 1000 + 1; k++)
			chunk[k] = (unsigned char)((i + k) & 0xff);
		if (sq_membuf_add(&m, chunk, i % 1000 + 1) != SQ_OK)
			bad++;
	}
	CHECK(bad == 0 && !m.failed, "3,000 appends succeed");
	for (i = 0, k = 0; i < 3000 && bad == 0; i++) {
		size_t j, n = i % 1000 + 1;

		for (j = 0; j < n; j++, k++)
			if ((unsigned char)m.p[k] != ((i + j) & 0xff))
				bad++;
	}
	CHECK(bad == 0 && k == m.len && m.len <= m.cap,
	    "every byte in order, the length the sum of the appends");
	k = m.len;
	CHECK(sq_membuf_add(&m, chunk, SIZE_MAX - 8) == SQ_ENOMEM && m.failed &&
	    m.len == k, "a size beyond memory fails, the buffer kept");
	free(m.p);
}

int
main(void)
{
	test_appends();
	return unit_done();
}
