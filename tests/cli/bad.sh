# The bad-input corpus (tests/data/bad/, written by gen.py there): every
# file gets its exact message and exit code, and nothing on stdout.
B=tests/data/bad
_bad() {	# FILE [LINE]:MESSAGE [sq-gap options...]
	_f=$1 _m=$2
	shift 2
	t "bad: $_f" 1 - "sq-gap: $B/$_f:$_m" sq-gap "$@" "$B/$_f"
}
_cb() {		# CODEBOOK [LINE]:MESSAGE
	t "bad: $1" 1 - "sq-gap: $B/$1:$2" sq-gap -c "$B/$1" "$B/good.csv"
}
_nan='is not a number'
_scale='is outside the scale 1..7'
_req='not found (items are E1..E22 and P1..P22; name other columns in a codebook with -c)'
_quote='malformed quoted field (a quote inside an unquoted field, or text after a closing quote)'

# reader
_bad empty.csv " empty file: no header row"
_bad bom_only.csv " empty file: no header row"
_bad header_only.csv " no data rows after the header"
_bad nul_byte.csv "3: column #1: binary data (a NUL byte): not a CSV text file"
_bad png.csv "3: column #1: binary data (a NUL byte): not a CSV text file"
_bad unterminated_quote.csv "3: column #1: unterminated quoted field (the quote opened here is never closed)"
_bad quote_in_field.csv "3: column #1: $_quote"
_bad text_after_quote.csv "3: column #1: $_quote"
_bad ragged_short.csv "3: row has 44 fields, the header has 45"
_bad ragged_long.csv "3: row has 46 fields, the header has 45"
_bad trailing_text.csv "3: row has 47 fields, the header has 45"
t "bad: trailing_empty_cells.csv is fine" 0 '*' - sq-gap $B/trailing_empty_cells.csv
_bad too_many_columns.csv "1: column #4097: more than 4096 columns"
_bad utf16_odd_byte.txt "3: UTF-16 input ends in the middle of a character (odd number of bytes)"
_bad utf16_lone_surrogate.txt "2: UTF-16 high surrogate U+D83D without a low one"
t "bad: cp1252_forced_utf8.csv" 1 - "sq-check: $B/cp1252_forced_utf8.csv:3: invalid UTF-8 (byte 0xF1); if the file is Windows-1252 give --encoding cp1252" \
    sq-check --encoding utf-8 $B/cp1252_forced_utf8.csv
t "bad: cp1252 detected when not forced" 0 '*' \
    "~warning: not valid UTF-8; read as Windows-1252" sq-gap $B/cp1252_forced_utf8.csv

# header
_bad no_items.csv "1: required column E1 $_req"
_bad missing_p22.csv "1: required column P22 $_req"
_bad qualtrics_without_codebook.csv "1: required column E1 $_req"
_bad duplicate_column.csv "1: column e1 (#46): duplicate column: it holds the same answer as column E1 (#2)"
_bad duplicate_recognised.csv "1: column grupo/E1 (#46): duplicate column: it holds the same answer as column E1 (#2)"
_bad partial_weights.csv "1: weight column W_EMP not found (the other weight columns are there)"
_bad by_ambiguous.csv "1: segment column \"sucursal\" matches several columns; give the full name" --by sucursal
t "bad: by_ambiguous.csv, full name" 0 '*' - sq-gap --by b/sucursal $B/by_ambiguous.csv

# values
_bad off_scale_high.csv "3: column E5 (#6): \"9\" $_scale"
_bad off_scale_zero.csv "3: column P8 (#31): \"0\" $_scale"
_bad negative_answer.csv "2: column E2 (#3): \"-3\" $_scale"
_bad fraction.csv "3: column P18 (#41): \"4.5\" is not a whole number on the scale 1..7"
_bad word_answer.csv "2: column E8 (#9): \"bueno\" $_nan"
_bad accented_value.csv "2: column E4 (#5): \"sí\" $_nan"
_bad label_without_codebook.csv "2: column E1 (#2): \"Totalmente de acuerdo\" $_nan"
_bad label_not_in_codebook.csv "2: column E1 (#2): \"Muy de acuerdo\" is not a number or a label of the codebook" -c $B/labels.codebook.csv
_bad hex_answer.csv "2: column E3 (#4): \"0x7\" $_nan"
_bad inf_answer.csv "2: column E3 (#4): \"inf\" $_nan"
t "bad: exponent_answer.csv (7e0) is a number" 0 '*' - sq-gap $B/exponent_answer.csv
_bad huge_answer.csv "2: column E3 (#4): \"1e308\" $_scale"
_bad overflow_answer.csv "2: column E3 (#4): \"1e400\" is beyond the range of numbers"
_bad overflow_weight.csv "2: column W_TAN (#46): \"-1E+999\" is beyond the range of numbers"
_bad two_numbers.csv "2: column E3 (#4): \"7 7\" $_nan"
_bad long_value.csv "2: column E4 (#5): \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" $_nan"
_bad negative_weight.csv "2: column W_RES (#48): \"-5\" is negative; weights are 0 or more"
_bad word_weight.csv "2: column W_TAN (#46): \"veinte\" $_nan"
_bad comma_weight_in_comma_file.csv "2: column W_TAN (#46): \"12,5\" is not a number (a decimal comma needs ';' or tab as the delimiter)"
_bad bad_thousands.csv "2: column W_TAN (#46): \"1.23,5\" $_nan"
_bad word_overall.csv "2: column overall (#46): \"bien\" $_nan"

# codebooks
_cb cb_label_value.csv "1: column #3: label value \"alto\" is not a number"
_cb cb_duplicate_label.csv "2: column #2: label \"BUENO\" is declared twice"
_cb cb_item_before_dimension.csv "1: column #1: declare the dimensions (dimension rows) before the items"
_cb cb_unknown_role.csv "1: column #3: unknown column role \"Q\" (E, P, A, D, W, overall, segment or id)"
_cb cb_duplicate_dimension.csv "2: column #2: dimension \"a\" is declared twice"
_cb cb_scale_text.csv "1: column #2: scale minimum \"uno\" is not a number"
_cb cb_column_no_item.csv "1: column #4: there is no item \"99\""
_cb cb_unterminated.csv "1: column #2: unterminated quoted field (the quote opened here is never closed)"
_cb cb_dimension_without_items.csv " dimension B has no items"
_cb cb_weight_no_dimension.csv "1: column #4: there is no dimension \"XYZ\""

# every file of the corpus has a case above
for _f in $B/*.csv $B/*.txt; do
	case ${_f##*/} in good.csv|labels.codebook.csv) continue ;; esac
	grep -q "${_f##*/}" tests/cli/bad.sh || bad "bad: ${_f##*/} has no case"
done
