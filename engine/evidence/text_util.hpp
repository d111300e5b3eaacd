#pragma once
// Small text helpers shared by the readers: trimming, byte checks and message quoting.
#include <string>
#include <string_view>

namespace shall {

// Strips ASCII spaces, tabs, CR and LF at both ends. Inline: it runs on every cell read.
inline std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

struct ByteCheck {
    bool nul = false;           // a 0x00 byte
    bool invalid_utf8 = false;  // a byte sequence that is not well-formed UTF-8
    bool clean() const { return !nul && !invalid_utf8; }
};
ByteCheck check_bytes(std::string_view s);

// s with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view s);

// True when the bytes start with a UTF-16 byte order mark (a spreadsheet "Unicode text" export).
bool utf16_bom(std::string_view bytes);

// How deeply arrays and objects nest in a JSON text (strings skipped); stops counting at `stop`.
std::size_t json_depth(std::string_view text, std::size_t stop);

// A value as shown in a message: quoted, cut after 60 characters, line breaks escaped.
std::string quote_value(std::string_view s);

// "a, b, c"
template <class Range>
std::string join(const Range& items, std::string_view sep) {
    std::string out;
    bool first = true;
    for (const auto& i : items) {
        if (!first) out += sep;
        out += i;
        first = false;
    }
    return out;
}

}  // namespace shall
