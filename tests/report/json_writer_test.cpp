// JsonWriter against nlohmann: whatever the writer streams must be byte for byte what
// nlohmann's dump(2, ' ', false, error_handler_t::replace) prints for the same value, for
// tricky strings (escapes, control characters, UTF-8 valid, invalid and cut short) and for
// nested, empty and numeric values.
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "report/json_writer.hpp"

using json = nlohmann::ordered_json;

namespace {

std::string nlohmann_dump(const json& value) {
    return value.dump(2, ' ', false, json::error_handler_t::replace);
}

// Streams a json value through JsonWriter, member by member.
void stream(shall::JsonWriter& w, const json& value) {
    switch (value.type()) {
        case json::value_t::object:
            w.begin_object();
            for (const auto& [name, member] : value.items()) {
                w.key(name);
                stream(w, member);
            }
            w.end_object();
            break;
        case json::value_t::array:
            w.begin_array();
            for (const auto& element : value) stream(w, element);
            w.end_array();
            break;
        case json::value_t::string: w.value(value.get_ref<const std::string&>()); break;
        case json::value_t::number_unsigned: w.value(value.get<std::uint64_t>()); break;
        case json::value_t::number_integer: w.value(value.get<std::int64_t>()); break;
        case json::value_t::boolean: w.value(value.get<bool>()); break;
        case json::value_t::null: w.value(nullptr); break;
        default: FAIL("the test streams no other json types");
    }
}

std::string streamed(const json& value) {
    shall::JsonWriter w;
    stream(w, value);
    return w.take();
}

std::string written_string(const std::string& text) {
    shall::JsonWriter w;
    w.value(text);
    return w.take();
}

std::string hex(const std::string& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) out += std::string{digits[b >> 4], digits[b & 0xF], ' '};
    return out;
}

// Every string in `texts` as a string value, and as a key, must come out as nlohmann prints it.
void check_strings(const std::vector<std::string>& texts) {
    for (const auto& text : texts) {
        INFO("bytes: " << hex(text));
        REQUIRE(written_string(text) == nlohmann_dump(json(text)));
        json object = json::object();
        object[text] = text;
        REQUIRE(streamed(object) == nlohmann_dump(object));
    }
}

}  // namespace

TEST_CASE("JsonWriter escapes strings as nlohmann does", "[report][json]") {
    check_strings({"", "plain", "say \"hi\"", "back\\slash", "\\\"", "tab\there", "a\b\f\n\r\tz", "DEL\x7F",
                   std::string("nul\0byte", 8), "\x1F\x01", "caf\xC3\xA9", "\xE2\x82\xAC 100", "\xF0\x9F\x98\x80",
                   "\xEF\xBF\xBD", "\xED\x9F\xBF", "\xEE\x80\x80", "\xF4\x8F\xBF\xBF"});
    CHECK(written_string("a\"b\\c\x01\x7F") == "\"a\\\"b\\\\c\\u0001\x7F\"");
    CHECK(written_string("\x1F") == "\"\\u001f\"");
}

TEST_CASE("JsonWriter replaces invalid UTF-8 as nlohmann does", "[report][json]") {
    check_strings({
        "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xF5\x80\x80\x80", "\xFF", "\xFE\xFF",   // never valid
        "\xE0\x80\x80", "\xF0\x80\x80\x80",                                                // overlong
        "\xED\xA0\x80", "\xED\xBF\xBF",                                                    // surrogates
        "\xF4\x90\x80\x80",                                                                // above U+10FFFF
        "\xC3", "\xE2\x82", "\xF0\x9F\x98", "ok\xE2", "ok\xF0\x9F",                         // cut short at the end
        "\xE2\x82" "A", "\xC3\xC3\xA9", "\xF0\x9F\x98\x22", "\xE2\x0A", "\xC3\x5C",          // broken by a byte read again
        "caf\xC3\xA9\xA9 \xE2\x82\xAC\x80", "\x80\x80\x80", "\xC3\xA9\xFF\xC3\xA9",
    });
}

