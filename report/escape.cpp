#include "escape.hpp"

#include <fmt/format.h>

namespace shall {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string xml_escape(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '\t' || c == '\n' || c == '\r') {
            if (attribute) out += fmt::format("&#{};", static_cast<int>(u));
            else out += c;
        } else if (u < 0x20 || u == 0x7f) {
            continue;   // not allowed in XML 1.0 (0x7f is allowed but invisible: dropped too)
        } else {
            out += html_escape(std::string_view(&c, 1));
        }
    }
    return out;
}

std::string md_escape(std::string_view s, bool line_start) {
    std::string out;
    out.reserve(s.size());
    // what would open a block where the text starts a line: a list item, a setext underline
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    bool ordered = line_start && digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')');
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if ((line_start && i == 0 && (c == '+' || c == '-' || c == '=')) || (ordered && i == digits)) {
            out += '\\';
            out += c;
            continue;
        }
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~': case '#':
                out += '\\';
                out += c;
                break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\r': break;
            case '\n': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

std::string neutralise_formula(std::string s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(s.begin(), '\'');
    return s;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string uri_path(std::string_view path) {
    std::string out;
    for (char c : path) {
        auto u = static_cast<unsigned char>(c);
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                    c == '_' || c == '~' || c == '/';
        out += keep ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned>(u));
    }
    return out;
}

}  // namespace shall
