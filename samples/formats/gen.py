#!/usr/bin/env python3
"""Writes the synthetic export samples of samples/formats/.

Every sample holds the same kind of invented responses (seeded, so the files
are reproducible) laid out as one survey tool exports them, next to its
canonical twin NAME.twin.csv (plain UTF-8, E1..E22, P1..P22) holding the same
answers, and a codebook NAME.codebook.csv where the layout needs one.
tests/cli/formats.sh checks that sq-gap gives byte-identical tables for each
pair. Run from the repository root: python3 samples/formats/gen.py
"""
import json
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)))
NITEMS = 22
DIMS = ["TAN", "REL", "RES", "ASS", "EMP"]
SEGS = ["Centro", "Señorío", "Norte"]
WORD = [
    "equipos modernos", "instalaciones atractivas", "empleados bien presentados",
    "materiales atractivos", "cumple lo prometido", "interés en resolver",
    "servicio bien a la primera", "servicio a tiempo", "registros sin errores",
    "informa cuándo", "servicio rápido", "disposición a ayudar",
    "nunca demasiado ocupados", "inspiran confianza", "clientes seguros",
    "empleados corteses", "conocimientos suficientes", "atención individual",
    "horarios convenientes", "atención personal", "interés por el cliente",
    "comprende necesidades",
]
LABELS_ES = [
    "Totalmente en desacuerdo", "En desacuerdo", "Algo en desacuerdo",
    "Ni de acuerdo ni en desacuerdo", "Algo de acuerdo", "De acuerdo",
    "Totalmente de acuerdo",
]


