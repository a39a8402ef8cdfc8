# Oracle for sq-compare (tests/cli/compare_oracle.sh): generates survey
# exports with unequal groups (one of n = 4), accented group names,
# missing cells, blank groups and a mean shift in some dimensions only,
# and writes the table sq-compare must print, computed here with R:
# aov, oneway.test, kruskal.test, car::leveneTest(center = median),
# TukeyHSD (diffs; p and CI from an accurate studentized range below),
# Games-Howell and Dunn by formula, t.test, wilcox.test(exact = FALSE,
# correct = TRUE), p.adjust("holm").
#
# R's ptukey is good to ~1e-8 and its qtukey to ~1e-4, short of the 1e-9
# the contract asks of CIs, so p and quantiles of the studentized range
# come from ptukey_acc/qtukey_acc: the same double integral by integrate()
# at rel.tol 1e-13, the quantile by uniroot at tol 1e-13; the script
# prints how far R's own ptukey/qtukey are from them.
#
# Run: Rscript compare.R (seed 7, not tuned); writes *.csv and *.tsv here.
suppressMessages(library(car))
options(digits = 17, warn = 1)
set.seed(7)

dims <- list(TAN = 1:4, REL = 5:9, RES = 10:13, ASS = 14:17, EMP = 18:22)

gen <- function(sizes, shift, nblank, miss = 0.05, weights = TRUE,
                id = FALSE) {
  rows <- list()
  g <- rep(names(sizes), sizes)
  g <- c(g, rep("", nblank))
  n <- length(g)
  g <- g[sample(n)]
  E <- matrix(sample(3:7, n * 22, replace = TRUE,
                     prob = c(.1, .15, .25, .3, .2)), n)
  P <- matrix(sample(2:7, n * 22, replace = TRUE,
                     prob = c(.05, .1, .2, .3, .2, .15)), n)
  for (s in names(shift)) {
    sh <- shift[[s]]
    for (d in names(sh)) {
      it <- dims[[d]]
      r <- which(g == s)
      P[r, it] <- pmin(7, pmax(1, P[r, it] + sh[[d]]))
    }
  }
  E[matrix(runif(n * 22) < miss, n)] <- NA
  P[matrix(runif(n * 22) < miss, n)] <- NA
  df <- data.frame(sucursal = g, stringsAsFactors = FALSE)
  if (id) df$id <- sprintf("r%04d", seq_len(n))
  for (i in 1:22) df[[paste0("E", i)]] <- E[, i]
  for (i in 1:22) df[[paste0("P", i)]] <- P[, i]
  if (weights) {
    W <- t(sapply(1:n, function(i) as.vector(rmultinom(1, 100, rep(.2, 5)))))
    W[runif(n) < 0.05, 3] <- NA
    for (j in 1:5) df[[paste0("W_", names(dims)[j])]] <- W[, j]
  }
  df
}

write_csv <- function(df, path) {
  out <- df
  out[is.na(out)] <- ""
  write.csv(out, path, row.names = FALSE, quote = TRUE, na = "",
            fileEncoding = "UTF-8")
}

gcd <- function(a, b) if (b == 0) a else gcd(b, a %% b)
lcm <- function(a, b) a / gcd(a, b) * b

# Scores as DESIGN.md "Scores": one division of integer sums.
scores <- function(df, block = "G", items = FALSE) {
  E <- as.matrix(df[paste0("E", 1:22)])
  P <- as.matrix(df[paste0("P", 1:22)])
  X <- switch(block, G = P - E, P = P, E = E)
  n <- nrow(df)
  S <- matrix(NA_real_, n, 5); C <- matrix(0, n, 5)
  for (j in 1:5) {
    it <- dims[[j]]
    x <- X[, it, drop = FALSE]
    C[, j] <- rowSums(!is.na(x))
    S[, j] <- rowSums(x, na.rm = TRUE)
  }
  k <- sapply(dims, length)
  ok <- sweep(2 * C, 2, k, ">=") & C > 0
  D <- ifelse(ok, S / C, NA)
  colnames(D) <- names(dims)
  sq <- rep(NA_real_, n); wsq <- rep(NA_real_, n)
  hasw <- all(paste0("W_", names(dims)) %in% names(df))
  for (i in 1:n) {
    if (!all(ok[i, ])) next
    L <- Reduce(lcm, C[i, ])
    f <- L / C[i, ]
    sq[i] <- sum(S[i, ] * f) / (5 * L)
    if (hasw) {
      w <- unlist(df[i, paste0("W_", names(dims))])
      if (all(!is.na(w)) && sum(w) > 0)
        wsq[i] <- sum(w * S[i, ] * f) / (sum(w) * L)
    }
  }
  out <- data.frame(D, servqual = sq, servqual_weighted = wsq)
  if (items) for (i in 1:22) out[[paste0("item", i)]] <- X[, i]
  out
}