TEST_CASE("JsonWriter matches nlohmann on every one- and two-byte string", "[report][json]") {
    std::vector<std::string> texts;
    for (int a = 0; a < 256; ++a) {
        texts.push_back(std::string(1, static_cast<char>(a)));
        for (int b = 0; b < 256; ++b) texts.push_back(std::string{static_cast<char>(a), static_cast<char>(b)});
    }
    check_strings(texts);
}

TEST_CASE("JsonWriter matches nlohmann on random strings of boundary bytes", "[report][json]") {
    // Bytes at the edges of the UTF-8 ranges and of the escapes, so that random strings hit
    // every state of the decoder.
    const std::vector<unsigned char> bytes = {0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x7F,
                                              0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                              0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    std::mt19937 random(20001);   // fixed seed: the same strings on every run
    std::uniform_int_distribution<std::size_t> pick(0, bytes.size() - 1), length(0, 12);
    std::vector<std::string> texts;
    for (int n = 0; n < 20000; ++n) {
        std::string text(length(random), '\0');
        for (auto& c : text) c = static_cast<char>(bytes[pick(random)]);
        texts.push_back(std::move(text));
    }
    check_strings(texts);
}

TEST_CASE("JsonWriter lays out nested, empty and numeric values as nlohmann does", "[report][json]") {
    const json document = {
        {"empty_object", json::object()},
        {"empty_array", json::array()},
        {"", ""},
        {"nested_empty", json::array({json::array(), json::object(), json::array({json::array()}),
                                      json::object({{"inner", json::object()}})})},
        {"numbers", json::array({0, 1, -1, std::numeric_limits<std::int64_t>::min(),
                                 std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::uint64_t>::max(),
                                 std::uint64_t{10000000000000000000u}, -1234567890123})},
        {"flags", json::array({true, false, nullptr})},
        {"key \"quoted\"\n\xC3\xA9\xFF", json::object({{"deep", json::array({json::object({{"x", "y\x01"}})})}})},
        {"strings", json::array({"a", "", "\xE2\x82"})},
    };
    CHECK(streamed(document) == nlohmann_dump(document));
    for (const json& scalar : {json(nullptr), json(true), json(42), json(-42), json("top"), json::array(), json::object()})
        CHECK(streamed(scalar) == nlohmann_dump(scalar));
}

TEST_CASE("JsonWriter writes string arrays and members", "[report][json]") {
    shall::JsonWriter w;
    w.begin_object();
    w.member("list", std::vector<std::string>{"a", "b\"c"});
    w.member("none", std::vector<std::string>{});
    w.member("count", std::size_t{3});
    w.member("name", "shall");
    w.end_object();
    const json expected = {{"list", {"a", "b\"c"}}, {"none", json::array()}, {"count", 3}, {"name", "shall"}};
    CHECK(w.take() == nlohmann_dump(expected));
}

TEST_CASE("JsonWriter with a sink hands over the same bytes in pieces", "[report][json]") {
    json doc = json::array();
    for (int i = 0; i < 40000; ++i) doc.push_back({{"id", "INC" + std::to_string(i)}, {"n", i}, {"text", std::string(20, 'x')}, {"empty", json::object()}});
    shall::JsonWriter whole;
    stream(whole, doc);
    const std::string expected = whole.take();
    REQUIRE(expected.size() > (3 << 20));   // several pieces

    std::string joined;
    std::size_t pieces = 0;
    shall::JsonWriter streamed([&](std::string_view piece) {
        joined.append(piece);
        ++pieces;
    });
    stream(streamed, doc);
    CHECK(pieces >= 2);               // handed over as it went, not all at the end
    CHECK(joined.size() < expected.size());
    streamed.finish();
    CHECK(pieces >= 3);
    CHECK(joined == expected);
    CHECK(joined == nlohmann_dump(doc));
}
