#include "csv_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "../../dsl/diagnostics.hpp"

#include "byte_scan.hpp"
#include "csv_reader.hpp"
#include "table_builder.hpp"
#include "text_util.hpp"
#include "type_file.hpp"

namespace shall {

namespace {

void mark_present(LoadedFile& out) {
    out.table.presence = Presence::present;
    out.table.file = out.log.file();
}

// Maps header cells to fields or extra columns; reports empty, duplicate and unknown names.
std::vector<CsvColumn> map_header(const CsvRecord& header, LoadedFile& out) {
    const RecordType& type = *out.table.type;
    std::vector<CsvColumn> columns(header.cells.size());
    std::vector<std::size_t> first_seen_at(type.fields.size(), 0);  // 1-based column, 0 = not seen
    std::vector<std::string> extra_names;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        std::string_view name = trim(header.cells[c]);
        if (name.empty()) {
            out.log.warning(header.line, "empty-column-name", fmt::format("column {} has no name in the header; its cells are ignored", c + 1));
            continue;
        }
        if (const FieldDecl* f = type.field(name)) {
            if (first_seen_at[f->index] != 0) {
                out.log.error(header.line, "duplicate-column",
                              fmt::format("column '{}' appears twice in the header (columns {} and {}); the second is ignored", name,
                                          first_seen_at[f->index], c + 1));
                continue;
            }
            first_seen_at[f->index] = c + 1;
            columns[c] = {CsvColumn::field, f->index};
            out.table.column_present[f->index] = true;
            continue;
        }
        auto known = std::find(extra_names.begin(), extra_names.end(), name);
        if (known != extra_names.end()) {
            out.log.error(header.line, "duplicate-column", fmt::format("column '{}' appears twice in the header; the second is ignored", name));
            continue;
        }
        extra_names.emplace_back(name);
        columns[c] = {CsvColumn::extra, out.table.extra_names.size()};
        out.table.extra_names.emplace_back(name);
        out.table.extra_columns.emplace_back();
        std::string hint = did_you_mean(std::string(name), type.field_names());
        out.log.info(header.line, "unknown-column",
                     fmt::format("column '{}' is not a field of {}; it is kept as a text attribute{}", name, type.name,
                                 hint.empty() ? "" : " (" + hint + ")"));
    }
    return columns;
}

bool has_id_column(const CsvRecord& header) {
    return std::any_of(header.cells.begin(), header.cells.end(), [](std::string_view c) { return trim(c) == "id"; });
}

bool all_empty(const CsvRecord& r) {
    for (auto c : r.cells)
        if (!trim(c).empty()) return false;
    return true;
}

void report_ragged(const CsvRecord& r, std::size_t header_cells, IssueLog& log) {
    if (r.cells.size() < header_cells)
        log.warning(r.line, "ragged-row",
                    fmt::format("the row has {} cells but the header has {}; the missing cells are read as empty", r.cells.size(), header_cells));
    else
        log.warning(r.line, "ragged-row",
                    fmt::format("the row has {} cells but the header has {}; the {} extra cells are ignored", r.cells.size(), header_cells,
                                r.cells.size() - header_cells));
}

// Cells with ill-formed UTF-8 are replaced by repaired copies held in `storage`.
void repair_cells(CsvRecord& r, std::vector<std::string>& storage) {
    storage.clear();
    storage.reserve(r.cells.size());  // no reallocation: the views below must stay valid
    for (auto& cell : r.cells) {
        if (check_bytes(cell).invalid_utf8) {
            storage.push_back(repair_utf8(cell));
            cell = storage.back();
        }
    }
}

// Reads the records that start before `end`; the reader is left at the first one that does not.
void read_rows(CsvReader& reader, std::size_t end, const CsvLayout& layout, LoadedFile& out) {
    IssueLog& log = out.log;
    const EvidenceLimits& limits = layout.limits;
    TableBuilder builder(out);
    CsvRecord record;
    std::vector<std::string> repaired;
    std::size_t records = 0;
    const std::size_t begin = reader.next_record_start();
    CsvReader::Status status = CsvReader::Status::record;
    while (reader.next_record_start() < end && (status = reader.next(record)) == CsvReader::Status::record) {
        if (records == 64) {   // room for the rest, judged from the first rows
            std::size_t at = reader.next_record_start(), average = std::max<std::size_t>(1, (at - begin) / records);
            const std::size_t rest = (std::min(end, reader.size()) - std::min(at, end)) / average * 9 / 8;
            builder.reserve(out.table.rows() + rest);
            // texts at the first rows' rate (later rows repeat more of them: an upper bound)
            out.strings.reserve(out.strings.size() * (records + rest) / records, out.strings.bytes() * (records + rest) / records);
        }
        if (all_empty(record)) continue;  // blank spreadsheet rows (",,,") carry nothing to import
        if (++records > limits.max_records) {
            log.error(record.line, "too-many-records",
                      fmt::format("the file has more than {} records (--max-records); lines {}-{} are not imported",
                                  limits.max_records, record.line, reader.last_line()));
            return;
        }
        if (record.raw.size() > limits.max_line_length) {
            log.error(record.line, "line-too-long",
                      fmt::format("the row is {} bytes long, more than {} (--max-line-length); it is not imported",
                                  record.raw.size(), limits.max_line_length));
            continue;
        }
        ByteCheck check = check_bytes(record.raw);
        if (check.nul) {
            log.error(record.line, "nul-byte", "the row contains a NUL byte; it is not imported");
            continue;
        }
        if (check.invalid_utf8) {
            log.warning(record.line, "invalid-utf8", "the row is not valid UTF-8; the bad bytes are replaced by U+FFFD");
            repair_cells(record, repaired);
        }
        if (record.text_after_quote) log.warning(record.line, "malformed-quote", "text follows a closing quote; it is kept as part of the cell");
        if (record.cells.size() != layout.header_cells) report_ragged(record, layout.header_cells, log);

        builder.begin_row(record.line);
        std::size_t n = std::min(record.cells.size(), layout.header_cells);
        for (std::size_t c = 0; c < n; ++c) {
            const CsvColumn& col = layout.columns[c];
            if (col.kind == CsvColumn::field) builder.set(col.index, record.cells[c]);
            else if (col.kind == CsvColumn::extra) builder.set_extra(col.index, record.cells[c]);
        }
        builder.end_row();
    }
    if (status == CsvReader::Status::unterminated_quote) {
        log.error(reader.quote_line(), "unterminated-quote",
                  fmt::format("a quote opened on line {} is never closed, so lines {}-{} read as one row; that row is not imported",
                              reader.quote_line(), record.line, reader.last_line()));
    }
}

// Cuts [begin, size) after line breaks into pieces of about `piece_bytes`.
std::vector<CsvPiece> cut(std::string_view bytes, std::size_t begin, std::size_t piece_bytes) {
    std::vector<CsvPiece> pieces;
    while (begin < bytes.size()) {
        std::size_t end = bytes.size();
        if (bytes.size() - begin > piece_bytes + piece_bytes / 2) {
            const void* nl = std::memchr(bytes.data() + begin + piece_bytes, '\n', bytes.size() - begin - piece_bytes);
            if (nl) end = static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data()) + 1;
        }
        CsvPiece piece;
        piece.begin = begin;
        piece.end = end;
        pieces.push_back(piece);
        begin = end;
    }
    if (pieces.empty()) pieces.push_back({begin, bytes.size()});
    return pieces;
}

}  // namespace

