#!/bin/sh
# deps.sh OBJDIR|ARCHIVE [PATTERN]: the call graph between library files,
# from nm of their objects (a file uses a file when it uses a global
# symbol the other defines), and exit 1 if the graph has a cycle.
# PATTERN picks the objects (default *.o, the whole library): data
# travels one way, read -> survey -> stats -> tables -> output -> chart
# -> report, and no file may call back up. Given the library archive,
# only its members count (a build directory can keep objects of files
# since removed). -v prints the edges.
verbose=0
[ "$1" = -v ] && { verbose=1; shift; }
dir=${1:?usage: deps.sh [-v] OBJDIR|ARCHIVE [PATTERN]}
pat=${2:-*.o}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
n=0
# one object's symbols, tagged with its name
syms() {	# OBJECT NAME
	nm -g --defined-only "$1" | awk -v f="$2" 'NF == 3 { print $3, f }' >> "$tmp/def"
	nm -u "$1" | awk -v f="$2" '{ print $NF, f }' >> "$tmp/use"
	n=$((n + 1))
}
if [ -f "$dir" ]; then
	case $dir in /*) a=$dir ;; *) a=$PWD/$dir ;; esac
	mkdir "$tmp/x" && (cd "$tmp/x" && ar x "$a") || exit 2
	for m in $(ar t "$dir"); do
		case $m in $pat) syms "$tmp/x/$m" "${m%.o}" ;; esac
	done
	[ $n -gt 0 ] || { echo "deps.sh: no $pat in $dir" >&2; exit 2; }
else
	for o in "$dir"/$pat; do
		[ -e "$o" ] || { echo "deps.sh: no $dir/$pat" >&2; exit 2; }
		syms "$o" "$(basename "$o" .o)"
	done
fi
# edges "user definer", one per pair of files
awk 'FNR == NR { def[$1] = $2; next }
    ($1 in def) && def[$1] != $2 { print $2, def[$1] }' \
    "$tmp/def" "$tmp/use" | sort -u > "$tmp/edges"
[ $verbose = 1 ] && cat "$tmp/edges"
# tsort finds any cycle; keep its report for the message
if ! tsort "$tmp/edges" > /dev/null 2> "$tmp/loop"; then
	echo "deps.sh: call cycle among $dir/$pat:" >&2
	sed -n 's/^tsort: //p' "$tmp/loop" >&2
	exit 1
fi
echo "deps.sh: $n files, $(wc -l < "$tmp/edges") edges, no cycle"
