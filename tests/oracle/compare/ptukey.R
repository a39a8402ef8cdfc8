# R's ptukey and qtukey at many (q, k, df) points, for tests/unit/test_ptukey.c.
# R's ptukey is good to about 1e-8 and its qtukey stops at about 1e-4 (its
# secant iteration has eps = 0.0001), so the unit test compares with
# ptukey at 1e-7 absolute and qtukey at 1e-4 relative; the 1e-10 check is
# against ptukey_mp.tsv (mpmath, 30 digits) and the published tables.
options(digits = 17)
g <- expand.grid(q = c(0.5, 1, 2, 3, 3.5, 4.5, 6, 9),
                 k = c(2, 3, 4, 5, 7, 10, 15, 20),
                 df = c(2, 3, 5, 10, 20, 60, 1000))
g$lower <- mapply(ptukey, g$q, g$k, g$df)
g$upper <- mapply(function(q, k, df) ptukey(q, k, df, lower.tail = FALSE),
                  g$q, g$k, g$df)
write.table(g, "ptukey_r.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
h <- expand.grid(p = c(0.9, 0.95, 0.99), k = c(2, 3, 5, 10, 20),
                 df = c(2, 5, 10, 30, 120))
h$q <- mapply(qtukey, h$p, h$k, h$df)
write.table(h, "qtukey_r.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
