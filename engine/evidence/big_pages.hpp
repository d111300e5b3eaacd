#pragma once
// Memory for big tables, in transparent huge pages where the system allows them (madvise
// mode): one fault per 2 MB instead of per 4 KB when a table of millions of rows is first
// written, which on a virtual machine is where a big bundle's load spends much of its time.
#include <cstddef>
#include <memory>
#include <utility>

namespace shall {

constexpr std::size_t big_pages_from = std::size_t{2} << 20;   // smaller blocks come from malloc

// At least `bytes` (>= big_pages_from) of zeroed memory; throws std::bad_alloc when there is none.
void* allocate_big_pages(std::size_t bytes);
void free_big_pages(void* p, std::size_t bytes);

// std::allocator, but blocks of big_pages_from and more are in huge pages. With `unwritten`,
// growing a vector (resize) leaves the new places unwritten, for buffers the loader fills
// right after growing them, possibly on another thread: no zeroing pass over fresh memory.
// Every other way of adding elements constructs them as usual.
template <class T, bool unwritten = false>
struct BigPages : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = BigPages<U, unwritten>;
    };
    BigPages() = default;
    template <class U>
    BigPages(const BigPages<U, unwritten>&) noexcept {}
    T* allocate(std::size_t n) {
        if (n * sizeof(T) < big_pages_from) return std::allocator<T>::allocate(n);
        return static_cast<T*>(allocate_big_pages(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) {
        if (n * sizeof(T) < big_pages_from) return std::allocator<T>::deallocate(p, n);
        free_big_pages(p, n * sizeof(T));
    }
    template <class U>
    void construct(U* p) {
        if constexpr (!unwritten) ::new (static_cast<void*>(p)) U();
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

template <class T>
using FilledLater = BigPages<T, true>;

}  // namespace shall
