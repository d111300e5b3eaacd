#include "value_converter.hpp"

#include <charconv>
#include <fmt/format.h>

#include "../evidence/text_util.hpp"

namespace shall::importer {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

template <class T>
bool read_number(std::string_view s, T& v) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

ValueConverter::ValueConverter(const mapping::FieldAssign& assign, const FieldDecl& field, const std::string& timezone,
                               const std::vector<std::string>& missing)
    : assign_(assign), field_(field), kind_(field.kind == FieldKind::list ? field.item : field.kind), missing_(missing),
      timezone_(timezone) {
    for (const auto& [from, to] : assign.value_map) map_.emplace(from.text, to.text);
    bool timed = kind_ == FieldKind::date || kind_ == FieldKind::datetime;
    if (assign.conversion && (assign.conversion->kind == "date" || assign.conversion->kind == "datetime")) timed = true;
    if (timed) time_.emplace(assign.conversion ? assign.conversion->format : std::string(), timezone);
}

bool ValueConverter::is_missing(std::string_view raw) const {
    raw = trim(raw);
    if (raw.empty()) return true;
    for (const auto& m : missing_)
        if (raw == m) return true;
    return false;
}

std::optional<Converted> ValueConverter::convert(std::string_view raw, std::string& error) {
    error.clear();
    if (is_missing(raw)) return std::nullopt;
    raw = trim(raw);
    if (!assign_.split) return one(raw, error);
    Converted all;
    std::size_t start = 0;
    const std::string& sep = *assign_.split;
    for (;;) {
        std::size_t end = sep.empty() ? std::string_view::npos : raw.find(sep, start);
        std::string_view item = trim(raw.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (!item.empty() && !is_missing(item)) {
            std::string item_error;
            if (auto c = one(item, item_error)) {
                all.text += (all.text.empty() ? "" : ";") + c->text;
            } else if (!item_error.empty()) {
                error = item_error;
            }
        }
        if (end == std::string_view::npos) break;
        start = end + sep.size();
    }
    if (all.text.empty()) return std::nullopt;
    return all;
}

std::optional<Converted> ValueConverter::constant(std::string& error) { return one(assign_.constant->text, error); }

std::optional<Converted> ValueConverter::one(std::string_view value, std::string& error) {
    if (!map_.empty() || assign_.otherwise) {
        if (auto it = map_.find(std::string(value)); it != map_.end()) value = it->second;
        else if (assign_.otherwise) value = assign_.otherwise->text;
    }
    Converted out;
    switch (kind_) {
        case FieldKind::int_: {
            long long v;
            if (!read_number(value, v)) {
                error = fmt::format("{} is not a whole number", quote_value(value));
                return std::nullopt;
            }
            out.text = std::to_string(v);
            out.key = static_cast<double>(v);
            return out;
        }
        case FieldKind::decimal: {
            double v;
            if (!read_number(value, v)) {
                error = fmt::format("{} is not a number", quote_value(value));
                return std::nullopt;
            }
            out.text = std::string(value);
            out.key = v;
            return out;
        }
        case FieldKind::bool_: {
            auto l = lower(value);
            if (l == "true" || l == "yes" || l == "1" || l == "y") out.text = "true";
            else if (l == "false" || l == "no" || l == "0" || l == "n") out.text = "false";
            else {
                error = fmt::format("{} is not true or false", quote_value(value));
                return std::nullopt;
            }
            return out;
        }
        case FieldKind::enum_: {
            auto i = field_.enumeration ? field_.enumeration->index_of(value) : std::nullopt;
            if (!i) {
                error = fmt::format("{} is not a value of {} (map it in the mapping)", quote_value(value), field_.name);
                return std::nullopt;
            }
            out.text = field_.enumeration->values[*i];
            out.key = static_cast<double>(*i);
            return out;
        }
        case FieldKind::date:
        case FieldKind::datetime: {
            auto t = time_->parse(value);
            if (!t) {
                error = fmt::format("{} does not match the {} format {}", quote_value(value), to_string(kind_),
                                    assign_.conversion && !assign_.conversion->format.empty()
                                        ? quote_value(assign_.conversion->format) : std::string("ISO 8601"));
                return std::nullopt;
            }
            out.key = static_cast<double>(*t);
            // a date field keeps the calendar day of the source's local time
            out.text = kind_ == FieldKind::datetime ? format_datetime(*t) : format_date(local_day(*t, timezone_));
            return out;
        }
        default:
            out.text = std::string(value);
            return out;
    }
}

OrderKey::OrderKey(const std::optional<mapping::Conversion>& conversion, const std::string& timezone)
    : kind_(conversion ? conversion->kind : "text") {
    if (kind_ == "date" || kind_ == "datetime") time_.emplace(conversion->format, timezone);
}

std::optional<double> OrderKey::operator()(std::string_view raw) {
    raw = trim(raw);
    if (time_) {
        auto t = time_->parse(raw);
        return t ? std::optional<double>(static_cast<double>(*t)) : std::nullopt;
    }
    double v;
    if (kind_ == "int" || kind_ == "decimal") return read_number(raw, v) ? std::optional<double>(v) : std::nullopt;
    return 0.0;   // text: file order
}

}  // namespace shall::importer
