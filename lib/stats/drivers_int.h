/*
 * Internal to lib/drivers*.c: sq-drivers' accumulator, shared by the
 * analysis and the partial-result state (driversstate.c). The files:
 *
 *   drivers.c           the accumulator: new, add a respondent, fold, free
 *   drivers_exact.c     scores as integers over a common denominator
 *   drivers_moments.c   exact and running moments: add, fold, read out
 *   drivers_segment.c   the moments of each segment, found by value
 *   drivers_weights.c   the stated importance weights
 *   drivers_fit.c       least squares from the co-moments
 *   drivers_lmg.c       LMG relative importance over all subsets
 *   drivers_ipa.c       stated vs derived importance; IPA quadrants
 *   drivers_verdicts.c  service-level targets tested
 *   drivers_result.c    the results put together; names
 *   drivers_fields.c    the figures every output writes, by key
 *   drivers_table.c, drivers_json.c, drivers_pretty.c: the outputs
 *   drivers_msg.c       the pretty output's words, English and Spanish
 *
 * Every figure is kept twice: an exact part, integer sums of scores
 * brought to a common denominator (dimension scores X / L, the outcome
 * Y / SQ_DRV_YDEN), which fold in any order to the same integers; and a
 * running part (Welford/Chan) for the respondents whose scores are not
 * such fractions (answers that are not whole numbers, an outcome with
 * more than 4 decimals). The two parts are combined only when the
 * results are computed, so data that is all whole numbers gives the
 * same bits whatever the order it was read or merged in.
 */
#ifndef SERVQUAL_DRIVERS_INT_H
#define SERVQUAL_DRIVERS_INT_H

#include "servqual/drivers.h"
#include "servqual/keyset.h"
#include "servqual/scores.h"

#define DRV_NQ		(SQ_MAX_DIMS + 1)
#define DRV_NCROSS	(DRV_NQ * (DRV_NQ + 1) / 2)

/* Exact scores: |X| <= 2^36, so 2^46 respondents' squares fit in 2^118. */
#define DRV_XMAX	68719476736LL		/* 2^36 */
#define DRV_NMAX	70368744177664ULL	/* 2^46 */
#define SQ_DRV_YDEN	10000			/* the outcome's denominator */
#define DRV_WMAX	65536			/* largest exact weight */
#define DRV_NTOTALS	4096			/* distinct weight totals */
#define DRV_MAX_SEGMENTS 100000

/* Upper-triangle index of (i, j), i <= j, in a q x q matrix. */
#define DRV_UT(q, i, j)	((i) * (q) - (i) * ((i) - 1) / 2 + (j) - (i))

/* Moments of (x_1..x_p, y): the complete cases of one model. */
struct drv_mom {
	unsigned long long n;		/* exact part: cases */
	__int128 s[DRV_NQ];		/* sums of X */
	__int128 ss[DRV_NCROSS];	/* sums of X_i X_j, upper triangle */
	double rn;			/* running part: cases */
	double rm[DRV_NQ];		/* means */
	double rc[DRV_NCROSS];		/* centred co-moments */
};

/* Moments of one score (mean and sum of squared deviations). */
struct drv_mom1 {
	__int128 s, ss;			/* exact part: sums of X, X^2 */
	unsigned long long n;
	double rn, rm, rm2;		/* running part */
};

/* The stated weights of respondents whose weights sum to one total. */
struct drv_total {
	long long total;		/* sum of the respondent's weights */
	unsigned long long n;		/* respondents */
	long long w[SQ_MAX_DIMS];	/* sums of each weight */
};

struct sq_drivers {
	size_t nd;
	long long L;			/* dimension scores' denominator, 0:
					   none (never exact) */
	struct drv_mom mod[SQ_DRV_NMODELS];
	/* weights rescaled to 100: exact by total, else running sums */
	struct drv_total *tot;		/* ntot, totals increasing */
	size_t ntot;
	double wrun[SQ_MAX_DIMS], wrn;
	double respondents;
	sq_scores *sg, *sp;
	struct drv_mom1 *all;		/* 2 * nd: block P then G */
	int by_segment;
	sq_keyset keys;			/* the -b values */
	size_t nseg, cap;		/* keys.n; entries segmom has room for */
	char **seg;			/* keys.name, read-only */
	struct drv_mom1 *segmom;	/* nseg * 2 * nd */
};

/* ---- drivers_exact.c ---- */

/* x as X / den, |X| <= DRV_XMAX, when x is exactly such a fraction. */
int sq_drv_as_exact(double x, long long den, long long *X);

/* Score d of s as X / L: its sum a whole number within range. */
int sq_drv_score_exact(const sq_scores *s, size_t d, long long L,
    long long *X);

/* (sij - si sj / n) / den from integer sums, rounded once. */
long double sq_drv_centred(unsigned long long n, __int128 si, __int128 sj,
    __int128 sij, long double den);

/* ---- drivers_moments.c ---- */

/* One score x into s: exactly as X / den when ok, else running. */
void sq_drv_mom1_add(struct drv_mom1 *s, int ok, long long X, double x);

/* Fold b into a (scores over L). */
void sq_drv_mom1_fold(struct drv_mom1 *a, const struct drv_mom1 *b,
    long long L);

/* What one score's moments say: n, mean, its t-based CI at conf; t and
 * one-sided p against target (NAN: none). NAN when undefined. */