# --- the studentized range, accurately -------------------------------
rng_cdf <- function(w, k, upper) {
  if (w <= 0) return(if (upper) 1 else 0)
  f <- if (!upper) function(z) k * dnorm(z) * (pnorm(z) - pnorm(z - w))^(k - 1)
  else function(z) {
    a <- pnorm(z); d <- pnorm(z) - pnorm(z - w)
    s <- 0; for (i in 0:(k - 2)) s <- s + a^i * d^(k - 2 - i)
    k * dnorm(z) * pnorm(z - w) * s
  }
  integrate(f, -Inf, Inf, rel.tol = 1e-13, abs.tol = 1e-16,
            subdivisions = 1000L)$value
}
ptukey_acc <- function(q, k, df, upper = TRUE) {
  if (k == 2) {                 # the range of two normals: a t
    p <- 2 * pt(q / sqrt(2), df, lower.tail = FALSE)
    return(if (upper) p else 1 - p)
  }
  lc <- df / 2 * log(df) - lgamma(df / 2) - (df / 2 - 1) * log(2)
  f <- function(s) sapply(s, function(x)
    if (x <= 0) 0 else exp(lc + (df - 1) * log(x) - df * x^2 / 2) *
      rng_cdf(q * x, k, upper))
  m <- sqrt(max(df - 1, 0) / df)
  integrate(f, 0, m, rel.tol = 1e-12, abs.tol = 1e-15)$value +
    integrate(f, m, Inf, rel.tol = 1e-12, abs.tol = 1e-15)$value
}
qtukey_acc <- function(p, k, df) {
  if (k == 2) return(sqrt(2) * qt(1 - (1 - p) / 2, df))
  uniroot(function(q) ptukey_acc(q, k, df) - (1 - p), c(0.1, 60),
          tol = 1e-13)$root
}
dev <- new.env(); dev$p <- 0; dev$q <- 0
ptk <- function(q, k, df) {
  v <- ptukey_acc(q, k, df)
  dev$p <- max(dev$p, abs(v - ptukey(q, k, df, lower.tail = FALSE)))
  v
}
qtk <- function(p, k, df) {
  v <- qtukey_acc(p, k, df)
  dev$q <- max(dev$q, abs(v - qtukey(p, k, df)) / v)
  v
}

cols <- c("block", "scope", "dimension", "item", "test", "group1", "group2",
          "n", "diff", "statistic", "df1", "df2", "p", "p_adj", "ci_low",
          "ci_high", "effect", "effect_size")
row <- function(...) {
  r <- list(...)
  x <- setNames(as.list(rep(NA, length(cols))), cols)
  for (nm in names(r)) x[[nm]] <- r[[nm]]
  for (nm in c("group1", "group2", "effect", "item", "dimension"))
    if (is.na(x[[nm]])) x[[nm]] <- ""
  as.data.frame(x, stringsAsFactors = FALSE)
}

