# Oracle for sq-drivers (DESIGN.md "sq-drivers"): generates synthetic
# exports with known, unequal true drivers of the overall rating, and
# computes every figure of sq-drivers' long table independently with
# base R (lm, t.test, cor), car::vif, and LMG by all subsets (checked
# here against the average over all 120 orderings).
#
#   cd tests/oracle/drivers && Rscript drivers.R
#
# Rewrites every .csv and .tsv in this directory.
suppressMessages(library(car))

dims <- c("TAN", "REL", "RES", "ASS", "EMP")
items <- list(TAN = 1:4, REL = 5:9, RES = 10:13, ASS = 14:17, EMP = 18:22)
dim_of <- rep(seq_along(dims), sapply(items, length))
smin <- 1
smax <- 7

# ---- data ----
# True drivers of overall (on the latent perception factors): REL
# strongest, then EMP, RES, ASS, TAN. True performance: REL lowest.
# Stated weights favour TAN, then ASS, then REL last: a different order.
gen <- function(n, seed, weights = TRUE, zero_w = 0.04, miss = 0.04) {
	set.seed(seed)
	rho <- 0.35
	g <- rnorm(n)
	fp <- sapply(1:5, function(d) sqrt(rho) * g + sqrt(1 - rho) * rnorm(n))
	fe <- sapply(1:5, function(d) rnorm(n))
	mu_p <- c(5.5, 4.1, 4.9, 5.3, 5.0)
	mu_e <- c(5.9, 6.3, 6.0, 6.1, 6.0)
	clamp <- function(x, lo, hi) pmin(hi, pmax(lo, round(x)))
	P <- sapply(1:22, function(i) clamp(mu_p[dim_of[i]] +
	    0.9 * fp[, dim_of[i]] + 0.8 * rnorm(n), 1, 7))
	E <- sapply(1:22, function(i) clamp(mu_e[dim_of[i]] +
	    0.6 * fe[, dim_of[i]] + 0.7 * rnorm(n), 1, 7))
	beta <- c(0.15, 0.9, 0.35, 0.25, 0.55)
	overall <- clamp(6 + fp %*% beta + 0.9 * rnorm(n), 1, 10)
	recommend <- clamp(5 + fp %*% rev(beta) + 1.2 * rnorm(n), 0, 10)
	P[matrix(runif(n * 22) < miss, n)] <- NA
	E[matrix(runif(n * 22) < miss, n)] <- NA
	overall[runif(n) < 0.03] <- NA
	out <- data.frame(id = 1:n,
	    sucursal = sample(c("Centro", "Norte", "Sur"), n, TRUE))
	for (i in 1:22) out[[paste0("E", i)]] <- E[, i]
	for (i in 1:22) out[[paste0("P", i)]] <- P[, i]
	if (weights) {
		a <- c(6, 3, 4, 5, 4)
		W <- t(replicate(n, { x <- rgamma(5, a); round(100 * x / sum(x)) }))
		W[runif(n) < zero_w, ] <- 0
		W[matrix(runif(n * 5) < 0.02, n)] <- NA
		for (d in 1:5) out[[paste0("W_", dims[d])]] <- W[, d]
	}
	out$overall <- as.vector(overall)
	out$recommend <- as.vector(recommend)
	out
}

write_export <- function(df, file)
	write.csv(df, file, row.names = FALSE, na = "", quote = FALSE)

# ---- scores (DESIGN "Scores") ----
scores <- function(df, block) {
	sapply(seq_along(items), function(d) {
		it <- items[[d]]
		X <- if (block == "P") as.matrix(df[paste0("P", it)]) else
		    as.matrix(df[paste0("P", it)]) - as.matrix(df[paste0("E", it)])
		k <- length(it)
		cnt <- rowSums(!is.na(X))
		s <- rowSums(X, na.rm = TRUE) / cnt
		s[cnt < ceiling(k / 2)] <- NA
		s
	})
}

