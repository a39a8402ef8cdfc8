# Independent oracle for sq-zone, in base R only.
#
#   cd tests/oracle/zone && Rscript zone.R
#
# Generates a three-column export (adequate A, desired D, perceived P on
# 1..9; missing cells; some respondents with A > D) from a fixed seed, the
# codebook that describes it, the same data under MIN/DES/PER names with
# a codebook naming those columns, and the zone table DESIGN.md ("sq-zone")
# defines, for the whole sample (zone.tsv) and with -b campus
# (zone_by.tsv). Every figure comes from the definitions with base R
# (t.test for the paired tests), nothing from servqual's code.

local({
	a <- grep("^--file=", commandArgs(FALSE), value = TRUE)
	if (length(a) == 1)
		setwd(dirname(normalizePath(sub("^--file=", "", a))))
})

# A LibQUAL-like instrument: three dimensions of 5, 4 and 3 items.
DIMS <- c("AS", "IC", "LP")
DNAME <- c("Affect of service", "Information control", "Library as place")
K <- c(5, 4, 3)
ITEM_DIM <- rep(DIMS, times = K)
NITEM <- sum(K)
WORD <- paste("Statement", 1:NITEM)
LO <- 1
HI <- 9

set.seed(20240611)
N <- 240
campus <- sample(c("Norte", "Sur", "Centro"), N, replace = TRUE)
# Latent level per respondent and dimension; A below D mostly, not always.
A <- D <- P <- matrix(NA_real_, N, NITEM)
for (i in 1:NITEM) {
	lat <- rnorm(N, 0, 1)
	a <- round(4.5 + 0.8 * lat + rnorm(N, 0, 1.3))
	d <- round(7 + 0.6 * lat + rnorm(N, 0, 1.1))
	p <- round(5.8 + 0.9 * lat + rnorm(N, 0, 1.4))
	A[, i] <- pmin(HI, pmax(LO, a))
	D[, i] <- pmin(HI, pmax(LO, d))
	P[, i] <- pmin(HI, pmax(LO, p))
}
# Missing cells, about 7% of each block.
for (M in c("A", "D", "P")) {
	X <- get(M)
	X[matrix(runif(N * NITEM) < 0.07, N, NITEM)] <- NA
	assign(M, X)
}
# A few respondents who skipped most of one dimension.
for (r in sample(N, 12)) P[r, 6:8] <- NA

cell <- function(x) ifelse(is.na(x), "", as.character(x))
write_export <- function(file, an, dn, pn) {
	df <- data.frame(id = sprintf("r%03d", 1:N), campus = campus)
	for (i in 1:NITEM) df[[paste0(an, i)]] <- cell(A[, i])
	for (i in 1:NITEM) df[[paste0(dn, i)]] <- cell(D[, i])
	for (i in 1:NITEM) df[[paste0(pn, i)]] <- cell(P[, i])
	write.csv(df, file, row.names = FALSE, quote = FALSE)
}
write_export("zone.csv", "A", "D", "P")
write_export("zone_names.csv", "MIN_", "DES_", "PER_")

cb <- c("kind,a,b,c", sprintf("scale,%d,%d", LO, HI),
    sprintf("dimension,%s,%s", DIMS, DNAME),
    sprintf("item,%d,%s,%s", 1:NITEM, ITEM_DIM, WORD))
writeLines(cb, "zone_codebook.csv")
writeLines(c(cb, sprintf("column,MIN_%d,minimum,%d", 1:NITEM, 1:NITEM),
    sprintf("column,DES_%d,desired,%d", 1:NITEM, 1:NITEM),
    sprintf("column,PER_%d,P,%d", 1:NITEM, 1:NITEM)),
    "zone_names_codebook.csv")

COLS <- c("scope", "segment", "dimension", "item", "n", "mean_a", "mean_d",
    "mean_p", "msa", "msa_sd", "msa_t", "msa_p", "mss", "mss_sd", "mss_t",
    "mss_p", "width", "below", "within", "above", "inverted", "scale_min",
    "scale_max", "label")

