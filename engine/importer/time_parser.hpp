#pragma once
// Source timestamps -> instants: a strftime-style format (Howard Hinnant's date library) or
// ISO 8601, read in the source's declared time zone unless the text carries an offset.
#include <optional>
#include <string>
#include <string_view>

#include "../evidence/time.hpp"

namespace date { class time_zone; }

namespace shall::importer {

class TimeParser {
public:
    // format "" = ISO 8601 (YYYY-MM-DD[THH:MM[:SS]][offset]); zone "" or "UTC" = UTC.
    // Throws std::runtime_error for an unknown zone.
    TimeParser(std::string format, const std::string& zone);
    std::optional<Millis> parse(std::string_view text);   // nullopt when the text does not fit
private:
    std::optional<Millis> parse_uncached(std::string_view text) const;
    Millis from_local(Millis local) const;
    std::string format_;
    bool format_has_offset_ = false, format_has_time_ = false;
    const date::time_zone* zone_ = nullptr;   // nullptr = UTC
    std::string last_text_;
    std::optional<Millis> last_;
    bool has_last_ = false;
};

}  // namespace shall::importer
