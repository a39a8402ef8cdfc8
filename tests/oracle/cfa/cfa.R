# Oracle for sq-cfa: lavaan 0.6 (cfa() defaults: ML, marker or std.lv,
# listwise, S divided by N) on data generated here, written as the long
# table sq-cfa -f tsv prints (section key dimension item dimension2 value).
#
#   cd tests/oracle/cfa && Rscript cfa.R
#
# Datasets (7-point answers cut from a continuous factor model, some
# cells missing, so listwise deletion matters):
#   five     true 5-factor model of the 22-item SERVQUAL, n = 600
#   merged   REL and RES are one factor (items 5-13), n = 500
#   misfit   5 factors plus cross-loadings of 0.45 on six items, n = 800
#   three    five.csv's items 1-13 as three dimensions of a codebook, item
#            7 reverse-keyed
# The RMSEA interval is the exact one (uniroot to 1e-14 on R's noncentral
# pchisq); lavaan's own uniroot stops at ~1e-4 on lambda (kept in
# lavaan_rmsea_ci.tsv for reference). HTMT is computed here from the item
# correlations as semTools::htmt does (absolute values, arithmetic means).
suppressMessages(library(lavaan))
set.seed(20261201)

dims <- c(rep("TAN", 4), rep("REL", 5), rep("RES", 4), rep("ASS", 4),
    rep("EMP", 5))
codes <- c("TAN", "REL", "RES", "ASS", "EMP")
p <- length(dims)

phi_random <- function(k, lo, hi) {
	repeat {
		P <- diag(k)
		P[lower.tri(P)] <- runif(k * (k - 1) / 2, lo, hi)
		P[upper.tri(P)] <- t(P)[upper.tri(P)]
		if (min(eigen(P)$values) > 0.05) return(P)
	}
}

# answers 1..7 from standardized continuous scores
likert <- function(y) {
	cuts <- c(-Inf, -1.9, -1.2, -0.5, 0.2, 0.9, 1.6, Inf)
	matrix(as.integer(cut(y, cuts)),
	    nrow(y))
}

simulate <- function(n, L, Phi) {
	k <- ncol(Phi)
	F <- matrix(rnorm(n * k), n) %*% chol(Phi)
	common <- F %*% t(L)
	uniq <- sqrt(pmax(1 - rowSums((L %*% Phi) * L), 0.05))
	Y <- common + matrix(rnorm(n * p), n) %*% diag(uniq)
	Y <- sweep(Y, 2, runif(p, -0.6, 0.3), "+")
	likert(Y)
}

loadmat <- function(f, lo, hi) {
	L <- matrix(0, p, max(f))
	L[cbind(1:p, f)] <- runif(p, lo, hi)
	L
}

holes <- function(X, rate) {
	X[matrix(runif(length(X)) < rate, nrow(X))] <- NA
	X
}

write_export <- function(name, P, E) {
	colnames(P) <- paste0("P", 1:p)
	colnames(E) <- paste0("E", 1:p)
	d <- data.frame(id = seq_len(nrow(P)), E, P)
	write.csv(d, paste0(name, ".csv"), row.names = FALSE, na = "")
}

fdim <- match(dims, codes)

# five
L5 <- loadmat(fdim, 0.6, 0.85)
Pf <- holes(simulate(600, L5, phi_random(5, 0.35, 0.65)), 0.004)
Ef <- holes(simulate(600, loadmat(fdim, 0.5, 0.8),
    phi_random(5, 0.3, 0.6)), 0.004)
write_export("five", Pf, Ef)

# merged: REL and RES one factor
fm <- fdim
fm[fm >= 3] <- fm[fm >= 3] - 1
Pm <- holes(simulate(500, loadmat(fm, 0.6, 0.85), phi_random(4, 0.35, 0.6)),
    0.004)
Em <- simulate(500, loadmat(fdim, 0.5, 0.8), phi_random(5, 0.3, 0.6))
write_export("merged", Pm, Em)