CsvLayout plan_csv_table(std::string_view bytes, LoadedFile& out, const EvidenceLimits& limits, std::size_t piece_bytes) {
    CsvLayout layout;
    layout.limits = limits;
    IssueLog& log = out.log;
    const RecordType& type = *out.table.type;
    if (utf16_bom(bytes)) {
        log.error(0, "malformed-file", fmt::format("the file is UTF-16 encoded; save it as UTF-8. {} counts as absent", type.name));
        return layout;
    }
    CsvReader reader(bytes);
    CsvRecord record;
    auto status = reader.next(record);
    if (status == CsvReader::Status::end) {
        mark_present(out);
        out.table.column_present.assign(type.fields.size(), true);
        log.warning(0, "empty-file", fmt::format("the file is empty, without even a header row; read as no {} records", type.name));
        return layout;
    }
    if (status == CsvReader::Status::unterminated_quote || !check_bytes(record.raw).clean()) {
        log.error(record.line, "malformed-file",
                  status == CsvReader::Status::unterminated_quote
                      ? fmt::format("a quote in the header row opened on line {} is never closed; {} counts as absent", reader.quote_line(), type.name)
                      : fmt::format("the header row contains NUL bytes or invalid UTF-8; {} counts as absent", type.name));
        return layout;
    }
    if (record.raw.size() > limits.max_line_length) {
        log.error(record.line, "line-too-long",
                  fmt::format("the header row is {} bytes long, more than {} (--max-line-length); {} counts as absent",
                              record.raw.size(), limits.max_line_length, type.name));
        return layout;
    }
    if (!has_id_column(record)) {
        log.error(record.line, "malformed-file", fmt::format("the header has no 'id' column; the file is not read and {} counts as absent", type.name));
        return layout;
    }
    mark_present(out);
    layout.readable = true;
    layout.columns = map_header(record, out);
    layout.extra_names = out.table.extra_names;
    layout.header_cells = record.cells.size();
    std::size_t rows_begin = reader.next_record_start();
    layout.rows_line = reader.line();
    layout.pieces = cut(bytes, rows_begin, std::max<std::size_t>(piece_bytes, 1));
    return layout;
}

