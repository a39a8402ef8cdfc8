#!/usr/bin/env python3
"""Writes the bad-input corpus tests/data/bad/ (tests/cli/bad.sh holds each
file's expected message and exit code). Run from the repository root."""
import os

D = os.path.dirname(os.path.abspath(__file__))
E = ["E%d" % k for k in range(1, 23)]
P = ["P%d" % k for k in range(1, 23)]
HEAD = ["segment"] + E + P


def good(seg="A", e="6", p="5"):
    return [seg] + [e] * 22 + [p] * 22


def csv(rows, delim=","):
    return "".join(delim.join(r) + "\n" for r in rows)


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(D, name), "wb") as f:
        f.write(data)


def cell(row, col, v):
    r = list(row)
    r[col] = v
    return r


def main():
    g1, g2 = good("A", "6", "5"), good("B", "5", "4")
    # reader
    put("empty.csv", b"")
    put("bom_only.csv", b"\xef\xbb\xbf")
    put("header_only.csv", csv([HEAD]))
    put("nul_byte.csv", csv([HEAD, g1]).encode() + b"B,\x00" + b"\n")
    put("png.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    put("unterminated_quote.csv", csv([HEAD, g1]) + '"B,5\n')
    put("quote_in_field.csv", csv([HEAD, g1]) + 'B"x' + ",6" * 44 + "\n")
    put("text_after_quote.csv", csv([HEAD, g1]) + '"B"x' + ",6" * 44 + "\n")
    put("ragged_short.csv", csv([HEAD, g1, g2[:-1]]))
    put("ragged_long.csv", csv([HEAD, g1, g2 + ["7"]]))
    put("trailing_empty_cells.csv", csv([HEAD, g1 + ["", ""], g2 + [""]]))
    put("trailing_text.csv", csv([HEAD, g1 + ["", ""], g2 + ["", "x"]]))
    put("too_many_columns.csv", csv([HEAD + ["x%d" % i for i in range(4100)],
                                     g1]))
    put("utf16_odd_byte.txt", "\ufeff".encode("utf-16-le") +
        csv([HEAD, g1], "\t").encode("utf-16-le") + b"A")
    put("utf16_lone_surrogate.txt", "\ufeff".encode("utf-16-le") +
        csv([HEAD], "\t").encode("utf-16-le") + b"\x3d\xd8A\x00\t\x00")
    put("cp1252_forced_utf8.csv", csv([HEAD, g1]).encode() +
        csv([good("Se\u00f1or\u00edo")]).encode("cp1252"))
    # header
    put("no_items.csv", csv([["segment", "q1", "q2"], ["A", "1", "2"]]))
    put("missing_p22.csv", csv([HEAD[:-1], g1[:-1]]))
    put("duplicate_column.csv", csv([HEAD + ["e1"], g1 + ["6"]]))
    put("duplicate_recognised.csv", csv([HEAD + ["grupo/E1"], g1 + ["6"]]))
    put("partial_weights.csv", csv([HEAD + ["W_TAN", "W_REL", "W_RES",
                                            "W_ASS"],
                                    g1 + ["25", "25", "25", "25"]]))
    put("by_ambiguous.csv", csv([["a/sucursal", "b/sucursal"] + E + P,
                                 ["x", "y"] + g1[1:]]))
    q = [["ResponseId", "Q1_1"] + ["Q1_%d" % k for k in range(2, 45)],
         ["Response ID"] + ["Pregunta %d" % k for k in range(1, 45)],
         ['{"ImportId":"_recordId"}'] +
         ['{"ImportId":"QID%d"}' % k for k in range(1, 45)],
         ["R_1"] + ["5"] * 44]
    put("qualtrics_without_codebook.csv",
        "".join(",".join('"%s"' % f.replace('"', '""') for f in r) + "\n"
                for r in q))
    # values
    put("off_scale_high.csv", csv([HEAD, g1, cell(g2, 5, "9")]))
    put("off_scale_zero.csv", csv([HEAD, g1, cell(g2, 30, "0")]))
    put("negative_answer.csv", csv([HEAD, cell(g1, 2, "-3")]))
    put("fraction.csv", csv([HEAD, g1, cell(g2, 40, "4.5")]))
    put("word_answer.csv", csv([HEAD, cell(g1, 8, "bueno")]))
    put("label_without_codebook.csv",
        csv([HEAD, cell(g1, 1, "Totalmente de acuerdo")]))
    put("label_not_in_codebook.csv",
        csv([HEAD, cell(g1, 1, "Muy de acuerdo")]))
    put("labels.codebook.csv", "label,Totalmente de acuerdo,7\n"
        "label,De acuerdo,6\n")
    put("hex_answer.csv", csv([HEAD, cell(g1, 3, "0x7")]))
    put("inf_answer.csv", csv([HEAD, cell(g1, 3, "inf")]))
    put("exponent_answer.csv", csv([HEAD, cell(g1, 3, "7e0")]))
    put("huge_answer.csv", csv([HEAD, cell(g1, 3, "1e308")]))
    put("overflow_answer.csv", csv([HEAD, cell(g1, 3, "1e400")]))
    put("two_numbers.csv", csv([HEAD, cell(g1, 3, "7 7")]))
    W = ["W_TAN", "W_REL", "W_RES", "W_ASS", "W_EMP"]
    put("overflow_weight.csv", csv([HEAD + W, g1 + ["-1E+999", "20", "20",
                                                    "20", "20"]]))
    put("negative_weight.csv", csv([HEAD + W, g1 + ["20", "20", "-5", "20",
                                                    "45"]]))
    put("word_weight.csv", csv([HEAD + W, g1 + ["veinte", "20", "20", "20",
                                                "20"]]))
    put("comma_weight_in_comma_file.csv",
        csv([HEAD + W, g1 + ['"12,5"', "20", "20", "20", "27.5"]]))
    put("bad_thousands.csv", csv([HEAD + W, g1 + ["1.23,5", "20", "20",
                                                  "20", "20"]], ";"))
    put("word_overall.csv", csv([HEAD + ["overall"], g1 + ["bien"]]))
    long = "x" * 80
    put("long_value.csv", csv([HEAD, cell(g1, 4, long)]))
    put("accented_value.csv", csv([HEAD, cell(g1, 4, "sí")]))
    # codebooks (read against a good export)
    put("good.csv", csv([HEAD, g1, g2]))
    put("cb_label_value.csv", "label,Bueno,alto\n")
    put("cb_duplicate_label.csv", "label,Bueno,6\nlabel,BUENO,7\n")
    put("cb_item_before_dimension.csv", "item,1,TAN\n")
    put("cb_unknown_role.csv", "column,Q1,Q,1\n")
    put("cb_duplicate_dimension.csv", "dimension,A,Uno\ndimension,a,Dos\n"
        "item,1,A\n")
    put("cb_scale_text.csv", "scale,uno,siete\n")
    put("cb_column_no_item.csv", "column,Q1,E,99\n")
    put("cb_unterminated.csv", 'label,"Bueno,6\n')
    put("cb_dimension_without_items.csv", "dimension,A,Uno\n"
        "dimension,B,Dos\nitem,1,A\n")
    put("cb_weight_no_dimension.csv", "column,peso,W,XYZ\n")


main()
