#pragma once
// `--timings`: how long each stage of a command took, on standard error, so a user can see
// where a slow audit spends its time without a profiler. Each line gives the wall time and the
// CPU time of the whole process (all threads, user + system) over the stage; CPU above wall
// means the stage kept several cores busy, and the memory resident at its end (anonymous: the
// program's own; file: mapped input), where Linux reports it. After the rules, the slowest rules.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace shall::cli {

class StageTimer {
public:
    explicit StageTimer(bool enabled) : enabled_(enabled), start_(Clock::now()), last_(start_), cpu_start_(cpu()), cpu_last_(cpu_start_) {}
    void stage(const char* name) {
        if (!enabled_) return;
        auto now = Clock::now();
        double used = cpu();
        print(name, seconds(now - last_), used - cpu_last_);
        last_ = now;
        cpu_last_ = used;
    }
    // After a stage: its `count` slowest parts (e.g. rules), as (seconds, name), slowest first.
    void slowest(const char* what, std::vector<std::pair<double, std::string>> parts, std::size_t count) const {
        if (!enabled_) return;
        std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (std::size_t i = 0; i < std::min(count, parts.size()); ++i)
            fmt::print(stderr, "timing:   {} {:<30} {:8.3f} s\n", what, parts[i].second, parts[i].first);
    }
    ~StageTimer() {
        if (enabled_) print("total", seconds(Clock::now() - start_), cpu() - cpu_start_);
    }

private:
    using Clock = std::chrono::steady_clock;
    static double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
    static double cpu() {
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
        return s(u.ru_utime) + s(u.ru_stime);
    }
    static void print(const char* name, double wall, double cpu) {
        fmt::print(stderr, "timing: {:<16} {:8.3f} s   cpu {:8.3f} s{}\n", name, wall, cpu, resident());
    }
    // "   anon N MB  file N MB  peak N MB" from /proc/self/status; empty where there is none.
    static std::string resident() {
        std::ifstream status("/proc/self/status");
        std::string key;
        long anon = -1, file = -1, peak = -1;
        for (long kb; status >> key;) {
            if (key == "RssAnon:" && status >> kb) anon = kb;
            else if (key == "RssFile:" && status >> kb) file = kb;
            else if (key == "VmHWM:" && status >> kb) peak = kb;
        }
        if (anon < 0 || file < 0 || peak < 0) return {};
        return fmt::format("   anon {:5} MB  file {:5} MB  peak {:5} MB", anon / 1024, file / 1024, peak / 1024);
    }
    bool enabled_;
    Clock::time_point start_, last_;
    double cpu_start_, cpu_last_;
};

}  // namespace shall::cli