# misfit: six items also load on another dimension
Lx <- loadmat(fdim, 0.55, 0.8)
cross <- cbind(c(2, 6, 11, 15, 19, 21), c(3, 4, 5, 1, 2, 3))
Lx[cross] <- 0.45
Pm2 <- holes(simulate(800, Lx, phi_random(5, 0.3, 0.5)), 0.004)
Em2 <- simulate(800, loadmat(fdim, 0.5, 0.8), phi_random(5, 0.3, 0.6))
write_export("misfit", Pm2, Em2)

model_syntax <- function(prefix) {
	paste(sapply(codes, function(d) paste0(d, " =~ ",
	    paste0(prefix, which(dims == d), collapse = " + "))),
	    collapse = "\n")
}

exact_ci <- function(X2, df, N) {
	f <- function(l, pr) pchisq(X2, df, ncp = l) - pr
	lo <- if (f(0, 0.95) < 0) 0 else
		uniroot(f, c(0, X2), pr = 0.95, tol = 1e-14)$root
	hi <- if (f(0, 0.05) < 0) 0 else {
		up <- max(N, 4 * X2)
		uniroot(f, c(0, up), pr = 0.05, tol = 1e-14)$root
	}
	c(sqrt(lo / (N * df)), sqrt(hi / (N * df)))
}

htmt <- function(R) {
	R <- abs(R)
	diag(R) <- NA
	k <- length(codes)
	H <- matrix(NA, k, k)
	w <- sapply(codes, function(d) mean(R[dims == d, dims == d],
	    na.rm = TRUE))
	for (a in 1:k) for (b in 1:k) if (a != b)
		H[a, b] <- mean(R[dims == codes[a], dims == codes[b]]) /
		    sqrt(w[a] * w[b])
	H
}

num <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))

lavci <- data.frame()

