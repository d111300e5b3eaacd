#include <iostream>

#include "../dsl/diagnostics.hpp"
#include "commands.hpp"

namespace shall::cli {

bool report_diagnostics(Diagnostics& diagnostics) {
    diagnostics.sort();
    for (const auto& d : diagnostics.all()) std::cerr << render(d);
    if (diagnostics.has_errors())
        std::cerr << diagnostics.error_count() << (diagnostics.error_count() == 1 ? " error\n" : " errors\n");
    return diagnostics.has_errors();
}

}  // namespace shall::cli
