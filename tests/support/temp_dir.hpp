#pragma once
// A fresh directory under the system temp directory for one test, removed with everything
// in it. Shared by every test folder.
#include <filesystem>
#include <string>

namespace shall::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    // writes `bytes` to `name` (relative; parent directories are created); returns the full path
    std::string write(const std::string& name, const std::string& bytes) const;
    std::string path() const { return dir_.string(); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

private:
    std::filesystem::path dir_;
};

}  // namespace shall::testing
