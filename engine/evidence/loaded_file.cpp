#include "loaded_file.hpp"

namespace shall {

TypeTable absent_table(const RecordType& type) {
    TypeTable t;
    t.type = &type;
    t.columns.reserve(type.fields.size());
    for (const FieldDecl& f : type.fields) t.columns.push_back(Column::for_field(f));
    t.column_present.assign(type.fields.size(), false);
    return t;
}

LoadedFile::LoadedFile(const RecordType& type, std::string file) : table(absent_table(type)), log(std::move(file)) {}

}  // namespace shall
