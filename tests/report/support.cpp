#include "support.hpp"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace shall::rtest {

namespace fs = std::filesystem;

std::string source_dir() { return SHALL_SOURCE_DIR; }

std::string sh_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string shall_binary() { return std::string(SHALL_BINARY_DIR) + "/shall"; }

Run run_shall(const std::string& args, const std::string& env) {
    return sh(env + (env.empty() ? "" : " ") + sh_quote(shall_binary()) + " " + args);
}

Run sh(const std::string& command) {
    TempDir tmp;
    std::string err_file = tmp.path("stderr");
    std::string cmd = "cd " + sh_quote(source_dir()) + " && { " + command + " ; } 2>" + sh_quote(err_file);
    Run run;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run " + cmd);
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) run.out.append(buffer, n);
    int status = ::pclose(p);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::error_code ec;
    if (fs::exists(err_file, ec)) run.err = read_file(err_file);
    return run;
}

std::string schema_path(const std::string& name) {
    fs::path p = fs::path(SHALL_SCHEMAS_DIR) / name;
    return fs::exists(p) ? p.lexically_normal().string() : std::string();
}

const std::vector<std::string>& all_formats() {
    static const std::vector<std::string> formats = {"text", "json", "md", "html", "oscal", "sarif", "junit", "csv", "xlsx"};
    return formats;
}

std::string format_args(const std::string& dir) {
    std::string out;
    for (const auto& f : all_formats()) out += " --format " + sh_quote(f + ":" + dir + "/report." + f);
    return out;
}

std::string tiny_audit_args() {
    return "audit --rules tests/report/data/rules --evidence tests/report/data/bundle --include rulesets";
}

std::string northwind_audit_args() { return "audit --rules rulesets/iso20000-1 --evidence fixtures/northwind-nc"; }

std::string schema_errors(const std::string& schema_file, const std::string& document, bool draft4) {
    nlohmann::json schema_doc = nlohmann::json::parse(read_file(schema_file));
    nlohmann::json doc = nlohmann::json::parse(document);
    valijson::Schema schema;
    valijson::SchemaParser parser(draft4 ? valijson::SchemaParser::kDraft4 : valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
    parser.populateSchema(schema_adapter, schema);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc);
    if (validator.validate(schema, target, &results)) return "";
    std::string out;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        std::string where;
        for (const auto& c : error.context) where += c;
        out += where + ": " + error.description + "\n";
    }
    return out.empty() ? "invalid\n" : out;
}

}  // namespace shall::rtest