# ---- LMG ----
r2_of <- function(y, X, S) {
	if (length(S) == 0) return(0)
	summary(lm(y ~ X[, S, drop = FALSE]))$r.squared
}
lmg_subsets <- function(y, X) {
	p <- ncol(X)
	r2 <- list()
	key <- function(S) paste0("s", paste(sort(S), collapse = ","))
	for (m in 0:(2^p - 1)) {
		S <- which(bitwAnd(m, 2^(0:(p - 1))) > 0)
		r2[[key(S)]] <- r2_of(y, X, S)
	}
	sapply(1:p, function(j) {
		others <- setdiff(1:p, j)
		tot <- 0
		for (m in 0:(2^(p - 1) - 1)) {
			S <- others[bitwAnd(m, 2^(0:(p - 2))) > 0]
			s <- length(S)
			w <- factorial(s) * factorial(p - s - 1) / factorial(p)
			tot <- tot + w * (r2[[key(c(S, j))]] - r2[[key(S)]])
		}
		tot
	})
}
perms <- function(v) {
	if (length(v) <= 1) return(list(v))
	out <- list()
	for (i in seq_along(v))
		for (q in perms(v[-i])) out[[length(out) + 1]] <- c(v[i], q)
	out
}
lmg_orderings <- function(y, X) {
	p <- ncol(X)
	P <- perms(1:p)
	acc <- numeric(p)
	for (o in P) {
		prev <- 0
		for (k in 1:p) {
			cur <- r2_of(y, X, o[1:k])
			acc[o[k]] <- acc[o[k]] + cur - prev
			prev <- cur
		}
	}
	acc / length(P)
}

# ---- the table ----
rows <- NULL
add <- function(section, segment, model, term, key, value) {
	v <- if (is.character(value)) value else
	    if (is.na(value)) "NaN" else sprintf("%.17g", value)
	rows <<- rbind(rows, c(section, segment, model, term, key, v))
}

fit_model <- function(y, S, name) {
	ok <- complete.cases(S) & !is.na(y)
	X <- S[ok, ]
	colnames(X) <- dims
	yy <- y[ok]
	d <- data.frame(X, y = yy)
	fit <- lm(reformulate(dims, "y"), data = d)
	sm <- summary(fit)
	f <- sm$fstatistic
	add("model", "all", name, "", "n", sum(ok))
	add("model", "all", name, "", "r2", sm$r.squared)
	add("model", "all", name, "", "adj_r2", sm$adj.r.squared)
	add("model", "all", name, "", "f", unname(f[1]))
	add("model", "all", name, "", "df1", unname(f[2]))
	add("model", "all", name, "", "df2", unname(f[3]))
	add("model", "all", name, "", "p",
	    pf(f[1], f[2], f[3], lower.tail = FALSE))
	cf <- sm$coefficients
	v <- vif(fit)
	terms <- c("intercept", dims)
	for (i in 1:(length(dims) + 1)) {
		add("coefficient", "all", name, terms[i], "estimate", cf[i, 1])
		add("coefficient", "all", name, terms[i], "se", cf[i, 2])
		add("coefficient", "all", name, terms[i], "t", cf[i, 3])
		add("coefficient", "all", name, terms[i], "p", cf[i, 4])
		add("coefficient", "all", name, terms[i], "beta", if (i == 1) NA
		    else cf[i, 1] * sd(X[, i - 1]) / sd(yy))
		add("coefficient", "all", name, terms[i], "vif", if (i == 1) NA
		    else unname(v[i - 1]))
	}
	l <- lmg_subsets(yy, X)
	lo <- lmg_orderings(yy, X)
	stopifnot(max(abs(l - lo)) < 1e-12, abs(sum(l) - sm$r.squared) < 1e-12)
	for (j in seq_along(dims)) {
		add("lmg", "all", name, dims[j], "lmg", l[j])
		add("lmg", "all", name, dims[j], "share", 100 * l[j] / sm$r.squared)
	}
	100 * l / sm$r.squared
}

