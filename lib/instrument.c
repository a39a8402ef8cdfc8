/*
 * The instrument: the built-in SERVQUAL and codebook files.
 *
 * A codebook is a CSV file an analyst can edit in a spreadsheet; every row
 * starts with its kind (see man/servqual-codebook.5):
 *
 *   scale,MIN,MAX
 *   overall,MIN,MAX               default: the items' scale, whole numbers
 *   dimension,CODE,NAME_EN[,NAME_ES]
 *   item,NUMBER,DIMENSION[,WORDING_EN[,WORDING_ES]]
 *   reverse,NUMBER[,NUMBER...]
 *   missing,CODE[,CODE...]
 *   label,TEXT,VALUE
 *   column,HEADER,ROLE[,TARGET]   ROLE: E P A D W overall segment id
 *   recode,VALUE,NEW              NEW: a value or NA (missing)
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "servqual/i18n.h"
#include "servqual/instrument.h"
#include "servqual/output.h"
#include "servqual/reader.h"
#include "servqual/unicode.h"

static const struct {
	const char *code, *en, *es;
	int first, last;
} builtin_dims[] = {
	{ "TAN", "Tangibles", "Elementos tangibles", 1, 4 },
	{ "REL", "Reliability", "Fiabilidad", 5, 9 },
	{ "RES", "Responsiveness", "Capacidad de respuesta", 10, 13 },
	{ "ASS", "Assurance", "Seguridad", 14, 17 },
	{ "EMP", "Empathy", "Empat\xc3\xad" "a", 18, 22 },
};

static const char *const builtin_words[22][2] = {
	{ "Modern-looking equipment",
	  "Equipos de apariencia moderna" },
	{ "Visually appealing physical facilities",
	  "Instalaciones f\xc3\xadsicas visualmente atractivas" },
	{ "Employees neat in appearance",
	  "Empleados con apariencia pulcra" },
	{ "Visually appealing materials (pamphlets, statements)",
	  "Materiales visualmente atractivos (folletos, estados)" },
	{ "Keeps its promises to do something by a certain time",
	  "Cumple lo que promete en el plazo prometido" },
	{ "Shows sincere interest in solving customers' problems",
	  "Muestra inter\xc3\xa9s sincero en resolver los problemas" },
	{ "Performs the service right the first time",
	  "Realiza bien el servicio la primera vez" },
	{ "Provides its services at the time it promises",
	  "Presta el servicio en el momento prometido" },
	{ "Insists on error-free records",
	  "Insiste en registros libres de errores" },
	{ "Tells customers exactly when services will be performed",
	  "Informa con precisi\xc3\xb3n cu\xc3\xa1ndo se prestar\xc3\xa1 "
	  "el servicio" },
	{ "Employees give prompt service",
	  "Los empleados ofrecen un servicio r\xc3\xa1pido" },
	{ "Employees are always willing to help",
	  "Los empleados siempre est\xc3\xa1n dispuestos a ayudar" },
	{ "Employees are never too busy to respond to requests",
	  "Los empleados nunca est\xc3\xa1n demasiado ocupados para "
	  "responder" },
	{ "Employees' behaviour instils confidence in customers",
	  "El comportamiento de los empleados inspira confianza" },
	{ "Customers feel safe in their transactions",
	  "Los clientes se sienten seguros en sus transacciones" },
	{ "Employees are consistently courteous",
	  "Los empleados son siempre amables" },
	{ "Employees have the knowledge to answer questions",
	  "Los empleados tienen conocimientos para responder" },
	{ "Gives customers individual attention",
	  "Ofrece a los clientes atenci\xc3\xb3n individualizada" },
	{ "Operating hours convenient to all customers",
	  "Horarios convenientes para todos los clientes" },
	{ "Employees give customers personal attention",
	  "Los empleados ofrecen atenci\xc3\xb3n personal" },
	{ "Has customers' best interests at heart",
	  "Se preocupa por los mejores intereses del cliente" },
	{ "Employees understand customers' specific needs",
	  "Los empleados comprenden las necesidades espec\xc3\xad" "ficas" },
};

/* Latin-1 supplement letters U+00C0..U+00FF folded to ASCII lower case. */
static const char fold_latin1[64] =
    "aaaaaaaceeeeiiii" "dnooooo*ouuuuyts"
    "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";

