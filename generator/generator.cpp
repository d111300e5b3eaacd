#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace shall::gen {
namespace {

// --- deterministic randomness (never std::*_distribution: those differ between libraries)
struct Rng {
    std::uint64_t s;
    explicit Rng(std::uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 0xD1B54A32D192ED03ull) {}
    std::uint64_t next() {   // splitmix64
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    bool chance(double p) { return uniform() < p; }
    template <class T, std::size_t N> const T& pick(const std::array<T, N>& a) { return a[below(N)]; }
};

// --- calendar arithmetic (proleptic Gregorian, days since 1970-01-01)
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(yoe) + int(era * 400) + (m <= 2);
}

constexpr std::int64_t day_s = 86400;

// --- buffered CSV writer
class Csv {
public:
    Csv(const std::filesystem::path& path, std::string_view header) {
        f_ = std::fopen(path.c_str(), "wb");
        if (!f_) throw std::runtime_error(fmt::format("cannot write {}", path.string()));
        buf_.reserve(1 << 20);
        buf_.append(header);
        buf_.push_back('\n');
    }
    ~Csv() { close(); }
    std::uint64_t close() {
        if (f_) {
            flush();
            std::fclose(f_);
            f_ = nullptr;
        }
        return bytes_;
    }
    Csv& field(std::string_view s) {   // plain text (no quoting needed)
        sep();
        buf_.append(s);
        return *this;
    }
    Csv& quoted(std::string_view s) {   // text that may hold commas
        sep();
        buf_.push_back('"');
        for (char c : s) {
            if (c == '"') buf_.push_back('"');
            buf_.push_back(c);
        }
        buf_.push_back('"');
        return *this;
    }
    Csv& empty() { return field({}); }
    Csv& num(std::int64_t v) {
        sep();
        fmt::format_to(std::back_inserter(buf_), "{}", v);
        return *this;
    }
    Csv& boolean(bool b) { return field(b ? "true" : "false"); }
    Csv& id(std::string_view prefix, std::uint64_t n, int width) {
        sep();
        buf_.append(prefix);
        fmt::format_to(std::back_inserter(buf_), "{:0{}}", n, width);
        return *this;
    }
    Csv& date(std::int64_t days) {
        sep();
        int y;
        unsigned m, d;
        civil_from_days(days, y, m, d);
        fmt::format_to(std::back_inserter(buf_), "{:04}-{:02}-{:02}", y, m, d);
        return *this;
    }
    Csv& datetime(std::int64_t secs) {
        sep();
        std::int64_t days = secs >= 0 ? secs / day_s : (secs - day_s + 1) / day_s;
        std::int64_t rem = secs - days * day_s;
        int y;
        unsigned m, d;
        civil_from_days(days, y, m, d);
        fmt::format_to(std::back_inserter(buf_), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, rem / 3600,
                       rem / 60 % 60, rem % 60);
        return *this;
    }
    void end() {
        buf_.push_back('\n');
        first_ = true;
        ++rows_;
        if (buf_.size() >= (1u << 20)) flush();
    }
    std::uint64_t rows() const { return rows_; }

private:
    void sep() {
        if (!first_) buf_.push_back(',');
        first_ = false;
    }
    void flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
            throw std::runtime_error("write failed (disk full?)");
        bytes_ += buf_.size();
        buf_.clear();
    }
    std::FILE* f_ = nullptr;
    std::string buf_;
    bool first_ = true;
    std::uint64_t rows_ = 0, bytes_ = 0;
};

const std::array<std::string_view, 12> first_names{"Alex", "Sam", "Priya", "Jonas", "Maria", "Chen", "Fatima", "Liam",
                                                    "Aisha", "Tomasz", "Elena", "Kwame"};
const std::array<std::string_view, 12> last_names{"Smith", "Okafor", "Novak", "Garcia", "Lindqvist", "Tanaka", "Murphy",
                                                   "Haddad", "Rossi", "Kowalski", "Patel", "Dubois"};
const std::array<std::string_view, 6> departments{"Service Desk", "Infrastructure", "Applications", "Security",
                                                   "Service Management", "Networks"};
