# Oracle for sq-factor: synthetic SERVQUAL exports with a known factor
# structure, and what R's psych (2.2.9, GPArotation underneath) says of
# them. Run from the repository root:
#
#   Rscript tests/oracle/factor/factor.R
#
# Writes tests/data/factor/*.csv and tests/oracle/factor/expected/*.tsv.
# The seed was fixed before looking at any result and never changed.
suppressMessages({ library(psych); library(GPArotation) })
set.seed(5)

dims <- c(rep(1, 4), rep(2, 5), rep(3, 4), rep(4, 4), rep(5, 5))
dimcode <- c("TAN", "REL", "RES", "ASS", "EMP")[dims]
datadir <- "tests/data/factor"
outdir <- "tests/oracle/factor/expected"
dir.create(datadir, showWarnings = FALSE, recursive = TRUE)
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

# n respondents; fac maps the 22 items to latent factors; factors
# correlate 0.3; loadings drawn uniformly in [0.55, 0.85]; answers are
# the latent responses cut to a 7-point scale around `centre`.
latent <- function(n, fac, centre, spread) {
	nf <- max(fac)
	Phi <- matrix(0.3, nf, nf); diag(Phi) <- 1
	lam <- runif(22, 0.55, 0.85)
	F <- matrix(rnorm(n * nf), n) %*% chol(Phi)
	X <- F[, fac] * rep(lam, each = n) +
	    matrix(rnorm(n * 22), n) * rep(sqrt(1 - lam^2), each = n)
	pmin(pmax(round(centre + spread * X), 1), 7)
}

make <- function(n, fac, miss) {
	E <- latent(n, fac, 5.6, 1.1)
	P <- latent(n, fac, 4.6, 1.4)
	d <- cbind(E, P)
	if (miss > 0)
		d[matrix(runif(length(d)) < miss, n)] <- NA
	colnames(d) <- c(paste0("E", 1:22), paste0("P", 1:22))
	as.data.frame(d)
}

sets <- list(
	five = make(600, dims, 0),
	five_missing = make(800, dims, 0.02),
	merged = make(600, c(1, 1, 1, 1, rep(2, 9), 3, 3, 3, 3, rep(4, 5)), 0))
for (nm in names(sets))
	write.csv(sets[[nm]], file.path(datadir, paste0(nm, ".csv")),
	    row.names = FALSE, na = "")

block <- function(d, b) {
	E <- as.matrix(d[, paste0("E", 1:22)])
	P <- as.matrix(d[, paste0("P", 1:22)])
	switch(b, E = E, P = P, G = P - E)
}

num <- function(x) trimws(formatC(x, digits = 15, format = "g"))

# Rows in sq-factor's TSV layout: section key item dimension factor value.
row <- function(section, key, item = "", dimension = "", factor = "", value)
	data.frame(section = section, key = key, item = item,
	    dimension = dimension, factor = factor, value = value)

put <- function(rows, file) {
	rows$value <- num(rows$value)
	write.table(rows, file.path(outdir, file), sep = "\t", quote = FALSE,
	    row.names = FALSE)
}

# KMO, Bartlett and eigenvalues; n as sq-factor uses it (listwise: the
# complete cases; pairwise: the smallest pairwise count).
stats <- function(name, d, b, pairwise) {
	X <- block(d, b)
	if (pairwise) {
		R <- cor(X, use = "pairwise.complete.obs")
		n <- min(pairwiseCount(X))
	} else {
		X <- na.omit(X)
		R <- cor(X)
		n <- nrow(X)
	}
	k <- KMO(R)
	bt <- cortest.bartlett(R, n = n)
	ev <- eigen(R, symmetric = TRUE, only.values = TRUE)$values
	put(rbind(
	    row("kmo", "overall", value = k$MSA),
	    row("kmo", "item", 1:22, dimcode, "", k$MSAi),
	    row("bartlett", "chisq", value = bt$chisq),
	    row("bartlett", "df", value = bt$df),
	    row("bartlett", "p", value = bt$p.value),
	    row("eigen", "observed", "", "", 1:22, ev)),
	    paste0(name, ".stats.tsv"))
	list(R = R, n = n)
}

fit <- function(name, S, nf, fm, rot) {
	f <- suppressWarnings(fa(S$R, nfactors = nf, n.obs = S$n, fm = fm,
	    rotate = rot, max.iter = 1000, min.err = 1e-9))
	L <- unclass(f$loadings)
	rows <- rbind(
	    row("loading", "pattern", rep(1:22, nf), rep(dimcode, nf),
		rep(1:nf, each = 22), as.vector(L)),
	    row("item", "communality", 1:22, dimcode, "", f$communality))
	if (!is.null(f$Phi))
		rows <- rbind(rows, row("phi", paste0("F", rep(1:nf, nf)), "",
		    "", rep(1:nf, each = nf), as.vector(f$Phi)))
	if (fm == "pa")
		rows <- rbind(rows, row("fa", "iterations",
		    value = length(f$communality.iterations)))
	put(rows, paste0(name, ".", fm, ".", rot, ".tsv"))
}

