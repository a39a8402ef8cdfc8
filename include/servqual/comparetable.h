/*
 * servqual comparison tables: the tidy sq-compare table (DESIGN.md
 * "sq-compare" columns, then n1 n2 mean1 mean2 sd1 sd2 conf so that a
 * chart can draw each group's interval from the table alone), and the
 * compact summary a person reads (one line per score: the omnibus
 * verdict and the pairs that differ).
 */
#ifndef SERVQUAL_COMPARETABLE_H
#define SERVQUAL_COMPARETABLE_H

#include "servqual/compare.h"
#include "servqual/table.h"

/* The column names of the sq-compare table, NULL-terminated. */
extern const char *const sq_cmp_columns[];

/*
 * The tidy table of rows (from sq_cmp_rows or sq_cmp_paired_rows) with
 * group names name[]; block "G", "P" or "E"; with human set, scope and
 * dimension cells are labels in lang.
 */
int sq_cmp_table(const sq_cmprow *rows, size_t n, char *const *name,
    const sq_instrument *ins, const char *block, double conf, int human,
    int lang, sq_table **out);

/*
 * The summary: per score the groups' n, the Welch and Kruskal-Wallis
 * p_adj, a verdict at level 1 - conf, and the pairs whose Games-Howell
 * p is below it (with two groups or two waves: the change with its
 * interval).
 */
int sq_cmp_summary(const sq_cmprow *rows, size_t n, char *const *name,
    const sq_instrument *ins, double conf, int lang, sq_table **out);

#endif