def respondents(seed, n=15):
    """n invented respondents: segment, e[22], p[22], weights[5], overall;
    None marks a missing answer."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        seg = SEGS[i % 3]
        eb = rnd.choice([5, 6, 6, 7])
        pb = rnd.choice([3, 4, 5, 5, 6])
        e = [max(1, min(7, eb + rnd.choice([-1, 0, 0, 1]))) for _ in range(NITEMS)]
        p = [max(1, min(7, pb + rnd.choice([-2, -1, 0, 1, 1]))) for _ in range(NITEMS)]
        for v in (e, p):
            for k in range(NITEMS):
                if rnd.random() < 0.04:
                    v[k] = None
        w = [rnd.choice([10, 15, 20, 25, 30]) for _ in range(4)]
        w = [float(x) for x in w]
        w.append(100.0 - sum(w))
        if w[4] <= 0:
            w = [20.0, 20.0, 20.0, 20.0, 20.0]
        if rnd.random() < 0.5:
            w[0] += 2.5
            w[1] -= 2.5
        if i == 4:
            w = None
        overall = rnd.choice([6, 7, 7.5, 8, 8.5, 9])
        out.append(dict(seg=seg, e=e, p=p, w=w, overall=overall))
    return out


def fmt_w(x, comma=False):
    s = ("%.1f" % x).rstrip("0").rstrip(".")
    return s.replace(".", ",") if comma else s


def q(s, delim=","):
    """CSV-quote s when it needs it."""
    if any(c in s for c in delim + '"\r\n') or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


def qa(s, delim=","):
    """CSV-quote always."""
    return '"' + s.replace('"', '""') + '"'


def row(fields, delim=",", quote=q):
    return delim.join(quote(f, delim) for f in fields)


def write(name, lines, eol="\n", enc="utf-8", bom=False):
    text = eol.join(lines) + eol
    data = text.encode(enc)
    if bom:
        data = ("\ufeff").encode(enc) + data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def v(x, miss=""):
    return miss if x is None else str(x)


def twin(name, rs, weights=True, overall=True):
    """The canonical twin: segment, E1..E22, P1..P22 [, W_*] [, overall]."""
    head = ["segment"] + ["E%d" % k for k in range(1, NITEMS + 1)] + \
        ["P%d" % k for k in range(1, NITEMS + 1)]
    if weights:
        head += ["W_" + d for d in DIMS]
    if overall:
        head += ["overall"]
    lines = [row(head)]
    for r in rs:
        f = [r["seg"]] + [v(x) for x in r["e"]] + [v(x) for x in r["p"]]
        if weights:
            f += [fmt_w(x) for x in r["w"]] if r["w"] else [""] * 5
        if overall:
            f += [fmt_w(r["overall"])]
        lines.append(row(f))
    write(name + ".twin.csv", lines)


def codebook(name, rows):
    write(name + ".codebook.csv", [row(r) for r in rows])


def cb_head():
    return [["# servqual codebook: see man/servqual-codebook.5"]]


def qualtrics(name, legacy):
    rs = respondents(11 if not legacy else 12)
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress",
            "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
            "RecipientLastName", "DistributionChannel", "UserLanguage"]
    meta_txt = ["Start Date", "End Date", "Response Type", "IP Address",
                "Progress", "Duration (in seconds)", "Finished",
                "Recorded Date", "Response ID", "Recipient Last Name",
                "Distribution Channel", "User Language"]
    ids = meta + ["Q1_%d" % k for k in range(1, 23)] + \
        ["Q2_%d" % k for k in range(1, 23)] + \
        ["Q3_%d" % k for k in range(1, 6)] + ["Q4", "sucursal"]
    txt = meta_txt + \
        ["Expectativas - E%d Una empresa excelente: %s" % (k, WORD[k - 1])
         for k in range(1, 23)] + \
        ["Percepciones - P%d XYZ: %s" % (k, WORD[k - 1])
         for k in range(1, 23)] + \
        ["Reparta 100 puntos entre: - %s" % d for d in
         ["Tangibles", "Fiabilidad", "Capacidad de respuesta", "Seguridad",
          "Empatía"]] + \
        ["Calificación general (1-10)", "sucursal"]
    if legacy:
        imp = ["{'ImportId': '%s'}" % x for x in
               ["startDate", "endDate", "status", "ipAddress", "progress",
                "duration", "finished", "recordedDate", "_recordId",
                "recipientLastName", "distributionChannel", "userLanguage"]]
    else:
        imp = [json.dumps({"ImportId": x, "timeZone": "America/Lima"},
                          separators=(",", ":"))
               if x in ("startDate", "endDate", "recordedDate")
               else json.dumps({"ImportId": x}, separators=(",", ":"))
               for x in ["startDate", "endDate", "status", "ipAddress",
                         "progress", "duration", "finished", "recordedDate",
                         "_recordId", "recipientLastName",
                         "distributionChannel", "userLanguage"]]
    for qid, n in (("QID1", 22), ("QID2", 22), ("QID3", 5)):
        for k in range(1, n + 1):
            d = {"ImportId": "%s_%d" % (qid, k)}
            imp.append("{'ImportId': '%s_%d'}" % (qid, k) if legacy else
                       json.dumps(d, separators=(",", ":")))
    for x in ("QID4", "sucursal"):
        imp.append("{'ImportId': '%s'}" % x if legacy else
                   json.dumps({"ImportId": x}, separators=(",", ":")))
    quote = qa if legacy else q
    lines = [row(ids, quote=quote), row(txt, quote=quote),
             row(imp, quote=quote)]
    rnd = random.Random(5)
    for i, r in enumerate(rs):
        f = ["2024-03-%02d 10:%02d:00" % (i + 1, i),
             "2024-03-%02d 10:%02d:40" % (i + 1, i + 7), "0",
             "190.1.2.%d" % i, "100", str(300 + 17 * i), "1",
             "2024-03-%02d 10:%02d:41" % (i + 1, i + 7),
             "R_%08x" % rnd.getrandbits(32), "", "anonymous", "ES"]
        # Qualtrics writes -99 for "seen but not answered".
        f += [v(x, "-99" if k % 2 else "") for k, x in enumerate(r["e"])]
        f += [v(x, "" if k % 2 else "-99") for k, x in enumerate(r["p"])]
        f += [fmt_w(x) for x in r["w"]] if r["w"] else [""] * 5
        f += [fmt_w(r["overall"]), r["seg"]]
        lines.append(row(f, quote=quote))
    write(name + ".csv", lines, eol="\r\n", bom=True)
    cb = cb_head()
    for k in range(1, 23):
        cb.append(["column", "Q1_%d" % k, "E", str(k)])
        cb.append(["column", "Q2_%d" % k, "P", str(k)])
    for k, d in enumerate(DIMS):
        cb.append(["column", "Q3_%d" % (k + 1), "W", d])
    cb.append(["column", "Q4", "overall"])
    cb.append(["column", "ResponseId", "id"])
    codebook(name, cb)
    twin(name, rs)


def surveymonkey(name):
    rs = respondents(21)
    h1 = ["Respondent ID", "Collector ID", "Start Date", "End Date",
          "IP Address", "Email Address", "First Name", "Last Name",
          "Custom Data 1", "¿A qué sucursal acudió?",
          "Expectativas: indique qué tan de acuerdo está (1 = Totalmente en "
          "desacuerdo, 7 = Totalmente de acuerdo)"] + [""] * 21 + \
         ['Percepciones: ¿qué tan de acuerdo está con lo siguiente sobre '
          '"XYZ"?'] + [""] * 21 + ["Comentarios"]
    h2 = [""] * 9 + ["Response"] + \
        ["E%d %s" % (k, WORD[k - 1].capitalize()) for k in range(1, 23)] + \
        ["P%d %s" % (k, WORD[k - 1].capitalize()) for k in range(1, 23)] + \
        ["Open-Ended Response"]
    lines = [row(h1), row(h2)]
    rnd = random.Random(7)
    for i, r in enumerate(rs):
        f = [str(114233445500 + i), "405112233",
             "03/%02d/2024 10:00:01 AM" % (i + 1),
             "03/%02d/2024 10:07:12 AM" % (i + 1), "190.1.2.%d" % i,
             "", "", "", "", r["seg"]]
        for x in r["e"] + r["p"]:
            # Answers exported as text for the scale ends, numbers between.
            if x is None:
                f.append("")
            elif x in (1, 7) and rnd.random() < 0.7:
                f.append(LABELS_ES[x - 1])
            else:
                f.append(str(x))
        f.append(rnd.choice(["", "Muy bien, gracias", "Demoran; mejorar",
                             'Dijo "pronto"']))
        lines.append(row(f))
    write(name + ".csv", lines, eol="\r\n", bom=True)
    cb = cb_head()
    cb.append(["label", "Totalmente en desacuerdo", "1"])
    cb.append(["label", "Totalmente de acuerdo", "7"])
    cb.append(["column", "Respondent ID", "id"])
    codebook(name, cb)
    twin(name, rs, weights=False, overall=False)


def surveymonkey_matrix(name):
    """SurveyMonkey as it usually is: the same sub-item wording under the
    expectations and the perceptions question, so columns are named by
    position (#k) in the codebook."""
    rs = respondents(22)
    h1 = ["Respondent ID", "Collector ID", "Start Date", "End Date",
          "Sucursal", "Una empresa excelente de este sector:"] + [""] * 21 + \
         ["XYZ:"] + [""] * 21
    h2 = [""] * 4 + ["Response"] + \
        [WORD[k].capitalize() for k in range(22)] * 2
    lines = [row(h1), row(h2)]
    for i, r in enumerate(rs):
        f = [str(114233445600 + i), "405112233",
             "03/%02d/2024 10:00:01 AM" % (i + 1),
             "03/%02d/2024 10:07:12 AM" % (i + 1), r["seg"]]
        f += [v(x) for x in r["e"] + r["p"]]
        lines.append(row(f))
    write(name + ".csv", lines, eol="\r\n", bom=True)
    cb = cb_head()
    cb.append(["# the same wording heads an E and a P column: by position"])
    for k in range(22):
        cb.append(["column", "#%d" % (6 + k), "E", str(k + 1)])
        cb.append(["column", "#%d" % (28 + k), "P", str(k + 1)])
    cb.append(["column", "Respondent ID", "id"])
    codebook(name, cb)
    twin(name, rs, weights=False, overall=False)


def variant(s, rnd):
    """How people and tools mangle a label: case, spacing, accents."""
    c = rnd.random()
    if c < 0.15:
        return s.upper()
    if c < 0.3:
        return "  " + s.lower().replace(" ", "  ") + " "
    return s


def google_forms(name):
    rs = respondents(31)
    head = ["Marca temporal", "Dirección de correo electrónico", "Sucursal"] + \
        ["Expectativas [E%d %s]" % (k, WORD[k - 1].capitalize())
         for k in range(1, 23)] + \
        ["Percepciones [P%d %s]" % (k, WORD[k - 1].capitalize())
         for k in range(1, 23)] + ["Calificación general"]
    lines = [row(head, quote=qa)]
    rnd = random.Random(8)
    for i, r in enumerate(rs):
        f = ["%d/3/2024 10:%02d:12" % (i + 1, i), "r%d@example.com" % i,
             r["seg"]]
        for x in r["e"] + r["p"]:
            if x is None:
                f.append(rnd.choice(["", "No aplica", "NO APLICA"]))
            else:
                f.append(variant(LABELS_ES[x - 1], rnd))
        f.append(fmt_w(r["overall"]))
        lines.append(row(f, quote=qa))
    write(name + ".csv", lines)
    cb = cb_head()
    for k, s in enumerate(LABELS_ES):
        cb.append(["label", s, str(k + 1)])
    cb.append(["column", "Calificación general", "overall"])
    codebook(name, cb)
    twin(name, rs, weights=False)


def limesurvey(name):
    rs = respondents(41)
    head = ["id", "submitdate", "lastpage", "startlanguage", "seed",
            "sucursal"] + ["E[SQ%03d]" % k for k in range(1, 23)] + \
        ["P[SQ%03d]" % k for k in range(1, 23)] + \
        ["W[SQ%03d]" % k for k in range(1, 6)] + ["global", "E[other]"]
    lines = [row(head, ";", qa)]
    for i, r in enumerate(rs):
        f = [str(i + 1), "2024-03-%02d 10:07:12" % (i + 1), "4", "es",
             str(123456 + 7 * i), r["seg"]]
        f += ["" if x is None else "AO%02d" % x for x in r["e"] + r["p"]]
        f += [fmt_w(x) for x in r["w"]] if r["w"] else [""] * 5
        f += [fmt_w(r["overall"]), ""]
        lines.append(row(f, ";", qa))
    write(name + ".csv", lines, eol="\r\n", bom=True)
    cb = cb_head()
    for k in range(1, 8):
        cb.append(["label", "AO%02d" % k, str(k)])
    # E[SQ001] and P[SQ001] are recognised on their own; W[...] is not.
    for k, d in enumerate(DIMS):
        cb.append(["column", "W[SQ%03d]" % (k + 1), "W", d])
    cb.append(["column", "global", "overall"])
    cb.append(["column", "id", "id"])
    codebook(name, cb)
    twin(name, rs)


def kobo(name):
    rs = respondents(51)
    head = ["start", "end", "today", "servqual/sucursal"] + \
        ["servqual/E%d" % k for k in range(1, 23)] + \
        ["servqual/P%d" % k for k in range(1, 23)] + \
        ["pesos/W_%s" % d for d in DIMS] + \
        ["global", "_id", "_uuid", "_submission_time", "_validation_status",
         "_notes", "_status", "_submitted_by", "_tags", "_index"]
    lines = [row(head, ";")]
    rnd = random.Random(9)
    for i, r in enumerate(rs):
        f = ["2024-03-01T10:%02d:01.000-05:00" % i,
             "2024-03-01T10:%02d:12.000-05:00" % (i + 7), "2024-03-01",
             r["seg"]]
        f += [v(x) for x in r["e"] + r["p"]]
        f += [fmt_w(x) for x in r["w"]] if r["w"] else [""] * 5
        f += [fmt_w(r["overall"]), str(504238666 + i),
              "%08x-6324-4f6b-870b-841eba799f11" % rnd.getrandbits(32),
              "2024-03-01T15:07:20", "", "", "submitted_via_web", "", "",
              str(i + 1)]
        lines.append(row(f, ";"))
    write(name + ".csv", lines)
    twin(name, rs)


def odk(name):
    rs = respondents(61)
    head = ["SubmissionDate", "servqual-sucursal"] + \
        ["servqual-E%d" % k for k in range(1, 23)] + \
        ["servqual-P%d" % k for k in range(1, 23)] + \
        ["meta-instanceID", "KEY"]
    lines = [row(head)]
    for i, r in enumerate(rs):
        u = "uuid:00000000-0000-0000-0000-%012d" % (i + 1)
        f = ["Mar %d, 2024 10:07:12 AM" % (i + 1), r["seg"]]
        f += [v(x) for x in r["e"] + r["p"]]
        f += [u, u]
        lines.append(row(f))
    write(name + ".csv", lines)
    twin(name, rs, weights=False, overall=False)


def excel_es(name):
    rs = respondents(71)
    head = ["Sucursal"] + ["E%d" % k for k in range(1, 23)] + \
        ["P%d" % k for k in range(1, 23)] + \
        ["Peso_Tangibles", "Peso_Fiabilidad", "Peso_Respuesta",
         "Peso_Seguridad", "Peso_Empatía", "Calificación"]
    lines = [row(head, ";")]
    rnd = random.Random(10)
    for r in rs:
        f = [r["seg"]]
        f += [v(x, rnd.choice(["", "#N/D", "NS/NR"])) for x in r["e"] + r["p"]]
        f += [fmt_w(x, True) for x in r["w"]] if r["w"] else ["#N/D"] * 5
        f += [fmt_w(r["overall"], True)]
        lines.append(row(f, ";"))
    write(name + ".csv", lines, eol="\r\n", enc="cp1252")
    cb = cb_head()
    for k, d in enumerate(["Tangibles", "Fiabilidad", "Respuesta",
                           "Seguridad", "Empatía"]):
        cb.append(["column", "Peso_" + d, "W", DIMS[k]])
    cb.append(["column", "Calificación", "overall"])
    codebook(name, cb)
    twin(name, rs)


def excel_utf16(name):
    rs = respondents(81)
    head = ["Sucursal"] + ["E%d" % k for k in range(1, 23)] + \
        ["P%d" % k for k in range(1, 23)] + ["W_" + d for d in DIMS]
    lines = [row(head, "\t")]
    for r in rs:
        f = [r["seg"]] + [v(x) for x in r["e"] + r["p"]]
        f += [fmt_w(x) for x in r["w"]] if r["w"] else [""] * 5
        lines.append(row(f, "\t"))
    write(name + ".txt", lines, eol="\r\n", enc="utf-16-le", bom=True)
    twin(name, rs, overall=False)


def spss(name):
    rs = respondents(91)
    codes = {"Centro": "1", "Señorío": "2", "Norte": "3"}
    head = ["sucursal"] + ["E%d" % k for k in range(1, 23)] + \
        ["P%d" % k for k in range(1, 23)] + ["W_" + d for d in DIMS] + \
        ["global"]
    lines = [row(head)]
    for r in rs:
        f = [codes[r["seg"]]]
        f += ["99.00" if x is None else "%.2f" % x for x in r["e"] + r["p"]]
        f += ["%.2f" % x for x in r["w"]] if r["w"] else ["99.00"] * 5
        f += ["%.2f" % r["overall"]]
        lines.append(row(f))
    write(name + ".csv", lines)
    cb = cb_head()
    cb.append(["missing", "99"])
    cb.append(["column", "global", "overall"])
    codebook(name, cb)
    # The twin carries the same codes as its segment values.
    for r in rs:
        r["seg"] = codes[r["seg"]]
    twin(name, rs)


if __name__ == "__main__":
    qualtrics("qualtrics_new", False)
    qualtrics("qualtrics_legacy", True)
    surveymonkey("surveymonkey")
    surveymonkey_matrix("surveymonkey_matrix")
    google_forms("google_forms_es")
    limesurvey("limesurvey")
    kobo("kobo")
    odk("odk")
    excel_es("excel_es_cp1252")
    excel_utf16("excel_utf16")
    spss("spss_pspp")