compare_score <- function(y, g, conf, two) {
  keep <- !is.na(y)
  y <- y[keep]; g <- g[keep]
  lev <- sort(unique(g), method = "radix")      # strcmp order
  g <- factor(g, levels = lev)
  k <- length(lev); N <- length(y)
  out <- list()
  a <- summary(aov(y ~ g))[[1]]
  ssb <- a[1, "Sum Sq"]; ssw <- a[2, "Sum Sq"]
  out[[1]] <- row(test = "anova", n = N, statistic = a[1, "F value"],
                  df1 = a[1, "Df"], df2 = a[2, "Df"], p = a[1, "Pr(>F)"],
                  effect = "eta2", effect_size = ssb / (ssb + ssw))
  w <- oneway.test(y ~ g, var.equal = FALSE)
  out[[2]] <- row(test = "welch", n = N, statistic = unname(w$statistic),
                  df1 = unname(w$parameter[1]), df2 = unname(w$parameter[2]),
                  p = w$p.value, effect = "")
  kw <- kruskal.test(y ~ g)
  out[[3]] <- row(test = "kruskal", n = N, statistic = unname(kw$statistic),
                  df1 = unname(kw$parameter), p = kw$p.value,
                  effect = "epsilon2",
                  effect_size = unname(kw$statistic) / (N - 1))
  lv <- leveneTest(y ~ g, center = median)
  out[[4]] <- row(test = "levene", n = N, statistic = lv[1, "F value"],
                  df1 = lv[1, "Df"], df2 = lv[2, "Df"], p = lv[1, "Pr(>F)"],
                  effect = "")
  m <- tapply(y, g, mean); v <- tapply(y, g, var); ng <- tapply(y, g, length)
  mse <- ssw / (N - k)
  tk <- TukeyHSD(aov(y ~ g), conf.level = conf)$g
  qc <- qtk(conf, k, N - k)
  r <- rank(y)
  ties <- table(y); ties <- sum(ties^3 - ties)
  rbar <- tapply(r, g, mean)
  dunn <- list()
  for (i in 1:(k - 1)) for (j in (i + 1):k) {
    a1 <- lev[i]; a2 <- lev[j]
    d <- unname(m[a2] - m[a1]); nn <- unname(ng[a1] + ng[a2])
    # Tukey-Kramer: the difference from TukeyHSD, p and CI from above
    d_t <- tk[paste0(a2, "-", a1), "diff"]
    se <- sqrt(mse / 2 * (1 / ng[a1] + 1 / ng[a2]))
    q <- abs(d_t) / se
    out[[length(out) + 1]] <- row(test = "tukey", group1 = a1, group2 = a2,
      n = nn, diff = d_t, statistic = unname(q), df1 = N - k,
      p = ptk(q, k, N - k), ci_low = unname(d_t - qc * se),
      ci_high = unname(d_t + qc * se), effect = "")
    # Games-Howell
    s2 <- unname(v[a1] / ng[a1] + v[a2] / ng[a2])
    wdf <- s2^2 / ((v[a1] / ng[a1])^2 / (ng[a1] - 1) +
                   (v[a2] / ng[a2])^2 / (ng[a2] - 1))
    wdf <- unname(wdf)
    tt <- d / sqrt(s2)
    qg <- qtk(conf, k, wdf)
    out[[length(out) + 1]] <- row(test = "games_howell", group1 = a1,
      group2 = a2, n = nn, diff = d, statistic = tt, df1 = wdf,
      p = ptk(abs(tt) * sqrt(2), k, wdf),
      ci_low = d - qg / sqrt(2) * sqrt(s2), ci_high = d + qg / sqrt(2) * sqrt(s2),
      effect = "")
    # Dunn with the tie correction
    z <- unname((rbar[a2] - rbar[a1]) /
      sqrt((N * (N + 1) / 12 - ties / (12 * (N - 1))) *
           (1 / ng[a1] + 1 / ng[a2])))
    out[[length(out) + 1]] <- row(test = "dunn", group1 = a1, group2 = a2,
      n = nn, diff = d, statistic = z, p = 2 * pnorm(-abs(z)), effect = "")
  }
  res <- do.call(rbind, out)
  res$p_adj <- ifelse(res$test %in% c("tukey", "games_howell"), res$p, NA)
  isd <- res$test == "dunn"
  res$p_adj[isd] <- p.adjust(res$p[isd], "holm")
  if (two) {
    x1 <- y[g == lev[1]]; x2 <- y[g == lev[2]]
    t <- t.test(x2, x1, conf.level = conf)
    mm <- length(x1) + length(x2) - 2
    sp <- sqrt(((length(x1) - 1) * var(x1) + (length(x2) - 1) * var(x2)) / mm)
    J <- exp(lgamma(mm / 2) - lgamma((mm - 1) / 2)) / sqrt(mm / 2)
    d <- mean(x2) - mean(x1)
    mw <- wilcox.test(x1, x2, exact = FALSE, correct = TRUE)
    W <- unname(mw$statistic)
    res <- rbind(res,
      row(test = "welch_t", group1 = lev[1], group2 = lev[2],
          n = length(y), diff = d, statistic = unname(t$statistic),
          df1 = unname(t$parameter), p = t$p.value,
          ci_low = t$conf.int[1], ci_high = t$conf.int[2],
          effect = "hedges_g", effect_size = d / sp * J),
      row(test = "mann_whitney", group1 = lev[1], group2 = lev[2],
          n = length(y), diff = d, statistic = W, p = mw$p.value,
          effect = "rank_biserial",
          effect_size = 1 - 2 * W / (length(x1) * length(x2))))
  }
  res
}

