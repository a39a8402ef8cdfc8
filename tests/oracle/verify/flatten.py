"""Flatten sq-drivers / sq-cfa -f json into the key/value rows of verify.R.

usage: python3 flatten.py drivers|cfa < tool.json > flat.tsv
"""
import json
import sys


def num(v):
    if v is None:
        return "NaN"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (int, float)):
        return repr(float(v)) if isinstance(v, float) else str(v)
    return str(v)


def drivers(d, out):
    out("summary.n", d["n"])
    for mn, m in d["models"].items():
        for k in ("n", "r2", "adj_r2", "f", "df1", "df2", "p"):
            out("model.%s.%s" % (mn, k), m[k])
        for c in m["coefficients"]:
            for k in ("estimate", "se", "t", "p", "beta", "vif"):
                out("coefficient.%s.%s.%s" % (mn, c["term"], k), c[k])
        for c in m["lmg"]:
            for k in ("lmg", "share"):
                out("lmg.%s.%s.%s" % (mn, c["term"], k), c[k])
    for r in d["importance"]:
        for k in ("stated", "derived", "rank_stated", "rank_derived"):
            out("importance.%s.%s" % (r["dimension"], k), r[k])
    out("importance.spearman", d["importance_spearman"])
    ipa = d["ipa"]
    out("ipa.importance_cross", ipa["importance_cross"])
    out("ipa.performance_cross", ipa["performance_cross"])
    for r in ipa["dimensions"]:
        for k in ("importance", "performance", "quadrant"):
            out("ipa.%s.%s" % (r["dimension"], k), r[k])
    for r in d["targets"]:
        for k in ("n", "mean", "ci_low", "ci_high", "t", "p", "verdict"):
            out("target.%s.%s.%s" % (r["block"], r["dimension"], k), r[k])


def cfa(d, out):
    out("fit.n", d["n"])
    for k in ("chisq", "df", "cfi", "tli", "rmsea", "rmsea_ci_low",
              "rmsea_ci_high", "srmr", "loglik", "aic", "bic"):
        out("fit." + k, d[k])
    out("fit.baseline_chisq", d["baseline"]["chisq"])
    out("fit.baseline_df", d["baseline"]["df"])
    for r in d["loadings"]:
        for k in ("estimate", "se", "z", "p", "std"):
            out("loading.%s.%s.%s" % (r["dimension"], r["item"], k), r[k])
    dims = [r["dimension"] for r in d["reliability"]]
    for r in d["reliability"]:
        out("reliability.%s.cr" % r["dimension"], r["cr"])
        out("reliability.%s.ave" % r["dimension"], r["ave"])
    for i, a in enumerate(dims):
        for j, b in enumerate(dims):
            if i < j:
                out("correlation.%s.%s" % (a, b), d["factor_correlations"][i][j])
                out("htmt.%s.%s" % (a, b), d["htmt"][i][j])


def main():
    rows = []
    {"drivers": drivers, "cfa": cfa}[sys.argv[1]](
        json.load(sys.stdin), lambda k, v: rows.append((k, num(v))))
    sys.stdout.write("key\tvalue\n")
    for k, v in rows:
        sys.stdout.write("%s\t%s\n" % (k, v))


main()
