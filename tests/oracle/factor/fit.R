# Oracle for sq-factor's fit rows (section "fit"): psych::fa's own fit
# statistics (fa.stats: STATISTIC, dof, PVAL, null.chisq, null.dof, TLI,
# RMSEA, BIC) for maximum likelihood (and minres) solutions of the
# datasets in tests/data/factor. psych finds the RMSEA bounds with
# uniroot's default tolerance (~1e-4 on the noncentrality); the bounds
# written here solve the same equations to 1e-14.
#   Rscript tests/oracle/factor/fit.R   (from the top of the tree)
suppressMessages(library(psych))
outdir <- "tests/oracle/factor/expected"

num <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))

bound <- function(chisq, df, n, pr) {
	f <- function(l) pchisq(chisq, df, ncp = l) - pr
	if (f(0) <= 0) return(0)
	sqrt(uniroot(f, c(0, max(n, chisq) + 2 * n), tol = 1e-14)$root /
	    (n - 1) / df)
}

one <- function(name, file, b, nf, fm) {
	d <- read.csv(file.path("tests/data/factor", file))
	X <- if (b == "G") d[paste0("P", 1:22)] - d[paste0("E", 1:22)] else
		d[paste0(b, 1:22)]
	X <- na.omit(X)
	n <- nrow(X)
	f <- suppressWarnings(fa(cor(X), nfactors = nf, n.obs = n, fm = fm,
	    rotate = "oblimin", max.iter = 1000, min.err = 1e-9))
	lo <- bound(f$STATISTIC, f$dof, n, 0.95)
	hi <- bound(f$STATISTIC, f$dof, n, 0.05)
	v <- c(objective = f$objective, chisq = f$STATISTIC, df = f$dof,
	    p = f$PVAL, null_chisq = f$null.chisq, null_df = f$null.dof,
	    tli = f$TLI, rmsea = f$RMSEA[["RMSEA"]], rmsea_ci_low = lo,
	    rmsea_ci_high = hi, bic = f$BIC)
	rows <- data.frame(section = "fit", key = names(v), item = "",
	    dimension = "", factor = "", value = num(v))
	write.table(rows, file.path(outdir, paste0(name, ".", fm, ".fit.tsv")),
	    sep = "\t", quote = FALSE, row.names = FALSE)
	cat(name, fm, "psych RMSEA bounds", f$RMSEA[2:3], "exact", lo, hi, "\n")
}

one("five_E", "five.csv", "E", 5, "ml")
one("five_P", "five.csv", "P", 5, "ml")
one("five_E_k3", "five.csv", "E", 3, "ml")
one("merged_E", "merged.csv", "E", 4, "ml")
one("five_missing_E", "five_missing.csv", "E", 5, "ml")
one("five_E", "five.csv", "E", 5, "minres")
