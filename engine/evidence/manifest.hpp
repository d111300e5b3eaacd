#pragma once
// bundle.json (evidence model 1.1): organization, source, as_of, period_start, period_end,
// timezone. Every key is optional; a bad file or value is reported and otherwise ignored.
#include <string_view>

#include "issue_log.hpp"
#include "store.hpp"

namespace shall {

void read_manifest(std::string_view bytes, BundleInfo& info, IssueLog& log, const EvidenceLimits& limits = {});

// --as-of over bundle.json's as_of; the audit period defaults to the 12 months ending on
// period_end, which defaults to as_of. Without any as_of the period stays as written.
void settle_dates(BundleInfo& info, const LoadOptions& options, IssueLog& log);

}  // namespace shall
