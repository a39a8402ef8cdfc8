/*
 * Chart messages in English and Spanish (by designated initialiser) and
 * the words and numbers charts print: number formats, dimension and
 * item labels, filled-in messages. No drawing here; see chart_kit.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/encoding.h"
#include "chart_int.h"

static const char *const msg[M_NMSG][2] = {
	[M_T_GAPS] =
	    { "SERVQUAL gaps by dimension", "Brechas SERVQUAL por dimensión" },
	[M_T_ITEMS] =
	    { "Gap per item (P \u2212 E)", "Brecha por ítem (P \u2212 E)" },
	[M_T_RADAR] =
	    { "Expectations and perceptions by dimension",
	      "Expectativas y percepciones por dimensión" },
	[M_T_IPA] =
	    { "Importance\u2013performance analysis",
	      "Análisis importancia\u2013desempeño" },
	[M_T_GROUPS] =
	    { "Dimension gaps by segment", "Brechas por dimensión y segmento" },
	[M_T_LIKERT_E] =
	    { "Distribution of answers: expectations",
	      "Distribución de respuestas: expectativas" },
	[M_T_LIKERT_P] =
	    { "Distribution of answers: perceptions",
	      "Distribución de respuestas: percepciones" },
	[M_T_SCREE] =
	    { "Scree plot with parallel analysis",
	      "Gráfico de sedimentación con análisis paralelo" },
	[M_T_CORR] =
	    { "Correlations between items", "Correlaciones entre ítems" },
	[M_T_LOAD] = { "Factor loadings", "Cargas factoriales" },
	[M_EXP] = { "Expectation (E)", "Expectativa (E)" },
	[M_PERC] = { "Perception (P)", "Percepción (P)" },
	[M_MEANS] = { "Mean score", "Puntuación media" },
	[M_GAPAX] = { "Gap (P \u2212 E)", "Brecha (P \u2212 E)" },
	[M_GAPCI] =
	    { "Gap (P \u2212 E) with %s% CI",
	      "Brecha (P \u2212 E) con IC %s\u00a0%" },
	[M_WHISK] =
	    { "Whiskers: %s% confidence intervals.",
	      "Bigotes: intervalos de confianza al %s\u00a0%." },
	[M_RESP] = { "n = %s respondents", "n = %s encuestados" },
	[M_SCALE] = { "Scale %s\u2013%s.", "Escala %s\u2013%s." },
	[M_IMP] =
	    { "Importance (mean of the 100-point weights)",
	      "Importancia (media de los pesos sobre 100 puntos)" },
	[M_PERF] =
	    { "Performance (mean perception P)",
	      "Desempeño (percepción P media)" },
	[M_CROSS] =
	    { "Crosshairs at the means of importance (%s) and performance (%s) "
	      "over the dimensions.",
	      "Las líneas cruzadas están en las medias de importancia (%s) "
	      "y de desempeño (%s) de las dimensiones." },
	[M_Q0] = { "Concentrate here", "Concentrarse aquí" },
	[M_Q1] = { "Keep up the good work", "Mantener el buen trabajo" },
	[M_Q2] = { "Low priority", "Baja prioridad" },
	[M_Q3] = { "Possible overkill", "Posible exceso" },
	[M_SEGMENT] = { "segment", "segmento" },
	[M_PCT] = { "Share of answers (%)", "Porcentaje de respuestas (%)" },
	[M_ANSWER] = { "Answer", "Respuesta" },
	[M_COMP] = { "Component", "Componente" },
	[M_EIGEN] = { "Eigenvalue", "Valor propio" },
	[M_OBS] = { "Observed", "Observado" },
	[M_PA] =
	    { "Parallel analysis: 95th percentile of %s null correlation "
	      "matrices",
	      "Análisis paralelo: percentil 95 de %s matrices de correlación "
	      "nulas" },
	[M_PA_TAB] = { "Parallel analysis", "Análisis paralelo" },
	[M_KAISER] = { "Eigenvalue = 1", "Valor propio = 1" },
	[M_ABOVE] =
	    { "Components above the parallel-analysis line: %s.",
	      "Componentes sobre la línea del análisis paralelo: %s." },
	[M_EIGNOTE] =
	    { "Eigenvalues of the correlations of the %s items over %s "
	      "complete cases.",
	      "Valores propios de las correlaciones de los ítems %s sobre %s "
	      "casos completos." },
	[M_CORR] = { "Correlation", "Correlación" },
	[M_LOADING] = { "Loading", "Carga" },
	[M_SORTED] =
	    { "Sorted from the largest negative gap.",
	      "Ordenados de la mayor brecha negativa a la mayor positiva." },
	[M_RADIAL] =
	    { "Radial axis: mean score on the %s\u2013%s scale.",
	      "Eje radial: puntuación media en la escala %s\u2013%s." },
	[M_SEGBY] =
	    { "Dimension gaps by %s", "Brechas por dimensión según %s" },
	[M_FROM] = { "Source: %s", "Fuente: %s" },
	[M_LIKNOTE] =
	    { "Bars centred on the middle answer (%s): lower answers extend to "
	      "the left, higher ones to the right.",
	      "Barras centradas en la respuesta central (%s): las respuestas "
	      "menores se extienden a la izquierda y las mayores a la "
	      "derecha." },
	[M_LIKNOTE_EVEN] =
	    { "Bars centred between the two middle answers: lower answers "
	      "extend to the left, higher ones to the right.",
	      "Barras centradas entre las dos respuestas centrales: las "
	      "menores se extienden a la izquierda y las mayores a la "
	      "derecha." },
	[M_CORRNOTE] =
	    { "Pearson correlations of the %s items over %s complete cases.",
	      "Correlaciones de Pearson de los ítems %s sobre %s casos "
	      "completos." },
	[M_LOWEST] = { "lowest", "mínimo" },
	[M_HIGHEST] = { "highest", "máximo" },
	[M_EP] =
	    { "Mean expectation and perception",
	      "Expectativa y percepción medias" },
	[M_NANCELL] =
	    { "Grey cells: undefined (an item without variance).",
	      "Celdas grises: indefinidas (un ítem sin varianza)." },
	[M_STDIN] = { "standard input", "entrada estándar" },
	[M_BOLD] =
	    { "Bold: loadings of 0.40 or more in absolute value.",
	      "En negrita: cargas de 0,40 o más en valor absoluto." },
	[M_INCL0] = { "Interval includes 0", "El intervalo incluye 0" },
	[M_LIGHT] =
	    { "Light, outlined bars: the interval includes 0.",
	      "Barras claras con borde: el intervalo incluye 0." },
	[M_RESP_OF] = { "n = %s of %s respondents", "n = %s de %s encuestados" },
	[M_CASES_OF] =
	    { "n = %s complete cases of %s respondents",
	      "n = %s casos completos de %s encuestados" },
};

const char *
sqc_msg(const struct ctx *c, int id)
{
	return msg[id][c->lang == SQ_LANG_ES ? 1 : 0];
}

/* A number for a label: decimal comma in Spanish, a true minus sign. */
void
sqc_fmt_num(const struct ctx *c, double v, int dec, char *buf, size_t len)
{
	char tmp[64], *p;
	size_t o = 0;
	int sign;

	if (isnan(v)) {
		snprintf(buf, len, "NaN");
		return;
	}
	sign = sq_fmt_fixed(v, dec, tmp, sizeof(tmp));
	if (c->lang == SQ_LANG_ES && (p = strchr(tmp, '.')) != NULL)
		*p = ',';
	if (sign < 0 && o + 3 < len) {
		memcpy(buf, "\u2212", 3);
		o = 3;
	}
	snprintf(buf + o, len - o, "%s", tmp);
}

