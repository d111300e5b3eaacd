// The DuckDB side of the benchmark: the same checks as 15 of shall's ISO rules, written in
// SQL over the same CSV files. Run as a whole process (start-up, CSV reading, queries):
//   node bench/duckdb_rules.mjs BUNDLE_DIR OUT.json
// OUT.json: { "RULE-ID": [failing record ids, sorted], ... }. Dates follow the bundle's
// audit period (generated bundles: 2025-11-01 .. 2026-10-31, time zone UTC).
import { DuckDBInstance } from '@duckdb/node-api';
import { writeFileSync, readFileSync } from 'node:fs';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node duckdb_rules.mjs BUNDLE_DIR OUT.json');
  process.exit(2);
}
const bundle = JSON.parse(readFileSync(`${dir}/bundle.json`, 'utf8'));
const PS = bundle.period_start, AS_OF = bundle.as_of;

const ts = (c) => `TRY_CAST(replace(${c}, 'Z', '') AS TIMESTAMP) AS ${c}`;
const dt = (c) => `TRY_CAST(${c} AS DATE) AS ${c}`;
const int = (c) => `TRY_CAST(${c} AS INTEGER) AS ${c}`;
const bool = (c) => `TRY_CAST(${c} AS BOOLEAN) AS ${c}`;
const csv = (t) => `read_csv('${dir}/${t}.csv', header = true, all_varchar = true, quote = '"', escape = '"')`;

// Typed tables, loaded once (DuckDB reads the files in parallel).
const tables = {
  Incident: `SELECT id, ${ts('opened_at')}, category, ${int('impact')}, ${int('urgency')}, ${int('priority')}, status,
                    ${bool('major')}, service, assigned_to, ${ts('resolved_at')}, ${ts('closed_at')}, resolution,
                    ${dt('top_management_informed_on')} FROM ${csv('Incident')}`,
  ServiceRequest: `SELECT id, ${ts('opened_at')}, status, service, ${ts('fulfilled_at')}, ${ts('closed_at')} FROM ${csv('ServiceRequest')}`,
  Change: `SELECT id, kind, approved_by, ${dt('approved_on')}, ${ts('implemented_on')}, ${dt('tested_on')} FROM ${csv('Change')}`,
  ConfigurationItem: `SELECT id, status, services, depends_on, ${dt('last_verified_on')} FROM ${csv('ConfigurationItem')}`,
  Person: `SELECT id, ${bool('active')} FROM ${csv('Person')}`,
  Service: `SELECT id, status, owner, ${bool('in_scope')} FROM ${csv('Service')}`,
  Document: `SELECT id, kind, status, owner, review_interval_months, services FROM ${csv('Document')}`,
};

const inPeriod = (c) => `(CAST(${c} AS DATE) >= DATE '${PS}' AND CAST(${c} AS DATE) <= DATE '${AS_OF}')`;
const notBefore = (c) => `NOT COALESCE(CAST(${c} AS DATE) < DATE '${PS}', false)`;
const ok = (cond) => `COALESCE((${cond}), false)`;

