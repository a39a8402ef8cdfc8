# The studentized range at 25 digits with mpmath (an oracle independent of
# both R and GSL): P(Q > q) = int_0^inf f_df(s) (1 - W(q s)) ds, W the
# distribution of the range of k standard normals. Writes ptukey_mp.tsv.
import mpmath as mp

mp.mp.dps = 25


def W(w, k):
    if w <= 0:
        return mp.mpf(0)
    f = lambda z: k * mp.npdf(z) * (mp.ncdf(z) - mp.ncdf(z - w)) ** (k - 1)
    return mp.quad(f, [-12, -4, 0, w / 2, w, 12 + w])


def upper(q, k, df):
    df = mp.mpf(df)
    c = mp.exp(df / 2 * mp.log(df) - mp.loggamma(df / 2) - (df / 2 - 1) * mp.log(2))
    f = lambda s: c * s ** (df - 1) * mp.exp(-df * s * s / 2) * (1 - W(q * s, k))
    m = mp.sqrt((df - 1) / df)
    return mp.quad(f, [0, m / 2, m, 2 * m, 4 * m, mp.inf])


pts = [(3.5, 4, 20), (1.0, 2, 2), (3.0, 3, 5), (5.0, 5, 10), (2.0, 10, 3),
       (4.5, 20, 60), (6.0, 7, 2), (2.5, 4, 1000), (0.5, 3, 10), (8.0, 20, 5)]
with open("ptukey_mp.tsv", "w") as out:
    out.write("q\tk\tdf\tupper\n")
    for q, k, df in pts:
        out.write("%s\t%d\t%d\t%s\n" % (q, k, df, mp.nstr(upper(mp.mpf(q), k, df), 20)))
        out.flush()