const std::array<std::string_view, 10> incident_titles{
    "User cannot log in", "Email delivery delayed", "VPN connection drops", "Printer offline",
    "Application error on save", "Slow response of file share", "Disk space alarm", "Certificate expired",
    "Backup job failed", "Wi-Fi unavailable on floor 2"};
const std::array<std::string_view, 6> incident_categories{"access", "email", "connectivity", "hardware",
                                                           "application", "performance"};
const std::array<std::string_view, 8> resolutions{
    "Reset the account lock and confirmed the user can log in.",
    "Cleared the mail queue, delivery back to normal.",
    "Replaced the faulty patch cable, connection stable.",
    "Restarted the print spooler and reinstalled the driver.",
    "Applied the vendor hotfix, save works again.",
    "Expanded the volume by 200 GB and cleaned temporary files.",
    "Renewed and deployed the certificate, service verified.",
    "Re-ran the backup after freeing the tape library, job successful."};
const std::array<std::string_view, 4> placeholder_resolutions{"fixed", "done", "n/a", "resolved"};
const std::array<std::string_view, 6> request_categories{"access_request", "new_laptop", "software_install",
                                                          "password_reset", "mailbox_change", "information"};
const std::array<std::string_view, 8> change_titles{
    "Monthly server patching", "Firewall rule update", "Upgrade database engine", "Replace core switch module",
    "Deploy application release", "Renew TLS certificates", "Extend storage pool", "Update antivirus signatures policy"};
const std::array<std::string_view, 8> ci_types{"server", "virtual machine", "firewall", "application",
                                                "database", "switch", "storage", "circuit"};
const std::array<std::string_view, 6> problem_titles{
    "Recurring VPN disconnects", "Backup window overruns", "Intermittent mail delays",
    "Storage latency peaks", "Login failures after patching", "Printer driver crashes"};
const std::array<std::string_view, 8> processes{
    "incident_management", "service_request_management", "problem_management", "change_management",
    "configuration_management", "service_level_management", "supplier_management", "capacity_management"};

}  // namespace

const std::map<std::string, double>& planted_rates() {
    static const std::map<std::string, double> rates{
        {"INC-RESOLUTION-RECORDED", 0.02},       // of resolved / closed incidents: placeholder resolution
        {"INC-CLOSURE-COMPLETE", 0.01},          // of closed incidents: closed before resolved
        {"INC-MAJOR-TOP-MGMT-INFORMED", 0.20},   // of major incidents: top management never told
        {"CHG-APPROVED-BEFORE-IMPL", 0.03},      // of implemented non-standard changes: approved afterwards
        {"CI-VERIFIED-AT-INTERVALS", 0.04},      // of active CIs: last verified more than 12 months ago
        {"REQ-FULFILMENT-RECORDED", 0.005},      // of fulfilled / closed requests: no fulfilment date
        {"INC-MAJOR-MANAGER-ASSIGNED", 0.05},    // of major incidents: assigned to an unknown person
        // one person in 29 has left (active = false); what they own fails these rules
        {"DOC-OWNER-ACTIVE", 1.0 / 29},
        {"SVC-LIVE-OWNED", 1.0 / 29},
    };
    return rates;
}

