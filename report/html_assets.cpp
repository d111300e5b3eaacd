#include "html_assets.hpp"

namespace shall {

const char* const html_style = R"CSS(
:root { --major: #b3261e; --minor: #e8710a; --observation: #b08800; --ofi: #1a73e8;
        --pass: #2e7d32; --fail: #c62828; --ne: #f9a825; --none: #e0e0e0; --ink: #1f1f1f; --muted: #5f6368; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 0 0 .4rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.num, th.num { text-align: right; }
.facts th { width: 11rem; }
.muted, .source { color: var(--muted); }
.badge { display: inline-block; border-radius: 3px; padding: 0 .4rem; font-size: .8rem; font-weight: 600; color: #fff; }
.badge.major { background: var(--major); } .badge.minor { background: var(--minor); }
.badge.observation { background: var(--observation); } .badge.ofi { background: var(--ofi); }
.heat th { white-space: nowrap; }
.heat .cells { display: flex; flex-wrap: wrap; gap: 3px; }
.heat .cell { min-width: 3.6rem; padding: .15rem .3rem; text-align: center; font-size: .8rem; border-radius: 2px; }
.heat .pass { background: var(--pass); color: #fff; } .heat .fail { background: var(--fail); color: #fff; }
.heat .not-evaluated { background: var(--ne); } .heat .none { background: var(--none); color: var(--muted); }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; font-size: .8rem; }
.filters { position: sticky; top: 0; background: #fff; padding: .6rem 0; border-bottom: 1px solid #ddd; z-index: 1; }
.filters button { font: inherit; padding: .15rem .6rem; border: 1px solid #bbb; background: #fafafa; border-radius: 3px; cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--ink); color: #fff; border-color: var(--ink); }
.filters label { margin-left: 1rem; white-space: nowrap; }
.filters select { max-width: 13rem; font: inherit; }
#shown { white-space: nowrap; margin-left: 1rem; }
.rule { border: 1px solid #ddd; border-left: 6px solid #999; padding: .8rem 1rem; margin: 1rem 0; break-inside: avoid-page; }
.rule.major { border-left-color: var(--major); } .rule.minor { border-left-color: var(--minor); }
.rule.observation { border-left-color: var(--observation); } .rule.ofi { border-left-color: var(--ofi); }
.rule p { margin: .2rem 0; }
.finding { border-top: 1px dashed #ccc; margin-top: .6rem; padding-top: .5rem; break-inside: avoid; }
.finding table { margin-top: .3rem; font-size: .85rem; }
.absent { color: var(--muted); font-style: italic; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
}
)CSS";

const char* const html_script = R"JS(
(function () {
  'use strict';
  var state = { grade: 'all', clause: 'all', process: 'all' };
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var shown = document.getElementById('shown');
  function matches(f) {
    return (state.grade === 'all' || f.getAttribute('data-grade') === state.grade) &&
           (state.clause === 'all' || f.getAttribute('data-clause') === state.clause) &&
           (state.process === 'all' || f.getAttribute('data-process') === state.process);
  }
  function apply() {
    var visible = 0;
    findings.forEach(function (f) {
      var ok = matches(f);
      f.hidden = !ok;
      if (ok) visible++;
    });
    document.querySelectorAll('.rule, .grade-group').forEach(function (g) {
      g.hidden = g.querySelector('.finding:not([hidden])') === null;
    });
    document.querySelectorAll('.filters button[data-grade]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-grade') === state.grade));
    });
    if (shown) shown.textContent = visible + ' of ' + findings.length + ' findings shown';
  }
  document.querySelectorAll('.filters button[data-grade]').forEach(function (b) {
    b.addEventListener('click', function () { state.grade = b.getAttribute('data-grade'); apply(); });
  });
  ['clause', 'process'].forEach(function (key) {
    var select = document.getElementById('filter-' + key);
    if (select) select.addEventListener('change', function () { state[key] = select.value; apply(); });
  });
  apply();
}());
)JS";

}  // namespace shall