# one table: df the export, outcome column, IPA source and rule, targets
# (a data frame dimension, block, target), by = segments too
oracle <- function(df, outcome = "overall", source = NA, rule = "mean",
    targets = NULL, by = FALSE, conf = 0.95) {
	rows <<- NULL
	y <- df[[outcome]]
	G <- scores(df, "G")
	P <- scores(df, "P")
	add("summary", "all", "", "", "n", nrow(df))
	add("summary", "all", "", "", "outcome", outcome)
	add("summary", "all", "", "", "scale_min", smin)
	add("summary", "all", "", "", "scale_max", smax)
	add("summary", "all", "", "", "conf", conf)
	fit_model(y, G, "servqual")
	derived <- fit_model(y, P, "servperf")
	p <- length(dims)
	stated <- rep(NA, p)
	nst <- 0
	if (all(paste0("W_", dims) %in% names(df))) {
		W <- as.matrix(df[paste0("W_", dims)])
		ok <- complete.cases(W) & rowSums(W) > 0
		nst <- sum(ok)
		if (nst > 0)
			stated <- colMeans(100 * W[ok, ] / rowSums(W[ok, ]))
	}
	rs <- if (nst > 0) rank(-stated) else rep(NA, p)
	rd <- rank(-derived)
	for (d in 1:p) {
		add("importance", "all", "", dims[d], "stated", stated[d])
		add("importance", "all", "", dims[d], "derived", derived[d])
		add("importance", "all", "", dims[d], "rank_stated", rs[d])
		add("importance", "all", "", dims[d], "rank_derived", rd[d])
	}
	add("importance", "all", "", "", "stated_n", nst)
	add("importance", "all", "", "", "spearman", if (nst > 0)
	    cor(stated, derived, method = "spearman") else NA)
	if (is.na(source)) source <- if (nst > 0) "stated" else "derived"
	imp <- if (source == "stated") stated else derived
	perf <- colMeans(P, na.rm = TRUE)
	ic <- switch(rule, mean = mean(imp), median = median(imp),
	    scale = 100 / p)
	pc <- switch(rule, mean = mean(perf), median = median(perf),
	    scale = (smin + smax) / 2)
	add("ipa", "all", "", "", "rule", rule)
	add("ipa", "all", "", "", "importance_source", source)
	add("ipa", "all", "", "", "importance_cross", ic)
	add("ipa", "all", "", "", "performance_cross", pc)
	for (d in 1:p) {
		x <- P[!is.na(P[, d]), d]
		ci <- t.test(x, conf.level = conf)$conf.int
		q <- if (imp[d] >= ic) { if (perf[d] < pc) "concentrate" else
		    "keep_up" } else { if (perf[d] < pc) "low_priority" else
		    "overkill" }
		add("ipa", "all", "", dims[d], "importance", imp[d])
		add("ipa", "all", "", dims[d], "performance", perf[d])
		add("ipa", "all", "", dims[d], "quadrant", q)
		add("ipa", "all", "", dims[d], "n", length(x))
		add("ipa", "all", "", dims[d], "ci_low", ci[1])
		add("ipa", "all", "", dims[d], "ci_high", ci[2])
	}
	if (!is.null(targets)) {
		segs <- list(all = rep(TRUE, nrow(df)))
		if (by) for (s in unique(df$sucursal))
			segs[[s]] <- df$sucursal == s
		for (s in names(segs)) for (i in seq_len(nrow(targets))) {
			d <- match(targets$dimension[i], dims)
			b <- targets$block[i]
			S <- if (b == "G") G else P
			x <- S[segs[[s]] & !is.na(S[, d]), d]
			mu <- targets$target[i]
			tt <- t.test(x, mu = mu, conf.level = conf)
			tl <- t.test(x, mu = mu, alternative = "less")
			ci <- tt$conf.int
			v <- if (ci[1] >= mu) "met" else if (ci[2] < mu) "missed" else
			    "inconclusive"
			for (kv in list(list("target", mu), list("n", length(x)),
			    list("mean", mean(x)), list("ci_low", ci[1]),
			    list("ci_high", ci[2]), list("t", unname(tt$statistic)),
			    list("p", tl$p.value), list("verdict", v)))
				add("target", s, b, dims[d], kv[[1]], kv[[2]])
		}
	}
	out <- as.data.frame(rows, stringsAsFactors = FALSE)
	names(out) <- c("section", "segment", "model", "term", "key", "value")
	out
}