S <- stats("five_E", sets$five, "E", FALSE)
for (fm in c("pa", "minres", "ml"))
	for (rot in c("none", "varimax", "oblimin", "promax"))
		fit("five_E", S, 5, fm, rot)
S <- stats("five_P", sets$five, "P", FALSE)
fit("five_P", S, 5, "pa", "oblimin")
fit("five_P", S, 5, "minres", "promax")
S <- stats("five_G", sets$five, "G", FALSE)
fit("five_G", S, 5, "pa", "varimax")
fit("five_G", S, 5, "ml", "oblimin")
S <- stats("five_missing_E", sets$five_missing, "E", FALSE)
fit("five_missing_E", S, 5, "pa", "oblimin")
fit("five_missing_E", S, 5, "ml", "promax")
S <- stats("five_missing_P_pairwise", sets$five_missing, "P", TRUE)
fit("five_missing_P_pairwise", S, 5, "minres", "varimax")
fit("five_missing_P_pairwise", S, 5, "pa", "oblimin")
S <- stats("merged_E", sets$merged, "E", FALSE)
fit("merged_E", S, 4, "pa", "oblimin")
# A Heywood case: E2 copies E1 except in every 50th line of the file
# (tests/cli/factor.sh makes the same file with awk); ML holds E1's
# uniqueness at psych's lower bound 0.005.
dup <- sets$five
keep <- which((seq_len(nrow(dup)) + 1) %% 50 != 0)
dup$E2[keep] <- dup$E1[keep]
S <- stats("dup_E", dup, "E", FALSE)
fit("dup_E", S, 5, "ml", "oblimin")

# Parallel analysis reference: eigenvalues of correlation matrices of
# 300 x 22 independent normal samples, by brute force (not through the
# Wishart shortcut sq-factor uses): mean and 95th percentile.
sim <- t(replicate(20000, eigen(cor(matrix(rnorm(300 * 22), 300)),
    symmetric = TRUE, only.values = TRUE)$values))
put(rbind(row("eigen", "sim_mean", "", "", 1:22, colMeans(sim)),
    row("eigen", "sim_p95", "", "", 1:22,
	apply(sim, 2, quantile, probs = 0.95, type = 7))),
    "parallel_p22_n300.tsv")

# Unit-test fixtures on R's ability.cov (6 tests, n = 112): the
# correlation matrix, psych's statistics and fa() solutions, and the
# rotations applied by stats/GPArotation/psych to fixed loadings.
A <- cov2cor(ability.cov$cov)
nA <- ability.cov$n.obs
kA <- KMO(A)
bA <- cortest.bartlett(A, n = nA)
u <- rbind(
    row("R", "r", rep(1:6, 6), "", rep(1:6, each = 6), as.vector(A)),
    row("smc", "smc", 1:6, "", "", smc(A)),
    row("kmo", "overall", value = kA$MSA),
    row("kmo", "item", 1:6, "", "", kA$MSAi),
    row("bartlett", "chisq", value = bA$chisq),
    row("bartlett", "df", value = bA$df),
    row("bartlett", "p", value = bA$p.value),
    row("eigen", "observed", "", "", 1:6,
	eigen(A, symmetric = TRUE)$values))
for (fm in c("pa", "minres", "ml"))
	for (rot in c("none", "varimax", "oblimin", "promax")) {
		f <- suppressWarnings(fa(A, 2, n.obs = nA, fm = fm, rotate = rot,
		    max.iter = 1000, min.err = 1e-9))
		tag <- paste(fm, rot, sep = ".")
		u <- rbind(u,
		    row(tag, "loading", rep(1:6, 2), "", rep(1:2, each = 6),
			as.vector(unclass(f$loadings))),
		    row(tag, "communality", 1:6, "", "", f$communality))
		if (!is.null(f$Phi))
			u <- rbind(u, row(tag, "phi", value = f$Phi[1, 2]))
		if (fm == "pa")
			u <- rbind(u, row(tag, "iterations",
			    value = length(f$communality.iterations)))
	}
# Rotations of one fixed, unrotated loading matrix (the pa solution).
L0 <- unclass(fa(A, 2, fm = "pa", rotate = "none", max.iter = 1000,
    min.err = 1e-9)$loadings)
vm <- varimax(L0)
ob <- oblimin(L0)
pm <- kaiser(L0, rotate = "Promax")
u <- rbind(u,
    row("rot", "input", rep(1:6, 2), "", rep(1:2, each = 6), as.vector(L0)),
    row("rot", "varimax", rep(1:6, 2), "", rep(1:2, each = 6),
	as.vector(unclass(vm$loadings))),
    row("rot", "oblimin", rep(1:6, 2), "", rep(1:2, each = 6),
	as.vector(unclass(ob$loadings))),
    row("rot", "oblimin_phi", value = ob$Phi[1, 2]),
    row("rot", "oblimin_iterations", value = max(ob$Table[, 1])),
    row("rot", "promax", rep(1:6, 2), "", rep(1:2, each = 6),
	as.vector(unclass(pm$loadings))),
    row("rot", "promax_phi", value = pm$Phi[1, 2]))
put(u, "ability.tsv")
