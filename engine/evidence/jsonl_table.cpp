#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "../../dsl/diagnostics.hpp"
#include "table_builder.hpp"
#include "text_util.hpp"
#include "type_file.hpp"

namespace shall {

namespace {

using nlohmann::json;

// Text form of a JSON number or bool, written into `buf`; the value parsers take it from there.
std::string_view scalar_text(const json& v, char (&buf)[40]) {
    std::to_chars_result r{};
    switch (v.type()) {
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer: r = std::to_chars(buf, buf + sizeof buf, v.get<std::int64_t>()); break;
        case json::value_t::number_unsigned: r = std::to_chars(buf, buf + sizeof buf, v.get<std::uint64_t>()); break;
        case json::value_t::number_float: r = std::to_chars(buf, buf + sizeof buf, v.get<double>()); break;
        default: return {};
    }
    return std::string_view(buf, static_cast<std::size_t>(r.ptr - buf));
}

bool is_scalar(const json& v) { return v.is_string() || v.is_number() || v.is_boolean(); }

std::string_view scalar_view(const json& v, char (&buf)[40]) {
    return v.is_string() ? std::string_view(v.get_ref<const std::string&>()) : scalar_text(v, buf);
}

void put_field(TableBuilder& b, std::size_t field, bool takes_list, const json& v) {
    char buf[40];
    if (v.is_null()) return;
    if (is_scalar(v)) return b.set(field, scalar_view(v, buf));
    if (!v.is_array() || !takes_list) return b.bad_value(field, v.dump());
    b.begin_items(field);
    for (const json& item : v) {
        if (item.is_null()) continue;
        if (is_scalar(item)) b.add_item(scalar_view(item, buf));
        else b.bad_item(item.dump());
    }
    b.end_items();
}

// nlohmann's message without its "[json.exception...] " prefix; the line is ours to give.
std::string parse_message(const json::exception& e) {
    std::string m = e.what();
    if (auto p = m.find("] "); p != std::string::npos) m.erase(0, p + 2);
    if (auto p = m.find("at line 1, column "); p != std::string::npos) m.replace(p, 18, "at column ");
    return m;
}

const char* json_kind(const json& v) {
    switch (v.type()) {
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::null: return "null";
        default: return "a number";
    }
}

}  // namespace

void read_jsonl_table(std::string_view bytes, LoadedFile& out, const EvidenceLimits& limits) {
    IssueLog& log = out.log;
    TypeTable& table = out.table;
    const RecordType& type = *table.type;
    if (utf16_bom(bytes)) {
        log.error(0, "malformed-file", fmt::format("the file is UTF-16 encoded; save it as UTF-8. {} counts as absent", type.name));
        return;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    table.presence = Presence::present;
    table.file = log.file();

    std::unordered_map<std::string, std::size_t> field_of, extra_of;
    for (const FieldDecl& f : type.fields) field_of.emplace(f.name, f.index);
    TableBuilder builder(out);
    bool any_object = false;
    std::string repaired;

    std::uint32_t line = 0;
    std::size_t records = 0;
    for (std::size_t pos = 0; pos < bytes.size();) {
        ++line;
        std::size_t nl = bytes.find('\n', pos);
        std::string_view text = bytes.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
        if (trim(text).empty()) continue;
        if (++records > limits.max_records) {
            std::size_t last = line + static_cast<std::size_t>(std::count(bytes.begin() + static_cast<std::ptrdiff_t>(pos), bytes.end(), '\n'));
            if (pos < bytes.size() && bytes.back() != '\n') ++last;
            log.error(line, "too-many-records",
                      fmt::format("the file has more than {} records (--max-records); lines {}-{} are not imported",
                                  limits.max_records, line, last));
            break;
        }
        if (text.size() > limits.max_line_length) {
            log.error(line, "line-too-long",
                      fmt::format("the line is {} bytes long, more than {} (--max-line-length); it is not imported",
                                  text.size(), limits.max_line_length));
            continue;
        }
        if (json_depth(text, limits.max_json_depth) > limits.max_json_depth) {
            log.error(line, "too-deep",
                      fmt::format("the line nests arrays and objects more than {} levels deep; it is not imported",
                                  limits.max_json_depth));
            continue;
        }

        ByteCheck check = check_bytes(text);
        if (check.nul) {
            log.error(line, "nul-byte", "the line contains a NUL byte; it is not imported");
            continue;
        }
        if (check.invalid_utf8) {
            log.warning(line, "invalid-utf8", "the line is not valid UTF-8; the bad bytes are replaced by U+FFFD");
            repaired = repair_utf8(text);
            text = repaired;
        }
        json object;
        try {
            object = json::parse(text);
        } catch (const json::exception& e) {   // parse_error, or out_of_range for a number such as 1e400
            log.error(line, "malformed-line", fmt::format("the line is not valid JSON ({}); it is not imported", parse_message(e)));
            continue;
        }
        if (!object.is_object()) {
            log.error(line, "malformed-line", fmt::format("the line is {}, not a JSON object; it is not imported", json_kind(object)));
            continue;
        }
        any_object = true;
        builder.begin_row(line);
        for (const auto& [key, value] : object.items()) {
            if (auto f = field_of.find(key); f != field_of.end()) {
                table.column_present[f->second] = true;
                put_field(builder, f->second, is_list_field(type.fields[f->second]), value);
                continue;
            }
            auto [e, added] = extra_of.emplace(key, 0);
            if (added) {
                e->second = builder.add_extra_column(key);
                std::string hint = did_you_mean(key, type.field_names());
                log.info(line, "unknown-column",
                         fmt::format("key '{}' is not a field of {}; it is kept as a text attribute{}", key, type.name,
                                     hint.empty() ? "" : " (" + hint + ")"));
            }
            char buf[40];
            if (is_scalar(value)) builder.set_extra(e->second, scalar_view(value, buf));
            else if (!value.is_null()) builder.set_extra(e->second, value.dump());
        }
        builder.end_row();
    }
    if (!any_object) table.column_present.assign(type.fields.size(), true);
}

}  // namespace shall
