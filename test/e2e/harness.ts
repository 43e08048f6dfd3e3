// Serves the built dist/ on localhost and drives it in Debian's Chromium through playwright-core.
// office.js is never fetched from the internet: its CDN address is routed to the npm package's copy, or to a failure.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/serve.js is CommonJS
const { start } = require('../../scripts/serve.js') as {
  start(o: { port?: number; root?: string }): Promise<{ url: string; close(): Promise<void> }>;
};

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'test-output', 'e2e');
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const CDN = 'https://appsforoffice.microsoft.com/';

export type OfficeJs = 'package' | 'fail' | 'stub-excel-en';

/** A stand-in office.js that reports an English Excel host with an empty workbook (Excel itself can't run here). */
const STUB_EXCEL_EN = `
window.Office = {
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
  context: { displayLanguage: 'en-US', requirements: { isSetSupported: function () { return true; } } },
};
window.Excel = {
  run: function (a, b) {
    var fn = typeof a === 'function' ? a : b;
    var sheets = { load: function () {}, items: [{ name: 'Sheet1', visibility: 'Visible', protection: { protected: false } }] };
    return fn({ workbook: { worksheets: sheets }, sync: function () { return Promise.resolve(); } });
  },
};`;

export interface Pane {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Requests that tried to leave localhost (other than the routed CDN). */
  outside: string[];
  close(): Promise<void>;
}

export function requireDist(): void {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    throw new Error('dist/taskpane.html is missing: run `npm run build` before `npm run e2e`');
  }
}

export async function openPane(opts: {
  officeJs: OfficeJs;
  width?: number;
  query?: string;
  officeDelayMs?: number;
  userAgent?: string;
}): Promise<Pane> {
  requireDist();
  fs.mkdirSync(OUT, { recursive: true });
  const server = await start({ port: 0, root: DIST });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: opts.width ?? 350, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
  });
  const problems: string[] = [];
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('http://localhost:') || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    if (url.startsWith(CDN)) {
      // A slow CDN: office.js arrives after the pane gave up waiting.
      if (opts.officeDelayMs) await new Promise((r) => setTimeout(r, opts.officeDelayMs));
      if (opts.officeJs === 'fail') return route.abort('connectionrefused');
      if (opts.officeJs === 'stub-excel-en')
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB_EXCEL_EN });
      // /lib/1/hosted/<file> → the package's dist/<file>
      const rel = new URL(url).pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = path.join(OFFICE_DIST, rel.toLowerCase());
      const plain = path.join(OFFICE_DIST, rel);
      const hit = [plain, file].find((f) => f.startsWith(OFFICE_DIST) && fs.existsSync(f) && fs.statSync(f).isFile());
      if (!hit) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(hit) });
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  // Seen before any page script runs, so violations by our own bundle are caught too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      );
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const url = server.url + (opts.query ?? '');
  // 'commit': don't wait for office.js (it may be held back on purpose).
  await page.goto(url, { waitUntil: 'commit' });
  return {
    page,
    context,
    url,
    problems,
    outside,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the pane to settle into a mode. */
export async function waitForMode(page: Page): Promise<'file' | 'office'> {
  const bar = page.getByTestId('mode');
  await bar.waitFor({ timeout: 15000 });
  return (await bar.getAttribute('data-mode')) as 'file' | 'office';
}

export async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Clicks, and saves the download it starts under test-output/. */
export async function downloadBy(
  page: Page,
  click: () => Promise<void>,
  dir = OUT,
): Promise<{ file: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), click()]);
  return saveDownload(dl, dir);
}

async function saveDownload(dl: Download, dir: string): Promise<{ file: string; name: string }> {
  const name = dl.suggestedFilename();
  const file = path.join(dir, name);
  await dl.saveAs(file);
  return { file, name };
}

export async function selectTab(page: Page, label: string): Promise<void> {
  await page.getByRole('tab', { name: label }).click();
}