void
sq_fold(const char *s, char *out, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	int space = 0;

	if (len == 0)
		return;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	for (; *p != '\0' && o + 1 < len; p++) {
		unsigned c = *p;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    (c == 0xC2 && p[1] == 0xA0)) {
			if (c == 0xC2)
				p++;
			space = 1;
			continue;
		}
		if (space && o > 0 && o + 2 < len)
			out[o++] = ' ';
		space = 0;
		if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = (unsigned char)fold_latin1[(p[1] - 0x80) & 63];
			p++;
		} else if (c < 0x80)
			c = (unsigned)tolower((int)c);
		out[o++] = (char)c;
	}
	out[o] = '\0';
	/* Beyond Latin-1 (Ş, Σ, Д...): full Unicode case and accent folding. */
	for (p = (const unsigned char *)out; *p != '\0'; p++)
		if (*p >= 0x80) {
			char *k = sq_fold_key(out);

			if (k != NULL) {
				size_t n = strlen(k);

				if (n >= len) {
					n = len - 1;
					while (n > 0 &&
					    ((unsigned char)k[n] & 0xC0) == 0x80)
						n--;
				}
				memcpy(out, k, n);
				out[n] = '\0';
				free(k);
			}
			break;
		}
}

static sq_instrument *
instrument_alloc(void)
{
	sq_instrument *ins = calloc(1, sizeof(*ins));

	if (ins != NULL) {
		ins->min = 1;
		ins->max = 7;
		/* the overall rating: on the items' scale (NaN) until an
		 * overall row gives it its own */
		ins->omin = NAN;
		ins->omax = NAN;
	}
	return ins;
}

/* Release the strings of the dimensions and items and forget them all. */
static void
clear_dims_items(sq_instrument *ins)
{
	size_t i;

	for (i = 0; i < ins->ndims; i++) {
		free(ins->dims[i].name[0]);
		free(ins->dims[i].name[1]);
	}
	for (i = 0; i < ins->nitems; i++) {
		free(ins->items[i].wording[0]);
		free(ins->items[i].wording[1]);
	}
	ins->ndims = 0;
	ins->nitems = 0;
}

int
sq_instrument_add_dim(sq_instrument *ins, const char *code, const char *en,
    const char *es)
{
	sq_dimension *dm;

	if (code == NULL || code[0] == '\0' || strlen(code) >= SQ_CODE_LEN ||
	    sq_instrument_dim(ins, code) >= 0 || ins->ndims == SQ_MAX_DIMS)
		return SQ_EUSAGE;
	if (en == NULL)
		en = "";
	if (es == NULL || es[0] == '\0')
		es = en;
	dm = &ins->dims[ins->ndims];
	memset(dm, 0, sizeof(*dm));
	snprintf(dm->code, SQ_CODE_LEN, "%s", code);
	if ((dm->name[0] = strdup(en)) == NULL ||
	    (dm->name[1] = strdup(es)) == NULL) {
		free(dm->name[0]);
		return SQ_ENOMEM;
	}
	ins->ndims++;
	return SQ_OK;
}

int
sq_instrument_add_item(sq_instrument *ins, int number, int dim,
    const char *en, const char *es)
{
	sq_item *it;

	if (dim < 0 || (size_t)dim >= ins->ndims ||
	    sq_instrument_item(ins, number) >= 0 ||
	    ins->nitems == SQ_MAX_ITEMS)
		return SQ_EUSAGE;
	if (ins->nitems == ins->itemcap) {
		size_t cap = ins->itemcap ? 2 * ins->itemcap : 32;
		sq_item *ni = realloc(ins->items, cap * sizeof(*ni));

		if (ni == NULL)
			return SQ_ENOMEM;
		ins->items = ni;
		ins->itemcap = cap;
	}
	if (en == NULL)
		en = "";
	if (es == NULL || es[0] == '\0')
		es = en;
	it = &ins->items[ins->nitems];
	memset(it, 0, sizeof(*it));
	it->number = number;
	it->dim = dim;
	if ((it->wording[0] = strdup(en)) == NULL ||
	    (it->wording[1] = strdup(es)) == NULL) {
		free(it->wording[0]);
		return SQ_ENOMEM;
	}
	ins->nitems++;
	return SQ_OK;
}

int
sq_instrument_new(const char *name, double min, double max,
    sq_instrument **out)
{
	sq_instrument *ins;

	*out = NULL;
	if ((ins = instrument_alloc()) == NULL)
		return SQ_ENOMEM;
	ins->min = min;
	ins->max = max;
	if ((ins->name = strdup(name ? name : "")) == NULL) {
		free(ins);
		return SQ_ENOMEM;
	}
	*out = ins;
	return SQ_OK;
}

static int
set_builtin(sq_instrument *ins)
{
	size_t d;
	int n, rc;

	clear_dims_items(ins);
	free(ins->name);
	if ((ins->name = strdup("SERVQUAL-22")) == NULL)
		return SQ_ENOMEM;
	for (d = 0; d < 5; d++) {
		rc = sq_instrument_add_dim(ins, builtin_dims[d].code,
		    builtin_dims[d].en, builtin_dims[d].es);
		if (rc != SQ_OK)
			return rc;
		for (n = builtin_dims[d].first; n <= builtin_dims[d].last;
		    n++) {
			rc = sq_instrument_add_item(ins, n, (int)d,
			    builtin_words[n - 1][0], builtin_words[n - 1][1]);
			if (rc != SQ_OK)
				return rc;
		}
	}
	return SQ_OK;
}

