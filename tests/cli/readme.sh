# README.md: every example in a fenced block that starts with "$ " runs
# from the top of the tree and prints what the README shows (stdout and
# stderr together). A line "..." in the README stands for any lines.
_rm_ex() {
	awk -v dir="$TMP/readme" '
	/^```/ { if (inb) { inb = 0; if (n) close(f) } else { inb = 1; first = 1 }; next }
	inb && first { first = 0; if ($0 !~ /^\$ /) { inb = 0; skip = 1 } }
	skip && /^```/ { skip = 0 }
	inb && /^\$ / {
		n++; f = sprintf("%s/%03d", dir, n)
		print substr($0, 3) > (f ".cmd"); close(f ".cmd")
		printf "" > (f ".exp"); close(f ".exp")
		next
	}
	inb && n { print >> (f ".exp") }
	' README.md
}
# match EXPECTED ACTUAL: equal, "..." matching any run of lines.
_rm_match() {
	awk '
	function m(i, j,   k) {
		if (i > ne) return j > na
		if (e[i] == "...") {
			for (k = j; k <= na + 1; k++) if (m(i + 1, k)) return 1
			return 0
		}
		return j <= na && e[i] == a[j] && m(i + 1, j + 1)
	}
	FNR == NR { e[++ne] = $0; next }
	{ a[++na] = $0 }
	END { exit !m(1, 1) }
	' "$1" "$2"
}
mkdir -p "$TMP/readme"
rm -f "$TMP"/readme/*
_rm_ex
_rm_n=0
for _rm_c in "$TMP"/readme/*.cmd; do
	[ -e "$_rm_c" ] || continue
	_rm_n=$((_rm_n + 1))
	_rm_e=${_rm_c%.cmd}.exp
	sh -c "$(cat "$_rm_c")" > "$TMP/readme/out" 2>&1
	if _rm_match "$_rm_e" "$TMP/readme/out"; then
		ok
	else
		bad "readme: \$ $(cat "$_rm_c")"
		diff "$_rm_e" "$TMP/readme/out" | head -n 10
	fi
done
t "readme: has examples" 0 - - test "$_rm_n" -ge 5