struct drv_ci {
	double n, mean, lo, hi, t, p;
};
void sq_drv_mom1_ci(const struct drv_mom1 *s, long long L, double conf,
    double target, struct drv_ci *out);

/* One case z[0..q) into a model; X (NULL: not exact) the same as
 * integers, scores over L and the outcome over SQ_DRV_YDEN. */
void sq_drv_mom_add(struct drv_mom *a, size_t q, const double *z,
    const long long *X);

/* Fold b's model moments into a's (q columns, scores over L). */
void sq_drv_mom_fold(struct drv_mom *a, const struct drv_mom *b, size_t q,
    long long L);

/* A model's moments: n, means and the full q x q co-moment matrix. */
void sq_drv_mom_get(const struct drv_mom *a, size_t q, long long L,
    double *n, double *mean, double *C);

/* ---- drivers_segment.c ---- */

/* The segment index of a (a->by_segment), and its release. */
int sq_drv_segments_init(sq_drivers *a);
void sq_drv_segments_free(sq_drivers *a);

/* The moments of segment v (2 * nd of them), added when new. */
int sq_drivers_segment(sq_drivers *a, const char *v, struct drv_mom1 **out);

/* ---- drivers_weights.c ---- */

/* Count n respondents whose weights sum to total, with sums w[0..nd). */
int sq_drv_total_add(sq_drivers *a, long long total, unsigned long long n,
    const long long *w);

/* One respondent's weights w[0..nd) (NULL: none): counted when all are
 * there and sum above 0. SQ_ENOMEM. */
int sq_drv_weights_add(sq_drivers *a, const double *w);

/* The mean weights rescaled to 100 and the respondents behind them. */
void sq_drv_stated(const sq_drivers *a, double *n, double *stated);

/* ---- the results: drivers_lmg.c, drivers_ipa.c, drivers_verdicts.c ---- */

/* The LMG and shares of a fitted model from its co-moments C (q x q). */
void sq_drv_model_lmg(size_t p, const double *C, sq_drvmodel *mod);

/* Stated (from a) and derived (the servperf shares) importance, ranks. */
void sq_drv_importance(sq_drvresult *res, const sq_drivers *a);

/* IPA: the importance of o's source, performance, crosshairs and
 * quadrants. SQ_EDATA (message in err) when stated is asked of none. */
int sq_drv_ipa(sq_drvresult *res, const sq_drivers *a,
    const sq_instrument *ins, const sq_drivers_opts *o, sq_error *err);

/* o's targets tested on all respondents, then on each segment. */
int sq_drv_verdicts(sq_drvresult *res, const sq_drivers *a,
    const sq_drivers_opts *o);

/* ---- drivers_fields.c: what the table, JSON and pretty share ---- */

/* A model's fit: n r2 adj_r2 f df1 df2 p. */
#define DRV_NFIT	7
extern const char *const sq_drv_fit_keys[DRV_NFIT];
void sq_drv_fit_values(const sq_drvmodel *m, double *v);

/* Term i's coefficient (0 = intercept): estimate se t p beta vif. */
#define DRV_NCOEF	6
extern const char *const sq_drv_coef_keys[DRV_NCOEF];
void sq_drv_coef_values(const sq_drvmodel *m, size_t i, double *v);

/* Dimension d's LMG: lmg share. */
#define DRV_NLMG	2
extern const char *const sq_drv_lmg_keys[DRV_NLMG];
void sq_drv_lmg_values(const sq_drvmodel *m, size_t d, double *v);

/* Dimension d's importance: stated derived rank_stated rank_derived. */
#define DRV_NIMP	4
extern const char *const sq_drv_imp_keys[DRV_NIMP];
void sq_drv_imp_values(const sq_drvresult *r, size_t d, double *v);

/* A target tested: target n mean ci_low ci_high t p. */
#define DRV_NTARGET	7
extern const char *const sq_drv_target_keys[DRV_NTARGET];
void sq_drv_target_values(const sq_drvtarget *g, double *v);

/* "intercept" or the dimension's code; "all" or the segment's name;
 * "stated" or "derived". */
const char *sq_drv_term_name(const sq_instrument *ins, size_t i);
const char *sq_drv_seg_name(const sq_drvresult *r, long seg);
const char *sq_drv_source_name(int source);

/* ---- drivers_msg.c: the summary's words, [id][0 English, 1 Spanish] ---- */

enum {
	DM_TITLE, DM_MODELS, DM_RESP, DM_ADJ, DM_BETTER, DM_DRIVERS, DM_DIM,
	DM_COEF, DM_STATED, DM_DERIVED, DM_RANKS, DM_RHO, DM_SAY, DM_NOW,
	DM_IPA, DM_IMP, DM_PERF, DM_QUAD, DM_CROSS, DM_TARGETS, DM_SEG,
	DM_TARGET, DM_MEAN, DM_VERDICT, DM_Q0, DM_Q1, DM_Q2, DM_Q3, DM_MET,
	DM_MISSED, DM_INC, DM_NOWEIGHTS, DM_STATEDSRC, DM_DERIVEDSRC,
	DM_RULE0, DM_RULE1, DM_RULE2, DM_NTOTAL
};

extern const char *const sq_drv_msg[DM_NTOTAL][2];

#endif