int
sq_instrument_servqual(sq_instrument **out)
{
	sq_instrument *ins;

	*out = NULL;
	if ((ins = instrument_alloc()) == NULL)
		return SQ_ENOMEM;
	if (set_builtin(ins) != SQ_OK) {
		sq_instrument_free(ins);
		return SQ_ENOMEM;
	}
	*out = ins;
	return SQ_OK;
}

void
sq_instrument_free(sq_instrument *ins)
{
	size_t i;

	if (ins == NULL)
		return;
	clear_dims_items(ins);
	free(ins->name);
	for (i = 0; i < ins->nmissing; i++)
		free(ins->missing[i]);
	free(ins->missing);
	for (i = 0; i < ins->nlabels; i++) {
		free(ins->labels[i].text);
		free(ins->labels[i].shown);
	}
	free(ins->labels);
	for (i = 0; i < ins->ncols; i++)
		free(ins->cols[i].name);
	free(ins->cols);
	free(ins->recodes);
	free(ins->items);
	free(ins->codebook);
	free(ins->label_slot);
	free(ins);
}

int
sq_instrument_dim(const sq_instrument *ins, const char *code)
{
	size_t d;

	for (d = 0; d < ins->ndims; d++)
		if (strcasecmp(ins->dims[d].code, code) == 0)
			return (int)d;
	return -1;
}

int
sq_instrument_item(const sq_instrument *ins, int number)
{
	size_t i;

	for (i = 0; i < ins->nitems; i++)
		if (ins->items[i].number == number)
			return (int)i;
	return -1;
}

int
sq_instrument_label(const sq_instrument *ins, const char *folded)
{
	size_t j, mask = ins->label_cap - 1;
	uint32_t v;

	if (ins->label_cap == 0)
		return -1;
	for (j = sq_hash_keyed(&ins->label_key, folded) & mask;
	    (v = ins->label_slot[j]) != 0; j = (j + 1) & mask)
		if (strcmp(ins->labels[v - 1].text, folded) == 0)
			return (int)v - 1;
	return -1;
}

/* Index label i (its text already in ins->labels), doubling the table. */
static int
label_index(sq_instrument *ins, size_t i)
{
	size_t j, k, cap = ins->label_cap;
	uint32_t *ns;

	if (2 * (i + 1) > cap) {
		cap = cap ? 2 * cap : 64;
		if (cap > ((size_t)1 << 31) ||
		    (ns = calloc(cap, sizeof(*ns))) == NULL)
			return SQ_ENOMEM;
		if (ins->label_cap == 0)
			sq_hash_key_init(&ins->label_key);
		for (k = 0; k < i; k++) {
			for (j = sq_hash_keyed(&ins->label_key,
			    ins->labels[k].text) & (cap - 1); ns[j] != 0;
			    j = (j + 1) & (cap - 1))
				;
			ns[j] = (uint32_t)k + 1;
		}
		free(ins->label_slot);
		ins->label_slot = ns;
		ins->label_cap = cap;
	}
	for (j = sq_hash_keyed(&ins->label_key, ins->labels[i].text) &
	    (cap - 1); ins->label_slot[j] != 0; j = (j + 1) & (cap - 1))
		;
	ins->label_slot[j] = (uint32_t)i + 1;
	return SQ_OK;
}

size_t
sq_instrument_dim_items(const sq_instrument *ins, int d)
{
	size_t i, k = 0;

	for (i = 0; i < ins->nitems; i++)
		if (ins->items[i].dim == d)
			k++;
	return k;
}

/* Codebook parsing. */

struct cb {
	sq_instrument *ins;
	const char *name;
	int have_items;		/* item or dimension rows seen */
	int have_scale;
	int have_overall;	/* an overall row gave the rating's scale */
	size_t reverse_cap, missing_cap, label_cap;
	int *reverse;		/* item numbers to reverse, resolved later */
	unsigned long *reverse_line;
	size_t nreverse;
	unsigned long *col_line; /* line of each column row */
	char **col_target;	/* unresolved targets */
	size_t col_cap;
	size_t recode_cap;	/* room in ins->recodes */
	uint32_t *recode_slot;	/* 1 + index of a recode, 0: empty */
	size_t recode_slots;	/* a power of two (or 0) */
	sq_hash_key recode_key;
};

static int cb_err(struct cb *, sq_error *, unsigned long, size_t,
    const char *, ...) __attribute__((format(printf, 5, 6)));

static int
cb_err(struct cb *c, sq_error *err, unsigned long line, size_t col,
    const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), _(fmt), ap);
	va_end(ap);
	return sq_error_set(err, SQ_ECODEBOOK, c->name, line, col, NULL,
	    "%s", msg);
}

