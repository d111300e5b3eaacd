// Validates a JSON document against a JSON Schema (draft-07) with ajv and ajv-formats:
//   node validate_oscal.js SCHEMA DOCUMENT
// Used for OSCAL: its token patterns use \p{L} classes, which ajv compiles with the
// unicode flag. Exits 0 when valid, 1 with the errors when not, 2 when it cannot run.
'use strict';
const fs = require('fs');

function fail(code, message) {
  process.stderr.write(message + '\n');
  process.exit(code);
}

const [schemaPath, documentPath] = process.argv.slice(2);
if (!schemaPath || !documentPath) fail(2, 'usage: node validate_oscal.js SCHEMA DOCUMENT');
if (!fs.existsSync(schemaPath)) fail(2, `schema missing: ${schemaPath} (the shared schemas sit next to the repository in ../shared/schemas)`);
if (!fs.existsSync(documentPath)) fail(2, `document missing: ${documentPath}`);

let Ajv, addFormats;
try {
  Ajv = require('ajv');
  addFormats = require('ajv-formats');
} catch (e) {
  fail(2, `ajv is not installed: run tools/bootstrap (npm ci --prefix tests/report)\n${e.message}`);
}

const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const document = JSON.parse(fs.readFileSync(documentPath, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(document)) {
  for (const e of validate.errors.slice(0, 50)) process.stderr.write(`${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}\n`);
  fail(1, `${documentPath}: INVALID against ${schemaPath} (${validate.errors.length} errors)`);
}
process.stdout.write(`${documentPath}: valid against ${schemaPath}\n`);
