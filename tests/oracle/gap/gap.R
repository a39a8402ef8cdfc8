# Independent oracle for sq-gap, in base R only.
#
#   cd tests/oracle/gap && Rscript gap.R
#
# Generates the synthetic test exports (*.csv) from fixed seeds and writes,
# for each, the gap table DESIGN.md defines, once for the whole sample
# (NAME.tsv) and once with --by sucursal (NAME_by.tsv). Nothing here comes
# from servqual's own code: every figure is computed from the definitions
# in DESIGN.md ("Definitions", "Output contract", "sq-gap additions") with
# base R (t.test, wilcox.test, p.adjust, qt). The signed-rank columns
# w_n w p_w are wilcox.test(P - E, exact = FALSE, correct = TRUE) with a
# dimension's difference taken as one division of exact sums,
# (sum P - sum E) / count, so that equal gaps tie exactly (DESIGN.md
# "Scores"). missing_ADJ.tsv: p_adj with --adjust ADJ.

local({
	a <- grep("^--file=", commandArgs(FALSE), value = TRUE)
	if (length(a) == 1)
		setwd(dirname(normalizePath(sub("^--file=", "", a))))
})

# The 22-item SERVQUAL: dimension code of items 1..22.
DIMS <- c("TAN", "REL", "RES", "ASS", "EMP")
ITEM_DIM <- rep(DIMS, times = c(4, 5, 4, 4, 5))
NITEM <- 22
ECOLS <- paste0("E", 1:NITEM)
PCOLS <- paste0("P", 1:NITEM)
WCOLS <- paste0("W_", DIMS)
COLS <- c("scope", "segment", "dimension", "item", "n", "mean_e",
    "mean_p", "gap", "sd", "se", "ci_low", "ci_high", "t", "df", "p",
    "p_adj", "d", "w_n", "w", "p_w")
ADJUST <- "holm"

# ---------------------------------------------------------------------
# Statistics

# Paired summary of the series (e, p); NA marks a missing value. Returns
# a named numeric vector in contract order (p_adj left NaN).
paired <- function(e, p, conf) {
	ok <- !is.na(e) & !is.na(p)
	e <- e[ok]
	p <- p[ok]
	n <- length(e)
	r <- c(n = n, mean_e = NaN, mean_p = NaN, gap = NaN, sd = NaN,
	    se = NaN, ci_low = NaN, ci_high = NaN, t = NaN, df = NaN,
	    p = NaN, p_adj = NaN, d = NaN)
	if (n == 0)
		return(r)
	d <- p - e
	r["mean_e"] <- mean(e)
	r["mean_p"] <- mean(p)
	r["gap"] <- mean(d)
	r["df"] <- n - 1
	if (n == 1)
		return(r)
	r["sd"] <- sd(d)
	r["se"] <- r["sd"] / sqrt(n)
	if (r["sd"] == 0) {
		# No spread: the interval collapses onto the gap; t, p and
		# d_z divide by zero and are undefined.
		r["ci_low"] <- r["ci_high"] <- r["gap"]
		return(r)
	}
	tt <- t.test(p, e, paired = TRUE, conf.level = conf)
	r["ci_low"] <- tt$conf.int[1]
	r["ci_high"] <- tt$conf.int[2]
	r["t"] <- tt$statistic
	r["df"] <- tt$parameter
	r["p"] <- tt$p.value
	r["d"] <- r["gap"] / r["sd"]
	# The same figures from the textbook formulas, as a guard.
	q <- qt((1 + conf) / 2, n - 1)
	tm <- r["gap"] / r["se"]
	stopifnot(isTRUE(all.equal(unname(tm), unname(r["t"]),
	    tolerance = 1e-12)),
	    isTRUE(all.equal(unname(r["gap"] - q * r["se"]),
	    unname(r["ci_low"]), tolerance = 1e-12)),
	    isTRUE(all.equal(2 * pt(-abs(unname(tm)), n - 1),
	    unname(r["p"]), tolerance = 1e-10)))
	r
}