static int
parse_int(const char *s, int *v)
{
	char *end;
	long l;

	errno = 0;
	l = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (s[0] == '\0' || *end != '\0' || errno != 0 || l < 1 ||
	    l > 1000000)
		return -1;
	*v = (int)l;
	return 0;
}

static int
parse_num(const char *s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (s[0] == '\0' || *end != '\0' || errno != 0 || !isfinite(*v))
		return -1;
	return 0;
}

/*
 * A scale end: a whole number within SQ_SCALE_LIMIT, written as one
 * (strtod would read "6.99999999999999999" as 7). -1 if not a number,
 * -2 if a number but not such.
 */
static int
parse_end(const char *s, double *v)
{
	char *end;
	long l;

	if (parse_num(s, v) != 0)
		return -1;
	errno = 0;
	l = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (*end != '\0' || errno != 0 || l < -SQ_SCALE_LIMIT ||
	    l > SQ_SCALE_LIMIT)
		return -2;
	*v = (double)l;
	return 0;
}

/* Room for one more element of size bytes in *arr (n used, *cap held). */
static int
grow(void *arr, size_t *cap, size_t n, size_t size)
{
	void **p = arr, *np;
	size_t nc;

	if (n < *cap)
		return SQ_OK;
	nc = *cap ? 2 * *cap : 16;
	if (nc > ((size_t)1 << 31) / size ||
	    (np = realloc(*p, nc * size)) == NULL)
		return SQ_ENOMEM;
	*p = np;
	*cap = nc;
	return SQ_OK;
}

static int
push_str(char ***arr, size_t *n, size_t *cap, const char *s)
{
	char **na;
	char f[256];

	if (grow(arr, cap, *n, sizeof(**arr)) != SQ_OK)
		return SQ_ENOMEM;
	na = *arr;
	sq_fold(s, f, sizeof(f));
	if ((na[*n] = strdup(f)) == NULL)
		return SQ_ENOMEM;
	(*n)++;
	return SQ_OK;
}

/* "#k" with k a column number in 1..SQ_MAX_COLUMN_NUMBER, digits only. */
static int
col_number_ok(const char *h)
{
	char *end;
	unsigned long k;

	errno = 0;
	k = strtoul(h + 1, &end, 10);
	return *end == '\0' && errno == 0 && k >= 1 &&
	    k <= SQ_MAX_COLUMN_NUMBER;
}

/* MIN and MAX of a scale row (what names it in messages). */
static int
scale_ends(struct cb *c, const sq_row *row, char **f, double *lo,
    double *hi, const char *what, sq_error *err)
{
	int i, r;

	for (i = 1; i <= 2; i++) {
		r = parse_end(f[i], i == 1 ? lo : hi);
		if (r == -1)
			return cb_err(c, err, row->line, (size_t)i + 1,
			    "%s %s \"%s\" is not a number", what,
			    i == 1 ? "minimum" : "maximum", f[i]);
		if (r != 0)
			return cb_err(c, err, row->line, (size_t)i + 1,
			    "%s %s \"%s\" is not a whole number in %d..%d",
			    what, i == 1 ? "minimum" : "maximum", f[i],
			    -SQ_SCALE_LIMIT, SQ_SCALE_LIMIT);
	}
	if (*lo >= *hi)
		return cb_err(c, err, row->line, 3,
		    "%s maximum \"%s\" is not above the minimum", what, f[2]);
	return SQ_OK;
}

/* The roles of the three-column form, by letter or name; or none. */
static int
zone_role(const char *role)
{
	if (strcmp(role, "a") == 0 || strcmp(role, "adequate") == 0 ||
	    strcmp(role, "min") == 0 || strcmp(role, "minimum") == 0)
		return SQ_ROLE_A;
	if (strcmp(role, "d") == 0 || strcmp(role, "desired") == 0 ||
	    strcmp(role, "des") == 0)
		return SQ_ROLE_D;
	return SQ_ROLE_NONE;
}

/*
 * The recodes seen, in a hash set keyed by the value (as the labels are):
 * each recode row was compared with every earlier one, quadratic.
 */
static uint64_t
recode_hash(const struct cb *c, double v)
{
	if (v == 0)
		v = 0;	/* -0 and 0 are the same value */
	return sq_siphash(&c->recode_key, &v, sizeof(v));
}

/* Index of the recode of value v, else (size_t)-1. */
static size_t
recode_find(const struct cb *c, double v)
{
	size_t j, mask = c->recode_slots - 1;
	uint32_t k;

	if (c->recode_slots == 0)
		return (size_t)-1;
	for (j = recode_hash(c, v) & mask; (k = c->recode_slot[j]) != 0;
	    j = (j + 1) & mask)
		if (c->ins->recodes[k - 1].from == v)
			return k - 1;
	return (size_t)-1;
}

