/*
 * The keyed name index (keyset.h): dense indices in order of first
 * appearance through many doublings, the limit, the empty name, names
 * of arbitrary non-NUL bytes, undoing an add, and a caller's parallel
 * array kept in step. (The library has no allocation-failure hook: the
 * ENOMEM paths share the "set as it was" code of the limit, tested here.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/error.h"
#include "servqual/keyset.h"
#include "unit.h"

#define MANY	100000

static void
name_of(size_t i, char *buf, size_t len)
{
	snprintf(buf, len, "seg-%zu", i * 7919 % 1000003);
}

/* 100,000 names: 11 doublings of the table; every one found again. */
static void
test_growth(void)
{
	sq_keyset k;
	char buf[32];
	size_t i, j, bad_add = 0, bad_find = 0, bad_name = 0;
	int added;

	sq_keyset_init(&k, SIZE_MAX);
	CHECK(sq_keyset_count(&k) == 0 && !sq_keyset_find(&k, "x", &j),
	    "a new set is empty and finds nothing");
	for (i = 0; i < MANY; i++) {
		name_of(i, buf, sizeof(buf));
		if (sq_keyset_add(&k, buf, &j, &added) != SQ_OK || !added ||
		    j != i)
			bad_add++;
	}
	CHECK(bad_add == 0 && sq_keyset_count(&k) == MANY,
	    "100000 new names take indices 0, 1, 2... in order");
	CHECK(k.scap >= 2 * MANY && k.scap < 8 * MANY,
	    "the table stays at most half full");
	for (i = 0; i < MANY; i++) {
		name_of(i, buf, sizeof(buf));
		if (!sq_keyset_find(&k, buf, &j) || j != i)
			bad_find++;
		if (strcmp(sq_keyset_name(&k, i), buf) != 0)
			bad_name++;
		if (sq_keyset_add(&k, buf, &j, &added) != SQ_OK || added ||
		    j != i)
			bad_add++;
	}
	CHECK(bad_find == 0, "every name found at its index after growth");
	CHECK(bad_name == 0, "name(i) is the name added i-th");
	CHECK(bad_add == 0 && sq_keyset_count(&k) == MANY,
	    "adding a held name again returns its index, adds nothing");
	CHECK(!sq_keyset_find(&k, "seg-", &j) &&
	    !sq_keyset_find(&k, "seg-00", &j), "near misses not found");
	sq_keyset_release(&k);
	CHECK(sq_keyset_count(&k) == 0 && !sq_keyset_find(&k, buf, &j),
	    "a released set is empty");
	sq_keyset_release(&k);
}

static void
test_limit(void)
{
	sq_keyset k;
	size_t i, j = 99;
	int added = 1, rc;

	sq_keyset_init(&k, 3);
	sq_keyset_add(&k, "a", &i, &added);
	sq_keyset_add(&k, "b", &i, &added);
	sq_keyset_add(&k, "c", &i, &added);
	rc = sq_keyset_add(&k, "d", &j, &added);
	CHECK(rc == SQ_ELIMIT && !added && sq_keyset_count(&k) == 3,
	    "a name past the limit: SQ_ELIMIT, nothing added");
	CHECK(!sq_keyset_find(&k, "d", &j), "the refused name is not held");
	rc = sq_keyset_add(&k, "b", &j, &added);
	CHECK(rc == SQ_OK && !added && j == 1,
	    "a held name is still found at the limit");
	sq_keyset_release(&k);

	sq_keyset_init(&k, 0);
	CHECK(sq_keyset_add(&k, "a", &j, &added) == SQ_ELIMIT &&
	    k.slot == NULL, "limit 0 takes nothing and allocates nothing");
	sq_keyset_release(&k);
}