# Wilcoxon's signed-rank test of the differences d (NA dropped).
signrank <- function(d) {
	d <- d[!is.na(d)]
	nz <- sum(d != 0)
	if (nz == 0)
		return(c(w_n = 0, w = NaN, p_w = NaN))
	w <- suppressWarnings(wilcox.test(d, exact = FALSE, correct = TRUE))
	c(w_n = nz, w = unname(w$statistic), p_w = w$p.value)
}

# Per-respondent dimension scores: list of matrices E, P and G = P - E as
# one division (respondents x dimensions), NA where the dimension is
# undefined for the respondent.
dimscores <- function(x) {
	N <- nrow(x)
	E <- P <- G <- matrix(NA_real_, N, length(DIMS),
	    dimnames = list(NULL, DIMS))
	for (dc in DIMS) {
		it <- which(ITEM_DIM == dc)
		k <- length(it)
		ee <- as.matrix(x[, ECOLS[it], drop = FALSE])
		pp <- as.matrix(x[, PCOLS[it], drop = FALSE])
		both <- !is.na(ee) & !is.na(pp)
		for (i in seq_len(N)) {
			q <- both[i, ]
			if (sum(q) >= ceiling(k / 2)) {
				E[i, dc] <- mean(ee[i, q])
				P[i, dc] <- mean(pp[i, q])
				G[i, dc] <- (sum(pp[i, q]) - sum(ee[i, q])) /
				    sum(q)
			}
		}
	}
	list(E = E, P = P, G = G)
}

# Rows of the gap table for the respondents in x, as a data frame of
# character cells.
gaptable <- function(x, segment, conf) {
	rows <- list()
	add <- function(scope, dimension, item, v)
		rows[[length(rows) + 1]] <<- list(scope = scope,
		    dimension = dimension, item = item, v = v)

	items <- lapply(1:NITEM, function(j)
		paired(x[[ECOLS[j]]], x[[PCOLS[j]]], conf))
	padj <- p.adjust(sapply(items, function(v) v[["p"]]), method = ADJUST)
	for (j in 1:NITEM) {
		v <- items[[j]]
		v["p_adj"] <- padj[j]
		v <- c(v, signrank(x[[PCOLS[j]]] - x[[ECOLS[j]]]))
		add("item", ITEM_DIM[j], as.character(j), v)
	}

	ds <- dimscores(x)
	for (dc in DIMS)
		add("dimension", dc, "", c(paired(ds$E[, dc], ds$P[, dc], conf),
		    signrank(ds$G[, dc])))
	nows <- c(w_n = NaN, w = NaN, p_w = NaN)

	# SERVQUAL: mean of the five dimension scores, only where all five
	# are defined (rowMeans gives NA otherwise).
	se <- rowMeans(ds$E)
	sp <- rowMeans(ds$P)
	add("servqual", "", "", c(paired(se, sp, conf), nows))

	# Weighted: sum(w_d * score_d) / sum(w_d) with the respondent's own
	# weights; undefined when a weight is missing, the weights sum to 0,
	# or a dimension score is undefined.
	W <- as.matrix(x[, WCOLS, drop = FALSE])
	sw <- rowSums(W)
	good <- !is.na(sw) & sw != 0
	we <- ifelse(good, rowSums(W * ds$E) / sw, NA_real_)
	wp <- ifelse(good, rowSums(W * ds$P) / sw, NA_real_)
	add("servqual_weighted", "", "", c(paired(we, wp, conf), nows))

	fmt <- function(z) {
		s <- sprintf("%.17g", z)
		s[is.na(z)] <- "NaN"
		s
	}
	out <- lapply(rows, function(r) {
		v <- r$v
		c(r$scope, segment, r$dimension, r$item, fmt(v))
	})
	m <- do.call(rbind, out)
	colnames(m) <- COLS
	m
}

# The whole table: "all", then each segment value (first appearance).
oracle <- function(x, conf, by) {
	m <- gaptable(x, "all", conf)
	if (!is.null(by)) {
		for (s in unique(x[[by]]))
			m <- rbind(m, gaptable(x[x[[by]] == s, , drop = FALSE],
			    s, conf))
	}
	m
}

