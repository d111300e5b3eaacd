#include "digest.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace shall {

std::string files_digest(std::vector<DigestInput> inputs) {
    std::sort(inputs.begin(), inputs.end(), [](const DigestInput& a, const DigestInput& b) { return a.path < b.path; });
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw std::runtime_error("cannot initialise SHA-256");
    for (const DigestInput& in : inputs) {
        unsigned char length[8];
        auto n = static_cast<std::uint64_t>(in.bytes.size());
        for (int i = 0; i < 8; ++i) length[i] = static_cast<unsigned char>(n >> (8 * i));
        EVP_DigestUpdate(ctx.get(), in.path.data(), in.path.size());
        EVP_DigestUpdate(ctx.get(), "\0", 1);
        EVP_DigestUpdate(ctx.get(), length, sizeof length);
        EVP_DigestUpdate(ctx.get(), in.bytes.data(), in.bytes.size());
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), hash, &size);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[hash[i] >> 4];
        out += hex[hash[i] & 15];
    }
    return out;
}

}  // namespace shall
