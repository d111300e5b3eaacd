// FileBytes: big files are mapped, small ones read; a mapped file cut short by another program
// while it is read neither crashes the process nor passes unnoticed.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/evidence/file_bytes.hpp"

using namespace shall;

namespace {

std::string write_file(const std::string& name, std::size_t size, char fill) {
    auto path = (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))).string();
    std::ofstream(path, std::ios::binary) << std::string(size, fill);
    return path;
}

}  // namespace

TEST_CASE("file bytes: big files are mapped, small ones read, both whole", "[evidence][file]") {
    const std::size_t big = 3 << 20, small = 1000;
    std::string big_path = write_file("shall-big", big, 'a'), small_path = write_file("shall-small", small, 'b');
    FileBytes bytes;
    REQUIRE(read_file_bytes(big_path, bytes) == 0);
    CHECK(bytes.mapped());
    CHECK(bytes.view() == std::string(big, 'a'));
    CHECK_FALSE(bytes.changed());

    FileBytes read;
    REQUIRE(read_file_bytes(big_path, read, false) == 0);
    CHECK_FALSE(read.mapped());
    CHECK(read.view() == bytes.view());

    REQUIRE(read_file_bytes(small_path, read) == 0);
    CHECK_FALSE(read.mapped());
    CHECK(read.view() == std::string(small, 'b'));

    FileBytes moved = std::move(bytes);
    CHECK(moved.view().size() == big);
    CHECK(bytes.view().empty());
    moved.reset();
    CHECK(moved.view().empty());
    CHECK(read_file_bytes(big_path + ".missing", read) != 0);
    std::filesystem::remove(big_path);
    std::filesystem::remove(small_path);
}

TEST_CASE("file bytes: a mapped file cut short reads as zeros and says it changed", "[evidence][file]") {
    const std::size_t big = 3 << 20, kept = (1 << 20) + 100;
    std::string path = write_file("shall-cut", big, 'c');
    FileBytes bytes;
    REQUIRE(read_file_bytes(path, bytes) == 0);
    REQUIRE(bytes.mapped());
    REQUIRE(::truncate(path.c_str(), static_cast<off_t>(kept)) == 0);
    std::string_view v = bytes.view();
    CHECK(v.size() == big);
    CHECK(v[kept - 1] == 'c');
    CHECK(v[kept + 10] == '\0');          // the rest of the last page: zeros, without a signal
    CHECK(v[2 << 20] == '\0');            // a page past the end: SIGBUS, turned into zeros
    CHECK(v[big - 1] == '\0');
    CHECK(bytes.changed());
    bytes.reset();

    // a second mapping of the shortened file is its new size and unchanged
    REQUIRE(read_file_bytes(path, bytes) == 0);
    CHECK(bytes.view().size() == kept);
    CHECK_FALSE(bytes.changed());
    std::filesystem::remove(path);
}
