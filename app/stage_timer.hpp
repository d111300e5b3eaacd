#pragma once
// `--timings`: how long each stage of a command took, on standard error, so a user can see
// where a slow audit spends its time without a profiler.
#include <chrono>
#include <fmt/format.h>
#include <cstdio>

namespace shall::cli {

class StageTimer {
public:
    explicit StageTimer(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_) {}
    void stage(const char* name) {
        if (!enabled_) return;
        auto now = Clock::now();
        fmt::print(stderr, "timing: {:<16} {:8.3f} s\n", name, seconds(now - last_));
        last_ = now;
    }
    ~StageTimer() {
        if (enabled_) fmt::print(stderr, "timing: {:<16} {:8.3f} s\n", "total", seconds(Clock::now() - start_));
    }

private:
    using Clock = std::chrono::steady_clock;
    static double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
    bool enabled_;
    Clock::time_point start_, last_;
};

}  // namespace shall::cli
