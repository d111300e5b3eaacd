#pragma once
// Shared by the libFuzzer targets: the repository's rulesets (SHALL_SOURCE_DIR), a private
// scratch directory per process, and the evidence schema loaded once.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unistd.h>

#include "dsl/check/program.hpp"

namespace shall::fuzz {

inline std::string source_dir() { return SHALL_SOURCE_DIR; }

inline ProgramOptions program_options() {
    ProgramOptions o;
    o.include_dirs = {source_dir() + "/rulesets"};
    return o;
}

// A scratch directory for this process, removed at exit.
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("shall-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(d);
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(std::filesystem::temp_directory_path() / ("shall-fuzz-" + std::to_string(::getpid())), ec);
        });
        return d;
    }();
    return dir;
}

inline void write_file(const std::filesystem::path& p, std::string_view bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("fuzz: cannot write " + p.string());
}

// The evidence model of rulesets/evidence, checked once: the schema the readers fill.
inline const Program& evidence_program() {
    static std::unique_ptr<Program> program = [] {
        Diagnostics diags;
        auto p = load_program({source_dir() + "/rulesets/evidence"}, program_options(), diags);
        if (diags.has_errors()) throw std::runtime_error("fuzz: rulesets/evidence does not check");
        return p;
    }();
    return *program;
}

inline const RecordType& record_type(std::string_view name) {
    for (const auto& t : evidence_program().schema.types)
        if (t->name == name) return *t;
    throw std::runtime_error("fuzz: no record type " + std::string(name));
}

}  // namespace shall::fuzz
