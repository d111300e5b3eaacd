#include "manifest.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "text_util.hpp"
#include "time.hpp"

namespace shall {

namespace {

using nlohmann::json;

bool read_text(const json& v, const std::string& key, std::string& out, IssueLog& log) {
    if (!v.is_string()) {
        log.error(0, "bad-value", fmt::format("{} should be a string, not {}; ignored", key, v.dump()));
        return false;
    }
    out = v.get<std::string>();
    return true;
}

void read_date(const json& v, const std::string& key, std::optional<Days>& out, IssueLog& log) {
    std::string text;
    if (!read_text(v, key, text, log)) return;
    if (auto d = parse_date(trim(text))) out = d;
    else log.error(0, "bad-value", fmt::format("{} {} is not a date YYYY-MM-DD; ignored", key, quote_value(text)));
}

}  // namespace

void read_manifest(std::string_view bytes, BundleInfo& info, IssueLog& log, const EvidenceLimits& limits) {
    json doc;
    if (json_depth(bytes, limits.max_json_depth) > limits.max_json_depth) {
        log.error(0, "malformed-file", fmt::format("bundle.json nests arrays and objects more than {} levels deep; its settings are ignored",
                                                   limits.max_json_depth));
        return;
    }
    try {
        doc = json::parse(bytes);
    } catch (const json::exception& e) {   // parse_error, or out_of_range for a number such as 1e400
        std::string m = e.what();
        if (auto p = m.find("] "); p != std::string::npos) m.erase(0, p + 2);
        log.error(0, "malformed-file", fmt::format("bundle.json is not valid JSON ({}); its settings are ignored", m));
        return;
    }
    if (!doc.is_object()) {
        log.error(0, "malformed-file", "bundle.json is not a JSON object; its settings are ignored");
        return;
    }
    for (const auto& [key, v] : doc.items()) {
        if (v.is_null()) continue;
        if (key == "organization") read_text(v, key, info.organization, log);
        else if (key == "source") read_text(v, key, info.source, log);
        else if (key == "as_of") read_date(v, key, info.as_of, log);
        else if (key == "period_start") read_date(v, key, info.period_start, log);
        else if (key == "period_end") read_date(v, key, info.period_end, log);
        else if (key == "timezone") {
            std::string zone;
            if (!read_text(v, key, zone, log)) continue;
            if (valid_time_zone(zone)) info.timezone = zone;
            else log.error(0, "unknown-timezone", fmt::format("timezone {} is not a known IANA time zone; UTC is used", quote_value(zone)));
        } else {
            log.info(0, "unknown-key", fmt::format("bundle.json key '{}' is not part of the evidence model; ignored", key));
        }
    }
}

void settle_dates(BundleInfo& info, const LoadOptions& options, IssueLog& log) {
    if (options.as_of) info.as_of = options.as_of;
    auto fill_defaults = [&info] {
        if (!info.period_end) info.period_end = info.as_of;
        if (info.period_end && !info.period_start) info.period_start = add_months(*info.period_end, -12) + 1;
    };
    fill_defaults();
    if (info.period_start && info.period_end && *info.period_start > *info.period_end) {
        log.error(0, "bad-value",
                  fmt::format("period_start {} is after period_end {}; the default period is used", format_date(*info.period_start),
                              format_date(*info.period_end)));
        info.period_start.reset();
        info.period_end.reset();
        fill_defaults();
    }
}

}  // namespace shall