writetsv <- function(m, file) {
	con <- file(file, "wb")
	lines <- c(paste(colnames(m), collapse = "\t"),
	    apply(m, 1, paste, collapse = "\t"))
	writeLines(enc2utf8(lines), con, useBytes = TRUE)
	close(con)
}

# ---------------------------------------------------------------------
# Synthetic exports

clamp <- function(z) pmin(7, pmax(1, round(z)))

# N respondents from a latent model: a general and five dimension
# factors for E and for P (P's correlated with E's), item means, segment
# shifts on P, answers rounded onto 1..7; 100-point weights; an overall
# rating following the mean perception.
simulate <- function(N, segs, shift) {
	seg <- sample(segs, N, replace = TRUE, prob = seq(2, 1,
	    length.out = length(segs)))
	gE <- rnorm(N)
	gP <- 0.4 * gE + sqrt(1 - 0.16) * rnorm(N)
	fE <- 0.6 * gE + 0.8 * matrix(rnorm(N * 5), N, 5)
	fP <- 0.6 * gP + 0.8 * matrix(rnorm(N * 5), N, 5)
	muE <- runif(NITEM, 5.3, 6.3)
	muP <- runif(NITEM, 4.2, 5.6)
	sh <- shift[match(seg, segs)]
	x <- data.frame(id = sprintf("R%05d", 1:N), sucursal = seg,
	    stringsAsFactors = FALSE)
	for (j in 1:NITEM) {
		d <- match(ITEM_DIM[j], DIMS)
		x[[ECOLS[j]]] <- clamp(muE[j] + 0.8 * fE[, d] +
		    0.7 * rnorm(N))
	}
	for (j in 1:NITEM) {
		d <- match(ITEM_DIM[j], DIMS)
		x[[PCOLS[j]]] <- clamp(muP[j] + sh + 1.0 * fP[, d] +
		    0.8 * rnorm(N))
	}
	w <- matrix(rgamma(N * 5, 2), N, 5)
	w <- round(100 * w / rowSums(w))
	w[, 5] <- 100 - rowSums(w[, 1:4, drop = FALSE])
	bad <- w[, 5] < 0
	w[bad, 1] <- w[bad, 1] + w[bad, 5]
	w[bad, 5] <- 0
	for (d in 1:5)
		x[[WCOLS[d]]] <- w[, d]
	x$overall <- clamp(rowMeans(as.matrix(x[, PCOLS])) + 0.6 * rnorm(N))
	x
}

# Blank out a fraction of E/P cells, whole dimensions of some respondents,
# E-only blocks of others, and spoil some weights.
punch <- function(x, rate) {
	N <- nrow(x)
	ep <- c(ECOLS, PCOLS)
	for (cn in ep)
		x[[cn]][runif(N) < rate] <- NA
	for (i in which(runif(N) < 0.06)) {
		it <- which(ITEM_DIM == sample(DIMS, 1))
		x[i, c(ECOLS[it], PCOLS[it])] <- NA
	}
	for (i in which(runif(N) < 0.04)) {
		it <- which(ITEM_DIM == sample(DIMS, 1))
		x[i, ECOLS[it]] <- NA
	}
	# Respondents on the ceil(k/2) boundary: exactly ceil(k/2) pairs
	# (defined) or one fewer (undefined), with E or P of the rest blank.
	for (i in which(runif(N) < 0.08)) {
		dc <- sample(DIMS, 1)
		it <- which(ITEM_DIM == dc)
		keep <- ceiling(length(it) / 2) - sample(0:1, 1)
		drop <- it[-seq_len(keep)]
		if (runif(1) < 0.5)
			x[i, ECOLS[drop]] <- NA
		else
			x[i, PCOLS[drop]] <- NA
		x[i, ECOLS[it[seq_len(keep)]]] <- sample(1:7, keep, TRUE)
		x[i, PCOLS[it[seq_len(keep)]]] <- sample(1:7, keep, TRUE)
	}
	u <- runif(N)
	x[u < 0.05, WCOLS] <- NA
	x[u >= 0.05 & u < 0.08, WCOLS] <- 0
	one <- which(u >= 0.08 & u < 0.10)
	for (i in one)
		x[i, sample(WCOLS, 1)] <- NA
	x$overall[runif(N) < 0.05] <- NA
	x
}