/* A figure such as 95 or 1.5 for use inside a sentence. */
void
sqc_fmt_g(const struct ctx *c, double v, char *buf, size_t len)
{
	char *p;

	snprintf(buf, len, "%g", v);
	if (c->lang == SQ_LANG_ES && (p = strchr(buf, '.')) != NULL)
		*p = ',';
}

const char *
sqc_dim_name(const struct ctx *c, size_t d)
{
	const sq_dimension *dm = &c->d->ins->dims[d];

	return dm->name[c->lang][0] ? dm->name[c->lang] : dm->code;
}

/* "12. wording" for item i. */
void
sqc_item_label(const struct ctx *c, size_t i, char *buf, size_t len)
{
	char *s = sqc_item_label_dup(c, i);

	if (s == NULL) {
		snprintf(buf, len, "%d", c->d->ins->items[i].number);
		return;
	}
	/* Cut only at a character boundary, never inside one. */
	if (strlen(s) >= len && len > 0) {
		size_t k = len - 1;

		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		s[k] = '\0';
	}
	snprintf(buf, len, "%s", s);
	free(s);
}

char *
sqc_item_label_dup(const struct ctx *c, size_t i)
{
	const sq_item *it = &c->d->ins->items[i];
	const char *w = it->wording[c->lang][0] ? it->wording[c->lang] :
	    it->wording[0];
	size_t n = strlen(w) + 24;
	char *s = malloc(n);

	if (s == NULL)
		return NULL;
	if (w[0])
		snprintf(s, n, "%d. %s", it->number, w);
	else
		snprintf(s, n, "%d", it->number);
	return s;
}

/* The template t with its first "%s" replaced by a, the second by b. */
void
sqc_fill_t(const char *t, char *buf, size_t len, const char *a,
    const char *b)
{
	size_t o = 0;

	while (*t && o + 1 < len) {
		if (t[0] == '%' && t[1] == 's') {
			const char *v = a ? a : "";
			size_t n = strlen(v);

			if (n > len - 1 - o)
				n = len - 1 - o;
			memcpy(buf + o, v, n);
			o += n;
			a = b;
			b = NULL;
			t += 2;
			continue;
		}
		buf[o++] = *t++;
	}
	buf[o] = '\0';
}

/* Message id with each "%s" replaced by a, then b. */
void
sqc_fill(const struct ctx *c, int id, char *buf, size_t len, const char *a,
    const char *b)
{
	sqc_fill_t(sqc_msg(c, id), buf, len, a, b);
}

/* A message about the confidence level, e.g. "... 95% CI". */
void
sqc_pct_text(const struct ctx *c, double conf, int id, char *buf, size_t len)
{
	char pc[32];

	sqc_fmt_g(c, 100 * conf, pc, sizeof(pc));
	sqc_fill(c, id, buf, len, pc, NULL);
}

/* "E", "P" or "P \u2212 E" for the block of a scree or heatmap. */
const char *
sqc_block_name(const sq_chartdata *d)
{
	return d->block == SQ_BLOCK_E ? "E" : d->block == SQ_BLOCK_G ?
	    "P \u2212 E" : "P";
}
