# Oracle for sq-alpha: generates SERVQUAL-shaped data sets (E1..E22,
# P1..P22, 1..7) from a latent factor model and writes what R's psych
# package says about them, in sq-alpha's TSV layout.
#
#   Rscript tests/oracle/alpha/alpha.R      (from the top of the tree)
#
# Writes tests/data/alpha/*.csv and tests/oracle/alpha/*_{listwise,pairwise}.tsv
# (two_dims_*: the codebook tests/data/alpha/two_dims.cb.csv on reversed.csv).
# Seeds were picked once, before any comparison with sq-alpha.
#
# Definitions (as man/sq-alpha.1):
#   alpha, alpha_std, average_r   psych::alpha()$total raw_alpha, std.alpha,
#                                 average_r
#   r_drop, alpha_if_deleted      psych::alpha()$item.stats$r.drop,
#                                 $alpha.drop$raw_alpha
#   ci_low, ci_high               psych::alpha.ci(alpha, n, k) (Feldt)
#   omega_total                   psych::omega(x, nfactors = 1)$omega.tot's
#                                 formula, 1 - sum(u2) / sum(R) with R
#                                 reflected for negative loadings, on a
#                                 one-factor minres solution converged to
#                                 1e-14 (omega_tight below); psych's own
#                                 optimiser stops within ~1e-6 of it (the
#                                 largest gap is printed; > 1e-5 stops)
#   r_diff                        difference-score reliability of the
#                                 dimension's gap score from its E and P
#                                 mean scores over the rows complete on
#                                 both (listwise) or from the pairwise
#                                 covariance matrix (pairwise)
# Listwise: each block x dimension uses the rows complete on its items (G:
# complete on E and P). Pairwise: every statistic from cov/cor with
# use = "pairwise"; n is the smallest pairwise count, used for the
# Feldt interval too.
suppressMessages(library(psych))
options(warn = 1)

dims <- list(TAN = 1:4, REL = 5:9, RES = 10:13, ASS = 14:17, EMP = 18:22)
dimof <- rep(names(dims), sapply(dims, length))

# One respondent sample: correlated dimension factors for E and for P,
# items = loading * factor + noise, cut into 7 categories around a
# block-specific mean. neg: items generated with a negative loading.
gen <- function(seed, n, miss = 0, neg = integer(0)) {
	set.seed(seed)
	m <- 5
	phi <- matrix(0.45, m, m); diag(phi) <- 1
	L <- chol(phi)
	fe <- matrix(rnorm(n * m), n) %*% L
	fp <- 0.4 * fe + sqrt(1 - 0.16) * matrix(rnorm(n * m), n) %*% L
	item <- function(f, centre, sgn) {
		d <- match(dimof, names(dims))
		lam <- runif(22, 0.5, 0.85) * sgn
		z <- sapply(1:22, function(i)
			lam[i] * f[, d[i]] + sqrt(1 - lam[i]^2) * rnorm(n))
		pmin(pmax(round(centre + 1.3 * z), 1), 7)
	}
	sgn <- rep(1, 22); sgn[neg] <- -1
	E <- item(fe, 5.6, sgn)
	P <- item(fp, 4.7, sgn)
	x <- cbind(E, P)
	colnames(x) <- c(paste0("E", 1:22), paste0("P", 1:22))
	if (miss > 0)
		x[matrix(runif(length(x)) < miss, nrow(x))] <- NA
	x
}

num <- function(v) ifelse(is.na(v), "NaN", sprintf("%.15g", v))

# Difference-score reliability (Lord 1958; Johns 1981) from the two
# reliabilities, variances and correlation of the E and P scores.
rdiff <- function(ree, rpp, ve, vp, rep) {
	se <- sqrt(ve); sp <- sqrt(vp)
	(ve * ree + vp * rpp - 2 * rep * se * sp) /
	    (ve + vp - 2 * rep * se * sp)
}

# psych's omega total from a one-factor minres solution iterated to 1e-14
# (principal axes to a fixed point: the minres stationary point; psych
# bounds uniquenesses at 0.005, hence the cap on communalities). psych's
# L-BFGS-B stops earlier; the script reports how far and stops beyond
# 1e-5.
omega_tight <- function(R) {
	h <- 1 - 1 / diag(solve(R))
	for (it in 1:100000) {
		Rs <- R; diag(Rs) <- h
		e <- eigen(Rs, symmetric = TRUE)
		l <- sqrt(e$values[1]) * e$vectors[, 1]
		hn <- pmin(l^2, 0.995)
		if (max(abs(hn - h)) < 1e-14) break
		h <- hn
	}
	if (sum(l) < 0) l <- -l
	s <- ifelse(l < 0, -1, 1)
	1 - sum(1 - l^2) / sum(outer(s, s) * R)
}
worst <- 0

