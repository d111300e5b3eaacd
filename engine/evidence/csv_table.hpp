#pragma once
// A CSV type file read by several workers at once. plan_csv_table reads the header into the
// file's first piece and cuts the rest at line breaks into pieces of about `piece_bytes`;
// count_csv_lines (in parallel) and number_csv_pieces give each piece its first line number;
// read_csv_piece reads one piece into its own LoadedFile (pieces can be read in parallel);
// settle_csv_piece then reads again, in order, any piece whose cut fell inside a quoted cell.
// The rows, lines and problems are exactly those of reading the file in one go.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loaded_file.hpp"

namespace shall {

struct CsvColumn {   // where the cells of one CSV column go
    enum Kind { ignored, field, extra } kind = ignored;
    std::size_t index = 0;
};

struct CsvPiece {
    std::size_t begin = 0, end = 0;   // it reads the records that start in [begin, end)
    std::uint32_t breaks = 0;         // line breaks in [begin, end), from count_csv_lines
    std::uint32_t line = 0;           // the physical line at `begin`, from number_csv_pieces
    // set by read_csv_piece:
    std::size_t first = 0;            // where its first record starts (after blank lines)
    std::size_t stop = 0;             // where the next piece's first record must start
    std::uint32_t stop_line = 0;
};

struct CsvLayout {
    bool readable = false;            // false: the header is unusable and the type absent (logged)
    std::vector<CsvColumn> columns;   // per header cell
    std::vector<std::string> extra_names;
    std::size_t header_cells = 0;
    std::vector<CsvPiece> pieces;     // none when !readable
    std::uint32_t rows_line = 0;      // the physical line of the first piece
    EvidenceLimits limits;
};

// `head` receives the header's problems, the presence of the file and its columns, and becomes
// piece 0.
CsvLayout plan_csv_table(std::string_view bytes, LoadedFile& head, const EvidenceLimits& limits, std::size_t piece_bytes);
void count_csv_lines(std::string_view bytes, CsvLayout& layout, std::size_t k);
// After count_csv_lines for every piece. A file that may hold more records than
// --max-records is read as one piece, so that the limit's error names the first line left out.
void number_csv_pieces(std::string_view bytes, CsvLayout& layout);

// Piece k into `out`: the head for k = 0, otherwise a fresh LoadedFile of the same type and file.
void read_csv_piece(std::string_view bytes, CsvLayout& layout, std::size_t k, LoadedFile& out);

// Piece k (k > 0) was read by read_csv_piece, and the pieces before it are settled. When it did
// not start where the previous one stopped (its cut fell inside a quoted cell), it is read again
// from there.
void settle_csv_piece(std::string_view bytes, CsvLayout& layout, std::size_t k, LoadedFile& out);

}  // namespace shall
