#pragma once
// Memory for big tables, in transparent huge pages where the system allows them (madvise
// mode): one fault per 2 MB instead of per 4 KB when a table of millions of rows is first
// written, which on a virtual machine is where a big bundle's load spends much of its time.
#include <cstddef>
#include <memory>

namespace shall {

constexpr std::size_t big_pages_from = std::size_t{2} << 20;   // smaller blocks come from malloc

// At least `bytes` (>= big_pages_from) of zeroed memory; throws std::bad_alloc when there is none.
void* allocate_big_pages(std::size_t bytes);
void free_big_pages(void* p, std::size_t bytes);

// std::allocator, but blocks of big_pages_from and more are in huge pages.
template <class T>
struct BigPages : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = BigPages<U>;
    };
    BigPages() = default;
    template <class U>
    BigPages(const BigPages<U>&) noexcept {}
    T* allocate(std::size_t n) {
        if (n * sizeof(T) < big_pages_from) return std::allocator<T>::allocate(n);
        return static_cast<T*>(allocate_big_pages(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) {
        if (n * sizeof(T) < big_pages_from) return std::allocator<T>::deallocate(p, n);
        free_big_pages(p, n * sizeof(T));
    }
};

}  // namespace shall
