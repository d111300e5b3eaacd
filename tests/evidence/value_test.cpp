#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "engine/evidence/strings.hpp"
#include "engine/evidence/value_parse.hpp"

using namespace shall;

TEST_CASE("parse_int: whole numbers only, range checked", "[value]") {
    std::int64_t v = 0;
    CHECK(parse_int("42", v) == IntResult::ok);
    CHECK(v == 42);
    CHECK(parse_int("-7", v) == IntResult::ok);
    CHECK(v == -7);
    CHECK(parse_int("+3", v) == IntResult::ok);
    CHECK(v == 3);
    CHECK(parse_int("9223372036854775807", v) == IntResult::ok);
    CHECK(parse_int("9223372036854775808", v) == IntResult::out_of_range);
    CHECK(parse_int("-9223372036854775807", v) == IntResult::ok);
    CHECK(parse_int("-9223372036854775808", v) == IntResult::out_of_range);   // kept for "absent" in the store
    CHECK(parse_int("-99999999999999999999", v) == IntResult::out_of_range);
    CHECK(parse_int("1.5", v) == IntResult::not_integer);
    CHECK(parse_int("1.0", v) == IntResult::not_integer);
    CHECK(parse_int("1e3", v) == IntResult::not_integer);
    CHECK(parse_int("12abc", v) == IntResult::not_integer);
    CHECK(parse_int("+-1", v) == IntResult::not_integer);
    CHECK(parse_int("", v) == IntResult::not_integer);
    CHECK(parse_int("-", v) == IntResult::not_integer);
}

TEST_CASE("parse_decimal and format_decimal", "[value]") {
    CHECK(parse_decimal("99.95") == 99.95);
    CHECK(parse_decimal("-3") == -3.0);
    CHECK(parse_decimal("+2.5") == 2.5);
    CHECK(parse_decimal("1e3") == 1000.0);
    CHECK_FALSE(parse_decimal("99,95"));
    CHECK_FALSE(parse_decimal("1,000"));
    CHECK_FALSE(parse_decimal("inf"));
    CHECK_FALSE(parse_decimal("nan"));
    CHECK_FALSE(parse_decimal("12%"));
    CHECK_FALSE(parse_decimal(""));

    CHECK(format_decimal(99.95) == "99.95");
    CHECK(format_decimal(100.0) == "100");
    CHECK(format_decimal(100000.0) == "100000");
    CHECK(format_decimal(2.50) == "2.5");
    CHECK(format_decimal(0.1 + 0.2) == "0.30000000000000004");  // shortest form that reads back exactly
    CHECK(format_decimal(-0.0) == "0");
    CHECK(format_decimal(-1.25) == "-1.25");
    CHECK(format_decimal(1e25) == "1e+25");
    CHECK(format_decimal(99.9) == "99.9");
}

TEST_CASE("parse_bool: true/false/yes/no/1/0 in any case", "[value]") {
    for (auto s : {"true", "TRUE", "True", "yes", "YES", "Yes", "1"}) CHECK(parse_bool(s) == true);
    for (auto s : {"false", "FALSE", "no", "No", "0"}) CHECK(parse_bool(s) == false);
    for (auto s : {"y", "n", "2", "on", "", "truee"}) CHECK_FALSE(parse_bool(s));
}

TEST_CASE("parse_value per field kind", "[value]") {
    TextInterner pool;
    EnumDecl status;
    status.name = "status";
    status.values = {"new", "in_progress", "closed"};
    Value v;

    CHECK(parse_value(FieldKind::enum_, &status, "In_Progress", pool, v) == ParseProblem::none);
    CHECK(v.tag == Tag::enum_);
    CHECK(v.i == 1);
    CHECK(parse_value(FieldKind::enum_, &status, "CLOSED", pool, v) == ParseProblem::none);
    CHECK(v.i == 2);
    CHECK(parse_value(FieldKind::enum_, &status, "pending", pool, v) == ParseProblem::unknown_enum);

    CHECK(parse_value(FieldKind::text, nullptr, "hello", pool, v) == ParseProblem::none);
    CHECK(v.tag == Tag::text);
    CHECK(pool.view(static_cast<std::uint32_t>(v.i)) == "hello");

    CHECK(parse_value(FieldKind::ref, nullptr, "PRB1", pool, v) == ParseProblem::none);
    CHECK(v.tag == Tag::dangling_ref);  // resolved later by the bundle loader
    CHECK(pool.view(static_cast<std::uint32_t>(v.i)) == "PRB1");

    CHECK(parse_value(FieldKind::int_, nullptr, "1.5", pool, v) == ParseProblem::bad_value);
    CHECK(parse_value(FieldKind::int_, nullptr, "99999999999999999999", pool, v) == ParseProblem::out_of_range);
    CHECK(parse_value(FieldKind::date, nullptr, "2026-02-30", pool, v) == ParseProblem::bad_value);
    CHECK(parse_value(FieldKind::date, nullptr, "2026-02-28", pool, v) == ParseProblem::none);
    CHECK(v.tag == Tag::date);
    CHECK(parse_value(FieldKind::datetime, nullptr, "2026-02-28", pool, v) == ParseProblem::bad_value);
    CHECK(parse_value(FieldKind::bool_, nullptr, "No", pool, v) == ParseProblem::none);
    CHECK(v.tag == Tag::bool_);
    CHECK(v.i == 0);

    CHECK(expected_text(FieldKind::enum_, &status) == "one of: new, in_progress, closed");
    CHECK(expected_text(FieldKind::int_, nullptr) == "a whole number");
}

