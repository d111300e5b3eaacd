// A JSONL type file and a bundle.json: one object per line, nested values, odd scalars.
#include <cstddef>
#include <cstdint>

#include "engine/evidence/manifest.hpp"
#include "engine/evidence/type_file.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace shall;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    static const char* types[] = {"Incident", "Change", "Person"};
    LoadedFile out(fuzz::record_type(types[size % 3]), "Fuzz.jsonl");
    read_jsonl_table(text, out);

    BundleInfo info;
    IssueLog log("bundle.json");
    read_manifest(text, info, log);
    settle_dates(info, LoadOptions{}, log);
    return 0;
}