run <- function(name, block, std.lv = FALSE, tag = NULL) {
	d <- read.csv(paste0(name, ".csv"))
	X <- if (block == "G") d[paste0("P", 1:p)] - d[paste0("E", 1:p)] else
		d[paste0(block, 1:p)]
	names(X) <- paste0("x", 1:p)
	if (!is.null(reverse)) X[, reverse] <- 8 - X[, reverse]
	X <- X[complete.cases(X), ]
	fit <- cfa(model_syntax("x"), data = X, std.lv = std.lv)
	fm <- fitMeasures(fit)
	N <- nobs(fit)
	ci <- exact_ci(fm[["chisq"]], fm[["df"]], N)
	lavci <<- rbind(lavci, data.frame(case = paste(name, block,
	    if (std.lv) "std_lv" else "marker"),
	    lavaan_low = fm[["rmsea.ci.lower"]], exact_low = ci[1],
	    lavaan_high = fm[["rmsea.ci.upper"]], exact_high = ci[2]))
	pe <- parameterEstimates(fit, standardized = TRUE)
	out <- list()
	add <- function(section, key, dim = "", item = "", dim2 = "", v)
		out[[length(out) + 1]] <<- c(section, key, dim, item, dim2,
		    num(v))
	add("model", "npar", v = fm[["npar"]])
	add("fit", "converged", v = as.numeric(lavInspect(fit, "converged")))
	add("fit", "chisq", v = fm[["chisq"]])
	add("fit", "df", v = fm[["df"]])
	add("fit", "p", v = fm[["pvalue"]])
	add("fit", "baseline_chisq", v = fm[["baseline.chisq"]])
	add("fit", "baseline_df", v = fm[["baseline.df"]])
	add("fit", "baseline_p", v = fm[["baseline.pvalue"]])
	add("fit", "cfi", v = fm[["cfi"]])
	add("fit", "tli", v = fm[["tli"]])
	add("fit", "rmsea", v = fm[["rmsea"]])
	add("fit", "rmsea_ci_low", v = ci[1])
	add("fit", "rmsea_ci_high", v = ci[2])
	add("fit", "srmr", v = fm[["srmr"]])
	add("fit", "loglik", v = fm[["logl"]])
	add("fit", "loglik_h1", v = fm[["unrestricted.logl"]])
	add("fit", "aic", v = fm[["aic"]])
	add("fit", "bic", v = fm[["bic"]])
	ld <- pe[pe$op == "=~", ]
	ld$i <- as.integer(sub("x", "", ld$rhs))
	ld <- ld[order(ld$i), ]
	for (r in seq_len(nrow(ld))) {
		it <- ld$i[r]
		fixed <- ld$se[r] == 0
		add("loading", "estimate", ld$lhs[r], it, v = ld$est[r])
		add("loading", "se", ld$lhs[r], it, v = if (fixed) NA else ld$se[r])
		add("loading", "z", ld$lhs[r], it, v = ld$z[r])
		add("loading", "p", ld$lhs[r], it, v = ld$pvalue[r])
		add("loading", "std", ld$lhs[r], it, v = ld$std.all[r])
	}
	rv <- pe[pe$op == "~~" & pe$lhs == pe$rhs & grepl("^x", pe$lhs), ]
	rv$i <- as.integer(sub("x", "", rv$lhs))
	rv <- rv[order(rv$i), ]
	for (r in seq_len(nrow(rv))) {
		add("residual", "estimate", dims[rv$i[r]], rv$i[r], v = rv$est[r])
		add("residual", "se", dims[rv$i[r]], rv$i[r], v = rv$se[r])
		add("residual", "std", dims[rv$i[r]], rv$i[r], v = rv$std.all[r])
	}
	for (a in codes) {
		fv <- pe[pe$op == "~~" & pe$lhs == a & pe$rhs == a, ]
		add("factor", "variance", a, v = fv$est)
		add("factor", "variance_se", a, v = if (fv$se == 0) NA else fv$se)
	}
	k <- length(codes)
	for (a in 1:k) for (b in 1:k) if (a < b) {
		fc <- pe[pe$op == "~~" & pe$lhs == codes[a] & pe$rhs == codes[b], ]
		add("correlation", "covariance", codes[a], "", codes[b], v = fc$est)
		add("correlation", "se", codes[a], "", codes[b], v = fc$se)
		add("correlation", "std", codes[a], "", codes[b], v = fc$std.all)
	}
	std <- lavInspect(fit, "std")$lambda
	for (a in codes) {
		l <- std[rowSums(abs(std)) > 0 & dims[as.integer(sub("x", "",
		    rownames(std)))] == a, a]
		add("reliability", "cr", a, v = sum(l)^2 / (sum(l)^2 +
		    sum(1 - l^2)))
		add("reliability", "ave", a, v = mean(l^2))
	}
	H <- htmt(cor(X))
	for (a in 1:k) for (b in 1:k) if (a < b)
		add("htmt", "htmt", codes[a], "", codes[b], v = H[a, b])
	tab <- do.call(rbind, out)
	colnames(tab) <- c("section", "key", "dimension", "item",
	    "dimension2", "value")
	if (is.null(tag))
		tag <- paste0(name, "_", block, if (std.lv) "_stdlv" else "")
	write.table(tab, paste0(tag, ".tsv"), sep = "\t", quote = FALSE,
	    row.names = FALSE)
	cat(tag, ": chisq", fm[["chisq"]], "cfi", fm[["cfi"]], "rmsea",
	    fm[["rmsea"]], "\n")
}

reverse <- NULL
run("five", "P")
run("five", "P", std.lv = TRUE)
run("five", "E", std.lv = TRUE)
run("five", "G")
run("merged", "P")
run("misfit", "P")
# a codebook instrument (tests/data/cfa/three.cb.csv): items 1-13 of
# five.csv in three dimensions X, Y, Z, item 7 reverse-keyed
dims <- c(rep("X", 4), rep("Y", 5), rep("Z", 4))
codes <- c("X", "Y", "Z")
p <- length(dims)
reverse <- 7
run("five", "P", tag = "three_P")
write.table(lavci, "lavaan_rmsea_ci.tsv", sep = "\t", quote = FALSE,
    row.names = FALSE)