writecsv <- function(x, file) {
	con <- file(file, "wb")
	m <- as.matrix(format(x, trim = TRUE, scientific = FALSE))
	m[is.na(as.matrix(x))] <- ""
	lines <- c(paste(names(x), collapse = ","),
	    apply(m, 1, paste, collapse = ","))
	writeLines(enc2utf8(lines), con, useBytes = TRUE)
	close(con)
}

# Read back exactly what sq-gap will read.
readcsv <- function(file)
	read.csv(file, na.strings = "", stringsAsFactors = FALSE,
	    encoding = "UTF-8", check.names = FALSE)

run <- function(name, x, conf = 0.95) {
	writecsv(x, paste0(name, ".csv"))
	y <- readcsv(paste0(name, ".csv"))
	stopifnot(identical(dim(x), dim(y)))
	writetsv(oracle(y, conf, NULL), paste0(name, ".tsv"))
	writetsv(oracle(y, conf, "sucursal"), paste0(name, "_by.tsv"))
	cat(name, ": ", nrow(y), " respondents, ",
	    sum(is.na(y[, c(ECOLS, PCOLS)])), " blank E/P cells\n", sep = "")
}

SEGS <- c("Centro", "Norte", "Sur", "Costa Azul", "\u00d1u\u00f1oa")

# (a) clean
set.seed(20261123)
run("clean", simulate(300, SEGS, c(0, 0.3, -0.4, 0.1, -0.2)))

# (b) missing cells, missing dimensions, bad weights
set.seed(4471)
run("missing", punch(simulate(320, SEGS[1:4], c(0.2, 0, -0.3, 0.4)),
    0.08))
y <- readcsv("missing.csv")
for (ADJUST in c("BH", "bonferroni", "none"))
	writetsv(oracle(y, 0.95, "sucursal"),
	    paste0("missing_", tolower(ADJUST), ".tsv"))
ADJUST <- "holm"

# (c) edge cases
# One respondent.
set.seed(91)
x <- simulate(1, "Centro", 0)
run("edge_one", x)

# Twelve respondents in two segments ("Sur" has one): item 3 nobody
# answered; item 7 with the same gap (+1) for all; item 12 with P = E for
# all; item 20 answered by one respondent only; one respondent's TAN has
# a single pair left (item 3 is blank for all), so TAN is undefined there.
set.seed(92)
x <- simulate(12, c("Norte", "Sur"), c(0, 0))
x$sucursal <- c(rep("Norte", 6), "Sur", rep("Norte", 5))
x$E3 <- NA
x$P3 <- NA
x$E7 <- c(3, 4, 5, 6, 2, 3, 4, 5, 6, 1, 4, 5)
x$P7 <- x$E7 + 1
x$P12 <- x$E12
x$E20[-5] <- NA
x$E1[2] <- NA
x$P4[2] <- NA
run("edge_var", x)

# Ten respondents, EMP blank for everyone: the EMP row, servqual and
# servqual_weighted have n = 0; item 1 answered by two.
set.seed(93)
x <- simulate(10, c("Centro", "Sur"), c(0, -0.5))
x[, c(ECOLS[18:22], PCOLS[18:22])] <- NA
x$P1[3:10] <- NA
run("edge_nodim", x)

# (d) --conf 0.90, with missing values
set.seed(5813)
run("conf90", punch(simulate(200, SEGS[c(2, 5, 1)], c(-0.1, 0.2, 0)),
    0.05), conf = 0.90)

# (e) an export made by sq-simulate, not by this script (committed as is;
# made once with: sq-simulate -n 400 --seed 7 --missing 0.1 --segments 4
# -o simulated.csv); only the expected tables are computed here.
y <- readcsv("simulated.csv")
writetsv(oracle(y, 0.95, NULL), "simulated.tsv")
writetsv(oracle(y, 0.95, "sucursal"), "simulated_by.tsv")
cat("simulated: ", nrow(y), " respondents, ",
    sum(is.na(y[, c(ECOLS, PCOLS)])), " blank E/P cells\n", sep = "")
