// Text from evidence and rules is data, never markup or formulas: escaping helpers, the
// `<script>` record in HTML and Markdown, formula injection in CSV and XLSX.
#include <catch2/catch.hpp>
#include <cstdio>
#include <algorithm>
#include <regex>

#include "report/escape.hpp"
#include "support.hpp"

using namespace shall::rtest;

TEST_CASE("escaping helpers", "[report][escape]") {
    CHECK(shall::html_escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    CHECK(shall::xml_escape(std::string("a\x01" "b\tc\n", 7)) == "ab\tc\n");
    CHECK(shall::xml_escape("a\tb\nc", true) == "a&#9;b&#10;c");
    CHECK(shall::md_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(shall::md_escape("a|b *c* _d_ [e](f) `g` #h") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\#h");
    CHECK(shall::md_escape("line\nbreak") == "line break");
    CHECK(shall::md_escape("1. first", true) == "1\\. first");
    CHECK(shall::md_escape("- item", true) == "\\- item");
    CHECK(shall::md_escape("- item") == "- item");
    CHECK(shall::neutralise_formula("=1+1") == "'=1+1");
    CHECK(shall::neutralise_formula("+1") == "'+1");
    CHECK(shall::neutralise_formula("-1") == "'-1");
    CHECK(shall::neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(shall::neutralise_formula("\tx") == "'\tx");
    CHECK(shall::neutralise_formula("a=1") == "a=1");
    CHECK(shall::neutralise_formula("") == "");
    CHECK(shall::csv_field("plain") == "plain");
    CHECK(shall::csv_field("a,b") == "\"a,b\"");
    CHECK(shall::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(shall::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(shall::uri_path("fixtures/north wind/Change.csv") == "fixtures/north%20wind/Change.csv");
    CHECK(shall::uri_path("a#b?c%") == "a%23b%3Fc%25");
}

TEST_CASE("a record whose text holds <script> shows as text in html and md", "[report][escape]") {
    TempDir dir;
    Run run = run_shall(tiny_audit_args() + format_args(dir.path()));
    REQUIRE(run.status == 1);

    std::string html = read_file(dir.path("report.html"));
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<script>alert") == std::string::npos);
    std::size_t scripts = 0;
    for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++scripts;
    CHECK(scripts == 1);   // the report's own inline script, nothing else
    CHECK(html.find("Tiny &amp; &lt;Sons&gt; Ltd") != std::string::npos);   // bundle.json's organisation
    CHECK(html.find("<Sons>") == std::string::npos);

    std::string md = read_file(dir.path("report.md"));
    CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("@SUM(A1:A9) mail \\| queue") != std::string::npos);   // a pipe does not split a table cell

    std::string junit = read_file(dir.path("report.junit"));
    CHECK(junit.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(junit.find("<script") == std::string::npos);
}

static std::vector<std::string> csv_cells(const std::string& csv) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') { cell += '"'; ++i; }
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    return cells;
}

TEST_CASE("cells that would be formulas are neutralised in csv", "[report][formula]") {
    TempDir dir;
    REQUIRE(run_shall(tiny_audit_args() + " --format csv:" + dir.path("r.csv")).status == 1);
    auto cells = csv_cells(read_file(dir.path("r.csv")));
    REQUIRE(cells.size() % 14 == 0);
    CHECK(cells.size() / 14 == 10);   // the header and one row per finding
    std::size_t neutralised = 0;
    for (const auto& cell : cells) {
        INFO(cell);
        CHECK((cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos));
        neutralised += cell.rfind("'=", 0) == 0 || cell.rfind("'+", 0) == 0 || cell.rfind("'-", 0) == 0 || cell.rfind("'@", 0) == 0;
    }
    CHECK(neutralised == 4);
    auto has = [&](const std::string& prefix) {
        return std::any_of(cells.begin(), cells.end(), [&](const std::string& c) { return c.rfind(prefix, 0) == 0; });
    };
    CHECK(has("'=HYPERLINK(\"http://example.invalid\",\"click\") (change CHG2)"));
    CHECK(has("'+1 more disk"));
    CHECK(has("'-2 printers jammed"));
    CHECK(has("'@SUM(A1:A9)"));
}

static std::string unzip_member(const std::string& zip, const std::string& member) {
    std::string cmd = "unzip -p " + sh_quote(zip) + " " + sh_quote(member);
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    int status = ::pclose(p);
    INFO("unzip -p (Debian package unzip, installed by tools/bootstrap) failed on " << zip);
    REQUIRE(status == 0);
    return out;
}

TEST_CASE("cells that would be formulas are neutralised in xlsx", "[report][formula]") {
    TempDir dir;
    REQUIRE(run_shall(tiny_audit_args() + " --format xlsx:" + dir.path("r.xlsx")).status == 1);
    std::string strings = unzip_member(dir.path("r.xlsx"), "xl/sharedStrings.xml");
    CHECK(strings.find("<t>'=HYPERLINK(\"http://example.invalid\",\"click\")") != std::string::npos);
    CHECK(strings.find("<t>'+1 more disk") != std::string::npos);
    CHECK(strings.find("<t>'-2 printers jammed") != std::string::npos);
    CHECK(strings.find("<t>'@SUM(A1:A9)") != std::string::npos);
    CHECK(strings.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    std::smatch m;
    std::regex formula_start("<t(?: [^>]*)?>[=+\\-@]");
    CHECK_FALSE(std::regex_search(strings, m, formula_start));
    // no cell is written as a formula either
    for (const std::string sheet : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"})
        CHECK(unzip_member(dir.path("r.xlsx"), sheet).find("<f>") == std::string::npos);
    std::string core = unzip_member(dir.path("r.xlsx"), "docProps/core.xml");
    CHECK(core.find("2026-06-30T00:00:00Z") != std::string::npos);   // created: as_of, not the clock
}
