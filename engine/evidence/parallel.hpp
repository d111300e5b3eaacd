#pragma once
// Runs independent tasks on up to `threads` threads (0 = all cores). Tasks must not share
// mutable state; the caller combines their results in a fixed order afterwards.
#include <functional>
#include <vector>

namespace shall {

void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned threads);

}  // namespace shall
