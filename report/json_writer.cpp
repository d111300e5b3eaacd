#include "json_writer.hpp"

#include <array>
#include <cstdint>

namespace shall {

namespace {

constexpr std::size_t indent_step = 2;

// Bytes copied as they are when no UTF-8 sequence is open: printable ASCII and DEL, except
// the quotation mark and the backslash.
constexpr std::array<bool, 256> plain_ascii = [] {
    std::array<bool, 256> table{};
    for (int b = 0x20; b < 0x80; ++b) table[b] = b != '"' && b != '\\';
    return table;
}();

void append_ascii_escape(std::string& out, unsigned char c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\t': out += "\\t"; return;
        case '\n': out += "\\n"; return;
        case '\f': out += "\\f"; return;
        case '\r': out += "\\r"; return;
        default: {   // other control characters: \u00xx, lowercase hex as nlohmann prints them
            static constexpr char hex[] = "0123456789abcdef";
            const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escape, sizeof escape);
        }
    }
}

// A UTF-8 sequence starting at a byte >= 0x80: either well formed (`valid`, `length` bytes),
// or ill formed, `length` being the bytes to replace by one U+FFFD: the lead byte and the
// continuation bytes that still fit it (the "maximal subpart"). The byte that broke the
// sequence is not part of it; it is read again as the start of what follows. This is what
// nlohmann's DFA decoder with error_handler_t::replace does.
struct Utf8Sequence {
    std::size_t length;
    bool valid;
};

Utf8Sequence scan_utf8_sequence(const unsigned char* s, std::size_t available) {
    const unsigned char lead = s[0];
    std::size_t length;                                   // of the well-formed sequence
    unsigned char second_min = 0x80, second_max = 0xBF;   // the range the byte after the lead must be in
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) second_min = 0xA0;        // no overlong forms
        else if (lead == 0xED) second_max = 0x9F;   // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) second_min = 0x90;        // no overlong forms
        else if (lead == 0xF4) second_max = 0x8F;   // nothing above U+10FFFF
    } else {
        return {1, false};   // a continuation byte, C0, C1 or F5..FF where a sequence should start
    }
    for (std::size_t i = 1; i < length; ++i) {
        if (i == available) return {i, false};   // cut short by the end of the string
        const unsigned char min = i == 1 ? second_min : 0x80, max = i == 1 ? second_max : 0xBF;
        if (s[i] < min || s[i] > max) return {i, false};
    }
    return {length, true};
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        std::size_t plain_end = i;
        while (plain_end < size && plain_ascii[s[plain_end]]) ++plain_end;
        out.append(text.data() + i, plain_end - i);
        i = plain_end;
        if (i == size) break;
        if (s[i] < 0x80) {
            append_ascii_escape(out, s[i]);
            ++i;
            continue;
        }
        const Utf8Sequence sequence = scan_utf8_sequence(s + i, size - i);
        if (sequence.valid) out.append(text.data() + i, sequence.length);
        else out += "\xEF\xBF\xBD";   // U+FFFD REPLACEMENT CHARACTER
        i += sequence.length;
    }
}

void JsonWriter::start_element() {
    maybe_flush();
    if (container_has_elements_.empty()) return;   // the top-level value
    out_ += container_has_elements_.back() ? ",\n" : "\n";
    container_has_elements_.back() = true;
    out_.append(container_has_elements_.size() * indent_step, ' ');
}

void JsonWriter::begin_value() {
    if (after_key_) after_key_ = false;
    else start_element();
}

void JsonWriter::key(std::string_view name) {
    start_element();
    write_quoted(name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::open(char bracket) {
    begin_value();
    out_ += bracket;
    container_has_elements_.push_back(false);
}

void JsonWriter::close(char bracket) {
    const bool had_elements = container_has_elements_.back();
    container_has_elements_.pop_back();
    if (had_elements) {
        out_ += '\n';
        out_.append(container_has_elements_.size() * indent_step, ' ');
    }
    out_ += bracket;
}

void JsonWriter::write_quoted(std::string_view text) {
    out_ += '"';
    append_json_escaped(out_, text);
    out_ += '"';
}

void JsonWriter::value(std::string_view text) {
    begin_value();
    write_quoted(text);
}

void JsonWriter::value(bool flag) {
    begin_value();
    out_ += flag ? "true" : "false";
}

void JsonWriter::value(std::nullptr_t) {
    begin_value();
    out_ += "null";
}

void JsonWriter::value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts) value(text);
    end_array();
}

}  // namespace shall
