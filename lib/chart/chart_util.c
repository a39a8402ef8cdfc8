/*
 * Small helpers every chart file may use and that use no chart file:
 * chart type names, empty statistics, string vectors, the SVG label
 * list and item labels. They sit below input, gathering, drawing and
 * output so that the chart files call one way (tests/deps.sh holds it).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "chart_int.h"

static const char *const type_names[SQ_CHART_NTYPES] = {
	"gaps", "items", "radar", "ipa", "groups", "likert", "scree",
	"heatmap", "drivers", "cfa", "zone", "zone-radar", "compare"
};

int
sq_chart_type_parse(const char *s)
{
	int i;

	for (i = 0; i < SQ_CHART_NTYPES; i++)
		if (strcmp(s, type_names[i]) == 0)
			return i;
	return -1;
}

const char *
sq_chart_type_name(int type)
{
	if (type < 0 || type >= SQ_CHART_NTYPES)
		return "?";
	return type_names[type];
}

void
sqc_stat_nan(sq_chartstat *s)
{
	s->n = s->mean_e = s->mean_p = s->gap = NAN;
	s->ci_low = s->ci_high = NAN;
}

void
sqc_free_strv(char **v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
sq_labels_add(struct sq_labels *l, double x, double y, double size,
    const char *text, size_t len)
{
	struct sq_label_rec *v;
	char *t;

	if (l->failed)
		return;
	if (l->n == l->cap) {
		size_t nc = l->cap ? 2 * l->cap : 128;

		if ((v = realloc(l->v, nc * sizeof(*v))) == NULL) {
			l->failed = 1;
			return;
		}
		l->v = v;
		l->cap = nc;
	}
	if ((t = malloc(len + 1)) == NULL) {
		l->failed = 1;
		return;
	}
	memcpy(t, text, len);
	t[len] = '\0';
	l->v[l->n++] = (struct sq_label_rec){ x, y, size, t };
}

/*
 * The item number in a label such as "12", "P12" or "E_12", or -1: one
 * rule for every chart reader, with the codebook's bound on numbers
 * (SQ_MAX_COLUMN_NUMBER), so a label the codebook accepts is found.
 */
int
sqc_label_number(const char *s)
{
	char *end;
	long v;

	while (*s && (*s < '0' || *s > '9'))
		s++;
	if (*s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 1 || v > SQ_MAX_COLUMN_NUMBER)
		return -1;
	return (int)v;
}

/* Item index named by a label such as "P12", or -1. */
int
sqc_label_item(const sq_instrument *ins, const char *s)
{
	int v = sqc_label_number(s);

	return v < 0 ? -1 : sq_instrument_item(ins, v);
}

/* Indices by key (unsigned order: a negative key last), then by index. */
static int
by_key(const void *a, const void *b, void *ctx)
{
	const struct sqc_keys *k = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	unsigned kx = (unsigned)*(const int *)(k->base + x * k->stride);
	unsigned ky = (unsigned)*(const int *)(k->base + y * k->stride);

	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x < y ? -1 : x > y;
}

void
sqc_order_by_key(size_t *ord, size_t n, const int *key, size_t stride)
{
	struct sqc_keys k = { (const char *)key, stride };

	qsort_r(ord, n, sizeof(*ord), by_key, &k);
}
