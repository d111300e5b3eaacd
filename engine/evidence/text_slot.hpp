#pragma once
// A slot of the string pool's open-addressing table: 16 bytes that hold a text of up to 11
// bytes itself (ids, codes, names), so that finding one costs one cache line instead of the
// slot, then the text's view, then its bytes. A longer text keeps its hash and first bytes
// here; its bytes elsewhere decide.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace shall {

struct TextSlot {
    static constexpr std::size_t short_max = 11;
    static constexpr std::uint8_t long_text = 0xff;

    std::uint32_t id_plus_one = 0;   // 0 = empty
    std::uint8_t size = 0;           // the text's length up to short_max, else long_text
    char key[short_max] = {};        // short: the text, zero padded; long: its hash, then its first bytes

    // The slot of text s (with its hash), id left empty: what lookups compare slots with.
    static TextSlot for_text(std::string_view s, std::uint32_t hash) {
        TextSlot k;
        if (s.size() <= short_max) {
            k.size = static_cast<std::uint8_t>(s.size());
            std::memcpy(k.key, s.data(), s.size());
        } else {
            k.size = long_text;
            std::memcpy(k.key, &hash, sizeof hash);
            std::memcpy(k.key + sizeof hash, s.data(), short_max - sizeof hash);
        }
        return k;
    }
    bool is_long() const { return size == long_text; }
    // Whether this slot holds the text of `k` (for a long text: probably; its bytes tell).
    bool same_key(const TextSlot& k) const {
        return word(*this, 4) == word(k, 4) && word(*this, 8) == word(k, 8);
    }
    std::string_view short_text() const { return {key, size}; }
    std::uint32_t long_hash() const {
        std::uint32_t h;
        std::memcpy(&h, key, sizeof h);
        return h;
    }

private:
    static std::uint64_t word(const TextSlot& s, std::size_t at) {
        std::uint64_t w;
        std::memcpy(&w, reinterpret_cast<const char*>(&s) + at, sizeof w);
        return w;
    }
};
static_assert(sizeof(TextSlot) == 16);

}  // namespace shall
