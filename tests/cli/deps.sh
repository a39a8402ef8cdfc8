# The library calls one way (read -> survey -> stats -> tables -> output
# -> chart -> report), the chart files too (input -> chart data ->
# drawing -> output): tests/deps.sh reads who defines and who uses each
# global symbol from nm of the objects and fails on a cycle. First, that
# it can fail.
# t NAME RC STDOUT STDERR CMD... (see tests/run.sh)
DT=$TMP/deps
mkdir -p "$DT"
printf 'int fb(void);\nint fa(void) { return fb(); }\n' > "$DT/a.c"
printf 'int fa(void);\nint fb(void) { return fa() + 1; }\n' > "$DT/b.c"
printf 'int fb(void) { return 1; }\n' > "$DT/c.c"
mkdir -p "$DT/loop" "$DT/line"
${CC:-cc} -c -o "$DT/loop/chart_a.o" "$DT/a.c" &&
${CC:-cc} -c -o "$DT/loop/chart_b.o" "$DT/b.c" &&
${CC:-cc} -c -o "$DT/line/chart_a.o" "$DT/a.c" &&
${CC:-cc} -c -o "$DT/line/chart_c.o" "$DT/c.c"
printf 'deps.sh: 2 files, 1 edges, no cycle\n' > "$DT/line.exp"
t "deps: a cycle of two files fails" 1 - "~call cycle" \
    sh tests/deps.sh "$DT/loop"
t "deps: a one-way pair passes" 0 "$DT/line.exp" - \
    sh tests/deps.sh "$DT/line"
t "deps: no objects is an error" 2 - "~no " \
    sh tests/deps.sh "$DT/none"
ar rcs "$DT/loop.a" "$DT/loop/chart_a.o" "$DT/loop/chart_b.o"
t "deps: a cycle inside an archive fails" 1 - "~call cycle" \
    sh tests/deps.sh "$DT/loop.a"
t "deps: an archive's members only, by pattern" 2 - "~no x_*.o in" \
    sh tests/deps.sh "$DT/loop.a" 'x_*.o'
# the library archive, not its object directory: the build directory can
# keep objects of files since removed or split
t "deps: the chart files of lib/ call one way" 0 '*' - \
    sh tests/deps.sh "$O/libservqual.a" 'chart_*.o'
t "deps: every file of lib/ calls one way" 0 '*' - \
    sh tests/deps.sh "$O/libservqual.a" '*.o'
