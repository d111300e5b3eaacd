#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "engine/evidence/byte_scan.hpp"
#include "engine/evidence/id_index.hpp"
#include "engine/evidence/strings.hpp"

using namespace shall;

TEST_CASE("byte scans agree with a plain loop at every length and offset", "[scan]") {
    std::mt19937 rng(7);
    const std::string alphabet = "ab,\n\"x";
    for (int round = 0; round < 300; ++round) {
        std::string text(rng() % 700, 'a');
        for (char& c : text) c = alphabet[rng() % (round % 3 == 0 ? 2 : alphabet.size())];   // some without any hit
        for (std::size_t from : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{17}}) {
            if (from > text.size()) continue;
            const char* b = text.data() + from;
            const char* e = text.data() + text.size();
            const char* expected = std::find_if(b, e, [](char c) { return c == ',' || c == '\n'; });
            CHECK(find_either(b, e, ',', '\n') == expected);
            CHECK(count_byte(b, e, '\n') == static_cast<std::size_t>(std::count(b, e, '\n')));
        }
    }
    std::string many(16 * 300 + 5, '\n');   // more than 255 blocks of hits: the lane counters must not wrap
    CHECK(count_byte(many.data(), many.data() + many.size(), '\n') == many.size());
}

TEST_CASE("IdIndex keeps the first row of each key through growth", "[scan]") {
    IdIndex index;
    CHECK(index.find(3) == IdIndex::npos);
    for (std::uint32_t k = 0; k < 5000; ++k) CHECK(index.insert(k * 7919, k).second);
    for (std::uint32_t k = 0; k < 5000; ++k) {
        auto [row, inserted] = index.insert(k * 7919, 99999);
        CHECK_FALSE(inserted);
        CHECK(row == k);
    }
    CHECK(index.size() == 5000);
    CHECK(index.find(7919 * 4999) == 4999);
    CHECK(index.find(1) == IdIndex::npos);
    CHECK(index.entries().size() == 5000);
}

TEST_CASE("IdIndex reserved for a table's rows holds them in a third more slots, growing by half as pieces come", "[scan]") {
    IdIndex index;
    index.reserve(30000);
    const std::size_t reserved = index.capacity();
    CHECK(reserved <= 40001);
    for (std::uint32_t k = 0; k < 30000; ++k) REQUIRE(index.insert(k * 2654435761u, k).second);
    CHECK(index.capacity() == reserved);   // full to three quarters, never regrown
    for (std::uint32_t k = 0; k < 30000; ++k) REQUIRE(index.find(k * 2654435761u) == k);
    CHECK(index.find(30000u * 2654435761u) == IdIndex::npos);

    IdIndex pieces;   // as the loader reserves it: the rows so far plus the next piece's
    std::uint32_t rows = 0;
    for (int piece = 0; piece < 200; ++piece) {
        pieces.reserve(rows + 1000);
        for (int r = 0; r < 1000; ++r, ++rows) REQUIRE(pieces.insert(rows * 40503u + 7, rows).second);
    }
    CHECK(pieces.capacity() < 2 * rows);
    for (std::uint32_t k = 0; k < rows; ++k) REQUIRE(pieces.find(k * 40503u + 7) == k);
}

TEST_CASE("StringPool::same compares texts of every short length exactly", "[scan]") {
    for (std::size_t n = 0; n < 40; ++n) {
        std::string a(n, 'x'), b(n, 'x');
        CHECK(StringPool::same(a, b));
        for (std::size_t i = 0; i < n; ++i) {
            std::string c = b;
            c[i] = 'y';
            CHECK_FALSE(StringPool::same(a, c));
        }
        CHECK_FALSE(StringPool::same(a, b + "x"));
    }
}
