#include "uuid.hpp"

#include <array>
#include <openssl/evp.h>
#include <stdexcept>

namespace shall {

const char* const shall_uuid_namespace = "307d9995-4ea1-5ac7-9e31-26349e608a48";

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::array<unsigned char, 16> parse_uuid(std::string_view s) {
    std::array<unsigned char, 16> out{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '-') continue;
        int hi = hex_value(s[i]), lo = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
        if (hi < 0 || lo < 0 || n == 16) throw std::invalid_argument("not a UUID: " + std::string(s));
        out[n++] = static_cast<unsigned char>(hi * 16 + lo);
        ++i;
    }
    if (n != 16) throw std::invalid_argument("not a UUID: " + std::string(s));
    return out;
}

}  // namespace

std::string uuid_v5(std::string_view namespace_uuid, std::string_view name) {
    auto ns = parse_uuid(namespace_uuid);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr) == 1 &&
              EVP_DigestUpdate(ctx, ns.data(), ns.size()) == 1 &&
              EVP_DigestUpdate(ctx, name.data(), name.size()) == 1 &&
              EVP_DigestFinal_ex(ctx, digest, &length) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok || length < 16) throw std::runtime_error("SHA-1 is not available");
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x50);   // version 5
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);   // RFC 4122 variant
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

}  // namespace shall