void count_csv_lines(std::string_view bytes, CsvLayout& layout, std::size_t k) {
    CsvPiece& piece = layout.pieces[k];
    piece.breaks = static_cast<std::uint32_t>(count_byte(bytes.data() + piece.begin, bytes.data() + piece.end, '\n'));
}

void number_csv_pieces(std::string_view bytes, CsvLayout& layout) {
    std::uint32_t line = layout.rows_line;
    for (CsvPiece& piece : layout.pieces) {
        piece.line = line;
        line += piece.breaks;
    }
    // records never outnumber line breaks + 1
    if (layout.pieces.size() > 1 && line - layout.rows_line + 1 > layout.limits.max_records) {
        CsvPiece whole = layout.pieces.front();
        whole.end = bytes.size();
        whole.breaks = line - layout.rows_line;
        layout.pieces = {whole};
    }
}

void read_csv_piece(std::string_view bytes, CsvLayout& layout, std::size_t k, LoadedFile& out) {
    CsvPiece& piece = layout.pieces[k];
    if (k > 0) {   // the head has its columns from the header already
        out.table.presence = Presence::present;
        out.table.extra_names = layout.extra_names;
        out.table.extra_columns.assign(layout.extra_names.size(), {});
    }
    CsvReader reader(bytes, piece.begin, piece.line);
    piece.first = reader.next_record_start();
    read_rows(reader, piece.end, layout, out);   // the last piece ends at the end of the file
    piece.stop = reader.next_record_start();
    piece.stop_line = reader.line();
}

void settle_csv_piece(std::string_view bytes, CsvLayout& layout, std::size_t k, LoadedFile& out) {
    const CsvPiece& before = layout.pieces[k - 1];
    CsvPiece& piece = layout.pieces[k];
    if (piece.first == before.stop) return;
    // the cut fell inside a quoted cell (or a record ran past it): read from where the previous
    // piece stopped
    piece.begin = before.stop;
    piece.line = before.stop_line;
    piece.end = std::max(piece.end, piece.begin);
    out = LoadedFile(*out.table.type, out.log.file());
    read_csv_piece(bytes, layout, k, out);
}

void read_csv_table(std::string_view bytes, LoadedFile& out, const EvidenceLimits& limits) {
    CsvLayout layout = plan_csv_table(bytes, out, limits, bytes.size() + 1);
    if (!layout.readable) return;
    number_csv_pieces(bytes, layout);   // one piece: its line breaks are not needed
    read_csv_piece(bytes, layout, 0, out);
}

}  // namespace shall
