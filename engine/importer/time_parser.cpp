#include "time_parser.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <sstream>
#include <stdexcept>

namespace shall::importer {

TimeParser::TimeParser(std::string format, const std::string& zone) : format_(std::move(format)) {
    format_has_offset_ = format_.find("%z") != std::string::npos || format_.find("%Ez") != std::string::npos ||
                         format_.find("%Oz") != std::string::npos;
    format_has_time_ = format_.find("%H") != std::string::npos || format_.find("%I") != std::string::npos ||
                       format_.find("%T") != std::string::npos || format_.find("%R") != std::string::npos;
    if (!zone.empty() && zone != "UTC" && zone != "Etc/UTC") {
        try {
            zone_ = date::locate_zone(zone);
        } catch (const std::exception&) {
            throw std::runtime_error("unknown time zone '" + zone + "'");
        }
    }
}

Millis TimeParser::from_local(Millis local) const {
    if (!zone_) return local;
    date::local_time<std::chrono::milliseconds> lt{std::chrono::milliseconds(local)};
    try {
        return zone_->to_sys(lt, date::choose::earliest).time_since_epoch().count();
    } catch (const std::exception&) {   // a local time skipped by a DST change: read it as the standard time
        auto info = zone_->get_info(lt);
        return local - std::chrono::duration_cast<std::chrono::milliseconds>(info.first.offset).count();
    }
}

std::optional<Millis> TimeParser::parse(std::string_view text) {
    if (has_last_ && text == last_text_) return last_;   // event logs repeat the same stamp row after row
    last_ = parse_uncached(text);
    last_text_.assign(text);
    has_last_ = true;
    return last_;
}

std::optional<Millis> TimeParser::parse_uncached(std::string_view text) const {
    using namespace std::chrono;
    if (format_.empty()) {
        if (auto t = parse_datetime(text)) {
            bool has_offset = text.back() == 'Z' || text.back() == 'z' ||
                              (text.size() > 16 && text.find_first_of("+-", 16) != std::string_view::npos);
            return has_offset ? *t : from_local(*t);
        }
        if (auto d = parse_date(text)) return from_local(Millis(*d) * 86'400'000);
        return std::nullopt;
    }
    std::istringstream in{std::string(text)};
    if (format_has_offset_) {
        date::sys_time<milliseconds> tp;
        in >> date::parse(format_, tp);
        if (in.fail()) return std::nullopt;
        in.peek();
        if (!in.eof()) return std::nullopt;
        return tp.time_since_epoch().count();
    }
    date::local_time<milliseconds> tp;
    if (format_has_time_) {
        in >> date::parse(format_, tp);
    } else {
        date::local_days d;
        in >> date::parse(format_, d);
        tp = date::local_time<milliseconds>(d);
    }
    if (in.fail()) return std::nullopt;
    in.peek();
    if (!in.eof()) return std::nullopt;
    return from_local(tp.time_since_epoch().count());
}

}  // namespace shall::importer
