/*
 * csvparse: the benchmark's reference. Parses a CSV file with libcsv in
 * the strict mode servqual's reader uses, 64 KiB reads, callbacks that
 * only count fields and rows; prints "ROWS rows, FIELDS fields".
 *
 *   csvparse [FILE]	(no FILE or "-": stdin)
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFSZ	(64 * 1024)

struct count {
	unsigned long long fields, rows;
};

/* Field callback: count it. */
static void
onfield(void *s, size_t len, void *data)
{
	struct count *c = data;

	(void)s;
	(void)len;
	c->fields++;
}

/* Row callback: count it. */
static void
onrow(int term, void *data)
{
	struct count *c = data;

	(void)term;
	c->rows++;
}

int
main(int argc, char **argv)
{
	static char buf[BUFSZ];
	struct csv_parser p;
	struct count c = { 0, 0 };
	const char *name = argc > 1 ? argv[1] : "-";
	FILE *fp = stdin;
	size_t n;
	int rc = 0;

	if (argc > 2) {
		fprintf(stderr, "usage: csvparse [FILE]\n");
		return 2;
	}
	if (strcmp(name, "-") != 0 && (fp = fopen(name, "rb")) == NULL) {
		fprintf(stderr, "csvparse: %s: %s\n", name, strerror(errno));
		return 1;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
	    CSV_EMPTY_IS_NULL) != 0) {
		fprintf(stderr, "csvparse: csv_init failed\n");
		return 1;
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, onfield, onrow, &c) != n) {
			fprintf(stderr, "csvparse: %s: %s\n", name,
			    csv_strerror(csv_error(&p)));
			rc = 1;
			break;
		}
	if (rc == 0 && ferror(fp)) {
		fprintf(stderr, "csvparse: %s: read error\n", name);
		rc = 1;
	}
	if (rc == 0 && csv_fini(&p, onfield, onrow, &c) != 0) {
		fprintf(stderr, "csvparse: %s: %s\n", name,
		    csv_strerror(csv_error(&p)));
		rc = 1;
	}
	csv_free(&p);
	if (fp != stdin)
		fclose(fp);
	if (rc == 0)
		printf("%llu rows, %llu fields\n", c.rows, c.fields);
	return rc;
}
