/*
 * Chart data from the tidy tables other tools print (sq-gap, sq-factor)
 * or an analyst writes (matrix, importance-performance, answer counts):
 * the header tells which; the table is small and read whole
 * (chart_tab.c), then handed to its reader (chart_tab_means.c,
 * chart_tab_items.c, chart_tab_models.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/chart.h"
#include "servqual/reader.h"
#include "chart_int.h"
#include "chart_tab.h"

/* sq-gap's and sq-zone's rows: an item or a dimension of a segment. */
static int
sel_gap(const struct tab *t, size_t r, int *cols, int *name)
{
	const char *sc;

	cols[0] = ctab_col(t, "scope");
	cols[1] = ctab_col(t, "segment");
	cols[2] = ctab_col(t, "block");
	if (cols[0] < 0)
		return 0;
	sc = t->cell[r][cols[0]];
	if (strcmp(sc, "item") == 0)
		*name = cols[3] = ctab_col(t, "item");
	else if (strcmp(sc, "dimension") == 0)
		*name = cols[3] = ctab_col(t, "dimension");
	else
		return 0;
	return cols[3] >= 0;
}

/* sq-drivers' rows: one figure per section, segment, model, term, key. */
static int
sel_drivers(const struct tab *t, size_t r, int *cols, int *name)
{
	static const char *const k[] = {
		"section", "segment", "model", "term", "key"
	};
	size_t i;

	for (i = 0; i < 5; i++)
		if ((cols[i] = ctab_col(t, k[i])) < 0)
			return 0;
	*name = t->cell[r][cols[3]][0] ? cols[3] : cols[4];
	return 1;
}

/* sq-cfa's rows: one figure per section, key, dimension, item, pair. */
static int
sel_cfa(const struct tab *t, size_t r, int *cols, int *name)
{
	static const char *const k[] = {
		"section", "key", "dimension", "item", "dimension2"
	};
	size_t i;

	for (i = 0; i < 5; i++)
		if ((cols[i] = ctab_col(t, k[i])) < 0)
			return 0;
	*name = t->cell[r][cols[3]][0] ? cols[3] :
	    t->cell[r][cols[2]][0] ? cols[2] : cols[1];
	return 1;
}

/* The importance-performance table: one row per dimension. */
static int
sel_ipa(const struct tab *t, size_t r, int *cols, int *name)
{
	(void)r;
	*name = cols[0] = ctab_col(t, "dimension");
	return cols[0] >= 0;
}

/* Answer counts: one row per block, item and value. */
static int
sel_likert(const struct tab *t, size_t r, int *cols, int *name)
{
	(void)r;
	cols[0] = ctab_col(t, "block");
	cols[1] = ctab_col(t, "item");
	*name = cols[2] = ctab_col(t, "value");
	return cols[1] >= 0 && cols[2] >= 0;
}

/* sq-compare's pairs on a dimension: one per dimension, test, groups. */
static int
sel_compare(const struct tab *t, size_t r, int *cols, int *name)
{
	static const char *const k[] = {
		"dimension", "test", "group1", "group2"
	};
	int sc = ctab_col(t, "scope");
	size_t i;

	for (i = 0; i < 4; i++)
		if ((cols[i] = ctab_col(t, k[i])) < 0)
			return 0;
	*name = cols[0];
	return sc >= 0 && strcmp(t->cell[r][sc], "dimension") == 0 &&
	    t->cell[r][cols[2]][0] != '\0';
}

enum {
	T_NONE = 0, T_GAP, T_SCREE, T_IPA, T_LIKERT, T_MATRIX, T_FACTOR,
	T_DRIVERS, T_CFA, T_ZONE, T_COMPARE
};

/*
 * The delimiter of a table: a tab if the first line has one (servqual's
 * TSV), else a comma (-f csv), else a semicolon.
 */
static char
table_delim(const char *buf, size_t len)
{
	const char *nl = memchr(buf, '\n', len);
	size_t n = nl ? (size_t)(nl - buf) : len;

	if (memchr(buf, '\t', n))
		return '\t';
	if (memchr(buf, ',', n))
		return ',';
	return ';';
}

/*
 * The first line of a table, read in place: any number of fields of any
 * length (no copies, so no fixed-size name arrays). Quotes and CRs are
 * skipped; names compare case-insensitively.
 */