save <- function(t, file)
	write.table(t, file, sep = "\t", quote = FALSE, row.names = FALSE)

main <- gen(700, 20261201)
write_export(main, "main.csv")
noweights <- gen(400, 4711, weights = FALSE)
write_export(noweights, "noweights.csv")
targets <- data.frame(dimension = c("REL", "TAN", "ASS", "REL"),
    block = c("P", "P", "P", "G"), target = c(5, 5.2, 5.3, -1.5),
    stringsAsFactors = FALSE)
write.csv(targets, "targets.csv", row.names = FALSE, quote = FALSE)

save(oracle(main), "main.tsv")
save(oracle(main, source = "derived"), "main_derived.tsv")
save(oracle(main, rule = "median"), "main_median.tsv")
save(oracle(main, source = "derived", rule = "scale"), "main_scale.tsv")
save(oracle(main, targets = targets), "main_targets.tsv")
save(oracle(main, targets = targets, by = TRUE, conf = 0.9),
    "main_targets_by.tsv")
save(oracle(main, outcome = "recommend"), "main_recommend.tsv")
save(oracle(noweights), "noweights.tsv")
# few respondents: coefficient p-values of every size, not only tiny ones
small <- gen(120, 31337)
write_export(small, "small.csv")
save(oracle(small, targets = targets, by = TRUE), "small.tsv")

# another instrument (codebook cb3.csv): 3 dimensions of 2, 3 and 2 items
# on a 1..5 scale, so nothing depends on five dimensions or seven points
dims <- c("A", "B", "C")
items <- list(A = 1:2, B = 3:5, C = 6:7)
dim_of <- rep(seq_along(dims), sapply(items, length))
smin <- 1
smax <- 5
set.seed(8675309)
n <- 250
f <- matrix(rnorm(n * 3), n) + rnorm(n)
cl <- function(x) pmin(5, pmax(1, round(x)))
P3 <- sapply(1:7, function(i) cl(3.4 + 0.8 * f[, dim_of[i]] + 0.7 * rnorm(n)))
E3 <- sapply(1:7, function(i) cl(4.2 + 0.6 * rnorm(n)))
P3[matrix(runif(n * 7) < 0.05, n)] <- NA
cb <- data.frame(id = 1:n, sucursal = sample(c("X", "Y"), n, TRUE))
for (i in 1:7) cb[[paste0("E", i)]] <- E3[, i]
for (i in 1:7) cb[[paste0("P", i)]] <- P3[, i]
W3 <- t(replicate(n, sample(0:10, 3, TRUE)))
cb$W_A <- W3[, 1]; cb$W_B <- W3[, 2]; cb$W_C <- W3[, 3]
cb$overall <- round(2 + f %*% c(0.2, 0.7, 0.4) + rnorm(n), 2)
write_export(cb, "cb3.csv")
writeLines(c("kind,a,b,c", "scale,1,5", "dimension,A,Alpha,Alfa",
    "dimension,B,Beta,Beta", "dimension,C,Gamma,Gamma",
    "item,1,A", "item,2,A", "item,3,B", "item,4,B", "item,5,B",
    "item,6,C", "item,7,C"), "cb3_codebook.csv")
t3 <- data.frame(dimension = c("B", "C"), block = c("P", "G"),
    target = c(3.5, -0.5), stringsAsFactors = FALSE)
save(oracle(cb3 <- cb, rule = "scale", targets = t3, by = TRUE), "cb3.tsv")
