#include "test_file.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace shall::ruletest {
namespace {

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t\r");
    auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

class Reader {
public:
    explicit Reader(std::string path) : path_(std::move(path)) {}

    TestFile read() {
        std::ifstream in(path_, std::ios::binary);
        if (!in) throw std::runtime_error(fmt::format("{}: cannot read test file", path_));
        TestFile file;
        file.path = path_;
        std::string raw;
        Case* current = nullptr;
        Section* section = nullptr;
        bool in_expect = false;
        while (std::getline(in, raw)) {
            ++line_;
            if (!raw.empty() && raw.back() == '\r') raw.pop_back();
            std::string t = trim(raw);
            if (t.rfind("=== case", 0) == 0) {
                file.cases.push_back({});
                current = &file.cases.back();
                current->name = trim(t.substr(8));
                current->line = line_;
                current->settings = settings_;
                if (current->name.empty()) fail("a case needs a name: '=== case NAME'");
                section = nullptr;
                in_expect = false;
                continue;
            }
            if (t.rfind("---", 0) == 0) {
                if (!current) fail("'---' sections belong to a case; start one with '=== case NAME'");
                auto w = words(t.substr(3));
                if (w.empty()) fail("expected a file name or 'expect' after '---'");
                if (w[0] == "expect") {
                    if (current->has_expect) fail("a case has one '--- expect' section");
                    current->has_expect = true;
                    current->expect.line = line_;
                    in_expect = true;
                    section = nullptr;
                    continue;
                }
                in_expect = false;
                Section s;
                s.line = line_;
                s.file = w[0];
                if (w.size() > 1) {
                    if (w[1] == "replace") s.mode = Section::Mode::replace;
                    else if (w[1] == "remove") s.mode = Section::Mode::remove;
                    else fail(fmt::format("unknown section option '{}': expected 'replace' or 'remove'", w[1]));
                }
                if (s.file.find('/') != std::string::npos || s.file.find("..") != std::string::npos)
                    fail(fmt::format("'{}': a section names a file of the bundle, without directories", s.file));
                current->sections.push_back(std::move(s));
                section = &current->sections.back();
                continue;
            }
            if (section) {
                section->content += raw + "\n";
                continue;
            }
            if (t.empty() || t[0] == '#') continue;
            bool is_setting = false;
            for (const char* key : {"rules ", "base ", "as_of ", "rule ", "param "})
                if (t.rfind(key, 0) == 0) is_setting = true;
            if (in_expect && !is_setting) {
                expectation(current->expect, t);
                continue;
            }
            // after a case's expectations, settings apply to the cases that follow
            if (in_expect) {
                current = nullptr;
                in_expect = false;
            }
            setting(current ? current->settings : settings_, t);
        }
        for (const auto& c : file.cases)
            if (!c.has_expect) throw std::runtime_error(fmt::format("{}:{}: case '{}' has no '--- expect' section", path_, c.line, c.name));
        return file;
    }

private:
    std::string path_;
    unsigned line_ = 0;
    Settings settings_;

    [[noreturn]] void fail(const std::string& message) const {
        throw std::runtime_error(fmt::format("{}:{}: {}", path_, line_, message));
    }

    void setting(Settings& s, const std::string& t) {
        auto space = t.find_first_of(" \t");
        std::string key = t.substr(0, space);
        std::string value = space == std::string::npos ? std::string() : trim(t.substr(space));
        if (value.empty()) fail(fmt::format("'{}' needs a value", key));
        if (key == "rules") s.rules = value;
        else if (key == "base") s.base = value == "none" ? std::string() : value;
        else if (key == "as_of") s.as_of = value;
        else if (key == "rule") s.rule = value;
        else if (key == "param") {
            auto eq = value.find('=');
            if (eq == std::string::npos) fail("expected 'param NAME=VALUE'");
            s.params.emplace_back(trim(value.substr(0, eq)), trim(value.substr(eq + 1)));
        } else fail(fmt::format("unknown setting '{}': expected rules, base, as_of, rule or param", key));
    }

    void expectation(Expectation& e, const std::string& t) {
        auto w = words(t);
        if (w[0] == "pass") e.kind = Expectation::Kind::pass;
        else if (w[0] == "fail") {
            e.kind = Expectation::Kind::fail;
            if (w.size() < 2) fail("'fail' lists the focus ids expected to fail ('-' for a population-level finding)");
            e.ids.assign(w.begin() + 1, w.end());
        } else if (w[0] == "not_evaluated") {
            e.kind = Expectation::Kind::not_evaluated;
            e.ids.assign(w.begin() + 1, w.end());
        } else if (w[0] == "grade" && w.size() == 2) e.grade = w[1];
        else if (w[0] == "findings" && w.size() == 2) e.findings = std::stol(w[1]);
        else fail(fmt::format("unknown expectation '{}': expected pass, fail IDS…, not_evaluated [MISSING…], grade G or findings N", t));
    }
};

}  // namespace

TestFile read_test_file(const std::string& path) { return Reader(path).read(); }

}  // namespace shall::ruletest
