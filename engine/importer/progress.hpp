#pragma once
// A progress bar on standard error, drawn only on a terminal and only once the work has
// taken longer than about a second; cleared when done. Cheap to update on every row.
#include <chrono>
#include <cstddef>
#include <string>

namespace shall::importer {

class Progress {
public:
    Progress(std::string label, std::size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    void update(std::size_t done) {
        if (enabled_ && (done & 1023) == 0) draw(done);
    }
    // for coarse steps (e.g. one rule of an audit): every call may draw, drawing is throttled
    void step(std::size_t done) {
        if (enabled_) draw(done);
    }

private:
    void draw(std::size_t done);
    std::string label_;
    std::size_t total_;
    bool enabled_, drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace shall::importer