/* Index recode i (already in ins->recodes), doubling the table. */
static int
recode_index(struct cb *c, size_t i)
{
	size_t j, k, cap = c->recode_slots;
	uint32_t *ns;

	if (2 * (i + 1) > cap) {
		cap = cap ? 2 * cap : 64;
		if (cap > ((size_t)1 << 31) ||
		    (ns = calloc(cap, sizeof(*ns))) == NULL)
			return SQ_ENOMEM;
		if (c->recode_slots == 0)
			sq_hash_key_init(&c->recode_key);
		c->recode_slots = cap;
		for (k = 0; k < i; k++) {
			for (j = recode_hash(c, c->ins->recodes[k].from) &
			    (cap - 1); ns[j] != 0; j = (j + 1) & (cap - 1))
				;
			ns[j] = (uint32_t)k + 1;
		}
		free(c->recode_slot);
		c->recode_slot = ns;
	}
	for (j = recode_hash(c, c->ins->recodes[i].from) & (cap - 1);
	    c->recode_slot[j] != 0; j = (j + 1) & (cap - 1))
		;
	c->recode_slot[j] = (uint32_t)i + 1;
	return SQ_OK;
}

/* recode,VALUE,NEW: NEW a number or NA/missing/empty (missing). */
static int
cb_recode(struct cb *c, const sq_row *row, size_t nf, sq_error *err)
{
	sq_instrument *ins = c->ins;
	char **f = row->field, to[32];
	sq_recode *nr;
	double from, x;
	size_t i;

	if (nf < 2 || nf > 3)
		return cb_err(c, err, row->line, 1,
		    "a recode row is: recode,VALUE,NEW (NEW a value or NA)");
	if (parse_num(f[1], &from) != 0)
		return cb_err(c, err, row->line, 2,
		    "recode value \"%s\" is not a number", f[1]);
	sq_fold(nf == 3 ? f[2] : "", to, sizeof(to));
	if (to[0] == '\0' || strcmp(to, "na") == 0 ||
	    strcmp(to, "missing") == 0)
		x = NAN;
	else if (parse_num(f[2], &x) != 0)
		return cb_err(c, err, row->line, 3, "recode target \"%s\" "
		    "is not a number or NA", f[2]);
	if ((i = recode_find(c, from)) != (size_t)-1)
		return cb_err(c, err, row->line, 2, "value \"%s\" is "
		    "recoded twice", f[1]);
	if (grow(&ins->recodes, &c->recode_cap, ins->nrecodes,
	    sizeof(*nr)) != SQ_OK)
		return SQ_ENOMEM;
	nr = ins->recodes;
	nr[ins->nrecodes].from = from;
	nr[ins->nrecodes++].to = x;
	return recode_index(c, ins->nrecodes - 1);
}

