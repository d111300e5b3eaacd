#pragma once
// Writes the pieces a report is streamed in on a thread of its own, so that rendering the next
// piece overlaps copying the last one into the file (for a 20 MB report, as long as the
// rendering). At most two pieces wait; write() blocks while they do.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace shall::cli {

class BackgroundWriter {
public:
    explicit BackgroundWriter(std::ostream& out) : out_(out), thread_([this] { run(); }) {}
    ~BackgroundWriter() { finish(); }
    BackgroundWriter(const BackgroundWriter&) = delete;
    BackgroundWriter& operator=(const BackgroundWriter&) = delete;

    void write(std::string_view piece) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return waiting_.size() < max_waiting; });
        waiting_.emplace_back(piece);
        changed_.notify_all();
    }
    // Returns once every piece is in the stream.
    void finish() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        changed_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

private:
    void run() {
        std::unique_lock lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return !waiting_.empty() || done_; });
            if (waiting_.empty()) return;
            std::string piece = std::move(waiting_.front());
            waiting_.pop_front();
            changed_.notify_all();
            lock.unlock();
            out_.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            lock.lock();
        }
    }

    static constexpr std::size_t max_waiting = 2;
    std::ostream& out_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::string> waiting_;
    bool done_ = false;
    std::thread thread_;   // last: started once the rest is ready
};

}  // namespace shall::cli
