# Independent oracle for the perceptions-only (SERVPERF) form: sq-gap's P
# rows, sq-alpha on block P (psych) and sq-factor's KMO on P (psych).
#
#   cd tests/oracle/zone && Rscript servperf.R
#
# Generates servperf.csv (P1..P22 on 1..7, missing cells, importance
# weights W_*, a segment column) from a fixed seed and writes:
#   servperf_gap.tsv    item, dimension, servqual (the SERVPERF score:
#                       mean of the five dimension P scores) and weighted
#                       rows: n, mean_p, sd, se, t-based 95% CI, df; every
#                       gap figure NaN; block P
#   servperf_alpha.tsv  psych::alpha per dimension and ALL on P, listwise,
#                       Feldt CI (psych::alpha.ci)
#   servperf_kmo.txt    psych::KMO on the listwise P correlations
suppressMessages(library(psych))

local({
	a <- grep("^--file=", commandArgs(FALSE), value = TRUE)
	if (length(a) == 1)
		setwd(dirname(normalizePath(sub("^--file=", "", a))))
})

dims <- list(TAN = 1:4, REL = 5:9, RES = 10:13, ASS = 14:17, EMP = 18:22)
dimof <- rep(names(dims), sapply(dims, length))
set.seed(77031)
N <- 350
f <- matrix(rnorm(N * 5), N) %*% chol(matrix(0.5, 5, 5) + diag(0.5, 5))
P <- sapply(1:22, function(i) {
	d <- match(dimof[i], names(dims))
	lam <- runif(1, 0.55, 0.85)
	pmin(pmax(round(4.6 + 1.2 * (lam * f[, d] + sqrt(1 - lam^2) *
	    rnorm(N))), 1), 7)
})
P[matrix(runif(N * 22) < 0.05, N)] <- NA
for (r in sample(N, 10)) P[r, 5:8] <- NA	# REL undefined for some
W <- t(sapply(1:N, function(r) { g <- rgamma(5, 3); round(100 * g / sum(g)) }))
W[sample(N, 15), ] <- NA
sucursal <- sample(c("Centro", "Norte"), N, replace = TRUE)
df <- data.frame(id = 1:N, sucursal = sucursal)
for (i in 1:22) df[[paste0("P", i)]] <- ifelse(is.na(P[, i]), "", P[, i])
for (j in 1:5) df[[paste0("W_", names(dims)[j])]] <-
	ifelse(is.na(W[, j]), "", W[, j])
write.csv(df, "servperf.csv", row.names = FALSE, quote = FALSE)

num <- function(v) ifelse(is.na(v) | is.nan(v), "NaN", sprintf("%.17g", v))
desc <- function(x) {
	x <- x[!is.na(x)]
	n <- length(x)
	if (n < 2) return(c(n, NaN, NaN, NaN, NaN, NaN, NaN))
	tt <- t.test(x)
	c(n, mean(x), sd(x), sd(x) / sqrt(n), tt$conf.int[1], tt$conf.int[2],
	    n - 1)
}
out <- list()
row <- function(scope, dim, item, v)
	out[[length(out) + 1]] <<- c(scope, "all", dim, item, num(v[1]), "NaN",
	    num(v[2]), "NaN", num(v[3:6]), "NaN", num(v[7]), "NaN", "NaN",
	    "NaN", "P")
for (i in 1:22) row("item", dimof[i], i, desc(P[, i]))
S <- sapply(names(dims), function(d) {
	X <- P[, dims[[d]], drop = FALSE]
	cnt <- rowSums(!is.na(X))
	s <- rowSums(X, na.rm = TRUE) / cnt
	s[cnt < ceiling(length(dims[[d]]) / 2)] <- NA
	s
})
for (d in names(dims)) row("dimension", d, "", desc(S[, d]))
row("servqual", "", "", desc(rowMeans(S)))
ok <- rowSums(is.na(W)) == 0 & rowSums(W) > 0
row("servqual_weighted", "", "", desc(ifelse(ok, rowSums(S * W) /
    rowSums(W), NA)))
con <- file("servperf_gap.tsv", "w")
writeLines(paste(c("scope", "segment", "dimension", "item", "n", "mean_e",
    "mean_p", "gap", "sd", "se", "ci_low", "ci_high", "t", "df", "p",
    "p_adj", "d", "block"), collapse = "\t"), con)
writeLines(sapply(out, paste, collapse = "\t"), con)
close(con)

al <- list()
for (d in c(names(dims), "ALL")) {
	idx <- if (d == "ALL") 1:22 else dims[[d]]
	X <- P[complete.cases(P[, idx]), idx, drop = FALSE]
	n <- nrow(X); k <- length(idx)
	a <- alpha(X, warnings = FALSE, check.keys = FALSE)
	ci <- alpha.ci(a$total$raw_alpha, n, k)
	al[[length(al) + 1]] <- c("scale", "P", d, "", n, k,
	    num(a$total$raw_alpha), num(a$total$std.alpha), num(ci$lower.ci),
	    num(ci$upper.ci), "NaN", "NaN")
	for (j in 1:k)
		al[[length(al) + 1]] <- c("item", "P", d, idx[j], n, k, "NaN",
		    "NaN", "NaN", "NaN", num(a$item.stats$r.drop[j]),
		    num(a$alpha.drop$raw_alpha[j]))
}
con <- file("servperf_alpha.tsv", "w")
writeLines(paste(c("scope", "block", "dimension", "item", "n", "k", "alpha",
    "alpha_std", "ci_low", "ci_high", "r_drop", "alpha_if_deleted"),
    collapse = "\t"), con)
writeLines(sapply(al, paste, collapse = "\t"), con)
close(con)

X <- P[complete.cases(P), ]
writeLines(c(sprintf("n\t%d", nrow(X)),
    sprintf("kmo\t%.17g", KMO(cor(X))$MSA)), "servperf_kmo.txt")
