/* sq-chart: report charts (PNG, PDF, SVG) from an export or a table. */
#include <stdio.h>
#include <string.h>

#include "servqual/chart.h"
#include "servqual/output.h"
#include "servqual/survey.h"
#include "tool.h"

enum { O_BLOCK = TOOL_OWN, O_CROSSHAIR, O_DPI, O_HEIGHT, O_IMPORTANCE,
	O_ITER, O_SEED, O_SUBTITLE, O_TITLE, O_WIDTH };

static const tool_opt opts[] = {
	{ "block", O_BLOCK, "E|P|G",
	    "likert, heatmap, scree: which answers (default P)" },
	{ "crosshair", O_CROSSHAIR, "mean|median|scale",
	    "ipa: where the crosshairs cross (default mean)" },
	{ "dpi", O_DPI, "n", "PNG resolution, 36 to 1200 (default 150)" },
	{ "height", O_HEIGHT, "pt", "height in points, 72 to 14400" },
	{ "importance", O_IMPORTANCE, "stated|derived",
	    "ipa: importance from the weights or the drivers" },
	{ "iter", O_ITER, "n",
	    "scree: parallel-analysis matrices, 1 to 100000" },
	{ "seed", O_SEED, "n", "scree: seed, 1 to 4294967295 (default 1)" },
	{ "subtitle", O_SUBTITLE, "text",
	    "the line under the title (default: source and n)" },
	{ "title", O_TITLE, "text", "the chart's title" },
	{ "width", O_WIDTH, "pt", "width in points, 72 to 14400" },
	{ NULL, 0, NULL, NULL }
};

static tool t = {
	.name = "sq-chart",
	.lead = "type",
	.operands = "[file]",
	.required = "o",
	.by_help = "segment column (groups: a group per value)",
	.purpose = "Report charts (PNG, PDF, SVG) from an export or from an "
	    "sq-gap, sq-factor,\nsq-drivers, sq-cfa, sq-zone or sq-compare "
	    "table. Types: "
	    "gaps items radar ipa groups likert\nscree heatmap drivers cfa "
	    "zone zone-radar compare.",
	.example = "sq-chart gaps -o gaps.png samples/banco_demo.csv",
	.shared = TOOL_READ | TOOL_BY | TOOL_OUTPUT | TOOL_CONF |
	    TOOL_INVALID | TOOL_LANG | TOOL_FOLD,
	.own = opts,
};

static sq_chart_opts co;
static sq_chartneed need = { .type = 0, .block = SQ_BLOCK_P, .conf = 0.95,
	.seed = 1, .iterations = 1000, .importance = 0, .crosshair = -1 };

static void
option(int ch, const char *arg)
{
	int i;

	switch (ch) {
	case O_BLOCK:
		need.block = tool_block(arg);
		break;
	case O_CROSSHAIR:
		if ((need.crosshair = tool_word(arg, "mean|median|scale")) < 0)
			tool_usage("--crosshair: \"%s\": expected mean, median "
			    "or scale", arg);
		break;
	case O_IMPORTANCE:
		if ((i = tool_word(arg, "stated|derived")) < 0)
			tool_usage("--importance: \"%s\": expected stated or "
			    "derived", arg);
		need.importance = i + 1;	/* 0: by the weights */
		break;
	case O_DPI:
		co.dpi = tool_real("--dpi", arg, 36, 1200);
		break;
	case O_HEIGHT:
		co.height = tool_real("--height", arg, 72, 14400);
		break;
	case O_ITER:
		need.iterations = (int)tool_int("--iter", arg, 1, 100000);
		break;
	case O_SEED:
		need.seed = tool_seed("--seed", arg);
		break;
	case O_SUBTITLE:
		co.subtitle = arg;
		break;
	case O_TITLE:
		co.title = arg;
		break;
	case O_WIDTH:
		co.width = tool_real("--width", arg, 72, 14400);
		break;
	}
}

/* Read the input, draw; 0 or 1. */
static int
chart(sq_chartdata *d)
{
	sq_survey_stats st;
	FILE *in;
	int rc;

	memset(&st, 0, sizeof(st));
	if (sq_input_open(t.cli.path, &in, &t.err) != SQ_OK)
		return tool_fail(&t.err, t.cli.path);
	rc = sq_chartdata_read(d, in, t.cli.path, &t.cli.so, &need, &st,
	    &t.err);
	sq_input_close(in);
	if (rc != SQ_OK)
		return tool_fail(&t.err, t.cli.path);
	tool_read_warn(&st);
	tool_invalid(t.cli.path, st.invalid);
	if (co.type == SQ_CHART_GROUPS)
		tool_lookalikes(d->seg, d->nseg);
	if (sq_chart_write(d, &co, t.cli.outpath, NULL, &t.err) != SQ_OK)
		return tool_fail(&t.err, t.cli.outpath);
	return 0;
}

int
main(int argc, char *argv[])
{
	sq_instrument *ins = NULL;
	sq_chartdata *d = NULL;
	char font[128];
	int ch, rc;

	tool_init(&t);
	while ((ch = tool_getopt(&t, argc, argv)) != -1)
		option(ch, optarg);
	if (optind == argc || t.cli.outpath == NULL)
		tool_usage(optind == argc ? "no chart type" : "no -o file");
	if ((co.type = sq_chart_type_parse(argv[optind])) < 0)
		tool_usage("unknown chart type \"%s\"", argv[optind]);
	if (sq_chart_format_of(t.cli.outpath) < 0)
		tool_usage("%s: name the output .png, .pdf or .svg",
		    t.cli.outpath);
	tool_operands(&t, argc - optind - 1, argv + optind + 1);
	need.type = co.type;
	co.conf = need.conf = t.cli.conf;
	need.conf_given = t.cli.conf_given;
	need.ins_given = t.cli.codebook != NULL;
	co.lang = t.cli.lang;
	if (!sq_chart_font(font, sizeof(font)))
		tool_warn("warning: the font DejaVu Sans is not installed "
		    "(Debian: fonts-dejavu-core); %s%s%s", font[0] ?
		    "text falls back to \"" : "no font was found", font,
		    font[0] ? "\"" : "");
	if ((ins = tool_instrument(&t)) == NULL)
		rc = 1;
	else if (sq_chartdata_new(ins, &d) != SQ_OK)
		rc = tool_nomem();
	else
		rc = chart(d);
	sq_chartdata_free(d);
	sq_instrument_free(ins);
	sq_chart_release_fonts();
	return rc;
}