static int
cb_row(void *ctx, const sq_row *row, sq_error *err)
{
	struct cb *c = ctx;
	sq_instrument *ins = c->ins;
	char **f = row->field;
	size_t nf = row->nfields, i;
	char kind[32];
	int n, d, rc;

	while (nf > 0 && f[nf - 1][0] == '\0')
		nf--;	/* spreadsheets pad rows with empty cells */
	if (nf == 0 || f[0][0] == '#')
		return 0;
	sq_fold(f[0], kind, sizeof(kind));
	if (row->index == 0 && strcmp(kind, "kind") == 0)
		return 0;
	if (strcmp(kind, "scale") == 0) {
		if (nf != 3)
			return cb_err(c, err, row->line, 1,
			    "a scale row is: scale,MIN,MAX");
		if ((rc = scale_ends(c, row, f, &ins->min, &ins->max,
		    "scale", err)) != SQ_OK)
			return rc;
		c->have_scale = 1;
	} else if (strcmp(kind, "overall") == 0) {
		if (nf != 3)
			return cb_err(c, err, row->line, 1,
			    "an overall row is: overall,MIN,MAX (the overall "
			    "rating's scale)");
		if ((rc = scale_ends(c, row, f, &ins->omin, &ins->omax,
		    "overall scale", err)) != SQ_OK)
			return rc;
		c->have_overall = 1;
	} else if (strcmp(kind, "dimension") == 0) {
		if (nf < 3 || nf > 4)
			return cb_err(c, err, row->line, 1, "a dimension row "
			    "is: dimension,CODE,NAME_EN[,NAME_ES]");
		if (f[1][0] == '\0' || strlen(f[1]) >= SQ_CODE_LEN ||
		    strpbrk(f[1], " ,;\t") != NULL)
			return cb_err(c, err, row->line, 2, "dimension code "
			    "\"%s\" must be 1-15 characters without blanks",
			    f[1]);
		if (!c->have_items) {
			clear_dims_items(ins);
			c->have_items = 1;
		}
		if (sq_instrument_dim(ins, f[1]) >= 0)
			return cb_err(c, err, row->line, 2,
			    "dimension \"%s\" is declared twice", f[1]);
		if (ins->ndims == SQ_MAX_DIMS)
			return cb_err(c, err, row->line, 2,
			    "more than 32 dimensions");
		if (sq_instrument_add_dim(ins, f[1], f[2],
		    nf == 4 ? f[3] : NULL) != SQ_OK)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "item") == 0) {
		if (nf < 3 || nf > 5)
			return cb_err(c, err, row->line, 1, "an item row is: "
			    "item,NUMBER,DIMENSION[,WORDING_EN[,WORDING_ES]]"
			    "");
		if (!c->have_items)
			return cb_err(c, err, row->line, 1, "declare the "
			    "dimensions (dimension rows) before the items");
		if (parse_int(f[1], &n) != 0)
			return cb_err(c, err, row->line, 2, "item number "
			    "\"%s\" is not a whole number from 1", f[1]);
		if (sq_instrument_item(ins, n) >= 0)
			return cb_err(c, err, row->line, 2,
			    "item %s is declared twice", f[1]);
		if ((d = sq_instrument_dim(ins, f[2])) < 0)
			return cb_err(c, err, row->line, 3, "unknown "
			    "dimension \"%s\" (declare it in a dimension row)",
			    f[2]);
		if (ins->nitems == SQ_MAX_ITEMS)
			return cb_err(c, err, row->line, 2,
			    "more than 512 items");
		if (sq_instrument_add_item(ins, n, d, nf >= 4 ? f[3] : NULL,
		    nf == 5 ? f[4] : NULL) != SQ_OK)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "reverse") == 0) {
		if (nf < 2)
			return cb_err(c, err, row->line, 1, "a reverse row is: "
			    "reverse,NUMBER[,NUMBER...]");
		for (i = 1; i < nf; i++) {
			int *nr;
			unsigned long *nl;

			if (parse_int(f[i], &n) != 0)
				return cb_err(c, err, row->line, i + 1,
				    "item number \"%s\" is not a whole "
				    "number from 1", f[i]);
			if (c->nreverse == c->reverse_cap) {
				size_t cap = c->reverse_cap ?
				    2 * c->reverse_cap : 16;

				if (cap > ((size_t)1 << 28))
					return SQ_ENOMEM;
				nr = realloc(c->reverse, cap * sizeof(*nr));
				if (nr == NULL)
					return SQ_ENOMEM;
				c->reverse = nr;
				nl = realloc(c->reverse_line, cap *
				    sizeof(*nl));
				if (nl == NULL)
					return SQ_ENOMEM;
				c->reverse_line = nl;
				c->reverse_cap = cap;
			}
			c->reverse[c->nreverse] = n;
			c->reverse_line[c->nreverse++] = row->line;
		}
	} else if (strcmp(kind, "missing") == 0) {
		if (nf < 2)
			return cb_err(c, err, row->line, 1, "a missing row is: "
			    "missing,CODE[,CODE...]");
		for (i = 1; i < nf; i++)
			if (push_str(&ins->missing, &ins->nmissing,
			    &c->missing_cap, f[i]))
				return SQ_ENOMEM;
	} else if (strcmp(kind, "label") == 0) {
		sq_label *nl;
		char t[256];
		double v;

		if (nf != 3)
			return cb_err(c, err, row->line, 1,
			    "a label row is: label,TEXT,VALUE");
		if (parse_num(f[2], &v) != 0)
			return cb_err(c, err, row->line, 3,
			    "label value \"%s\" is not a number", f[2]);
		sq_fold(f[1], t, sizeof(t));
		if (t[0] == '\0')
			return cb_err(c, err, row->line, 2,
			    "label text is empty");
		if (sq_instrument_label(ins, t) >= 0)
			return cb_err(c, err, row->line, 2, "label "
			    "\"%s\" is declared twice", f[1]);
		if (grow(&ins->labels, &c->label_cap, ins->nlabels,
		    sizeof(*ins->labels)) != SQ_OK)
			return SQ_ENOMEM;
		nl = ins->labels;
		nl[ins->nlabels].value = v;
		nl[ins->nlabels].shown = NULL;
		if ((nl[ins->nlabels].text = strdup(t)) == NULL)
			return SQ_ENOMEM;
		if ((nl[ins->nlabels].shown = strdup(f[1])) == NULL) {
			free(nl[ins->nlabels].text);
			return SQ_ENOMEM;
		}
		ins->nlabels++;
		if (label_index(ins, ins->nlabels - 1) != SQ_OK)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "column") == 0) {
		sq_colmap *m;
		char role[32];

		if (nf < 3 || nf > 4)
			return cb_err(c, err, row->line, 1, "a column row is: "
			    "column,HEADER,ROLE[,TARGET]");
		sq_fold(f[2], role, sizeof(role));
		if (ins->ncols == c->col_cap) {
			size_t cap = c->col_cap ? c->col_cap * 2 : 32;
			sq_colmap *nc = realloc(ins->cols, cap * sizeof(*nc));
			unsigned long *nl;
			char **nt;

			if (nc == NULL)
				return SQ_ENOMEM;
			ins->cols = nc;
			if ((nl = realloc(c->col_line, cap * sizeof(*nl))) ==
			    NULL)
				return SQ_ENOMEM;
			c->col_line = nl;
			if ((nt = realloc(c->col_target, cap * sizeof(*nt))) ==
			    NULL)
				return SQ_ENOMEM;
			c->col_target = nt;
			c->col_cap = cap;
		}
		m = &ins->cols[ins->ncols];
		memset(m, 0, sizeof(*m));
		if (strcmp(role, "e") == 0)
			m->role = SQ_ROLE_E;
		else if (strcmp(role, "p") == 0)
			m->role = SQ_ROLE_P;
		else if (strcmp(role, "w") == 0 || strcmp(role, "weight") == 0)
			m->role = SQ_ROLE_W;
		else if (strcmp(role, "overall") == 0)
			m->role = SQ_ROLE_OVERALL;
		else if (strcmp(role, "segment") == 0)
			m->role = SQ_ROLE_SEGMENT;
		else if (strcmp(role, "id") == 0)
			m->role = SQ_ROLE_ID;
		else if ((m->role = zone_role(role)) == SQ_ROLE_NONE)
			return cb_err(c, err, row->line, 3, "unknown column "
			    "role \"%s\" (E, P, A, D, W, overall, segment or "
			    "id)", f[2]);
		if (f[1][0] == '\0')
			return cb_err(c, err, row->line, 2,
			    "column header is empty");
		if (f[1][0] == '#' && isdigit((unsigned char)f[1][1]) &&
		    !col_number_ok(f[1]))
			return cb_err(c, err, row->line, 2, "column \"%s\": "
			    "columns are numbered from #1 (#1..#%d)", f[1],
			    SQ_MAX_COLUMN_NUMBER);
		if ((m->role == SQ_ROLE_E || m->role == SQ_ROLE_P ||
		    m->role == SQ_ROLE_A || m->role == SQ_ROLE_D ||
		    m->role == SQ_ROLE_W) && (nf < 4 || f[3][0] == '\0'))
			return cb_err(c, err, row->line, 3, "role \"%s\" needs "
			    "a target: an item number for E, P, A and D, a "
			    "dimension code for W", f[2]);
		if ((m->name = strdup(f[1])) == NULL)
			return SQ_ENOMEM;
		c->col_target[ins->ncols] = strdup(nf == 4 ? f[3] : "");
		c->col_line[ins->ncols] = row->line;
		m->line = row->line;
		ins->ncols++;
		if (c->col_target[ins->ncols - 1] == NULL)
			return SQ_ENOMEM;
	} else if (strcmp(kind, "recode") == 0) {
		return cb_recode(c, row, nf, err);
	} else
		return cb_err(c, err, row->line, 1, "unknown row kind \"%s\" "
		    "(scale, dimension, item, reverse, missing, label, "
		    "column or recode)", f[0]);
	return 0;
}

