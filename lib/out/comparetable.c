/* sq-compare's tables: see include/servqual/comparetable.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/comparetable.h"
#include "servqual/gap.h"

const char *const sq_cmp_columns[] = {
	"block", "scope", "dimension", "item", "test", "group1", "group2",
	"n", "diff", "statistic", "df1", "df2", "p", "p_adj", "ci_low",
	"ci_high", "effect", "effect_size",
	"n1", "n2", "mean1", "mean2", "sd1", "sd2", "conf", NULL
};

static const char *const scope_names[4][2] = {
	{ "item", "\xc3\xadtem" },
	{ "dimension", "dimensi\xc3\xb3n" },
	{ "servqual", "servqual" },
	{ "servqual_weighted", "servqual ponderado" },
};

/* The score a row is about, for a person. */
static void
score_label(const sq_cmprow *r, const sq_instrument *ins, int lang,
    char *buf, size_t len)
{
	if (r->scope == SQ_SCOPE_DIMENSION)
		snprintf(buf, len, "%s", ins->dims[r->dim].name[lang]);
	else if (r->scope == SQ_SCOPE_ITEM)
		snprintf(buf, len, "%s %d (%s)", lang ? "\xc3\x8dtem" : "Item",
		    ins->items[r->item].number,
		    ins->dims[ins->items[r->item].dim].code);
	else
		snprintf(buf, len, "%s", scope_names[r->scope][lang]);
}

int
sq_cmp_table(const sq_cmprow *rows, size_t n, char *const *name,
    const sq_instrument *ins, const char *block, double conf, int human,
    int lang, sq_table **out)
{
	sq_table *t;
	size_t i, nc = 0;
	int rc = SQ_OK;

	*out = NULL;
	while (sq_cmp_columns[nc] != NULL)
		nc++;
	if (sq_table_new(sq_cmp_columns, nc, &t) != SQ_OK)
		return SQ_ENOMEM;
	sq_table_style(t, 7, SQ_NUM_INT);
	sq_table_style(t, 12, SQ_NUM_P);
	sq_table_style(t, 13, SQ_NUM_P);
	sq_table_style(t, 18, SQ_NUM_INT);
	sq_table_style(t, 19, SQ_NUM_INT);
	for (i = 0; i < n && rc == SQ_OK; i++) {
		const sq_cmprow *r = &rows[i];
		const char *dim = "";
		char num[16] = "";
		int d = r->dim;

		if (r->scope == SQ_SCOPE_ITEM) {
			d = ins->items[r->item].dim;
			snprintf(num, sizeof(num), "%d",
			    ins->items[r->item].number);
		}
		if (d >= 0)
			dim = human ? ins->dims[d].name[lang] :
			    ins->dims[d].code;
		rc |= sq_table_str(t, block);
		rc |= sq_table_str(t, scope_names[r->scope][human ? lang : 0]);
		rc |= sq_table_str(t, dim);
		rc |= sq_table_str(t, num);
		rc |= sq_table_str(t, sq_cmp_test_names[r->test]);
		rc |= sq_table_str(t, r->g1 >= 0 ? name[r->g1] : "");
		rc |= sq_table_str(t, r->g2 >= 0 ? name[r->g2] : "");
		rc |= sq_table_num(t, r->n);
		rc |= sq_table_num(t, r->diff);
		rc |= sq_table_num(t, r->stat);
		rc |= sq_table_num(t, r->df1);
		rc |= sq_table_num(t, r->df2);
		rc |= sq_table_num(t, r->p);
		rc |= sq_table_num(t, r->p_adj);
		rc |= sq_table_num(t, r->ci_low);
		rc |= sq_table_num(t, r->ci_high);
		rc |= sq_table_str(t, sq_cmp_effect_names[r->test]);
		rc |= sq_table_num(t, r->es);
		rc |= sq_table_num(t, r->n1);
		rc |= sq_table_num(t, r->n2);
		rc |= sq_table_num(t, r->mean1);
		rc |= sq_table_num(t, r->mean2);
		rc |= sq_table_num(t, r->sd1);
		rc |= sq_table_num(t, r->sd2);
		rc |= sq_table_num(t, conf);
	}
	if (rc != SQ_OK) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}