TEST_CASE("TextInterner interns each text once", "[value]") {
    TextInterner t;
    std::vector<std::uint32_t> ids;
    for (int i = 0; i < 5000; ++i) ids.push_back(t.intern("text " + std::to_string(i)));  // several index growths
    CHECK(t.size() == 5000);
    for (int i = 0; i < 5000; ++i) {
        CHECK(t.intern("text " + std::to_string(i)) == ids[i]);
        CHECK(t.view(ids[i]) == "text " + std::to_string(i));
    }
    CHECK(t.intern("") == 5000);
    CHECK(t.view(5000).empty());
}

TEST_CASE("StringPool interns each text once", "[value]") {
    StringPool pool;
    auto a = pool.intern("alpha");
    auto b = pool.intern("beta");
    CHECK(a != b);
    CHECK(pool.intern(std::string("alpha")) == a);
    CHECK(pool.find("beta") == b);
    CHECK(pool.find("gamma") == StringPool::npos);
    CHECK(pool.size() == 2);
    for (int i = 0; i < 10000; ++i) pool.intern("s" + std::to_string(i));  // growth keeps old views valid
    CHECK(pool.view(a) == "alpha");
    CHECK(pool.find("alpha") == a);
}

TEST_CASE("StringPool tells apart texts kept in their slot and longer ones", "[value]") {
    StringPool pool;
    // every length around the 11 bytes a slot holds, texts that differ only in their last byte
    // or only after the bytes a long text's slot keeps, and bytes of every value, NUL included
    std::vector<std::string> texts;
    for (std::size_t n = 0; n <= 40; ++n) {
        texts.push_back(std::string(n, 'x'));
        if (n > 0) texts.push_back(std::string(n - 1, 'x') + 'y');
        if (n > 0) texts.push_back(std::string(n - 1, 'x') + '\0');
    }
    for (int c = 0; c < 256; ++c) texts.push_back(std::string("id") + static_cast<char>(c));
    texts.push_back("INC00000001");
    texts.push_back("INC00000002");
    texts.push_back("INC000000001");
    texts.push_back("Applied the vendor hotfix, save works again.");
    texts.push_back("Applied the vendor hotfix, save works again!");
    std::vector<std::uint32_t> ids;
    for (const auto& t : texts) ids.push_back(pool.intern(t));
    std::set<std::uint32_t> distinct(ids.begin(), ids.end());
    CHECK(distinct.size() == texts.size());
    for (int i = 0; i < 20000; ++i) pool.intern("filler " + std::to_string(i));   // the slots are rebuilt several times
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CHECK(pool.find(texts[i]) == ids[i]);
        CHECK(pool.intern(texts[i]) == ids[i]);
        CHECK(pool.view(ids[i]) == texts[i]);
    }
    CHECK(pool.find(std::string_view("x\0x", 3)) == StringPool::npos);
    CHECK(pool.find(std::string(41, 'x')) == StringPool::npos);
}

TEST_CASE("StringPool keeps texts of every size across its 1 MB blocks, those of a MB and more in blocks of their own", "[value]") {
    StringPool pool;
    const std::size_t mb = std::size_t{1} << 20;
    std::vector<std::string> texts;
    for (std::size_t size : {mb - 2, std::size_t{3}, mb - 1, std::size_t{0}, mb, std::size_t{7}, 3 * mb + 5, std::size_t{1}, mb / 2 + 1, mb / 2 + 1}) {
        std::string t(size, 'a');
        for (std::size_t i = 0; i < size; i += 4099) t[i] = static_cast<char>('b' + texts.size());   // each text its own
        texts.push_back(std::move(t));
    }
    std::vector<std::uint32_t> ids;
    for (const auto& t : texts) ids.push_back(pool.intern(t));
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CHECK(pool.view(ids[i]).size() == texts[i].size());
        CHECK(pool.view(ids[i]) == texts[i]);
        CHECK(pool.find(texts[i]) == ids[i]);
    }
    CHECK(pool.view(pool.intern("")).empty());
}

TEST_CASE("TextInterner moved over by an empty one gives its texts' memory back", "[value]") {
    // a merged piece is replaced by an empty LoadedFile: its buffers must go with it, or a big
    // bundle keeps every piece's texts until the load ends
    TextInterner texts;
    texts.reserve(1000, 100000);
    for (int i = 0; i < 1000; ++i) texts.intern("text number " + std::to_string(i));
    REQUIRE(texts.reserved_bytes() >= 100000);
    texts = TextInterner{};
    CHECK(texts.reserved_bytes() == 0);
    CHECK(texts.size() == 0);
}

TEST_CASE("TextInterner::append gives a text a number of its own", "[value]") {
    TextInterner t;
    auto a = t.intern("INC1");
    auto b = t.append("INC1");
    auto c = t.append("INC1");
    CHECK(a != b);
    CHECK(b != c);
    CHECK(t.view(b) == "INC1");
    CHECK(t.hash(b) == StringPool::hash_of("INC1"));
    CHECK(t.intern("INC1") == a);   // looking a text up finds the interned one, not an appended one
}
