#include "file_bytes.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace shall {

int read_file_bytes(const std::string& path, FileBytes& out) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    struct stat st {};
    std::size_t capacity = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
    out.data = std::make_unique_for_overwrite<char[]>(capacity + 1);   // +1: a read that finds the end
    out.size = 0;
    int error = 0;
    for (;;) {
        if (out.size == capacity + 1) {   // the file grew: make room and go on
            std::size_t bigger = 2 * (capacity + 1);
            auto data = std::make_unique_for_overwrite<char[]>(bigger);
            std::memcpy(data.get(), out.data.get(), out.size);
            out.data = std::move(data);
            capacity = bigger - 1;
        }
        ssize_t n = ::read(fd, out.data.get() + out.size, capacity + 1 - out.size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = errno;
            break;
        }
        if (n == 0) break;
        out.size += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (error != 0) {
        out.data.reset();
        out.size = 0;
    }
    return error;
}

}  // namespace shall
