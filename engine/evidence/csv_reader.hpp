#pragma once
// RFC 4180 tokenizer over a whole file in memory: quoted fields, "" escapes, embedded commas
// and line breaks inside quotes, optional UTF-8 BOM, LF or CRLF line ends. Cells are views into
// the input; only quoted cells that need unescaping are copied (into a buffer reused per record).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shall {

struct CsvRecord {
    std::uint32_t line = 0;                // physical line on which the record starts (1-based)
    std::vector<std::string_view> cells;   // valid until the next call to CsvReader::next
    std::string_view raw;                  // the record's bytes, without its line break
    bool text_after_quote = false;         // e.g. "abc"def: the trailing text is kept in the cell
};

class CsvReader {
public:
    enum class Status { record, end, unterminated_quote };

    explicit CsvReader(std::string_view text);  // text must outlive the reader
    // Reads `text` from byte `begin`, which starts physical line `line` (a piece of a file).
    CsvReader(std::string_view text, std::size_t begin, std::uint32_t line);

    // The next record. Blank lines (empty or only spaces and tabs) are skipped. After
    // unterminated_quote, `record.line` is where the record starts and quote_line() where the
    // quote that never closes was opened; the rest of the file has been consumed.
    Status next(CsvRecord& record);
    std::uint32_t quote_line() const { return quote_line_; }
    // Skips blank lines; then the byte where the next record starts and its line.
    std::size_t next_record_start();
    std::uint32_t line() const { return line_; }
    std::size_t size() const { return text_.size(); }
    // Last physical line of the input (a final line break does not start a new line).
    std::uint32_t last_line() const;

private:
    struct Span {
        std::size_t begin, size;
        bool in_scratch;
    };
    bool skip_blank_line();
    bool read_quoted(Span& span);
    void read_plain(Span& span);
    bool read_plain_cells();
    void take_text_after_quote(Span& span, CsvRecord& record);
    std::size_t cell_end(std::size_t from) const;  // position of the next ',' or '\n' (or end)

    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t quote_line_ = 0;
    std::string scratch_;
    std::vector<Span> spans_;
};

}  // namespace shall
