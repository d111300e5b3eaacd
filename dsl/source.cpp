#include "source.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace shall {

std::string_view SourceFile::line(std::uint32_t one_based) const {
    std::string_view rest = text;
    for (std::uint32_t n = 1; n < one_based; ++n) {
        auto nl = rest.find('\n');
        if (nl == std::string_view::npos) return {};
        rest.remove_prefix(nl + 1);
    }
    auto nl = rest.find('\n');
    auto l = rest.substr(0, nl);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

std::shared_ptr<SourceFile> read_source_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read file");
    std::ostringstream ss;
    ss << in.rdbuf();
    auto f = std::make_shared<SourceFile>();
    f->path = path;
    f->text = std::move(ss).str();
    return f;
}

}  // namespace shall
