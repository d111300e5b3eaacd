// Opens an HTML report in Debian's headless chromium (playwright-core, no browser download):
//   node html_browser_test.js REPORT.html REPORT.json SCREENSHOT.png
// Asserts that the page renders without console errors or page errors, that clicking the
// "major" grade filter leaves exactly the JSON report's number of major findings visible,
// and saves a screenshot. Every step has a timeout; the whole run is capped too.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const [htmlPath, jsonPath, screenshotPath] = process.argv.slice(2);
function fail(code, message) {
  process.stderr.write(message + '\n');
  process.exit(code);
}
if (!htmlPath || !jsonPath || !screenshotPath) fail(2, 'usage: node html_browser_test.js REPORT.html REPORT.json SCREENSHOT.png');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) fail(2, `${executablePath} is missing: run tools/bootstrap (Debian package chromium)`);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  fail(2, `playwright-core is not installed: run tools/bootstrap (npm ci --prefix tests/report)\n${e.message}`);
}

const watchdog = setTimeout(() => fail(1, 'browser test timed out after 90 s'), 90000);
const expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8')).summary.findings;
const total = expected.major + expected.minor + expected.observation + expected.ofi;

(async () => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shall-chromium-'));
  let context;
  const problems = [];
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      timeout: 30000,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync',
             '--disable-dev-shm-usage'],
    });
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });

    await page.goto(pathToFileURL(path.resolve(htmlPath)).href, { waitUntil: 'load', timeout: 30000 });
    const allVisible = await page.locator('.finding:visible').count();
    if (allVisible !== total) problems.push(`before filtering: ${allVisible} findings visible, expected ${total}`);
    await page.screenshot({ path: screenshotPath, fullPage: true, timeout: 30000 });

    await page.click('.filters button[data-grade="major"]');
    const majorVisible = await page.locator('.finding:visible').count();
    const nonMajorVisible = await page.locator('.finding:not([data-grade="major"]):visible').count();
    if (majorVisible !== expected.major) problems.push(`after clicking "major": ${majorVisible} findings visible, expected ${expected.major}`);
    if (nonMajorVisible !== 0) problems.push(`after clicking "major": ${nonMajorVisible} non-major findings still visible`);
    const shown = await page.locator('#shown').textContent();
    if (!shown.startsWith(`${expected.major} of ${total}`)) problems.push(`counter says "${shown}"`);
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, '') + '-major.png', fullPage: true, timeout: 30000 });

    await page.click('.filters button[data-grade="all"]');
    const againVisible = await page.locator('.finding:visible').count();
    if (againVisible !== total) problems.push(`after clicking "all": ${againVisible} findings visible, expected ${total}`);
    if (problems.length === 0)
      process.stdout.write(`ok: ${total} findings rendered, ${majorVisible} visible with the major filter; screenshot ${screenshotPath}\n`);
  } catch (e) {
    problems.push(`browser run failed: ${e.stack || e}`);
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  if (problems.length) fail(1, problems.join('\n'));
})();
