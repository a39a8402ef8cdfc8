/*
 * The words of sq-drivers' summary for people (drivers_pretty.c),
 * English then Spanish, by message id (drivers_int.h).
 */
#include "drivers_int.h"

const char *const sq_drv_msg[DM_NTOTAL][2] = {
	[DM_TITLE] = { "What drives \"%s\": %s respondents",
	  "Qu\xc3\xa9 mueve \"%s\": %s encuestados" },
	[DM_MODELS] = { "Models", "Modelos" },
	[DM_RESP] = { "respondents", "encuestados" },
	[DM_ADJ] = { "adj. R\xc2\xb2", "R\xc2\xb2 ajust." },
	[DM_BETTER] = { "%s explains more of the rating (R\xc2\xb2 %s vs %s).",
	  "%s explica m\xc3\xa1s de la valoraci\xc3\xb3n (R\xc2\xb2 %s "
	  "frente a %s)." },
	[DM_DRIVERS] = { "Drivers", "Impulsores" },
	[DM_DIM] = { "Dimension", "Dimensi\xc3\xb3n" },
	[DM_COEF] = { "b (p)", "b (p)" },
	[DM_STATED] = { "stated %", "declarada %" },
	[DM_DERIVED] = { "derived %", "derivada %" },
	[DM_RANKS] = { "ranks s/d", "rangos d/d" },
	[DM_RHO] = { "Spearman rho, stated vs derived ranks: %s.",
	  "Rho de Spearman, rangos declarados frente a derivados: %s." },
	[DM_SAY] = {
	  "Customers say %s matters most; their ratings move with %s.",
	  "Los clientes dicen que lo m\xc3\xa1s importante es %s; su "
	  "valoraci\xc3\xb3n se mueve con %s." },
	[DM_NOW] = {
	  "Customers say %s matters most, and their ratings move with it "
	  "too.",
	  "Los clientes dicen que lo m\xc3\xa1s importante es %s, y su "
	  "valoraci\xc3\xb3n tambi\xc3\xa9n se mueve con ello." },
	[DM_IPA] = { "Importance-performance (importance: %s; crosshairs: %s)",
	  "Importancia-desempe\xc3\xb1o (importancia: %s; cruces: %s)" },
	[DM_IMP] = { "importance", "importancia" },
	[DM_PERF] = { "performance", "desempe\xc3\xb1o" },
	[DM_QUAD] = { "quadrant", "cuadrante" },
	[DM_CROSS] = { "crosshairs at importance %s, performance %s",
	  "cruces en importancia %s, desempe\xc3\xb1o %s" },
	[DM_TARGETS] = {
	  "Targets (%s CI; p = P(T \xe2\x89\xa4 t), evidence of falling "
	  "short)",
	  "Objetivos (IC %s; p = P(T \xe2\x89\xa4 t), evidencia de no "
	  "alcanzarlo)" },
	[DM_SEG] = { "segment", "segmento" },
	[DM_TARGET] = { "target", "objetivo" },
	[DM_MEAN] = { "mean", "media" },
	[DM_VERDICT] = { "verdict", "veredicto" },
	[DM_Q0] = { "concentrate here", "concentrarse aqu\xc3\xad" },
	[DM_Q1] = { "keep up the good work", "mantener" },
	[DM_Q2] = { "low priority", "baja prioridad" },
	[DM_Q3] = { "possible overkill", "posible exceso" },
	[DM_MET] = { "met", "cumplido" },
	[DM_MISSED] = { "MISSED", "NO CUMPLIDO" },
	[DM_INC] = { "inconclusive", "no concluyente" },
	[DM_NOWEIGHTS] = {
	  "no stated importance: the export has no usable weights",
	  "sin importancia declarada: la exportaci\xc3\xb3n no tiene pesos "
	  "utilizables" },
	[DM_STATEDSRC] = { "stated weights", "pesos declarados" },
	[DM_DERIVEDSRC] = { "servperf LMG share", "cuota LMG de servperf" },
	[DM_RULE0] = { "mean of the dimensions", "media de las dimensiones" },
	[DM_RULE1] = { "median of the dimensions",
	  "mediana de las dimensiones" },
	[DM_RULE2] = { "scale midpoint, equal shares",
	  "punto medio de la escala, cuotas iguales" },
};