static void
test_bytes(void)
{
	sq_keyset k;
	char all[256], b1[2], b2[3];
	size_t i, j, bad = 0;
	int added;

	sq_keyset_init(&k, 1000);
	CHECK(sq_keyset_add(&k, "", &i, &added) == SQ_OK && added && i == 0,
	    "the empty name is a name");
	CHECK(sq_keyset_find(&k, "", &j) && j == 0 &&
	    strcmp(sq_keyset_name(&k, 0), "") == 0, "and is found again");
	for (i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	CHECK(sq_keyset_add(&k, all, &i, &added) == SQ_OK && added && i == 1,
	    "a name of every byte 1..255");
	CHECK(sq_keyset_find(&k, all, &j) && j == 1 &&
	    memcmp(sq_keyset_name(&k, 1), all, 256) == 0,
	    "found, its bytes kept");
	/* each single byte, and each byte doubled: 510 more names */
	for (i = 1; i < 256; i++) {
		b1[0] = (char)i;
		b1[1] = '\0';
		b2[0] = b2[1] = (char)i;
		b2[2] = '\0';
		if (sq_keyset_add(&k, b1, &j, &added) != SQ_OK || !added ||
		    sq_keyset_add(&k, b2, &j, &added) != SQ_OK || !added)
			bad++;
	}
	for (i = 1; i < 256; i++) {
		b1[0] = (char)i;
		b1[1] = '\0';
		if (!sq_keyset_find(&k, b1, &j) || j != 2 * i)
			bad++;
	}
	CHECK(bad == 0 && sq_keyset_count(&k) == 512,
	    "blanks, newlines, bytes >= 0x80: each a distinct name");
	sq_keyset_release(&k);
}

/* Undoing adds, and a parallel array that keeps pace with the names. */
static void
test_pop_fit(void)
{
	sq_keyset k;
	char buf[32];
	double *acc = NULL;
	size_t cap = 0, i, j, bad = 0;
	int added;

	sq_keyset_init(&k, SIZE_MAX);
	sq_keyset_pop(&k);
	CHECK(sq_keyset_count(&k) == 0, "pop on an empty set does nothing");
	for (i = 0; i < 1000; i++) {
		name_of(i, buf, sizeof(buf));
		sq_keyset_add(&k, buf, &j, &added);
		if (sq_keyset_fit(&k, &acc, &cap, sizeof(*acc)) != SQ_OK ||
		    cap < k.n)
			bad++;
		else
			acc[j] = (double)j;
		/* every third add undone, as after a failed allocation */
		if (i % 3 == 2) {
			sq_keyset_pop(&k);
			if (sq_keyset_find(&k, buf, &j))
				bad++;
			if (sq_keyset_add(&k, buf, &j, &added) != SQ_OK ||
			    !added || j != k.n - 1)
				bad++;
		}
	}
	CHECK(bad == 0, "a popped name is gone and can be added again");
	for (i = 0; i < 1000; i++) {
		name_of(i, buf, sizeof(buf));
		if (!sq_keyset_find(&k, buf, &j) || j != i ||
		    acc[j] != (double)i)
			bad++;
	}
	CHECK(bad == 0 && cap == k.cap, "after pops and rehashes every name "
	    "is at its index; the caller's array grew with the names");
	while (k.n > 500)
		sq_keyset_pop(&k);
	for (i = 0; i < 1000; i++) {
		name_of(i, buf, sizeof(buf));
		if (sq_keyset_find(&k, buf, &j) != (i < 500))
			bad++;
	}
	CHECK(bad == 0, "popping back to 500 keeps the first 500 only");
	free(acc);
	acc = NULL;
	cap = 0;
	CHECK(sq_keyset_fit(&k, &acc, &cap, 0) == SQ_OK && acc != NULL &&
	    cap == k.cap, "an array of empty entries still gets a block");
	free(acc);
	sq_keyset_release(&k);
}

/* make() for sq_keyset_entry: the entry holds 1000 + the call's count;
   the call numbered *fail_at fails. */
static int
fill(void *entry, void *ctx)
{
	int *n = ctx;

	if (++n[0] == n[1])
		return SQ_ENOMEM;
	*(int *)entry = 1000 + n[0];
	return SQ_OK;
}

/* An entry filled for each new name, none for a held one; a failing
   make() undoes the add. */
static void
test_entry(void)
{
	sq_keyset k;
	int *arr = NULL, n[2] = { 0, 3 };
	size_t cap = 0, i, j;
	char buf[32];

	sq_keyset_init(&k, SIZE_MAX);
	CHECK(sq_keyset_entry(&k, "a", &arr, &cap, sizeof(*arr), fill, n,
	    &i) == SQ_OK && i == 0 && arr[0] == 1001, "a new name's entry");
	CHECK(sq_keyset_entry(&k, "a", &arr, &cap, sizeof(*arr), fill, n,
	    &i) == SQ_OK && i == 0 && n[0] == 1, "a held name: no make()");
	CHECK(sq_keyset_entry(&k, "b", &arr, &cap, sizeof(*arr), fill, n,
	    &i) == SQ_OK && i == 1 && arr[1] == 1002, "a second name");
	CHECK(sq_keyset_entry(&k, "c", &arr, &cap, sizeof(*arr), fill, n,
	    &i) == SQ_ENOMEM && sq_keyset_count(&k) == 2 &&
	    !sq_keyset_find(&k, "c", &j), "a failing make() undoes the add");
	for (i = 0; i < 1000; i++) {
		snprintf(buf, sizeof(buf), "n%zu", i);
		if (sq_keyset_entry(&k, buf, &arr, &cap, sizeof(*arr), fill, n,
		    &j) != SQ_OK || arr[j] != 1000 + n[0])
			break;
	}
	CHECK(i == 1000 && cap >= sq_keyset_count(&k) && arr[0] == 1001 &&
	    arr[1] == 1002, "the array grows with the names, entries kept");
	free(arr);
	sq_keyset_release(&k);
}

int
main(void)
{
	test_entry();
	test_growth();
	test_limit();
	test_bytes();
	test_pop_fit();
	return unit_done();
}
