// `shall generate`: writes a synthetic evidence bundle with planted defects (see generator/).
#include <fmt/format.h>
#include <iostream>

#include "../generator/generator.hpp"
#include "commands.hpp"

namespace shall::cli {

Command add_generate(CLI::App& app) {
    auto o = std::make_shared<gen::GenerateOptions>();
    app.add_option("--records", o->records, "Approximate number of records over all record types")->required();
    app.add_option("--seed", o->seed, "Seed: the same seed and size give byte-identical bundles");
    app.add_option("--out", o->out, "Directory to write the bundle to (created)")->required();
    app.add_option("--organization", o->organization, "Organisation name written to bundle.json");
    app.add_option("--defect-scale", o->defect_scale, "Multiply every planted defect rate (0: a clean bundle)");
    return [o]() -> int {
        gen::GenerateResult r = gen::generate_bundle(*o);
        std::cout << fmt::format("wrote {} records ({:.1f} MB) to {}\n", r.total_records, r.bytes / 1e6, o->out);
        for (const auto& [type, n] : r.records) std::cout << fmt::format("  {:<20} {:>10}\n", type, n);
        std::cout << "planted failing records per rule (also in .planted.json):\n";
        for (const auto& [rule, n] : r.planted) std::cout << fmt::format("  {:<30} {:>8}\n", rule, n);
        return 0;
    };
}

}  // namespace shall::cli