/*
 * The header a column row names, as matching sees it: folded, and "#k"
 * as the number k (so "#03" and "#3" are one column).
 */
static void
col_key(const char *h, char *out, size_t len)
{
	if (h[0] == '#' && isdigit((unsigned char)h[1]))
		snprintf(out, len, "#%lu", strtoul(h + 1, NULL, 10));
	else
		sq_fold(h, out, len);
}

/* No header is named by two column rows: a hash set of the keys. */
static int
cols_unique(struct cb *c, sq_error *err)
{
	sq_instrument *ins = c->ins;
	size_t cap = 16, i, j, v;
	char (*key)[256];
	uint32_t *slot;
	sq_hash_key hk;
	int rc = SQ_OK;

	if (ins->ncols < 2)
		return SQ_OK;
	while (cap < 2 * ins->ncols)
		cap *= 2;
	key = malloc(ins->ncols * sizeof(*key));
	slot = calloc(cap, sizeof(*slot));
	if (key == NULL || slot == NULL) {
		free(key);
		free(slot);
		return SQ_ENOMEM;
	}
	sq_hash_key_init(&hk);
	for (i = 0; i < ins->ncols && rc == SQ_OK; i++) {
		col_key(ins->cols[i].name, key[i], sizeof(key[i]));
		for (j = sq_hash_keyed(&hk, key[i]) & (cap - 1);
		    (v = slot[j]) != 0; j = (j + 1) & (cap - 1))
			if (strcmp(key[v - 1], key[i]) == 0)
				break;
		if (v != 0)
			rc = cb_err(c, err, c->col_line[i], 2, "column \"%s\" "
			    "is mapped twice (also on line %lu)",
			    ins->cols[i].name, c->col_line[v - 1]);
		else
			slot[j] = (uint32_t)i + 1;
	}
	free(key);
	free(slot);
	return rc;
}

