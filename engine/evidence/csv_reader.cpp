#include "csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include "byte_scan.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace shall {

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

CsvReader::CsvReader(std::string_view text, std::size_t begin, std::uint32_t line) : text_(text), pos_(begin), line_(line) {}

std::size_t CsvReader::next_record_start() {
    while (skip_blank_line()) {
    }
    return pos_;
}

std::uint32_t CsvReader::last_line() const {
    auto newlines = static_cast<std::uint32_t>(std::count(text_.begin(), text_.end(), '\n'));
    bool ends_with_break = !text_.empty() && text_.back() == '\n';
    return newlines + (ends_with_break ? 0 : 1);
}

bool CsvReader::skip_blank_line() {
    std::size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t' || text_[p] == '\r')) ++p;
    if (p == text_.size()) {
        if (p == pos_) return false;
        pos_ = p;  // trailing whitespace at the end of the file
        return true;
    }
    if (text_[p] != '\n') return false;
    pos_ = p + 1;
    ++line_;
    return true;
}

std::size_t CsvReader::cell_end(std::size_t from) const {
    const char* begin = text_.data();
    return static_cast<std::size_t>(find_either(begin + from, begin + text_.size(), ',', '\n') - begin);
}

// Strips the CR of a CRLF line end from the cell [begin, end) when `end` is at the line end.
static std::size_t without_cr(std::string_view text, std::size_t begin, std::size_t end) {
    bool at_line_end = end == text.size() || text[end] == '\n';
    return (at_line_end && end > begin && text[end - 1] == '\r') ? end - 1 : end;
}

void CsvReader::read_plain(Span& span) {
    std::size_t e = cell_end(pos_);
    span = {pos_, without_cr(text_, pos_, e) - pos_, false};
    pos_ = e;
}

// Reads plain cells from pos_ until the record ends (true: pos_ at its '\n' or the end of the
// text) or until a cell that starts with a quote (false: pos_ at that quote). The line is
// scanned 16 bytes at a time for commas, line breaks and quotes at once; a quote inside a
// plain cell is part of it, as read_plain has it.
bool CsvReader::read_plain_cells() {
    const char* text = text_.data();
    const std::size_t size = text_.size();
    std::size_t cell = pos_;
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), line_break = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
    std::size_t p = cell;
    while (size - p >= 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + p));
        const auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma)));
        const auto stops = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, line_break), _mm_cmpeq_epi8(block, quote))));
        const unsigned before_stop = stops ? (1u << __builtin_ctz(stops)) - 1 : 0xFFFFu;
        for (unsigned m = commas & before_stop; m; m &= m - 1) {
            const std::size_t at = p + static_cast<std::size_t>(__builtin_ctz(m));
            spans_.push_back({cell, at - cell, false});
            cell = at + 1;
        }
        if (!stops) {
            p += 16;
            continue;
        }
        const std::size_t at = p + static_cast<std::size_t>(__builtin_ctz(stops));
        if (text[at] == '\n') {
            spans_.push_back({cell, without_cr(text_, cell, at) - cell, false});
            pos_ = at;
            return true;
        }
        pos_ = cell;
        if (at == cell) return false;   // a quoted cell
        Span span{};
        read_plain(span);
        spans_.push_back(span);
        if (pos_ == size || text[pos_] != ',') return true;
        cell = p = ++pos_;
    }
#endif
    pos_ = cell;
    for (;;) {
        if (pos_ < size && text[pos_] == '"') return false;
        Span span{};
        read_plain(span);
        spans_.push_back(span);
        if (pos_ == size || text[pos_] != ',') return true;
        ++pos_;
    }
}

// pos_ is at the opening quote. Returns false when the quote is never closed.
bool CsvReader::read_quoted(Span& span) {
    std::size_t segment = ++pos_;
    bool copied = false;
    std::size_t scratch_begin = scratch_.size();
    for (;;) {
        const void* hit = std::memchr(text_.data() + pos_, '"', text_.size() - pos_);
        if (!hit) {
            line_ += static_cast<std::uint32_t>(std::count(text_.begin() + pos_, text_.end(), '\n'));
            pos_ = text_.size();
            return false;
        }
        std::size_t q = static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data());
        line_ += static_cast<std::uint32_t>(count_byte(text_.data() + pos_, text_.data() + q, '\n'));
        if (q + 1 < text_.size() && text_[q + 1] == '"') {  // "" stands for one quote
            scratch_.append(text_.substr(segment, q + 1 - segment));
            copied = true;
            pos_ = segment = q + 2;
            continue;
        }
        if (copied) {
            scratch_.append(text_.substr(segment, q - segment));
            span = {scratch_begin, scratch_.size() - scratch_begin, true};
        } else {
            span = {segment, q - segment, false};
        }
        pos_ = q + 1;
        return true;
    }
}

// After a closing quote only a delimiter is expected; anything else (other than blanks) is kept
// as part of the cell and flagged, rather than silently lost.
void CsvReader::take_text_after_quote(Span& span, CsvRecord& record) {
    std::size_t e = cell_end(pos_);
    std::size_t text_end = without_cr(text_, pos_, e);
    std::string_view extra = text_.substr(pos_, text_end - pos_);
    pos_ = e;
    if (extra.find_first_not_of(" \t") == std::string_view::npos) return;
    record.text_after_quote = true;
    if (!span.in_scratch) {
        std::size_t b = scratch_.size();
        scratch_.append(text_.substr(span.begin, span.size));
        span = {b, span.size, true};
    }
    scratch_.append(extra);
    span.size += extra.size();
}

CsvReader::Status CsvReader::next(CsvRecord& record) {
    if (next_record_start() >= text_.size()) return Status::end;

    record.line = line_;
    record.text_after_quote = false;
    record.cells.clear();
    spans_.clear();
    scratch_.clear();
    std::size_t begin = pos_;
    for (;;) {
        if (pos_ == text_.size() || text_[pos_] != '"') {
            if (read_plain_cells()) break;
            continue;   // at a quoted cell
        }
        Span span{};
        std::uint32_t opened = line_;
        if (!read_quoted(span)) {
            quote_line_ = opened;
            record.raw = text_.substr(begin);
            return Status::unterminated_quote;
        }
        take_text_after_quote(span, record);
        spans_.push_back(span);
        if (pos_ < text_.size() && text_[pos_] == ',') {
            ++pos_;
            continue;
        }
        break;
    }
    record.raw = text_.substr(begin, without_cr(text_, begin, pos_) - begin);
    if (pos_ < text_.size()) {  // at the '\n' that ends the record
        ++pos_;
        ++line_;
    }
    for (const Span& s : spans_)
        record.cells.push_back(s.in_scratch ? std::string_view(scratch_).substr(s.begin, s.size) : text_.substr(s.begin, s.size));
    return Status::record;
}

}  // namespace shall