struct head {
	const char *buf;
	size_t start, end;	/* the first line is buf[start, end) */
	char delim;
	size_t n;		/* fields */
};

static void
head_init(struct head *h, const char *buf, size_t len, char delim)
{
	const char *nl;
	size_t i;

	h->buf = buf;
	h->delim = delim;
	h->start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	nl = memchr(buf + h->start, '\n', len - h->start);
	h->end = nl ? (size_t)(nl - buf) : len;
	h->n = 1;
	for (i = h->start; i < h->end; i++)
		if (buf[i] == delim)
			h->n++;
}

/* Whether field [a, b) of the first line is s, ignoring case, '"', CR. */
static int
head_field_is(const struct head *h, size_t a, size_t b, const char *s)
{
	size_t i;

	for (i = a; i < b; i++) {
		char ch = h->buf[i];

		if (ch == '\r' || ch == '"')
			continue;
		if (*s == '\0' ||
		    tolower((unsigned char)ch) != tolower((unsigned char)*s))
			return 0;
		s++;
	}
	return *s == '\0';
}

/* Whether field k (from 0) of the first line is s. */
static int
head_is(const struct head *h, size_t k, const char *s)
{
	size_t i = h->start, a = i, f = 0;

	for (;; i++) {
		if (i == h->end || h->buf[i] == h->delim) {
			if (f == k)
				return head_field_is(h, a, i, s);
			if (i == h->end)
				return 0;
			f++;
			a = i + 1;
		}
	}
}

/* Whether any field of the first line is s. */
static int
head_has(const struct head *h, const char *s)
{
	size_t i = h->start, a = i;

	for (;; i++) {
		if (i == h->end || h->buf[i] == h->delim) {
			if (head_field_is(h, a, i, s))
				return 1;
			if (i == h->end)
				return 0;
			a = i + 1;
		}
	}
}

/* Whether every column of the first line is one of ok[0..n-1]. */
static int
head_all_in(const struct head *h, const char *const *ok, size_t n)
{
	size_t i = h->start, a = i, j;

	for (;; i++) {
		if (i == h->end || h->buf[i] == h->delim) {
			for (j = 0; j < n; j++)
				if (head_field_is(h, a, i, ok[j]))
					break;
			if (j == n)
				return 0;
			if (i == h->end)
				return 1;
			a = i + 1;
		}
	}
}

/* Whether every column is one a table of answer counts may have. */
static int
likert_names(const struct head *h)
{
	static const char *const ok[] = {
		"item", "value", "n", "block", "dimension", "label",
		"scale_min", "scale_max"
	};

	return head_all_in(h, ok, sizeof(ok) / sizeof(ok[0]));
}

static int
table_kind(const char *buf, size_t len)
{
	struct head h;
	char delim = table_delim(buf, len);
	size_t n;

	head_init(&h, buf, len, delim);
	n = h.n;
	if (n < 2)
		return T_NONE;
	/* An export names its E and P columns. */
	if (head_has(&h, "e1") && head_has(&h, "p1"))
		return T_NONE;
	if (head_has(&h, "a1") && head_has(&h, "d1"))
		return T_NONE;	/* a three-column export */
	if (head_is(&h, 0, "scope") && head_has(&h, "mean_a") &&
	    head_has(&h, "mean_d"))
		return T_ZONE;
	if (head_is(&h, 0, "scope") && head_has(&h, "gap"))
		return T_GAP;
	if (head_is(&h, 0, "block") && head_has(&h, "test") &&
	    head_has(&h, "group1"))
		return T_COMPARE;
	if (head_is(&h, 0, "section") && head_has(&h, "key") &&
	    head_has(&h, "value") && head_has(&h, "model") &&
	    head_has(&h, "term"))
		return T_DRIVERS;
	if (head_is(&h, 0, "section") && head_has(&h, "key") &&
	    head_has(&h, "dimension2") && head_has(&h, "value"))
		return T_CFA;
	if (head_is(&h, 0, "section") && head_has(&h, "key") &&
	    head_has(&h, "value"))
		return T_FACTOR;
	if (head_has(&h, "eigenvalue"))
		return T_SCREE;
	if (head_has(&h, "importance") &&
	    head_has(&h, "performance"))
		return T_IPA;
	if (head_has(&h, "item") && head_has(&h, "value") &&
	    head_has(&h, "n") && likert_names(&h))
		return T_LIKERT;
	/*
	 * A matrix: the first header cell is empty or names the rows, and
	 * the next line is a label followed by numbers only.
	 */
	if (head_is(&h, 0, "") || head_is(&h, 0, "item") ||
	    head_is(&h, 0, "variable") ||
	    head_is(&h, 0, "row")) {
		size_t i = h.end < len ? h.end + 1 : len, cells = 0;
		int numeric = 1;

		while (i < len && buf[i] != delim && buf[i] != '\n')
			i++;
		while (i < len && buf[i] == delim) {
			char tmp[64], *end;
			size_t k = 0;

			i++;
			while (i < len && buf[i] != delim && buf[i] != '\n' &&
			    buf[i] != '\r') {
				if (k + 1 < sizeof(tmp))
					tmp[k++] = buf[i];
				i++;
			}
			tmp[k] = '\0';
			cells++;
			if (strcasecmp(tmp, "nan") != 0 &&
			    strcmp(tmp, "NA") != 0) {
				strtod(tmp, &end);
				if (end == tmp || *end != '\0')
					numeric = 0;
			}
		}
		if (numeric && cells + 1 == n)
			return T_MATRIX;
	}
	return T_NONE;
}

