#include "parser.hpp"

#include <fmt/format.h>

#include "build_ast.hpp"
#include "parse_tree.hpp"

namespace shall {
namespace {

namespace p = tao::pegtl;
using Input = p::memory_input<p::tracking_mode::eager, p::eol::lf_crlf, std::string>;

struct next_declaration : p::seq<grammar::_, p::must<grammar::declaration>> {};

bool starts_declaration(std::string_view line) {
    static constexpr std::string_view words[] = {"ruleset", "import", "param", "def", "enum", "type", "mandatory",
                                                 "extend", "rule", "override", "disable", "clauses"};
    auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return false;
    line.remove_prefix(first);
    for (auto w : words)
        if (line.substr(0, w.size()) == w && (line.size() == w.size() || line[w.size()] == ' ' || line[w.size()] == '\t'))
            return true;
    return false;
}

// The text at `offset` as the user would name it: a word, a quoted string start, or a character.
std::string found_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return "end of file";
    auto rest = text.substr(offset);
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    if (rest[0] == '\n' || rest[0] == '\r') return "end of line";
    std::size_t n = 0;
    if (is_word(rest[0])) while (n < rest.size() && n < 40 && is_word(rest[n])) ++n;
    else n = 1;
    return fmt::format("'{}'", rest.substr(0, n));
}

}  // namespace

std::unique_ptr<ast::File> parse_file(std::shared_ptr<SourceFile> source, Diagnostics& diagnostics) {
    auto file = std::make_unique<ast::File>();
    file->source = source;
    const std::string& text = source->text;
    Input in(text.data(), text.data() + text.size(), source->path);
    for (;;) {
        p::parse<grammar::_>(in);
        if (in.empty()) break;
        try {
            grammar::nesting = 0;
            auto root = p::parse_tree::parse<next_declaration, grammar::selector, p::nothing, grammar::control>(in);
            if (root && !root->children.empty()) add_declaration(*root->children.front(), *file, diagnostics);
        } catch (const p::parse_error& e) {
            const auto& pos = e.positions().front();
            Location where{source.get(), static_cast<std::uint32_t>(pos.line), static_cast<std::uint32_t>(pos.column)};
            std::string message(e.message());
            if (dynamic_cast<const grammar::nesting_error*>(&e)) diagnostics.error(where, message);
            else diagnostics.error(where, fmt::format("{}, found {}", message, found_at(text, pos.byte)));
            // resynchronise: the next line (after the error) that starts a top-level declaration
            std::size_t offset = pos.byte;
            std::size_t line = pos.line;
            for (;;) {
                auto nl = text.find('\n', offset);
                if (nl == std::string::npos) { offset = text.size(); break; }
                offset = nl + 1;
                ++line;
                auto end = text.find('\n', offset);
                if (starts_declaration(std::string_view(text).substr(offset, end == std::string::npos ? std::string::npos : end - offset)))
                    break;
            }
            in.iterator() = p::internal::iterator(text.data() + offset, offset, line, 1);
        }
    }
    return file;
}

}  // namespace shall
