/*
 * Column names: the roles a name has on its own, without a codebook (E1,
 * E01, E_1, group/E1, group-E1, E[SQ001], "Expectativas [E1 ...]", "E1
 * text"; W_TAN; overall), a codebook's name against a header's, a column
 * found by name, and the columns that look like items but are not bound.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "survey_int.h"

/* "E1", "e01", "E_1", "P 7", "A3", "D3" -> role and item number; 0 if
 * not such. */
static int
auto_item(const char *h, size_t n, int *num)
{
	const char *q, *end = h + n;
	long v = 0;
	int role;

	while (h < end && *h == ' ')
		h++;
	while (end > h && end[-1] == ' ')
		end--;
	if (h == end)
		return 0;
	if (*h == 'E' || *h == 'e')
		role = SQ_ROLE_E;
	else if (*h == 'P' || *h == 'p')
		role = SQ_ROLE_P;
	else if (*h == 'A' || *h == 'a')
		role = SQ_ROLE_A;
	else if (*h == 'D' || *h == 'd')
		role = SQ_ROLE_D;
	else
		return 0;
	q = h + 1;
	if (q < end && (*q == '_' || *q == ' ' || *q == '-' || *q == '.'))
		q++;
	if (q == end)
		return 0;
	for (; q < end; q++) {
		if (!isdigit((unsigned char)*q))
			return 0;
		v = v * 10 + (*q - '0');
		if (v > 100000)
			return 0;
	}
	if (v < 1)
		return 0;
	*num = (int)v;
	return role;
}

/* "W_TAN", "w_tan", "WTAN" -> dimension index, or -1. */
static int
auto_weight(const sq_instrument *ins, const char *h, size_t n)
{
	char code[SQ_CODE_LEN];
	const char *end = h + n;

	while (h < end && *h == ' ')
		h++;
	while (end > h && end[-1] == ' ')
		end--;
	if (h == end || (*h != 'W' && *h != 'w'))
		return -1;
	h++;
	if (h < end && (*h == '_' || *h == ' ' || *h == '-'))
		h++;
	if (end - h <= 0 || end - h >= SQ_CODE_LEN)
		return -1;
	memcpy(code, h, (size_t)(end - h));
	code[end - h] = '\0';
	return sq_instrument_dim(ins, code);
}

/* One candidate name: an item, a weight or the overall rating. */
static int
auto_one(const sq_instrument *ins, const char *h, size_t n, int *t)
{
	int r, num;

	if ((r = auto_item(h, n, &num)) != SQ_ROLE_NONE &&
	    (*t = sq_instrument_item(ins, num)) >= 0)
		return r;
	if ((*t = auto_weight(ins, h, n)) >= 0)
		return SQ_ROLE_W;
	*t = -1;
	if (n == 7 && strncasecmp(h, "overall", 7) == 0)
		return SQ_ROLE_OVERALL;
	return SQ_ROLE_NONE;
}

/*
 * Recognise a column name on its own: the name, the part after a group
 * path (group/E1, group-E1, group.E1, "Q: E1"), LimeSurvey's E[SQ001],
 * the text in brackets ("Expectativas [E1 Equipos]") and the first word
 * ("E1 Equipos modernos").
 */
static int
auto_role(const sq_instrument *ins, const char *h, int *t)
{
	size_t n = strlen(h), k;
	const char *lb, *rb, *sp, *sep;
	int r, num;

	if ((r = auto_one(ins, h, n, t)) != SQ_ROLE_NONE)
		return r;
	lb = strchr(h, '[');
	rb = lb ? strchr(lb, ']') : NULL;
	if (lb != NULL && rb != NULL) {
		/* E[SQ001], P[3]: the letter outside, the number inside */
		const char *d = lb + 1;

		while (d < rb && isalpha((unsigned char)*d))
			d++;
		if (lb - h == 1 && d < rb && rb[1] == '\0') {
			char one[16];

			k = (size_t)(rb - d);
			if (k < 8) {
				one[0] = h[0];
				memcpy(one + 1, d, k);
				if ((r = auto_item(one, k + 1, &num)) !=
				    SQ_ROLE_NONE &&
				    (*t = sq_instrument_item(ins, num)) >= 0)
					return r;
			}
		}
		/* "Question [E1 wording]": the bracket's first word */
		sp = lb + 1;
		while (sp < rb && *sp == ' ')
			sp++;
		for (k = 0; sp + k < rb && sp[k] != ' '; k++)
			;
		if ((r = auto_one(ins, sp, k, t)) != SQ_ROLE_NONE)
			return r;
	}
	/* group/E1, group-E1, group.E1, "Question: E1", pesos/w-emp */
	for (sep = h + n - 1; sep > h; sep--)
		if ((sep[-1] == '/' || sep[-1] == '-' || sep[-1] == '.' ||
		    sep[-1] == ':') && sep - 1 > h &&
		    (r = auto_one(ins, sep, strlen(sep), t)) != SQ_ROLE_NONE)
			return r;
	/* "E1 Equipos modernos" */
	sp = strchr(h, ' ');
	if (sp != NULL && sp > h && sp[1] != '\0' &&
	    (r = auto_one(ins, h, (size_t)(sp - h), t)) != SQ_ROLE_NONE)
		return r;
	*t = -1;
	return SQ_ROLE_NONE;
}

