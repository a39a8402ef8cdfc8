# Independent verifier's oracle (helper HV): data in shapes the tools'
# authors did not generate, seeds 777 (drivers/cfa export), 4242 (SERVPERF),
# 9001 (three-column 1..9). Writes the inputs and key/value expectations
# split by tolerance class (<name>_<tol>.tsv: columns key, value).
# Run from this directory: Rscript verify.R
suppressPackageStartupMessages({ library(car); library(lavaan) })
wr <- function(df, f) write.csv(df, f, row.names = FALSE, quote = FALSE, na = "")
kv <- new.env()
put <- function(file, tol, key, value) {
  nm <- paste0(file, "_", tol)
  kv[[nm]] <- rbind(kv[[nm]], data.frame(key = key, value = value))
}
fmt <- function(v) ifelse(is.na(v), "NaN", sprintf("%.17g", v))
flush_kv <- function() for (nm in ls(kv)) {
  d <- kv[[nm]]; d$value <- if (is.numeric(d$value)) fmt(d$value) else d$value
  write.table(d, paste0(nm, ".tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
}
num <- function(file, tol, key, v) put(file, tol, key, fmt(v))

## ---- A: 3 dimensions x 4 items, 1..5, item 7 reverse-keyed, 12 % missing
set.seed(777)
n <- 420; k <- 12; dims <- rep(c("X", "Y", "Z"), each = 4)
R <- matrix(c(1, .45, .3, .45, 1, .5, .3, .5, 1), 3)
f <- matrix(rnorm(n * 3), n) %*% chol(R)
lam <- c(.8, .7, .6, .75, .9, .5, .7, .65, .6, .8, .7, .55)
fi <- match(dims, c("X", "Y", "Z"))
lat <- sapply(1:k, function(i) lam[i] * f[, fi[i]] + rnorm(n, sd = sqrt(1 - lam[i]^2)))
cut5 <- function(x, shift) pmin(5, pmax(1, round(3 + shift + 1.1 * x)))
P <- sapply(1:k, function(i) cut5(lat[, i], -0.3 + 0.05 * i))
E <- sapply(1:k, function(i) cut5(0.4 * lat[, i] + rnorm(n, sd = .8), 0.9))
P[, 7] <- 6 - P[, 7]; E[, 7] <- 6 - E[, 7]   # stored reversed
P[matrix(runif(n * k) < .12, n)] <- NA
E[matrix(runif(n * k) < .12, n)] <- NA
W <- matrix(sample(0:60, n * 3, TRUE), n)
W[sample(n, 25), ] <- 0                       # all-zero weight rows
W[matrix(runif(n * 3) < .04, n)] <- NA
# overall 1..10 driven by Z most, X least; stated weights favour X
overall <- pmin(10, pmax(1, round(5.5 + 0.3 * f[, 1] + 0.8 * f[, 2] + 1.4 * f[, 3] + rnorm(n))))
overall[sample(n, 15)] <- NA
A <- data.frame(id = 1:n, E, P, W, overall)
names(A) <- c("id", paste0("E", 1:k), paste0("P", 1:k), "W_X", "W_Y", "W_Z", "overall")
wr(A, "a.csv")
writeLines(c("kind,a,b,c", "scale,1,5", "dimension,X,Ex", "dimension,Y,Why",
  "dimension,Z,Zed", paste0("item,", 1:k, ",", dims), "reverse,7"), "a_codebook.csv")

Pr <- P; Er <- E; Pr[, 7] <- 6 - Pr[, 7]; Er[, 7] <- 6 - Er[, 7]
score <- function(M) sapply(c("X", "Y", "Z"), function(d) {
  S <- M[, dims == d, drop = FALSE]; c <- rowSums(!is.na(S))
  ifelse(c >= 2, rowSums(S, na.rm = TRUE) / c, NA) })
sP <- score(Pr); G <- Pr - Er; sG <- score(G)
num("a", "1e9", "summary.n", n)
lmg <- function(y, X) {
  d <- ncol(X); r2 <- function(s) if (!length(s)) 0 else summary(lm(y ~ X[, s, drop = FALSE]))$r.squared
  sub <- list(); for (m in 0:(2^d - 1)) { s <- which(bitwAnd(m, 2^(0:(d - 1))) > 0); sub[[m + 1]] <- r2(s) }
  sapply(1:d, function(j) { t <- 0
    for (m in 0:(2^d - 1)) if (!bitwAnd(m, 2^(j - 1))) { s <- sum(bitwAnd(m, 2^(0:(d - 1))) > 0)
      t <- t + factorial(s) * factorial(d - s - 1) / factorial(d) * (sub[[m + 2^(j - 1) + 1]] - sub[[m + 1]]) }
    t }) }
models <- list(servqual = sG, servperf = sP); shares <- list()
for (mn in names(models)) {
  X <- models[[mn]]; ok <- complete.cases(X, overall); y <- overall[ok]; Xo <- X[ok, ]
  m <- lm(y ~ ., data.frame(y = y, Xo)); s <- summary(m); fs <- s$fstatistic; key <- paste0("model.", mn, ".")
  num("a", "1e9", paste0(key, c("n", "r2", "adj_r2", "f", "df1", "df2")),
      c(sum(ok), s$r.squared, s$adj.r.squared, fs))
  num("a", "1e6", paste0(key, "p"), pf(fs[1], fs[2], fs[3], lower.tail = FALSE))
  cf <- s$coefficients; terms <- c("intercept", "X", "Y", "Z")
  beta <- c(NA, coef(m)[-1] * apply(Xo, 2, sd) / sd(y)); vif <- c(NA, car::vif(m))
  for (i in 1:4) { kk <- paste0("coefficient.", mn, ".", terms[i], ".")
    num("a", "1e9", paste0(kk, c("estimate", "se", "t")), cf[i, 1:3])
    num("a", "1e6", paste0(kk, "p"), cf[i, 4])
    if (i > 1) num("a", "1e9", paste0(kk, c("beta", "vif")), c(beta[i], vif[i])) }
  L <- lmg(y, Xo); sh <- 100 * L / s$r.squared; shares[[mn]] <- sh
  for (j in 1:3) num("a", "1e9", paste0("lmg.", mn, ".", terms[j + 1], ".", c("lmg", "share")), c(L[j], sh[j]))
}
wok <- complete.cases(W) & rowSums(W) > 0
st <- colMeans(100 * W[wok, ] / rowSums(W[wok, ]))
for (j in 1:3) num("a", "1e9", paste0("importance.", c("X", "Y", "Z")[j], ".", c("stated", "derived")),
                   c(st[j], shares$servperf[j]))
num("a", "1e9", "importance.spearman", cor(st, shares$servperf, method = "spearman"))
# targets: P:Y=3.2, G:Z=-0.3 (t.test one-sided, P(T <= t))
tt <- function(x, mu, tag) { x <- x[!is.na(x)]; r <- t.test(x, mu = mu, alternative = "less")
  ci <- t.test(x, mu = mu)$conf.int
  num("a", "1e9", paste0("target.", tag, ".", c("n", "mean", "ci_low", "ci_high", "t")),
      c(length(x), mean(x), ci, r$statistic))
  num("a", "1e6", paste0("target.", tag, ".p"), r$p.value)
  put("a", "str", paste0("target.", tag, ".verdict"),
      if (ci[1] >= mu) "met" else if (ci[2] < mu) "missed" else "inconclusive") }
tt(sP[, "Y"], 3.2, "P.Y"); tt(sG[, "Z"], -0.3, "G.Z"); tt(sP[, "X"], 2.0, "P.X")
# IPA on stated importance, mean crosshair
perf <- colMeans(sP, na.rm = TRUE); ic <- mean(st); pc <- mean(perf)
quad <- ifelse(st >= ic, ifelse(perf < pc, "concentrate", "keep_up"), ifelse(perf < pc, "low_priority", "overkill"))
for (j in 1:3) { num("a", "1e9", paste0("ipa.", c("X", "Y", "Z")[j], ".", c("importance", "performance")), c(st[j], perf[j]))
  put("a", "str", paste0("ipa.", c("X", "Y", "Z")[j], ".quadrant"), quad[j]) }
num("a", "1e9", c("ipa.importance_cross", "ipa.performance_cross"), c(ic, pc))

## ---- CFA on A, block P (listwise), and block G
cfa_out <- function(D, file, rtol = "1e6") {
  D <- as.data.frame(D[complete.cases(D), ]); names(D) <- paste0("i", 1:k)
  mod <- paste(sapply(c("X", "Y", "Z"), function(d) paste(d, "=~", paste(names(D)[dims == d], collapse = " + "))), collapse = "\n")
  # lavaan's defaults (a tighter nlminb rel.tol fails to converge); on
  # block G it stops where chisq is 7e-10 above sq-cfa's (non-PD phi)
  fit <- cfa(mod, D, std.lv = FALSE, estimator = "ML", likelihood = "normal")
  stopifnot(lavInspect(fit, "converged"))
  fm <- fitMeasures(fit)
  num(file, "1e9", "fit.n", nrow(D))
  num(file, "1e5", paste0("fit.", c("chisq", "cfi", "tli", "rmsea", "rmsea_ci_low", "rmsea_ci_high", "srmr", "loglik", "aic", "bic", "baseline_chisq")),
      fm[c("chisq", "cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "logl", "aic", "bic", "baseline.chisq")])
  num(file, "1e9", c("fit.df", "fit.baseline_df"), fm[c("df", "baseline.df")])
  pe <- parameterEstimates(fit); ss <- standardizedSolution(fit)
  ld <- pe[pe$op == "=~", ]; sl <- ss[ss$op == "=~", ]
  for (r in seq_len(nrow(ld))) { it <- sub("i", "", ld$rhs[r]); kk <- paste0("loading.", ld$lhs[r], ".", it, ".")
    num(file, "1e3", paste0(kk, c("estimate", "std")), c(ld$est[r], sl$est.std[r]))
    if (ld$se[r] > 0) num(file, "1e3", paste0(kk, c("se", "z")), c(ld$se[r], ld$z[r])) }
  fc <- ss[ss$op == "~~" & ss$lhs != ss$rhs & ss$lhs %in% c("X", "Y", "Z"), ]
  for (r in seq_len(nrow(fc))) num(file, "1e3", paste0("correlation.", fc$lhs[r], ".", fc$rhs[r]), fc$est.std[r])
  C <- cor(D)
  for (d in c("X", "Y", "Z")) { l <- sl$est.std[sl$lhs == d]
    num(file, rtol, paste0("reliability.", d, ".", c("cr", "ave")),
        c(sum(l)^2 / (sum(l)^2 + sum(1 - l^2)), mean(l^2))) }
  for (p in list(c("X", "Y"), c("X", "Z"), c("Y", "Z"))) {
    a <- which(dims == p[1]); b <- which(dims == p[2])
    het <- mean(abs(C[a, b])); ma <- mean(abs(C[a, a][upper.tri(C[a, a])])); mb <- mean(abs(C[b, b][upper.tri(C[b, b])]))
    num(file, "1e6", paste0("htmt.", p[1], ".", p[2]), het / sqrt(ma * mb)) }
}
cfa_out(Pr, "cfa_p"); cfa_out(Pr - Er, "cfa_g", "1e5")  # CR/AVE follow the loadings (lavaan ~1e-5 off)

## ---- B: SERVPERF export (P only, built-in 22 items, 1..7), seed 4242
set.seed(4242)
nb <- 300; fb <- matrix(rnorm(nb * 5), nb) %*% chol(0.4 + 0.6 * diag(5))
db <- rep(1:5, c(4, 5, 4, 4, 5))
PB <- sapply(1:22, function(i) pmin(7, pmax(1, round(4.6 + 1.2 * (0.7 * fb[, db[i]] + rnorm(nb, sd = .7))))))
PB[matrix(runif(nb * 22) < .05, nb)] <- NA
ovB <- pmin(10, pmax(1, round(6 + fb %*% c(.2, 1, .4, .1, .6) + rnorm(nb))))
B <- data.frame(PB, ovB); names(B) <- c(paste0("P", 1:22), "overall"); wr(B, "servperf.csv")
sB <- sapply(1:5, function(d) { S <- PB[, db == d, drop = FALSE]; c <- rowSums(!is.na(S))
  ifelse(c >= ceiling(ncol(S) / 2), rowSums(S, na.rm = TRUE) / c, NA) })
okB <- complete.cases(sB, ovB); mB <- lm(y ~ ., data.frame(y = ovB[okB], sB[okB, ])); sb <- summary(mB)
num("servperf", "1e9", paste0("model.servperf.", c("n", "r2", "adj_r2")), c(sum(okB), sb$r.squared, sb$adj.r.squared))
LB <- lmg(ovB[okB], sB[okB, ]); cds <- c("TAN", "REL", "RES", "ASS", "EMP")
for (j in 1:5) num("servperf", "1e9", paste0("lmg.servperf.", cds[j], ".", c("lmg", "share")), c(LB[j], 100 * LB[j] / sb$r.squared))
for (j in 1:5) num("servperf", "1e9", paste0("coefficient.servperf.", cds[j], ".vif"), car::vif(mB)[j])

## ---- C: three-column export on 1..9 with inverted zones, seed 9001
set.seed(9001)
nc <- 260; kc <- 6; dc <- rep(c("M", "N"), each = 3)
Ac <- matrix(sample(2:6, nc * kc, TRUE), nc)
Dc <- Ac + matrix(sample(-2:3, nc * kc, TRUE, prob = c(.06, .08, .2, .3, .26, .1)), nc); Dc[Dc > 9] <- 9; Dc[Dc < 1] <- 1
Pc <- matrix(sample(1:9, nc * kc, TRUE), nc)
for (M in c("Ac", "Dc", "Pc")) { x <- get(M); x[matrix(runif(nc * kc) < .07, nc)] <- NA; assign(M, x) }
Cz <- data.frame(grp = sample(c("u", "v"), nc, TRUE), Ac, Dc, Pc)
names(Cz) <- c("grp", paste0("A", 1:kc), paste0("D", 1:kc), paste0("P", 1:kc)); wr(Cz, "zone.csv")
writeLines(c("kind,a,b,c", "scale,1,9", "dimension,M,Em", "dimension,N,En",
  paste0("item,", 1:kc, ",", dc)), "zone_codebook.csv")
zrow <- function(a, d, p, scope, dim, item) {
  ok <- !is.na(a) & !is.na(d) & !is.na(p); a <- a[ok]; d <- d[ok]; p <- p[ok]
  ta <- t.test(p, a, paired = TRUE); td <- t.test(p, d, paired = TRUE)
  # compare as exact rationals: averaged scores carry rounding (1e-16)
  e <- 1e-9; v <- a <= d + e
  data.frame(scope = scope, segment = "all", dimension = dim, item = item, n = length(a),
    mean_a = mean(a), mean_d = mean(d), mean_p = mean(p), msa = mean(p - a), msa_sd = sd(p - a),
    msa_t = ta$statistic, msa_p = ta$p.value, mss = mean(p - d), mss_sd = sd(p - d), mss_t = td$statistic,
    mss_p = td$p.value, width = mean(d - a), below = mean(p[v] < a[v] - e), within = mean(p[v] >= a[v] - e & p[v] <= d[v] + e),
    above = mean(p[v] > d[v] + e), inverted = sum(!v)) }
rows <- do.call(rbind, lapply(1:kc, function(i) zrow(Ac[, i], Dc[, i], Pc[, i], "item", dc[i], i)))
q <- !is.na(Ac) & !is.na(Dc) & !is.na(Pc)
dsc <- function(M, d) { S <- ifelse(q, M, NA)[, dc == d]; c <- rowSums(!is.na(S)); ifelse(c >= 2, rowSums(S, na.rm = TRUE) / c, NA) }
for (d in c("M", "N")) rows <- rbind(rows, zrow(dsc(Ac, d), dsc(Dc, d), dsc(Pc, d), "dimension", d, ""))
ov <- function(M) rowMeans(sapply(c("M", "N"), function(d) dsc(M, d)))  # NA unless both defined
rows <- rbind(rows, zrow(ov(Ac), ov(Dc), ov(Pc), "overall", "", ""))
for (c in 6:ncol(rows)) rows[[c]] <- fmt(rows[[c]])
write.table(rows, "zone.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
flush_kv()
