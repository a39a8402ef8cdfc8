/*
 * sq-factor for people (md, pretty), as psych's print of fa reads: the
 * sampling adequacy in a sentence, the items x factors loading matrix
 * grouped by dimension with loadings under a cutoff left blank,
 * communality and uniqueness, the variance explained, the factor
 * correlations of an oblique rotation and whether the structure holds.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "servqual/factor.h"
#include "servqual/i18n.h"
#include "servqual/rotation.h"
#include "servqual/table.h"

static void
num(double x, int kind, int digits, char *buf, size_t len)
{
	sq_fmt_human(x, kind, digits, buf, len);
	if (buf[0] == '\0')
		snprintf(buf, len, "\xe2\x80\x94");
}

/* A table with columns first, then F1..Fk, then the names in rest. */
static int
factor_table(size_t k, const char *first, const char *firstlabel,
    const char *const *rest, size_t nrest, int group, sq_table **out)
{
	const char *names[64 + 8];
	char fn[64][8];
	size_t i, nc = 0;
	int rc;

	if (k > 64)
		return SQ_ELIMIT;
	if (group)
		names[nc++] = "group";
	names[nc++] = first;
	for (i = 0; i < k; i++) {
		snprintf(fn[i], sizeof(fn[i]), "F%zu", i + 1);
		names[nc++] = fn[i];
	}
	for (i = 0; i < nrest; i++)
		names[nc++] = rest[i];
	if ((rc = sq_table_new(names, nc, out)) != SQ_OK)
		return rc;
	for (i = 0; i < nc; i++)
		sq_table_human(*out, i, SQ_NUM_REAL, 2, NULL);
	if (group) {
		sq_table_human(*out, 0, SQ_NUM_TEXT, 0, NULL);
		sq_table_group(*out, 0);
	}
	sq_table_human(*out, group != 0, SQ_NUM_TEXT, 0, firstlabel);
	return SQ_OK;
}

int
sq_fa_loadings_table(const sq_fa_result *r, const sq_fa_source *src,
    int lang, double cut, sq_table **out)
{
	static const char *const lrest[] = { "h2", "u2" };
	const sq_fa *fa = r->fa;
	const sq_instrument *ins = src->ins;
	size_t i, j, p = r->p, k = fa->k;
	sq_table *t;
	char lab[32];
	int rc;

	*out = NULL;
	if ((rc = factor_table(k, "item", N_("item"), lrest, 2, 1, &t)) !=
	    SQ_OK)
		return rc;
	for (i = 0; i < p && rc == SQ_OK; i++) {
		snprintf(lab, sizeof(lab), "%c%d", src->block,
		    ins->items[i].number);
		rc |= sq_table_str(t, ins->dims[ins->items[i].dim].name[lang]);
		rc |= sq_table_str(t, lab);
		for (j = 0; j < k; j++) {
			double l = fa->loadings[i * k + j];

			rc |= sq_table_num(t, fabs(l) < cut ? NAN : l);
		}
		rc |= sq_table_num(t, fa->communality[i]);
		rc |= sq_table_num(t, fa->uniqueness[i]);
	}
	if (rc != SQ_OK) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}

