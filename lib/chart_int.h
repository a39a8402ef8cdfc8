/*
 * Internal to lib/chart*.c: the list of labels a chart drew (the SVG text
 * layer).
 */
#ifndef SERVQUAL_CHART_INT_H
#define SERVQUAL_CHART_INT_H

#include <stddef.h>

/* A label drawn at (x, y), points, baseline left. */
struct sq_label_rec {
	double x, y, size;
	char *text;
};

struct sq_labels {
	size_t n, cap;
	struct sq_label_rec *v;
	int failed;		/* out of memory on some add */
};

/* Record a label (copied); sets l->failed when out of memory. */
void sq_labels_add(struct sq_labels *l, double x, double y, double size,
    const char *text, size_t len);

/* Release the records (not l itself). */
void sq_labels_release(struct sq_labels *l);

#endif
