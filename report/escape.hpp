#pragma once
// Escaping of text that comes from evidence or rules, for each markup a report is written in.
#include <string>
#include <string_view>

namespace shall {

// HTML / XML text and attribute values: & < > " ' become entities.
std::string html_escape(std::string_view s);

// XML 1.0: html_escape, characters XML cannot hold (control characters but tab, LF, CR)
// dropped; in attributes (`attribute` true) tab, LF and CR are kept as character references.
std::string xml_escape(std::string_view s, bool attribute = false);

// Markdown inline text: the characters Markdown gives a meaning to (\ ` * _ [ ] | ~ #) are
// backslash-escaped, < > & become entities (so `<script>` stays text), line breaks become
// spaces. With `line_start` (text that begins a line or list item) a leading + - = or "1."
// that would open a block is escaped too.
std::string md_escape(std::string_view s, bool line_start = false);

// Spreadsheet cells (CSV, XLSX): a value beginning with = + - @ (or a tab or CR) would be
// read as a formula; it gets a leading apostrophe so it stays text.
std::string neutralise_formula(std::string s);

// CSV (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string csv_field(std::string_view s);

// A path as a URI reference: every byte but unreserved characters and '/' percent-encoded.
std::string uri_path(std::string_view path);

}  // namespace shall