rows <- function(x, pairwise, dims) {
	m <- ncol(x) / 2
	out <- list()
	add <- function(...) out[[length(out) + 1]] <<- data.frame(...,
	    stringsAsFactors = FALSE)
	miss <- if (pairwise) "pairwise" else "listwise"
	E <- x[, 1:m]; P <- x[, m + 1:m]; G <- P - E
	for (b in c("E", "P", "G")) {
		X <- switch(b, E = E, P = P, G = G)
		for (d in c(names(dims), "ALL")) {
			idx <- if (d == "ALL") 1:m else dims[[d]]
			k <- length(idx)
			Xd <- X[, idx, drop = FALSE]
			if (!pairwise) {
				cc <- complete.cases(Xd)
				Xd <- Xd[cc, , drop = FALSE]
				n <- nrow(Xd)
			} else {
				n <- min(crossprod(!is.na(Xd)))
			}
			a <- suppressWarnings(alpha(Xd, use = "pairwise", max = 20,
			    warnings = FALSE, check.keys = FALSE))
			ci <- alpha.ci(a$total$raw_alpha, n, k)
			om <- suppressWarnings(suppressMessages(omega(Xd,
			    nfactors = 1, plot = FALSE)))$omega.tot
			tight <- omega_tight(cor(Xd, use = "pairwise"))
			worst <<- max(worst, abs(tight - om))
			rd <- NA
			if (b == "G") {
				Ed <- E[, idx, drop = FALSE]
				Pd <- P[, idx, drop = FALSE]
				if (!pairwise) {
					cc <- complete.cases(cbind(Ed, Pd))
					Ed <- Ed[cc, ]; Pd <- Pd[cc, ]
					se <- rowMeans(Ed); sp <- rowMeans(Pd)
					ree <- alpha(Ed, warnings = FALSE)$total$raw_alpha
					rpp <- alpha(Pd, warnings = FALSE)$total$raw_alpha
					rd <- rdiff(ree, rpp, var(se), var(sp),
					    cor(se, sp))
				} else {
					C <- cov(cbind(Ed, Pd), use = "pairwise")
					ie <- 1:k; ip <- k + 1:k
					ve <- sum(C[ie, ie]); vp <- sum(C[ip, ip])
					cep <- sum(C[ie, ip])
					ra <- function(S) (1 - sum(diag(S)) /
					    sum(S)) * k / (k - 1)
					rd <- rdiff(ra(C[ie, ie]), ra(C[ip, ip]),
					    ve, vp, cep / sqrt(ve * vp))
				}
			}
			add(scope = "scale", block = b, dimension = d,
			    item = "", n = n, k = k,
			    alpha = num(a$total$raw_alpha),
			    alpha_std = num(a$total$std.alpha),
			    ci_low = num(ci$lower.ci), ci_high = num(ci$upper.ci),
			    r_drop = "NaN", alpha_if_deleted = "NaN",
			    average_r = num(a$total$average_r),
			    omega_total = num(tight), r_diff = num(rd),
			    missing = miss)
			for (j in seq_len(k))
				add(scope = "item", block = b, dimension = d,
				    item = as.character(idx[j]), n = n, k = k,
				    alpha = "NaN", alpha_std = "NaN",
				    ci_low = "NaN", ci_high = "NaN",
				    r_drop = num(a$item.stats$r.drop[j]),
				    alpha_if_deleted =
					num(a$alpha.drop$raw_alpha[j]),
				    average_r = "NaN", omega_total = "NaN",
				    r_diff = "NaN", missing = miss)
		}
	}
	do.call(rbind, out)
}

sets <- list(
	list(name = "complete", seed = 5101, n = 300, miss = 0),
	list(name = "holes", seed = 5102, n = 400, miss = 0.02),
	list(name = "reversed", seed = 5103, n = 250, miss = 0.01,
	    neg = c(3, 11))
)
dir.create("tests/data/alpha", showWarnings = FALSE, recursive = TRUE)
for (s in sets) {
	x <- gen(s$seed, s$n, s$miss, if (is.null(s$neg)) integer(0) else s$neg)
	csv <- sprintf("tests/data/alpha/%s.csv", s$name)
	write.table(x, csv, sep = ",", na = "", row.names = FALSE,
	    quote = FALSE)
	for (pw in c(FALSE, TRUE)) {
		tsv <- sprintf("tests/oracle/alpha/%s_%s.tsv", s$name,
		    if (pw) "pairwise" else "listwise")
		write.table(rows(x, pw, dims), tsv, sep = "\t", row.names = FALSE,
		    quote = FALSE, na = "NaN")
	}
}
# A codebook instrument (tests/data/alpha/two_dims.cb.csv): items 1..7 in
# dimension X, 8..12 in Y, item 3 reverse-keyed (x -> 8 - x in E and P),
# on the "reversed" data, whose item 11 stays negatively keyed.
x <- read.csv("tests/data/alpha/reversed.csv")
x <- as.matrix(x[, c(paste0("E", 1:12), paste0("P", 1:12))])
x[, c("E3", "P3")] <- 8 - x[, c("E3", "P3")]
for (pw in c(FALSE, TRUE))
	write.table(rows(x, pw, list(X = 1:7, Y = 8:12)),
	    sprintf("tests/oracle/alpha/two_dims_%s.tsv",
	    if (pw) "pairwise" else "listwise"), sep = "\t",
	    row.names = FALSE, quote = FALSE, na = "NaN")

cat(sprintf("largest |psych omega.tot - tightly converged omega|: %.3g\n",
    worst))
if (worst > 1e-5)
	stop("psych's omega is not within 1e-5 of its definition")
