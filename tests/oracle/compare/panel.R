# Oracle for sq-compare --paired-by (two waves of one panel): reads
# panel1.csv and panel2.csv (made by compare.R), matches respondents by
# id and writes panel.tsv with t.test(paired) and wilcox.test(paired,
# exact = FALSE, correct = TRUE) of wave 2 - wave 1 on every score. Each
# difference is computed from the exact fractions the scores are (one
# division: (a d - c b) / (b d)), as DESIGN.md "Scores" asks, so that
# equal differences are equal doubles and the signed-rank ties are exact.
options(digits = 17, warn = 1)
dims <- list(TAN = 1:4, REL = 5:9, RES = 10:13, ASS = 14:17, EMP = 18:22)
gcd <- function(a, b) if (b == 0) a else gcd(b, a %% b)
lcm <- function(a, b) a / gcd(a, b) * b
cols <- c("block", "scope", "dimension", "item", "test", "group1", "group2",
          "n", "diff", "statistic", "df1", "df2", "p", "p_adj", "ci_low",
          "ci_high", "effect", "effect_size")

# Per respondent and score: numerator and denominator (NA when undefined).
fractions <- function(df) {
  X <- as.matrix(df[paste0("P", 1:22)]) - as.matrix(df[paste0("E", 1:22)])
  n <- nrow(df)
  C <- sapply(dims, function(it) rowSums(!is.na(X[, it, drop = FALSE])))
  S <- sapply(dims, function(it) rowSums(X[, it, drop = FALSE], na.rm = TRUE))
  k <- sapply(dims, length)
  ok <- sweep(2 * C, 2, k, ">=") & C > 0
  num <- ifelse(ok, S, NA); den <- C
  sq <- matrix(NA_real_, n, 4)
  for (i in 1:n) {
    if (!all(ok[i, ])) next
    L <- Reduce(lcm, C[i, ]); f <- L / C[i, ]
    sq[i, 1:2] <- c(sum(S[i, ] * f), 5 * L)
    w <- unlist(df[i, paste0("W_", names(dims))])
    if (all(!is.na(w)) && sum(w) > 0)
      sq[i, 3:4] <- c(sum(w * S[i, ] * f), sum(w) * L)
  }
  list(num = cbind(num, sq[, 1], sq[, 3]), den = cbind(den, sq[, 2], sq[, 4]))
}

rd <- function(f) read.csv(f, colClasses = c(id = "character"),
                           fileEncoding = "UTF-8")
p1 <- rd("panel1.csv"); p2 <- rd("panel2.csv")
ids <- intersect(p1$id, p2$id)
f1 <- fractions(p1[match(ids, p1$id), ])
f2 <- fractions(p2[match(ids, p2$id), ])
names <- c(names(dims), "servqual", "servqual_weighted")
res <- NULL
for (j in seq_along(names)) {
  a <- f2$num[, j]; b <- f2$den[, j]; c <- f1$num[, j]; d <- f1$den[, j]
  x <- (a * d - c * b) / (b * d)
  x <- x[!is.na(x)]
  t <- t.test(x, conf.level = 0.95)
  wx <- wilcox.test(x, exact = FALSE, correct = TRUE)
  V <- unname(wx$statistic); nz <- sum(x != 0)
  sc <- if (j <= 5) "dimension" else names[j]
  dm <- if (j <= 5) names[j] else ""
  base <- data.frame(block = "G", scope = sc, dimension = dm, item = "",
                     group1 = "panel1", group2 = "panel2", n = length(x),
                     diff = mean(x), df2 = NA, stringsAsFactors = FALSE)
  res <- rbind(res,
    cbind(base, test = "paired_t", statistic = unname(t$statistic),
          df1 = unname(t$parameter), p = t$p.value, ci_low = t$conf.int[1],
          ci_high = t$conf.int[2], effect = "d_z",
          effect_size = mean(x) / sd(x)),
    cbind(base, test = "wilcoxon", statistic = V, df1 = NA, p = wx$p.value,
          ci_low = NA, ci_high = NA, effect = "rank_biserial",
          effect_size = 4 * V / (nz * (nz + 1)) - 1))
}
res$p_adj <- NA
for (t in c("paired_t", "wilcoxon")) {
  sel <- res$test == t
  res$p_adj[sel] <- p.adjust(res$p[sel], "holm")
}
write.table(res[cols], "panel.tsv", sep = "\t", quote = FALSE,
            row.names = FALSE, na = "NaN")
