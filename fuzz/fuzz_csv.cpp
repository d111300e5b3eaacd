// A CSV type file: the RFC 4180 tokenizer, then the table reader over a record type with
// every kind of field (Incident: ids, enums, dates, datetimes, references, lists).
#include <cstddef>
#include <cstdint>

#include "engine/evidence/csv_reader.hpp"
#include "engine/evidence/type_file.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace shall;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    {
        CsvReader reader(text);
        CsvRecord record;
        std::size_t guard = 0;
        for (;;) {
            auto status = reader.next(record);
            if (status != CsvReader::Status::record) break;
            if (++guard > size + 2) __builtin_trap();   // a reader that makes no progress
        }
        (void)reader.last_line();
    }
    static const char* types[] = {"Incident", "Change", "Person"};
    LoadedFile out(fuzz::record_type(types[size % 3]), "Fuzz.csv");
    read_csv_table(text, out);
    return 0;
}
