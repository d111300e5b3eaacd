#pragma once
// The style sheet and script inlined into every HTML report (no network, no external files).
namespace shall {
extern const char* const html_style;
extern const char* const html_script;
}  // namespace shall