GenerateResult generate_bundle(const GenerateOptions& o) {
    namespace fs = std::filesystem;
    if (o.out.empty()) throw std::runtime_error("no output directory");
    fs::create_directories(o.out);
    const fs::path dir(o.out);
    const auto rate = [&](const char* rule) { return planted_rates().at(rule) * o.defect_scale; };

    const std::int64_t period_start = days_from_civil(2025, 11, 1);
    const std::int64_t as_of = days_from_civil(2026, 10, 31);
    const std::uint64_t N = std::max<std::uint64_t>(o.records, 200);

    // population sizes: incidents and service requests dominate
    const std::uint64_t n_person = std::max<std::uint64_t>(30, N / 100);
    const std::uint64_t n_service = 8;
    const std::uint64_t n_doc = std::max<std::uint64_t>(10, N / 200);
    const std::uint64_t n_audit = std::clamp<std::uint64_t>(N / 2000, 4, 400);
    const std::uint64_t n_ci = std::max<std::uint64_t>(50, N * 6 / 100);
    const std::uint64_t n_problem = std::max<std::uint64_t>(5, N * 2 / 100);
    const std::uint64_t n_change = std::max<std::uint64_t>(20, N * 8 / 100);
    const std::uint64_t fixed = n_person + n_service + n_doc + n_audit + n_ci + n_problem + n_change;
    const std::uint64_t rest = N > fixed ? N - fixed : 100;
    const std::uint64_t n_incident = rest * 55 / 100;
    const std::uint64_t n_request = rest - n_incident;

    GenerateResult result;
    for (const auto& [rule, r] : planted_rates()) result.planted[rule] = 0;
    auto finish = [&](const char* type, Csv& csv) {
        result.records[type] = csv.rows();
        result.total_records += csv.rows();
        result.bytes += csv.close();
    };
    auto person_of = [&](Rng& r) { return 1 + r.below(n_person); };
    const bool leavers = o.defect_scale > 0;
    auto person_inactive = [&](std::uint64_t i) { return leavers && i > 3 && i % 29 == 0; };
    auto ci_active = [](std::uint64_t i) { return i % 20 < 18; };   // CI i (0-based): 18 of 20 active

    // Person
    {
        Rng r(o.seed * 101 + 1);
        Csv csv(dir / "Person.csv", "id,name,email,department,active,roles,top_management");
        for (std::uint64_t i = 1; i <= n_person; ++i) {
            auto fn = r.pick(first_names), ln = r.pick(last_names);
            csv.id("PER", i, 6).field(fmt::format("{} {}", fn, ln));
            csv.field(fmt::format("{}.{}{}@example.org", fn, ln, i)).field(r.pick(departments)).boolean(!person_inactive(i)).empty();
            csv.boolean(i <= 3).end();
        }
        finish("Person", csv);
    }
    // Service
    {
        Rng r(o.seed * 101 + 2);
        static const std::array<std::string_view, 8> names{"Service Desk", "Hosting", "Network", "Backup",
                                                            "Collaboration", "Security Operations", "Voice",
                                                            "Business Applications"};
        Csv csv(dir / "Service.csv", "id,name,status,owner,customers,in_scope,in_catalogue,critical,availability_target");
        for (std::uint64_t i = 1; i <= n_service; ++i) {
            const auto owner = person_of(r);
            if (person_inactive(owner)) ++result.planted["SVC-LIVE-OWNED"];
            csv.id("SVC-", i, 3).field(names[i - 1]).field("live").id("PER", owner, 6).empty();
            csv.boolean(true).boolean(true).boolean(i <= 3).field(i <= 3 ? "99.9" : "99.5").end();
        }
        finish("Service", csv);
    }
    // Document: procedures (the first is the major incident procedure)
    {
        Rng r(o.seed * 101 + 3);
        Csv csv(dir / "Document.csv",
                "id,title,kind,version,status,owner,approved_by,approved_on,published_on,review_interval_months,"
                "last_reviewed_on,next_review_on,retention_until,location,external_origin,process,services");
        for (std::uint64_t i = 1; i <= n_doc; ++i) {
            const auto proc = processes[(i - 1) % processes.size()];
            std::int64_t reviewed = as_of - 20 - std::int64_t(r.below(300));
            csv.id("DOC-", i, 6);
            if (i == 1) csv.field("Major incident procedure");
            else csv.field(fmt::format("Procedure {} for {}", i, proc));
            csv.field("procedure").field(fmt::format("1.{}", r.below(9))).field("approved");
            const auto owner = person_of(r);
            if (person_inactive(owner)) ++result.planted["DOC-OWNER-ACTIVE"];
            csv.id("PER", owner, 6).id("PER", 1 + r.below(3), 6).date(reviewed).date(reviewed + 2).num(12);
            csv.date(reviewed).date(reviewed + 365).empty();
            csv.field(fmt::format("https://docs.example.org/sms/DOC-{:06}", i)).boolean(false).field(proc);
            csv.id("SVC-", 1 + (i - 1) % n_service, 3).end();
        }
        finish("Document", csv);
    }
    // InternalAudit: spread over the period
    {
        Rng r(o.seed * 101 + 4);
        Csv csv(dir / "InternalAudit.csv", "id,planned_on,performed_on,status,processes,auditors,criteria,report,reported_to,scope");
        for (std::uint64_t i = 1; i <= n_audit; ++i) {
            std::int64_t planned = period_start + std::int64_t((i - 1) * 330 / n_audit);
            auto p1 = processes[(i - 1) % processes.size()], p2 = processes[i % processes.size()];
            csv.id("IA-", i, 4).date(planned).date(planned + 1).field("done").field(fmt::format("{};{}", p1, p2));
            csv.id("PER", 4 + r.below(n_person - 3), 6).field("ISO/IEC 20000-1:2018 and the SMS documents");
            csv.id("DOC-", 1 + r.below(n_doc), 6).id("PER", 1 + r.below(3), 6);
            csv.field(fmt::format("Processes {} and {}", p1, p2)).end();
        }
        finish("InternalAudit", csv);
    }
    // ConfigurationItem
    {
        Rng r(o.seed * 101 + 5);
        Csv csv(dir / "ConfigurationItem.csv", "id,name,ci_type,status,owner,services,depends_on,last_verified_on,description");
        for (std::uint64_t i = 0; i < n_ci; ++i) {
            const auto type = r.pick(ci_types);
            const bool active = ci_active(i);
            csv.id("CI", i + 1, 7).field(fmt::format("{} {}", type, i + 1)).field(type);
            csv.field(active ? "active" : (i % 20 == 18 ? "planned" : "retired"));
            csv.id("PER", person_of(r), 6).id("SVC-", 1 + r.below(n_service), 3);
            if (i >= 40 && r.chance(0.3)) {
                std::uint64_t d = r.below(40);
                if (!ci_active(d)) d = 0;
                csv.id("CI", d + 1, 7);
            } else {
                csv.empty();
            }
            std::int64_t verified = as_of - 10 - std::int64_t(r.below(300));
            if (active && r.chance(rate("CI-VERIFIED-AT-INTERVALS"))) {
                verified = as_of - 400 - std::int64_t(r.below(400));
                ++result.planted["CI-VERIFIED-AT-INTERVALS"];
            }
            csv.date(verified).field(fmt::format("{} supporting the services", type)).end();
        }
        finish("ConfigurationItem", csv);
    }
    // Problem
    {
        Rng r(o.seed * 101 + 6);
        Csv csv(dir / "Problem.csv",
                "id,title,opened_on,priority,status,root_cause,known_error,workaround,resolved_on,closed_on,cis,change,reviewed_on");
        for (std::uint64_t i = 1; i <= n_problem; ++i) {
            std::int64_t opened = period_start + std::int64_t((i - 1) * 300 / n_problem);
            csv.id("PRB", i, 7).field(r.pick(problem_titles)).date(opened).num(2 + std::int64_t(r.below(3)));
            csv.field("closed").field("Cause identified and removed").boolean(false).empty();
            csv.date(opened + 20).date(opened + 30);
            std::uint64_t ci = r.below(n_ci);
            if (!ci_active(ci)) ci = 0;
            csv.id("CI", ci + 1, 7).empty().date(opened + 30).end();
        }
        finish("Problem", csv);
    }
    // Change
    {
        Rng r(o.seed * 101 + 7);
        Csv csv(dir / "Change.csv",
                "id,title,kind,status,requested_on,requested_by,risk,impact_assessed,approved_by,approved_on,"
                "approval_authority,planned_start,planned_end,implemented_on,backout_plan,outcome,pir_on,remediation,"
                "services,cis,release,tested_on,communicated_on");
        for (std::uint64_t i = 1; i <= n_change; ++i) {
            std::int64_t requested = period_start + std::int64_t((i - 1) * 320 / n_change);
            double k = r.uniform();
            const char* kind = k < 0.45 ? "standard" : k < 0.92 ? "normal" : "emergency";
            const bool standard = kind[0] == 's', emergency = kind[0] == 'e';
            const char* risk = standard ? "low" : (r.chance(0.1) ? "high" : r.chance(0.5) ? "medium" : "low");
            std::int64_t approved = requested + (emergency ? 0 : 1 + std::int64_t(r.below(5)));
            std::int64_t impl_day = approved + (emergency ? 0 : 3 + std::int64_t(r.below(7)));
            std::int64_t impl = impl_day * day_s + 19 * 3600;
            if (!standard && r.chance(rate("CHG-APPROVED-BEFORE-IMPL"))) {
                approved = impl_day + 1 + std::int64_t(r.below(4));
                ++result.planted["CHG-APPROVED-BEFORE-IMPL"];
            }
            csv.id("CHG", i, 8).field(r.pick(change_titles)).field(kind).field("closed").date(requested);
            csv.id("PER", person_of(r), 6).field(risk).boolean(true);
            if (standard) csv.empty().empty().field("pre_approved");
            else {
                const auto a1 = person_of(r);
                const auto a2 = person_of(r);
                csv.field(fmt::format("PER{:06};PER{:06}", a1, a2)).date(approved).field(emergency ? "ecab" : "cab");
            }
            csv.datetime(impl).datetime(impl + 2 * 3600).datetime(impl).boolean(true).field("successful");
            if (emergency) csv.date(impl_day + 7);
            else csv.empty();
            std::uint64_t ci = r.below(n_ci);
            if (!ci_active(ci)) ci = 0;
            csv.empty().id("SVC-", 1 + r.below(n_service), 3).id("CI", ci + 1, 7).empty();
            csv.date(impl_day - 1).date(impl_day - 2).end();
        }
        finish("Change", csv);
    }
    // Incident: opened in time order over 330 days; one in three names a CI, in rotation,
    // so that no CI sees a burst of recurring incidents
    {
        Rng r(o.seed * 101 + 8);
        Csv csv(dir / "Incident.csv",
                "id,title,opened_at,category,impact,urgency,priority,status,major,security,service,cis,assigned_to,"
                "escalated,target_resolve_at,resolved_at,closed_at,resolution,problem,top_management_informed_on,"
                "review_on,reassignment_count,reopen_count,sla_met");
        const std::int64_t start = period_start * day_s, span = 330 * day_s;
        std::uint64_t ci_cursor = 0;
        for (std::uint64_t i = 0; i < n_incident; ++i) {
            std::int64_t opened = start + std::int64_t((__int128)span * i / n_incident) + std::int64_t(r.below(span / n_incident + 1));
            opened = std::min(opened, start + span);
            std::int64_t impact = 1 + std::int64_t(r.below(4)), urgency = 1 + std::int64_t(r.below(4));
            std::int64_t priority = std::min(impact, urgency);
            const bool late = i >= n_incident * 95 / 100;
            double s = r.uniform();
            const char* status = late && s < 0.3 ? "in_progress" : s < 0.95 ? "closed" : "resolved";
            const bool open = status[0] == 'i', closed = status[0] == 'c';
            const bool major = r.chance(0.01);
            std::int64_t target = opened + priority * 8 * 3600;
            std::int64_t resolved = opened + 600 + std::int64_t(r.below(std::uint64_t(priority * 8 * 3600 - 1200)));
            std::int64_t closed_at = resolved + 2 * day_s;
            std::string_view resolution = r.pick(resolutions);
            if (!open) {
                double d = r.uniform();
                if (d < rate("INC-RESOLUTION-RECORDED")) {
                    resolution = r.pick(placeholder_resolutions);
                    ++result.planted["INC-RESOLUTION-RECORDED"];
                } else if (closed && d < rate("INC-RESOLUTION-RECORDED") + rate("INC-CLOSURE-COMPLETE")) {
                    closed_at = resolved - 3600;
                    ++result.planted["INC-CLOSURE-COMPLETE"];
                }
            }
            csv.id("INC", i + 1, 8).field(r.pick(incident_titles)).datetime(opened).field(r.pick(incident_categories));
            csv.num(impact).num(urgency).num(priority).field(status).boolean(major).boolean(false);
            csv.id("SVC-", 1 + r.below(n_service), 3);
            if (r.chance(1.0 / 3)) {
                while (!ci_active(ci_cursor % n_ci)) ++ci_cursor;
                csv.id("CI", ci_cursor % n_ci + 1, 7);
                ++ci_cursor;
            } else {
                csv.empty();
            }
            if (major && r.chance(rate("INC-MAJOR-MANAGER-ASSIGNED"))) {
                csv.field("PER999999");   // nobody of that id
                ++result.planted["INC-MAJOR-MANAGER-ASSIGNED"];
            } else {
                csv.id("PER", person_of(r), 6);
            }
            csv.boolean(false).datetime(target);
            if (open) csv.empty().empty().empty();
            else {
                csv.datetime(resolved);
                if (closed) csv.datetime(closed_at);
                else csv.empty();
                csv.quoted(resolution);
            }
            csv.empty();   // problem
            const std::int64_t opened_day = opened / day_s;
            if (major) {
                if (r.chance(rate("INC-MAJOR-TOP-MGMT-INFORMED"))) {
                    csv.empty();
                    ++result.planted["INC-MAJOR-TOP-MGMT-INFORMED"];
                } else {
                    csv.date(opened_day + std::int64_t(r.below(2)));
                }
                if (open) csv.empty();
                else csv.date(resolved / day_s + 5);
            } else {
                csv.empty().empty();
            }
            csv.num(std::int64_t(r.below(3))).num(0).boolean(!open).end();
        }
        finish("Incident", csv);
    }
    // ServiceRequest
    {
        Rng r(o.seed * 101 + 9);
        Csv csv(dir / "ServiceRequest.csv",
                "id,opened_at,category,priority,status,service,assigned_to,target_fulfil_at,fulfilled_at,closed_at");
        const std::int64_t start = period_start * day_s, span = 330 * day_s;
        for (std::uint64_t i = 0; i < n_request; ++i) {
            std::int64_t opened = start + std::int64_t((__int128)span * i / n_request) + std::int64_t(r.below(span / n_request + 1));
            opened = std::min(opened, start + span);
            std::int64_t priority = 2 + std::int64_t(r.below(3));
            const bool closed = r.chance(0.96);
            std::int64_t fulfilled = opened + 1800 + std::int64_t(r.below(2 * day_s));
            csv.id("RITM", i + 1, 8).datetime(opened).field(r.pick(request_categories)).num(priority);
            csv.field(closed ? "closed" : "fulfilled").id("SVC-", 1 + r.below(n_service), 3).id("PER", person_of(r), 6);
            csv.datetime(opened + 3 * day_s);
            if (r.chance(rate("REQ-FULFILMENT-RECORDED"))) {
                csv.empty();
                ++result.planted["REQ-FULFILMENT-RECORDED"];
            } else {
                csv.datetime(fulfilled);
            }
            if (closed) csv.datetime(fulfilled + day_s);
            else csv.empty();
            csv.end();
        }
        finish("ServiceRequest", csv);
    }

    // bundle.json, and what was planted (files starting with '.' are not evidence)
    nlohmann::ordered_json bundle{
        {"organization", o.organization.empty() ? fmt::format("Generated Org {}", o.seed) : o.organization},
        {"as_of", "2026-10-31"},
        {"period_start", "2025-11-01"},
        {"period_end", "2026-10-31"},
        {"timezone", "UTC"},
        {"source", fmt::format("shall generate --records {} --seed {}", o.records, o.seed)}};
    {
        std::FILE* f = std::fopen((dir / "bundle.json").c_str(), "wb");
        if (!f) throw std::runtime_error("cannot write bundle.json");
        std::string text = bundle.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
    nlohmann::ordered_json planted{{"seed", o.seed}, {"records", o.records}, {"defect_scale", o.defect_scale},
                                   {"record_counts", result.records}, {"planted", result.planted}};
    {
        std::FILE* f = std::fopen((dir / ".planted.json").c_str(), "wb");
        if (!f) throw std::runtime_error("cannot write .planted.json");
        std::string text = planted.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
    return result;
}

}  // namespace shall::gen