// rule id -> SQL returning the ids of the records that fail it
const rules = {
  'INC-RECORDED-CLASSIFIED': `SELECT id FROM Incident WHERE ${inPeriod('opened_at')} AND status IS DISTINCT FROM 'cancelled'
      AND NOT ${ok('category IS NOT NULL AND service IS NOT NULL AND impact IS NOT NULL AND urgency IS NOT NULL')}`,
  'INC-PRIORITY-CONSISTENT': `SELECT id FROM Incident WHERE ${inPeriod('opened_at')} AND status IS DISTINCT FROM 'cancelled'
      AND NOT ${ok(`priority IS NOT NULL AND (NOT ${ok('impact = 1 AND urgency = 1')} OR priority = 1)
                    AND NOT ${ok('priority < least(impact, urgency)')}`)}`,
  'INC-RESOLUTION-RECORDED': `SELECT id FROM Incident WHERE status IN ('resolved', 'closed') AND ${notBefore('opened_at')}
      AND NOT ${ok(`resolution IS NOT NULL AND NOT regexp_matches(resolution, '(?i)^\\s*(n/?a|none|-+|\\.+|fixed|done|ok|closed|resolved)\\s*$')`)}`,
  'INC-CLOSURE-COMPLETE': `SELECT id FROM Incident WHERE status = 'closed' AND ${notBefore('opened_at')}
      AND NOT ${ok('resolved_at IS NOT NULL AND closed_at IS NOT NULL AND resolved_at >= opened_at AND closed_at >= resolved_at')}`,
  'INC-MAJOR-TOP-MGMT-INFORMED': `SELECT id FROM Incident WHERE major AND ${inPeriod('opened_at')}
      AND NOT ${ok(`top_management_informed_on IS NOT NULL AND top_management_informed_on <= CAST(opened_at AS DATE) + INTERVAL 1 DAY`)}`,
  // joins Person: the assignee must be a known person
  'INC-MAJOR-MANAGER-ASSIGNED': `SELECT i.id FROM Incident i LEFT JOIN Person p ON p.id = i.assigned_to
      WHERE i.major AND ${inPeriod('i.opened_at')} AND p.id IS NULL`,
  'REQ-FULFILMENT-RECORDED': `SELECT id FROM ServiceRequest WHERE status IN ('fulfilled', 'closed') AND ${notBefore('opened_at')}
      AND NOT ${ok(`fulfilled_at IS NOT NULL AND fulfilled_at >= opened_at
                    AND (status <> 'closed' OR ${ok('closed_at IS NOT NULL AND closed_at >= fulfilled_at')})`)}`,
  'CHG-APPROVED-BEFORE-IMPL': `SELECT id FROM Change WHERE implemented_on IS NOT NULL AND CAST(implemented_on AS DATE) >= DATE '${PS}'
      AND kind IS DISTINCT FROM 'standard'
      AND NOT ${ok('approved_on IS NOT NULL AND approved_by IS NOT NULL AND approved_on <= CAST(implemented_on AS DATE)')}`,
  'CHG-TESTED-BEFORE-IMPL': `SELECT id FROM Change WHERE ${inPeriod('implemented_on')} AND kind IS DISTINCT FROM 'standard'
      AND NOT ${ok('tested_on IS NOT NULL AND tested_on <= CAST(implemented_on AS DATE)')}`,
  'CI-VERIFIED-AT-INTERVALS': `SELECT id FROM ConfigurationItem WHERE status = 'active'
      AND NOT ${ok(`last_verified_on IS NOT NULL AND last_verified_on >= DATE '${AS_OF}' - INTERVAL 12 MONTH`)}`,
  // joins ConfigurationItem with itself through depends_on (a list)
  'CI-RELATIONSHIPS-RECORDED': `SELECT c.id FROM ConfigurationItem c WHERE c.status = 'active'
      AND c.services IS NULL AND c.depends_on IS NULL
      AND NOT EXISTS (SELECT 1 FROM ConfigurationItem x WHERE list_contains(string_split(x.depends_on, ';'), c.id))`,
  // joins Person
  'SVC-LIVE-OWNED': `SELECT s.id FROM Service s LEFT JOIN Person p ON p.id = s.owner
      WHERE s.status = 'live' AND s.in_scope AND (p.id IS NULL OR p.active = false)`,
  // joins ConfigurationItem (services list)
  'SVC-COMPONENTS-RECORDED': `SELECT s.id FROM Service s WHERE s.status = 'live' AND s.in_scope
      AND EXISTS (SELECT 1 FROM ConfigurationItem WHERE status = 'active')
      AND NOT EXISTS (SELECT 1 FROM ConfigurationItem c WHERE c.status = 'active' AND list_contains(string_split(c.services, ';'), s.id))`,
  // joins Person
  'DOC-OWNER-ACTIVE': `SELECT d.id FROM Document d LEFT JOIN Person p ON p.id = d.owner
      WHERE d.status = 'approved'
        AND (d.review_interval_months IS NOT NULL
             OR d.kind IS NULL OR d.kind NOT IN ('minutes', 'service_report', 'audit_report', 'other', 'contract', 'agreement', 'sla'))
        AND (p.id IS NULL OR p.active = false)`,
  // joins ServiceRequest and Document (services list)
  'REQ-INSTRUCTIONS-AVAILABLE': `SELECT s.id FROM Service s
      WHERE EXISTS (SELECT 1 FROM ServiceRequest r WHERE r.service = s.id AND ${inPeriod('r.opened_at')})
        AND NOT EXISTS (SELECT 1 FROM Document d WHERE d.status = 'approved' AND d.kind IN ('knowledge_article', 'procedure')
                                                 AND list_contains(string_split(d.services, ';'), s.id))`,
};

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run(`SET TimeZone = 'UTC'`);
for (const [name, sql] of Object.entries(tables)) await con.run(`CREATE TABLE "${name}" AS ${sql}`);
const result = {};
for (const [rule, sql] of Object.entries(rules)) {
  const reader = await con.runAndReadAll(`SELECT DISTINCT id FROM (${sql}) ORDER BY id`);
  result[rule] = reader.getRows().map((r) => String(r[0]));
}
writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