run <- function(df, block = "G", items = FALSE, conf = 0.95) {
  df <- df[df$sucursal != "", ]
  S <- scores(df, block, items)
  two <- length(unique(df$sucursal)) == 2
  out <- list()
  for (nm in names(S)) {
    r <- compare_score(S[[nm]], df$sucursal, conf, two)
    r$block <- block
    if (nm %in% names(dims)) { r$scope <- "dimension"; r$dimension <- nm }
    else if (startsWith(nm, "item")) {
      it <- as.integer(sub("item", "", nm))
      r$scope <- "item"; r$item <- it
      r$dimension <- names(dims)[sapply(dims, function(d) it %in% d)]
    } else r$scope <- nm
    out[[nm]] <- r
  }
  res <- do.call(rbind, out)
  fam <- !(res$test %in% c("tukey", "games_howell", "dunn"))
  for (t in unique(res$test[fam])) for (it in c(FALSE, TRUE)) {
    sel <- res$test == t & (res$scope == "item") == it
    res$p_adj[sel] <- p.adjust(res$p[sel], "holm")
  }
  res[cols]
}

write_tsv <- function(res, path)
  write.table(res, path, sep = "\t", quote = FALSE, row.names = FALSE,
              na = "NaN", fileEncoding = "UTF-8")

# 1. four branches, one of n = 4, accented names, blanks, missing cells;
#    REL better at Córdoba, EMP worse at Ñuñoa, the rest alike.
main <- gen(c("Bogotá" = 61, "Córdoba" = 47, "Zaragoza" = 4, "Ñuñoa" = 73),
            list("Córdoba" = list(REL = 1), "Ñuñoa" = list(EMP = -1)),
            nblank = 6)
write_csv(main, "branches.csv")
write_tsv(run(main), "branches.tsv")
# 2. two waves: the second better on RES only; items on block G and P
w <- gen(c("ola1" = 90, "ola2" = 70), list("ola2" = list(RES = 1)),
         nblank = 0)
write_csv(w, "waves.csv")
write_tsv(run(w, items = TRUE), "waves_items.tsv")
write_tsv(run(w, block = "P", conf = 0.9), "waves_p90.tsv")
# the same waves as two files
write_csv(w[w$sucursal == "ola1", ], "ola1.csv")
write_csv(w[w$sucursal == "ola2", ], "ola2.csv")

# 3. a panel: the same 80 respondents twice, the second wave better on
#    ASS; 5 only in wave 1, 3 only in wave 2.
p1 <- gen(c("a" = 85), list(), nblank = 0, id = TRUE)
p2 <- p1
p2$P14 <- pmin(7, p2$P14 + sample(0:1, nrow(p2), TRUE))
p2$P15 <- pmin(7, p2$P15 + sample(0:1, nrow(p2), TRUE))
ch <- matrix(runif(nrow(p2) * 44) < 0.15, nrow(p2))
cells <- c(paste0("E", 1:22), paste0("P", 1:22))
for (j in seq_along(cells)) {
  x <- p2[[cells[j]]]
  x[ch[, j]] <- pmin(7, pmax(1, x[ch[, j]] + sample(c(-1, 1), sum(ch[, j]), TRUE)))
  p2[[cells[j]]] <- x
}
p2 <- p2[-(1:5), ]
extra <- gen(c("a" = 3), list(), nblank = 0, id = TRUE)
extra$id <- c("x1", "x2", "x3")
p2 <- rbind(p2, extra)
p2 <- p2[sample(nrow(p2)), ]
write_csv(p1, "panel1.csv")
write_csv(p2, "panel2.csv")
# panel.tsv: see panel.R
cat(sprintf("R's ptukey vs accurate: max abs %.3g; R's qtukey: max rel %.3g\n",
            dev$p, dev$q))
