#include "text_util.hpp"
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace shall {

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is ill-formed
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return n;
}

}  // namespace

ByteCheck check_bytes(std::string_view s) {
    ByteCheck r;
    std::size_t i = 0;
    // 8 bytes at a time while they are plain ASCII without NUL (almost all evidence)
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
        std::memcpy(&w, s.data() + i, 8);
        if ((w & highs) != 0 || ((w - ones) & ~w & highs) != 0) break;
    }
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {  // the common case: plain ASCII
            r.nul |= c == 0;
            ++i;
            continue;
        }
        std::size_t n = utf8_length(s, i);
        if (n == 0) {
            r.invalid_utf8 = true;
            ++i;
        } else {
            i += n;
        }
    }
    return r;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = utf8_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

bool utf16_bom(std::string_view bytes) {
    return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

std::string quote_value(std::string_view s) {
    constexpr std::size_t limit = 60;
    std::string out = "'";
    std::size_t shown = 0;
    for (char c : s) {
        bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        if (shown >= limit && !continuation) {  // never cut a UTF-8 sequence in half
            out += "...";
            break;
        }
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\0') out += "\\0";
        else out += c;
        ++shown;
    }
    out += "'";
    return out;
}

std::size_t json_depth(std::string_view text, std::size_t stop) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > stop) return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

}  // namespace shall
