#include "digest.hpp"

#include <algorithm>
#include <memory>
#include <openssl/evp.h>
#include <stdexcept>

namespace shall {

std::string files_digest(std::vector<DigestInput> files) {
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.relative_path < b.relative_path; });
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw std::runtime_error("SHA-256 unavailable");
    for (const auto& f : files) {
        EVP_DigestUpdate(ctx.get(), f.relative_path.data(), f.relative_path.size() + 1);  // with its NUL
        unsigned char len[8];
        std::uint64_t n = f.bytes.size();
        for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(n >> (8 * i));
        EVP_DigestUpdate(ctx.get(), len, sizeof len);
        EVP_DigestUpdate(ctx.get(), f.bytes.data(), f.bytes.size());
    }
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), out, &size);
    static const char* hex = "0123456789abcdef";
    std::string s = "sha256:";
    for (unsigned i = 0; i < size; ++i) {
        s += hex[out[i] >> 4];
        s += hex[out[i] & 15];
    }
    return s;
}

}  // namespace shall