int
sq_survey_auto_role(const sq_instrument *ins, const char *name, int *target)
{
	return auto_role(ins, name, target);
}

/*
 * Does codebook column name cn (folded: fcn) designate column i named h
 * (folded: fh)?
 */
int
sqs_name_match(const char *cn, const char *fcn, const char *h, const char *fh,
    size_t i)
{
	char *end;
	unsigned long k;

	if (strcasecmp(cn, h) == 0)
		return 1;
	if (cn[0] == '#' && isdigit((unsigned char)cn[1])) {
		k = strtoul(cn + 1, &end, 10);
		return *end == '\0' && k == i + 1;
	}
	return fcn[0] != '\0' && strcmp(fcn, fh) == 0;
}

/* Length of name without its trailing digits; *digits: how many. */
static size_t
stem(const char *name, size_t *digits)
{
	size_t n = strlen(name), k = n;

	while (k > 0 && isdigit((unsigned char)name[k - 1]))
		k--;
	*digits = n - k;
	return k;
}

/*
 * Columns that look like items but no role claims (E23 under the built-in
 * 22 items; Q1_23 beside a codebook's Q1_1..Q1_22): their names into
 * s->st->item_like, for the tool to warn about.
 */
void
sqs_item_like(struct sv *s, char *const *names, size_t ncols)
{
	size_t i, j, o = 0, more = 0, ki, kj, di, dj;
	char *out = s->st->item_like;
	size_t cap = sizeof(s->st->item_like);

	out[0] = '\0';
	for (i = 0; i < ncols; i++) {
		char f[64];
		int like = 0;

		if ((int)i == s->segcol || (int)i == s->idcol ||
		    s->col[i].role != SQ_ROLE_NONE)
			continue;
		ki = stem(names[i], &di);
		if (di == 0)
			continue;
		/* E23, P_23, e023: the built-in shape of an item column. */
		sq_fold(names[i], f, sizeof(f));
		if ((f[0] == 'e' || f[0] == 'p') && (ki == 1 ||
		    (ki == 2 && (f[1] == '_' || f[1] == '-' || f[1] == ' '))))
			like = 1;
		/* The stem of an answer column the codebook named. */
		for (j = 0; !like && j < ncols; j++) {
			if (s->col[j].role != SQ_ROLE_E &&
			    s->col[j].role != SQ_ROLE_P &&
			    s->col[j].role != SQ_ROLE_A &&
			    s->col[j].role != SQ_ROLE_D)
				continue;
			kj = stem(names[j], &dj);
			like = dj > 0 && kj == ki && kj > 0 &&
			    strncasecmp(names[i], names[j], ki) == 0;
		}
		if (!like)
			continue;
		if (o + strlen(names[i]) + 8 < cap)
			o += (size_t)snprintf(out + o, cap - o, "%s%s",
			    o ? ", " : "", names[i]);
		else
			more++;
	}
	if (more > 0 && o + 24 < cap)
		snprintf(out + o, cap - o, " and %zu more", more);
}

/* Index of the column named want: exact, folded, then a unique group
 * suffix (servqual/sucursal for "sucursal"); -1 none, -2 ambiguous. */
int
sqs_find_column(char *const *names, size_t n, const char *want)
{
	char a[256], b[256];
	const char *sep;
	size_t i;
	int found = -1;

	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], want) == 0)
			return (int)i;
	/* "#3": the third column, as a codebook's column rows allow. */
	if (want[0] == '#' && isdigit((unsigned char)want[1])) {
		char *end;
		unsigned long k = strtoul(want + 1, &end, 10);

		return *end == '\0' && k >= 1 && k <= n ? (int)(k - 1) : -1;
	}
	sq_fold(want, a, sizeof(a));
	for (i = 0; i < n; i++) {
		sq_fold(names[i], b, sizeof(b));
		if (strcmp(a, b) == 0)
			return (int)i;
	}
	for (i = 0; i < n; i++) {
		sep = names[i] + strlen(names[i]);
		while (sep > names[i] && sep[-1] != '/' && sep[-1] != '-')
			sep--;
		if (sep == names[i])
			continue;
		sq_fold(sep, b, sizeof(b));
		if (strcmp(a, b) == 0) {
			if (found >= 0)
				return -2;
			found = (int)i;
		}
	}
	return found;
}
