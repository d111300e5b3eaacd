#pragma once
// Name-based UUIDs (RFC 4122 version 5, SHA-1): the same name always gives the same id,
// so reports that need UUIDs (OSCAL) stay byte-identical across runs.
#include <string>
#include <string_view>

namespace shall {

// The namespace of every UUID shall derives (itself uuid_v5(DNS namespace, "shall.invalid")).
extern const char* const shall_uuid_namespace;

// uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d".
// Throws std::invalid_argument when `namespace_uuid` is not a UUID.
std::string uuid_v5(std::string_view namespace_uuid, std::string_view name);

}  // namespace shall