int
sq_chart_is_table(const char *buf, size_t len)
{
	return table_kind(buf, len) != T_NONE;
}

int
sq_chartdata_table(sq_chartdata *d, const char *buf, size_t len,
    const char *name, sq_error *err)
{
	struct tab t;
	sq_reader_opts ro;
	int kind = table_kind(buf, len), rc;

	if (kind == T_NONE)
		return sq_error_set(err, SQ_ESCHEMA, name, 1, 0, "",
		    "not a table sq-chart reads (sq-gap, sq-factor, a matrix,"
		    " importance-performance or Likert counts)");
	memset(&t, 0, sizeof(t));
	t.name = name;
	memset(&ro, 0, sizeof(ro));
	ro.delim = table_delim(buf, len);
	ro.encoding = SQ_ENC_UTF8;
	snprintf(d->source, sizeof(d->source), "%s", name);
	rc = sq_read_csv_mem(buf, len, name, &ro, ctab_row, &t, err);
	if (rc == SQ_OK) {
		switch (kind) {
		case T_GAP:
			rc = ctab_dups(&t, sel_gap, 4, err);
			if (rc == SQ_OK)
				rc = ctab_read_gap(d, &t, err);
			break;
		case T_SCREE:
			rc = ctab_read_scree(d, &t, err);
			break;
		case T_IPA:
			rc = ctab_dups(&t, sel_ipa, 1, err);
			if (rc == SQ_OK)
				rc = ctab_read_ipa(d, &t, err);
			break;
		case T_LIKERT:
			rc = ctab_dups(&t, sel_likert, 3, err);
			if (rc == SQ_OK)
				rc = ctab_read_likert(d, &t, err);
			break;
		case T_FACTOR:
			rc = ctab_read_factor(d, &t, err);
			break;
		case T_ZONE:
			rc = ctab_dups(&t, sel_gap, 4, err);
			if (rc == SQ_OK)
				rc = ctab_read_zone(d, &t, err);
			break;
		case T_DRIVERS:
			rc = ctab_dups(&t, sel_drivers, 5, err);
			if (rc == SQ_OK)
				rc = ctab_read_drivers(d, &t, err);
			break;
		case T_COMPARE:
			rc = ctab_dups(&t, sel_compare, 4, err);
			if (rc == SQ_OK)
				rc = ctab_read_compare(d, &t, err);
			break;
		case T_CFA:
			rc = ctab_dups(&t, sel_cfa, 5, err);
			if (rc == SQ_OK)
				rc = ctab_read_cfa(d, &t, err);
			break;
		default:
			rc = ctab_read_matrix(d, &t, err);
			break;
		}
	}
	if (rc == SQ_ENOMEM && err && err->msg[0] == '\0')
		sq_error_set(err, rc, name, 0, 0, "", "out of memory");
	ctab_free(&t);
	return rc;
}
