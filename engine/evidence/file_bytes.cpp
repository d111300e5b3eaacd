#include "file_bytes.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shall {

namespace {

constexpr std::size_t map_from = std::size_t{1} << 20;

// The mapped files, for the SIGBUS handler: a fixed table it can read without locks.
struct GuardSlot {
    std::atomic<std::uintptr_t> begin{0}, end{0};   // 0: free
    std::atomic<bool> hit{false};
};
constexpr int guard_slots = 64;
GuardSlot guards[guard_slots];
std::uintptr_t page_mask = 0;
struct sigaction previous_bus {};

void on_bus(int signal, siginfo_t* info, void* context) {
    const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (GuardSlot& g : guards) {
        const std::uintptr_t begin = g.begin.load(std::memory_order_acquire);
        if (begin == 0 || at < begin || at >= g.end.load(std::memory_order_acquire)) continue;
        g.hit.store(true, std::memory_order_release);
        // a page of zeros where the file's page was; the read that faulted is then retried
        void* page = reinterpret_cast<void*>(at & ~page_mask);
        if (::mmap(page, page_mask + 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) return;
        break;
    }
    // not a mapped evidence file: whatever would have happened without this handler
    if (previous_bus.sa_flags & SA_SIGINFO) {
        if (previous_bus.sa_sigaction) return previous_bus.sa_sigaction(signal, info, context);
    } else if (previous_bus.sa_handler != SIG_DFL && previous_bus.sa_handler != SIG_IGN) {
        return previous_bus.sa_handler(signal);
    }
    ::signal(SIGBUS, SIG_DFL);   // the fault repeats on return, now with the default action
}

bool install_guard() {
    static const bool installed = [] {
        page_mask = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE)) - 1;
        struct sigaction action {};
        action.sa_sigaction = on_bus;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        return ::sigaction(SIGBUS, &action, &previous_bus) == 0;
    }();
    return installed;
}

int claim_guard(const char* data, std::size_t size) {
    for (int i = 0; i < guard_slots; ++i) {
        std::uintptr_t free = 0;
        const auto begin = reinterpret_cast<std::uintptr_t>(data);
        if (guards[i].begin.compare_exchange_strong(free, begin)) {
            guards[i].hit.store(false);
            guards[i].end.store(begin + size, std::memory_order_release);
            return i;
        }
    }
    return -1;
}

// Maps the open file `fd` of `size` bytes; false when it cannot be mapped (the caller reads it
// instead).
bool map_file(int fd, std::size_t size, const char*& data, int& guard) {
    if (!install_guard()) return false;
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return false;
    guard = claim_guard(static_cast<const char*>(p), size);
    if (guard < 0) {
        ::munmap(p, size);
        return false;
    }
    data = static_cast<const char*>(p);
    return true;
}

int read_into(int fd, std::size_t capacity, std::unique_ptr<char[]>& buffer, std::size_t& size) {
    buffer = std::make_unique_for_overwrite<char[]>(capacity + 1);   // +1: a read that finds the end
    size = 0;
    for (;;) {
        if (size == capacity + 1) {   // the file grew: make room and go on
            std::size_t bigger = 2 * (capacity + 1);
            auto data = std::make_unique_for_overwrite<char[]>(bigger);
            std::memcpy(data.get(), buffer.get(), size);
            buffer = std::move(data);
            capacity = bigger - 1;
        }
        ssize_t n = ::read(fd, buffer.get() + size, capacity + 1 - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return 0;
        size += static_cast<std::size_t>(n);
    }
}

}  // namespace

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    if (this == &other) return *this;
    reset();
    data_ = other.data_;
    size_ = other.size_;
    buffer_ = std::move(other.buffer_);
    guard_ = other.guard_;
    fd_ = other.fd_;
    other.data_ = nullptr;
    other.size_ = 0;
    other.guard_ = other.fd_ = -1;
    return *this;
}

bool FileBytes::changed() const {
    if (guard_ < 0) return false;
    struct stat st {};
    return guards[guard_].hit.load(std::memory_order_acquire) || ::fstat(fd_, &st) != 0 ||
           static_cast<std::size_t>(st.st_size) < size_;
}

void FileBytes::reset() {
    if (guard_ >= 0) {
        guards[guard_].end.store(0);
        guards[guard_].begin.store(0, std::memory_order_release);
        ::munmap(const_cast<char*>(data_), size_);
        ::close(fd_);
    }
    buffer_.reset();
    data_ = nullptr;
    size_ = 0;
    guard_ = fd_ = -1;
}

int read_file_bytes(const std::string& path, FileBytes& out, bool may_map) {
    out.reset();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    struct stat st {};
    const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    const std::size_t size = regular && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
    if (may_map && regular && size >= map_from && map_file(fd, size, out.data_, out.guard_)) {
        out.size_ = size;
        out.fd_ = fd;
        return 0;
    }
    int error = read_into(fd, size, out.buffer_, out.size_);
    ::close(fd);
    if (error != 0) {
        out.reset();
        return error;
    }
    out.data_ = out.buffer_.get();
    return 0;
}

}  // namespace shall