int
sq_fa_pretty(const sq_fa_result *r, const sq_fa_source *src, int lang,
    double cut, int format, const char *title, FILE *fp)
{
	const sq_fa *fa = r->fa;
	size_t i, j, k = fa->k;
	sq_table *t = NULL;
	char a[64], b[64], c[64], lab[32], text[1024];
	double cum = 0;
	int rc, md = format == SQ_FMT_MD;

	if (md)
		fprintf(fp, "### %s\n\n", title);
	else {
		sq_text_wrap(fp, title, SQ_PRETTY_WIDTH);
		fputc('\n', fp);
	}
	num(r->kmo, SQ_NUM_REAL, 2, a, sizeof(a));
	num(r->chisq, SQ_NUM_REAL, 1, b, sizeof(b));
	num(r->pval, SQ_NUM_P, 0, c, sizeof(c));
	snprintf(text, sizeof(text), _("Sampling adequacy: KMO = %s. "
	    "Bartlett's test of sphericity: chi-square = %s, df = %.0f, "
	    "p %s %s.\n"), a, b, r->df, c[0] == '<' ? "<" : "=",
	    c + (c[0] == '<'));
	sq_text_wrap(fp, text, SQ_PRETTY_WIDTH);
	if (r->sim_mean != NULL) {
		snprintf(text, sizeof(text), sq_ngettext("Parallel analysis "
		    "(%lu simulations) suggests %zu factor.\n", "Parallel "
		    "analysis (%lu simulations) suggests %zu factors.\n",
		    r->suggested), (unsigned long)r->iter, r->suggested);
		sq_text_wrap(fp, text, SQ_PRETTY_WIDTH);
	}
	fputc('\n', fp);

	/* Loadings. */
	if ((rc = sq_fa_loadings_table(r, src, lang, cut, &t)) != SQ_OK)
		return rc;
	snprintf(a, sizeof(a), "%s", _("Loadings"));
	if (rc == SQ_OK)
		rc = sq_table_write(t, fp, format, md ? a : NULL);
	sq_table_free(t);
	t = NULL;
	if (rc != SQ_OK)
		return rc;
	num(cut, SQ_NUM_REAL, 2, a, sizeof(a));
	snprintf(text, sizeof(text), _("(%s loadings below %s are not "
	    "shown; h2: communality, u2: uniqueness.)\n\n"),
	    sq_rotate_name(fa->rotate), a);
	sq_text_wrap(fp, text, SQ_PRETTY_WIDTH);

	/* Variance explained. */
	if ((rc = factor_table(k, "what", "", NULL, 0, 0, &t)) != SQ_OK)
		return rc;
	rc |= sq_table_str(t, _("SS loadings"));
	for (j = 0; j < k; j++)
		rc |= sq_table_num(t, fa->ss[j]);
	rc |= sq_table_str(t, _("Proportion of variance"));
	for (j = 0; j < k; j++)
		rc |= sq_table_num(t, fa->prop[j]);
	rc |= sq_table_str(t, _("Cumulative variance"));
	for (j = 0; j < k; j++)
		rc |= sq_table_num(t, cum += fa->prop[j]);
	if (rc == SQ_OK)
		rc = sq_table_write(t, fp, format, md ? _("Variance explained") :
		    NULL);
	sq_table_free(t);
	t = NULL;
	if (rc != SQ_OK)
		return rc;

	/* Factor correlations. */
	if (k > 1 && (fa->rotate == SQ_ROT_OBLIMIN ||
	    fa->rotate == SQ_ROT_PROMAX)) {
		fputc('\n', fp);
		if ((rc = factor_table(k, "factor", "", NULL, 0, 0, &t)) !=
		    SQ_OK)
			return rc;
		for (i = 0; i < k; i++) {
			snprintf(lab, sizeof(lab), "F%zu", i + 1);
			rc |= sq_table_str(t, lab);
			for (j = 0; j < k; j++)
				rc |= sq_table_num(t, fa->phi[i * k + j]);
		}
		if (rc == SQ_OK)
			rc = sq_table_write(t, fp, format,
			    _("Factor correlations"));
		sq_table_free(t);
		if (rc != SQ_OK)
			return rc;
	}
	fputc('\n', fp);
	if (r->check != NULL)
		sq_text_wrap(fp, r->check->matches ? _("Each dimension's items load on a "
		    "factor of their own: the structure holds.\n") :
		    r->check->merged ? _("Some dimensions share a factor: "
		    "the five-dimension structure does not hold.\n") :
		    _("Some dimensions' items spread over several factors: "
		    "the structure does not hold.\n"), SQ_PRETTY_WIDTH);
	return ferror(fp) ? SQ_EIO : SQ_OK;
}
