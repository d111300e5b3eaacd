// One import mapping over a fuzzed raw export: the mapping (SHALL_MAPPING) reads the bytes
// as the file SHALL_INPUT_NAME, and the result is written as a bundle and read back.
// Compiled once per shipped mapping (fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>

#include "engine/evidence/store.hpp"
#include "engine/importer/bundle_writer.hpp"
#include "engine/importer/import_pipeline.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace shall;
    const auto input = fuzz::scratch() / "raw" / SHALL_INPUT_NAME;
    fuzz::write_file(input, std::string_view(reinterpret_cast<const char*>(data), size));
    importer::ImportRequest request;
    request.mapping = fuzz::source_dir() + "/mappings/" SHALL_MAPPING ".shall";
    request.inputs = {input.string()};
    request.timezone = "UTC";
    Diagnostics diags;
    const Schema& schema = fuzz::evidence_program().schema;
    auto result = importer::import_raw(request, schema, diags);
    if (!result) return 0;
    const auto bundle = fuzz::scratch() / "bundle";
    std::filesystem::remove_all(bundle);
    importer::BundleMeta meta;
    meta.as_of = Days{20000};
    importer::write_bundle(*result, bundle.string(), meta);
    LoadOptions load;
    load.threads = 1;
    (void)load_bundle(schema, bundle.string(), load);
    return 0;
}
