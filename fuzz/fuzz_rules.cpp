// Rule text -> parser (with error recovery) -> checker -> planner. The input is one rule
// file; it may `import evidence` (rulesets/ is the include directory).
#include <cstddef>
#include <cstdint>

#include "dsl/syntax/parser.hpp"
#include "engine/plan/planner.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace shall;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    {  // the parser alone, from memory
        auto source = std::make_shared<SourceFile>(SourceFile{"fuzz.shall", std::string(text)});
        Diagnostics diags;
        auto file = parse_file(source, diags);
        for (const auto& d : diags.all()) (void)render(d);
    }
    // the whole front end, from a file as `shall check` reads it
    auto path = fuzz::scratch() / "rules" / "fuzz.shall";
    fuzz::write_file(path, text);
    Diagnostics diags;
    auto program = load_program({path.string()}, fuzz::program_options(), diags);
    for (const auto& d : diags.all()) (void)render(d);
    if (!diags.has_errors()) (void)plan_program(*program);
    return 0;
}
