/*
 * The table's insides, shared by table.c (building), table_write.c
 * (machine formats) and pretty.c (formats for people).
 */
#ifndef SERVQUAL_TABLE_INT_H
#define SERVQUAL_TABLE_INT_H

#include "servqual/table.h"

struct sq_cell {
	char *s;		/* string cell, or NULL for a number */
	double x;
};

struct sq_colspec {
	char *name;
	const char *label;	/* English header for people, NULL: name */
	int kind;		/* enum sq_numstyle */
	int digits;		/* decimals of SQ_NUM_REAL */
	int hidden;		/* not shown for people */
};

struct sq_table {
	size_t ncols;
	struct sq_colspec *col;
	long group;		/* grouping column, -1: none */
	int guard;		/* formula guard on text cells (tsv, csv) */
	struct sq_cell *cell;
	size_t ncell, cap;
};

/* md (md = 1) or pretty output of t. */
int sq_table_write_human(const sq_table *t, FILE *fp, int md,
    const char *title);

#endif
