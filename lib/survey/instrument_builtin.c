/*
 * The built-in instrument: the 22 items of SERVQUAL (Parasuraman, Zeithaml
 * and Berry) in five dimensions, worded in English and Spanish.
 */
#include <stdlib.h>
#include <string.h>

#include "servqual/instrument.h"
#include "instrument_int.h"

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

int
sqi_set_builtin(sq_instrument *ins)
{
	size_t d;
	int n, rc;

	sqi_clear_dims_items(ins);
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
	if ((ins = sqi_alloc()) == NULL)
		return SQ_ENOMEM;
	if (sqi_set_builtin(ins) != SQ_OK) {
		sq_instrument_free(ins);
		return SQ_ENOMEM;
	}
	*out = ins;
	return SQ_OK;
}
