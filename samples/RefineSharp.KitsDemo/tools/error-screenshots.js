// Regenerates docs/images/kits/<kit>-{login-error,field-errors}-<theme>.png: the error states of the kits demo's login
// page in each kit, light and dark, in Debian's Chromium driven by the Playwright that the E2E tests restore.
// Usage (after `dotnet build tests/RefineSharp.E2E.Tests -c Release`):
//   tests/RefineSharp.E2E.Tests/bin/Release/net10.0/.playwright/node/linux-x64/node samples/RefineSharp.KitsDemo/tools/error-screenshots.js
// Uses ports 6410-6415 on 127.0.0.1. Not part of the test run.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const root = path.resolve(__dirname, '../../..');
const { chromium } = require(path.join(root, 'tests/RefineSharp.E2E.Tests/bin/Release/net10.0/.playwright/package'));
const sample = path.join(root, 'samples/RefineSharp.KitsDemo');
const dll = path.join(sample, 'bin/Release/net10.0/RefineSharp.KitsDemo.dll');
const out = path.join(root, 'docs/images/kits');

async function waitUp(url) {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer`);
}

(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kits-shots-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  let port = 6410;
  try {
    for (const kit of ['Headless', 'MudBlazor', 'Fluent']) {
      for (const theme of ['Light', 'Dark']) {
        const base = `http://127.0.0.1:${port++}`;
        const server = spawn('dotnet', [dll, '--urls', base, '--contentRoot', sample], {
          cwd: sample, stdio: 'ignore',
          env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', Kit: kit, Theme: theme, KitsDemo__Database: path.join(work, `${kit}-${theme}.db`) },
        });
        try {
          await waitUp(`${base}/login`);
          const name = (state) => path.join(out, `${kit.toLowerCase()}-${state}-${theme.toLowerCase()}.png`);
          const context = await browser.newContext({ viewport: { width: 720, height: 820 } });
          const page = await context.newPage();
          await page.goto(`${base}/login`);
          await page.waitForFunction(() => document.querySelectorAll(':not(:defined)').length === 0);
          await page.locator('form [type=submit]').click();
          await page.locator('#email-error').waitFor();
          await page.screenshot({ path: name('field-errors') });
          await page.locator('input#email, #email input').first().fill('ann@kits.local');
          await page.locator('input#password, #password input').first().fill('Wrong-Passw0rd!');
          await page.locator('form [type=submit]').click();
          await page.locator('[data-notification-key=login-error], .mud-snackbar').first().waitFor();
          await page.waitForFunction(() => document.querySelectorAll(':not(:defined)').length === 0);
          await page.waitForTimeout(500); // the kit's enter animation
          await page.screenshot({ path: name('login-error') });
          await context.close();
          console.log(`wrote ${kit} ${theme}`);
        } finally {
          server.kill();
        }
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch(e => { console.error(e); process.exit(1); });
