/*
 * Chart titles: the user's --title or the chart type's own, in the
 * chart's language. Above the per-type files (it asks them for their
 * titles) and below drawing, which gets the title ready-made in its
 * struct ctx, so that drawing never calls back up into the type files.
 */
#include <stdio.h>
#include <string.h>

#include "servqual/chart.h"
#include "chart_int.h"

int
sqc_chart_title(const sq_chartdata *d, const sq_chart_opts *o, char *buf,
    size_t len)
{
	struct ctx c;
	int id;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.lang = o->lang == SQ_LANG_ES ? SQ_LANG_ES : SQ_LANG_EN;
	if (o->title) {
		snprintf(buf, len, "%s", o->title);
		return 0;
	}
	if (sqc_zone_title(d, o->type, c.lang, buf, len))
		return 0;
	switch (o->type) {
	case SQ_CHART_GAPS:
		id = M_T_GAPS;
		break;
	case SQ_CHART_ITEMS:
		id = M_T_ITEMS;
		break;
	case SQ_CHART_RADAR:
		id = M_T_RADAR;
		break;
	case SQ_CHART_IPA:
		id = M_T_IPA;
		break;
	case SQ_CHART_GROUPS:
		sqc_fill(&c, M_SEGBY, buf, len, d->segname[0] ? d->segname :
		    sqc_msg(&c, M_SEGMENT), NULL);
		return 0;
	case SQ_CHART_LIKERT:
		id = d->likert_block == SQ_BLOCK_E ? M_T_LIKERT_E :
		    M_T_LIKERT_P;
		break;
	case SQ_CHART_SCREE:
		id = M_T_SCREE;
		break;
	case SQ_CHART_DRIVERS:
		snprintf(buf, len, "%s", sqc_drivers_title(c.lang));
		return 0;
	case SQ_CHART_CFA:
		snprintf(buf, len, "%s", sqc_cfa_title(c.lang));
		return 0;
	case SQ_CHART_COMPARE:
		snprintf(buf, len, "%s", c.lang == SQ_LANG_ES ?
		    "Comparaci\xc3\xb3n de grupos" : "Group comparison");
		return 0;
	default:
		id = d->matrix_kind == SQ_MATRIX_CORRELATION ? M_T_CORR :
		    M_T_LOAD;
		break;
	}
	snprintf(buf, len, "%s", sqc_msg(&c, id));
	return 0;
}

void
sq_chart_title(const sq_chartdata *d, const sq_chart_opts *opts, char *buf,
    size_t len)
{
	sqc_chart_title(d, opts, buf, len);
}