/* Append s to buf (len bytes), truncating with "..." when full. */
static void
cat(char *buf, size_t len, const char *s)
{
	size_t n = strlen(buf);

	if (n + strlen(s) + 4 < len)
		memcpy(buf + n, s, strlen(s) + 1);
	else if (n + 4 < len && strstr(buf, "...") == NULL)
		memcpy(buf + n, "...", 4);
}

static const char *const sum_cols[2][2][6] = {
	{ { "score", "n", "welch p_adj", "kruskal p_adj", "verdict",
	    "which differ" },
	{ "puntuaci\xc3\xb3n", "n", "welch p_aj", "kruskal p_aj",
	    "veredicto", "cu\xc3\xa1les difieren" } },
	{ { "score", "n", "paired_t p_adj", "wilcoxon p_adj", "verdict",
	    "change" },
	{ "puntuaci\xc3\xb3n", "n", "paired_t p_aj", "wilcoxon p_aj",
	    "veredicto", "cambio" } },
};

int
sq_cmp_summary(const sq_cmprow *rows, size_t n, char *const *name,
    const sq_instrument *ins, double conf, int lang, sq_table **out)
{
	double alpha = 1 - conf;
	sq_table *t;
	size_t i, j;
	int rc = SQ_OK, paired = n > 0 && rows[0].test == SQ_T_PAIRED_T;

	*out = NULL;
	if (sq_table_new(sum_cols[paired][lang], 6, &t) != SQ_OK)
		return SQ_ENOMEM;
	sq_table_style(t, 1, SQ_NUM_INT);
	sq_table_style(t, 2, SQ_NUM_P);
	sq_table_style(t, 3, SQ_NUM_P);
	for (i = 0; i < n && rc == SQ_OK; i = j) {
		const sq_cmprow *welch = NULL, *kw = NULL, *pt = NULL;
		const char *verdict;
		char label[128], which[512] = "", buf[256];
		double N = rows[i].n;
		int differ = 0, any = 0;

		/* the rows of one score are contiguous */
		for (j = i; j < n && rows[j].scope == rows[i].scope &&
		    rows[j].dim == rows[i].dim &&
		    rows[j].item == rows[i].item; j++) {
			const sq_cmprow *r = &rows[j];

			if (r->test == SQ_T_WELCH)
				welch = r;
			else if (r->test == SQ_T_KRUSKAL ||
			    r->test == SQ_T_WILCOXON)
				kw = r;
			else if (r->test == SQ_T_WELCH_T ||
			    r->test == SQ_T_PAIRED_T)
				pt = r;
			else if (r->test == SQ_T_GAMES_HOWELL &&
			    r->p_adj < alpha) {
				int up = r->diff > 0;

				snprintf(buf, sizeof(buf), "%s%s %s %s",
				    any ? ", " : "",
				    name[up ? r->g2 : r->g1],
				    ">", name[up ? r->g1 : r->g2]);
				cat(which, sizeof(which), buf);
				any = 1;
			}
		}
		if (pt != NULL) {
			N = pt->n;
			snprintf(which, sizeof(which), "%s \xe2\x88\x92 %s = "
			    "%+.3f [%.3f, %.3f]", name[pt->g2], name[pt->g1],
			    pt->diff, pt->ci_low, pt->ci_high);
			differ = pt->p_adj < alpha;
		} else if (welch != NULL)
			differ = welch->p_adj < alpha;
		score_label(&rows[i], ins, lang, label, sizeof(label));
		rc |= sq_table_str(t, label);
		rc |= sq_table_num(t, N);
		rc |= sq_table_num(t, paired ? pt->p_adj : welch ?
		    welch->p_adj : NAN);
		rc |= sq_table_num(t, kw ? kw->p_adj : NAN);
		verdict = differ ? (lang ? "difieren" : "differ") :
		    (lang ? "sin evidencia" : "no evidence");
		if (pt != NULL && differ) {
			/* two groups or waves: say which way */
			snprintf(buf, sizeof(buf), lang ? "%s en %s" : "%s %s",
			    lang ? (pt->diff > 0 ? "mayor" : "menor") :
			    name[pt->g2], lang ? name[pt->g2] :
			    (pt->diff > 0 ? "higher" : "lower"));
			verdict = buf;
		}
		rc |= sq_table_str(t, verdict);
		rc |= sq_table_str(t, which);
	}
	if (rc != SQ_OK) {
		sq_table_free(t);
		return SQ_ENOMEM;
	}
	*out = t;
	return SQ_OK;
}
