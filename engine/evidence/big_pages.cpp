#include "big_pages.hpp"

#include <sys/mman.h>

#include <new>

namespace shall {

void* allocate_big_pages(std::size_t bytes) {
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    ::madvise(p, bytes, MADV_HUGEPAGE);   // a hint: without THP the memory is simply in small pages
    return p;
}

void free_big_pages(void* p, std::size_t bytes) { ::munmap(p, bytes); }

}  // namespace shall
