#pragma once
// A streaming JSON writer for large reports: it appends straight to one std::string instead
// of building a tree first, and its output is byte-for-byte what nlohmann's
// `dump(2, ' ', false, error_handler_t::replace)` prints for the same value: two-space
// indentation, `"key": value`, `[]` and `{}` for empty containers, integers in plain decimal,
// strings escaped as with ensure_ascii=false (non-ASCII UTF-8 and DEL pass through, control
// characters are escaped, each invalid UTF-8 sequence becomes U+FFFD). tests/report/
// json_writer_test.cpp holds it to nlohmann's output.
//
// Usage: begin_object(); key("a"); value(1); end_object(); then take(). The caller keeps
// the structure well formed (a key before every value in an object, none in an array).
// Constructed with a sink, the writer hands its text over in pieces of about a megabyte as it
// goes, and finish() hands over the rest: a big report never sits in memory whole.
#include <charconv>
#include <concepts>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace shall {

class JsonWriter {
public:
    using Sink = std::function<void(std::string_view)>;
    explicit JsonWriter(std::size_t reserve_bytes = 0) { out_.reserve(reserve_bytes); }
    explicit JsonWriter(Sink sink) : sink_(std::move(sink)) { out_.reserve(2 * flush_bytes); }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // The name of the next member of the current object.
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(const std::string& text) { value(std::string_view(text)); }
    void value(bool flag);
    void value(std::nullptr_t);
    template <std::integral Number>
        requires(!std::same_as<Number, bool>)
    void value(Number number) {
        begin_value();
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
        out_.append(digits, static_cast<std::size_t>(end - digits));
    }
    // An array of strings.
    void value(const std::vector<std::string>& texts);

    template <class Value>
    void member(std::string_view name, const Value& v) {
        key(name);
        value(v);
    }

    // The document written so far; the writer is left empty.
    std::string take() { return std::move(out_); }
    // With a sink: hands over what is not handed over yet.
    void finish() {
        if (!out_.empty()) sink_(out_);
        out_.clear();
    }

private:
    void begin_value();   // what goes before a value: nothing after a key, else ",\n" or "\n" and the indent
    void start_element();
    void open(char bracket);
    void close(char bracket);
    void write_quoted(std::string_view text);
    void maybe_flush() {
        if (sink_ && out_.size() >= flush_bytes) finish();
    }

    static constexpr std::size_t flush_bytes = std::size_t{1} << 20;
    Sink sink_;
    std::string out_;
    std::vector<bool> container_has_elements_;   // one entry per open array or object
    bool after_key_ = false;
};

// Appends `text` to `out` escaped for a JSON string (without the quotes) exactly as nlohmann's
// serializer does with ensure_ascii=false and error_handler_t::replace.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace shall