/* Check what rows could not check alone, once everything is read. */
static int
cb_resolve(struct cb *c, sq_error *err)
{
	sq_instrument *ins = c->ins;
	size_t i, d;
	int k;

	if (c->have_items) {
		if (ins->nitems == 0)
			return cb_err(c, err, 0, 0,
			    "dimensions are declared but no items");
		for (d = 0; d < ins->ndims; d++)
			if (sq_instrument_dim_items(ins, (int)d) == 0)
				return cb_err(c, err, 0, 0, "dimension %s has "
				    "no items", ins->dims[d].code);
	}
	for (i = 0; i < c->nreverse; i++) {
		if ((k = sq_instrument_item(ins, c->reverse[i])) < 0) {
			char num[32];

			snprintf(num, sizeof(num), "%d", c->reverse[i]);
			return cb_err(c, err, c->reverse_line[i], 0,
			    "reverse: there is no item %s", num);
		}
		ins->items[k].reverse = 1;
	}
	if ((k = cols_unique(c, err)) != SQ_OK)
		return k;
	for (i = 0; i < ins->ncols; i++) {
		sq_colmap *m = &ins->cols[i];
		const char *t = c->col_target[i];
		int n;

		if (m->role == SQ_ROLE_E || m->role == SQ_ROLE_P ||
		    m->role == SQ_ROLE_A || m->role == SQ_ROLE_D) {
			if (parse_int(t, &n) != 0 ||
			    (m->target = sq_instrument_item(ins, n)) < 0)
				return cb_err(c, err, c->col_line[i], 4,
				    "there is no item \"%s\"", t);
		} else if (m->role == SQ_ROLE_W) {
			if ((m->target = sq_instrument_dim(ins, t)) < 0)
				return cb_err(c, err, c->col_line[i], 4,
				    "there is no dimension \"%s\"", t);
		}
	}
	return SQ_OK;
}

int
sq_instrument_read(FILE *fp, const char *name, sq_instrument **out,
    sq_error *err)
{
	struct cb c;
	sq_reader_opts o;
	size_t i;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	o.max_field = 4096;
	c.name = name;
	if ((c.ins = instrument_alloc()) == NULL)
		return sq_error_set(err, SQ_ENOMEM, name, 0, 0, NULL,
		    "out of memory");
	rc = set_builtin(c.ins);
	if (rc == SQ_OK)
		rc = sq_read_csv(fp, name, &o, cb_row, &c, err);
	if (rc == SQ_OK)
		rc = cb_resolve(&c, err);
	if (rc == SQ_OK && c.have_items) {
		/* The codebook's base name: no analyst's path in a table. */
		const char *base = strrchr(name, '/');
		char *nn = strdup(base ? base + 1 : name);

		if (nn == NULL)
			rc = SQ_ENOMEM;
		else {
			free(c.ins->name);
			c.ins->name = nn;
		}
	}
	if (rc == SQ_OK && (c.ins->codebook = strdup(name)) == NULL)
		rc = SQ_ENOMEM;
	if (rc == SQ_ENOMEM)
		sq_error_set(err, rc, name, 0, 0, NULL, "out of memory");
	for (i = 0; i < c.ins->ncols; i++)
		free(c.col_target[i]);
	free(c.col_target);
	free(c.col_line);
	free(c.reverse);
	free(c.reverse_line);
	free(c.recode_slot);
	if (rc != SQ_OK) {
		sq_instrument_free(c.ins);
		return rc;
	}
	*out = c.ins;
	return SQ_OK;
}

int
sq_instrument_load(const char *path, sq_instrument **ins, sq_error *err)
{
	FILE *fp;
	int rc;

	if (path == NULL) {
		if ((rc = sq_instrument_servqual(ins)) != SQ_OK)
			sq_error_set(err, rc, NULL, 0, 0, NULL,
			    "out of memory");
		return rc;
	}
	if ((rc = sq_input_open(path, &fp, err)) != SQ_OK)
		return rc;
	rc = sq_instrument_read(fp, path, ins, err);
	sq_input_close(fp);
	return rc;
}

int
sq_lang_parse(const char *s)
{
	if (strcasecmp(s, "en") == 0)
		return SQ_LANG_EN;
	if (strcasecmp(s, "es") == 0)
		return SQ_LANG_ES;
	return -1;
}
