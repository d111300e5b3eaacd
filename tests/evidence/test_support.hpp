#pragma once
// Test helpers: a hand-built schema (the Shall parser is not used here), temporary bundle
// directories and lookups into a loaded store.
#include <filesystem>
#include <string>
#include <vector>

#include "engine/evidence/store.hpp"

namespace shall::test {

// Person, Role, Problem, Incident, Change, Service (Service never has a file in the tests):
//   Person:   id, name, active: bool, roles -> Role*, email
//   Role:     id, kind: enum(top_management, process_owner, other)
//   Problem:  id, title, opened_on: date
//   Incident: id, title, opened_at: datetime, priority: int, status: enum(new, in_progress,
//             resolved, closed), major: bool, cost: decimal, problem -> Problem,
//             assigned_to -> Person, tags: list, channels: list of enum(email, phone, portal),
//             service -> Service, resolved_on: date
//   Change:   id, approved_by -> Person*, implemented_on: datetime, approved_on: date
//   Service:  id, name
const Schema& test_schema();

class TempBundle {
public:
    TempBundle();
    ~TempBundle();
    TempBundle(const TempBundle&) = delete;
    TempBundle& operator=(const TempBundle&) = delete;
    void write(const std::string& name, const std::string& bytes) const;
    std::string path() const { return dir_.string(); }
private:
    std::filesystem::path dir_;
};

std::string data_dir(const std::string& name);  // tests/data/evidence/<name>

const TypeTable& table(const EvidenceStore& s, const std::string& type);
// canonical text of field `field` of the record with id `id` of type `type` ("" when absent)
std::string cell(const EvidenceStore& s, const std::string& type, const std::string& id, const std::string& field);
Value value_of(const EvidenceStore& s, const std::string& type, const std::string& id, const std::string& field);
bool has_id(const EvidenceStore& s, const std::string& type, const std::string& id);

// The quality entries with this code, in order.
std::vector<EvidenceQuality> entries(const EvidenceStore& s, const std::string& code);
// "level code source: message" per entry, to compare whole logs at once.
std::vector<std::string> quality_lines(const EvidenceStore& s);

EvidenceStore load(const std::string& dir, std::optional<Days> as_of = std::nullopt, unsigned threads = 0, std::size_t piece_bytes = 0);

}  // namespace shall::test