# Paired t of x - y: sd, t, p (NaN when sd is 0 or n < 2).
ptest <- function(x, y) {
	n <- length(x)
	if (n < 2) return(c(NaN, NaN, NaN))
	s <- sd(x - y)
	if (s == 0) return(c(s, NaN, NaN))
	tt <- t.test(x, y, paired = TRUE)
	c(s, unname(tt$statistic), tt$p.value)
}

# Summary of triples a, d, p (already restricted to complete triples).
summ <- function(a, d, p) {
	n <- length(a)
	r <- setNames(rep(NaN, 17), COLS[5:21])
	r["n"] <- n
	inv <- a > d + 1e-9
	r["inverted"] <- sum(inv)
	if (n == 0) return(r)
	r["mean_a"] <- mean(a); r["mean_d"] <- mean(d); r["mean_p"] <- mean(p)
	r["msa"] <- mean(p - a); r["mss"] <- mean(p - d)
	r["width"] <- mean(d - a)
	r[c("msa_sd", "msa_t", "msa_p")] <- ptest(p, a)
	r[c("mss_sd", "mss_t", "mss_p")] <- ptest(p, d)
	ok <- !inv
	m <- sum(ok)
	if (m > 0) {
		# scores are rationals with small denominators: a tolerance far
		# below their spacing decides ties as exact arithmetic would
		r["below"] <- sum(p[ok] < a[ok] - 1e-9) / m
		r["above"] <- sum(p[ok] > d[ok] + 1e-9) / m
		r["within"] <- sum(p[ok] >= a[ok] - 1e-9 & p[ok] <= d[ok] + 1e-9) / m
	}
	r
}

num <- function(x) ifelse(is.nan(x) | is.na(x), "NaN", sprintf("%.17g", x))

group_rows <- function(rows, seg) {
	a <- A[rows, , drop = FALSE]; d <- D[rows, , drop = FALSE]
	p <- P[rows, , drop = FALSE]
	ok <- !is.na(a) & !is.na(d) & !is.na(p)
	out <- list()
	for (i in 1:NITEM) {
		s <- summ(a[ok[, i], i], d[ok[, i], i], p[ok[, i], i])
		out[[length(out) + 1]] <- c("item", seg, ITEM_DIM[i], i, num(s),
		    LO, HI, WORD[i])
	}
	# dimension scores per respondent
	sc <- list()
	for (j in seq_along(DIMS)) {
		it <- which(ITEM_DIM == DIMS[j])
		cnt <- rowSums(ok[, it, drop = FALSE])
		def <- cnt > 0 & cnt >= ceiling(K[j] / 2)
		aa <- rowSums(ifelse(ok[, it], a[, it], 0)) / cnt
		dd <- rowSums(ifelse(ok[, it], d[, it], 0)) / cnt
		pp <- rowSums(ifelse(ok[, it], p[, it], 0)) / cnt
		aa[!def] <- NA; dd[!def] <- NA; pp[!def] <- NA
		sc[[j]] <- cbind(aa, dd, pp)
		s <- summ(aa[def], dd[def], pp[def])
		out[[length(out) + 1]] <- c("dimension", seg, DIMS[j], "",
		    num(s), LO, HI, DNAME[j])
	}
	SA <- sapply(sc, function(m) m[, 1])
	SD <- sapply(sc, function(m) m[, 2])
	SP <- sapply(sc, function(m) m[, 3])
	all <- rowSums(is.na(SA)) == 0
	s <- summ(rowMeans(SA)[all], rowMeans(SD)[all], rowMeans(SP)[all])
	out[[length(out) + 1]] <- c("overall", seg, "", "", num(s), LO, HI,
	    "Overall")
	do.call(rbind, out)
}

write_table <- function(m, file) {
	con <- file(file, "w")
	writeLines(paste(COLS, collapse = "\t"), con)
	writeLines(apply(m, 1, paste, collapse = "\t"), con)
	close(con)
}

all <- group_rows(1:N, "all")
write_table(all, "zone.tsv")
segs <- unique(campus)
by <- all
for (s in segs) by <- rbind(by, group_rows(which(campus == s), s))
write_table(by, "zone_by.tsv")
cat("inverted item triples:", sum(A > D, na.rm = TRUE), "\n")
