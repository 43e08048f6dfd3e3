// The intranet build (`npm run build:intranet`), served on a local port with every other host cut off: the pane
// and the ribbon's function file load office.js and everything it asks for from that port and nothing else,
// the pane reaches Office mode on a stand-in Excel host and file mode where no host answers.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { OUT, ROOT, shot, waitForMode } from './harness';
import { openSealed, type Sealed } from './sealed';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/serve.js is CommonJS
const { start } = require('../../scripts/serve.js') as {
  start(o: { port?: number; root?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
};

const BUILD = path.join(OUT, 'intranet-dist');
const PUBLIC_URL = 'https://tuijin.example.gov.cn/tuijin';

/** A stand-in office.js: Excel with a Chinese display language and an empty workbook (Excel can't run here). */
const STAND_IN_EXCEL = `
window.Office = {
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); },
  context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: function () { return true; } } },
};
window.Excel = {
  run: function (fn) {
    var sheets = { load: function () {}, items: [{ name: 'Sheet1', visibility: 'Visible' }] };
    return fn({ workbook: { worksheets: sheets }, sync: function () { return Promise.resolve(); } });
  },
};`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('intranet build', () => {
  let server: { url: string; port: number; close(): Promise<void> };
  let origin: string;
  let sealed: Sealed | undefined;

  beforeAll(async () => {
    fs.rmSync(BUILD, { recursive: true, force: true });
    // The same command IT staff run, into a folder of its own (dist/ holds the normal build for the other tests).
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-intranet.js'), '--out', BUILD], {
      cwd: ROOT,
      env: { ...process.env, TUIJIN_PUBLIC_URL: PUBLIC_URL },
      stdio: 'pipe',
    });
    server = await start({ port: 0, root: BUILD });
    origin = new URL(server.url).origin;
  }, 600000);
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await sealed?.close();
    sealed = undefined;
  });

  const local = (url: string) => url.startsWith(origin + '/');
  const officeRequests = (s: Sealed) => s.requests.filter((r) => r.url.startsWith(`${origin}/office-js/`));

  test('the pages name no other host; the manifest points at the public address', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = fs.readFileSync(path.join(BUILD, page), 'utf8');
      // The function file loads office.js itself; the pane preloads it and runs it from mode.ts.
      expect(html).toMatch(
        page === 'commands.html'
          ? /<script[^>]*src=["']?office-js\/office\.js/
          : /<link[^>]*href=["']?office-js\/office\.js/,
      );
      expect(html).not.toMatch(/https?:\/\//);
      const csp = html.match(/Content-Security-Policy["']? content="([^"]*)"/)![1];
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-eval');
    }
    const manifest = fs.readFileSync(path.join(BUILD, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}/taskpane.html"/>`);
    expect(manifest).toContain(`DefaultValue="${PUBLIC_URL}/commands.html"`);
    // The office.js copy is Microsoft's file unchanged.
    expect(fs.readFileSync(path.join(BUILD, 'office-js/office.js'))).toEqual(
      fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/office-js/dist/office.js')),
    );
  });

  test('no Office host answers: file mode, office.js and its files from this host only', async () => {
    sealed = await openSealed({ allowed: local });
    const { page } = sealed;
    await page.goto(server.url, { waitUntil: 'commit' });
    expect(await waitForMode(page)).toBe('file');
    // The no-host wording (not 本页独立运行): the local office.js ran and found no host.
    expect(await page.getByTestId('mode').innerText()).toContain('文件模式：在本页打开');
    // office.js opens a telemetry frame on an outside host 3 s after loading in a plain browser; give it time.
    await sleep(4500);
    await shot(page, 'intranet-file-mode');
    const office = officeRequests(sealed).map((r) => [r.url.slice(origin.length), r.status]);
    expect(office).toEqual(
      expect.arrayContaining([
        ['/office-js/office.js', 200],
        ['/office-js/o15apptofilemappingtable.js', 200],
      ]),
    );
    expect(office.filter(([, status]) => status !== 200)).toEqual([]);
    expect(sealed.blocked).toEqual([]);
    expect(sealed.requests.filter((r) => !local(r.url)).map((r) => r.url)).toEqual([]);
    // The pane's own scripts all ran under the policy; the one thing it stopped was office.js's outside frame.
    expect(sealed.problems.filter((p) => /pageerror|script-src/.test(p))).toEqual([]);
    expect(
      sealed.problems.filter(
        (p) =>
          /CSP violation/.test(p) && !/frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(p),
      ),
    ).toEqual([]);
  });

  test('a stand-in Excel host: Office mode, office.js from this host', async () => {
    sealed = await openSealed({
      allowed: local,
      replace: (url) =>
        url === `${origin}/office-js/office.js` ? { body: STAND_IN_EXCEL, contentType: 'text/javascript' } : undefined,
    });
    const { page } = sealed;
    await page.goto(server.url, { waitUntil: 'commit' });
    expect(await waitForMode(page)).toBe('office');
    expect(await page.getByTestId('mode').innerText()).toContain('加载项模式');
    expect(await page.getByText('识别当前工作表中的计划表').isVisible()).toBe(true);
    await page.getByTestId('extract').click();
    await page.getByTestId('plan-review').waitFor({ timeout: 60000 });
    expect(await page.getByTestId('generate').innerText()).toBe('写入工作簿');
    await shot(page, 'intranet-office-mode');
    expect(officeRequests(sealed).map((r) => r.url)).toEqual([`${origin}/office-js/office.js`]);
    expect(sealed.blocked).toEqual([]);
    expect(sealed.problems.filter((p) => /CSP|pageerror/.test(p))).toEqual([]);
  });

  // What Excel tells office.js (the _host_Info query Office adds to the pane's address) decides which host script
  // and strings it loads. Excel can't run here, so the host never answers; the files must still all be here.
  test.each([
    ['Windows (Microsoft 365)', 'Excel$Win32$16.01$zh-CN$$$$0', ['excel-win32-16.01.js', 'zh-cn/office_strings.js']],
    ['Windows (Office 2016/2019)', 'Excel$Win32$16.00$zh-CN$$$$0', ['excel-win32-16.00.js', 'zh-cn/office_strings.js']],
    ['Mac', 'Excel$Mac$16.00$en-US$$$$0', ['excel-mac-16.00.js', 'en-us/office_strings.js']],
    ['Excel on the web', 'Excel$Web$16.00$zh-TW$$$$0', ['excel-web-16.00.js', 'zh-tw/office_strings.js']],
  ])('office.js as %s finds every file it asks for on this host', async (_name, hostInfo, expected) => {
    sealed = await openSealed({ allowed: local });
    const s = sealed;
    await s.page.goto(`${server.url}?_host_Info=${encodeURIComponent(hostInfo)}`, { waitUntil: 'commit' });
    const want = expected.map((f) => `${origin}/office-js/${f}`);
    const until = Date.now() + 20000;
    while (Date.now() < until && !want.every((u) => s.requests.some((r) => r.url === u && r.status !== null)))
      await sleep(200);
    await sleep(1500);
    const office = officeRequests(s).map((r) => [r.url.slice(origin.length + '/office-js/'.length), r.status]);
    for (const f of expected) expect(office).toContainEqual([f, 200]);
    expect(office.filter(([, status]) => status !== 200)).toEqual([]);
    expect(s.blocked).toEqual([]);
  });

  test("the ribbon's function file loads office.js from this host and nothing from elsewhere", async () => {
    sealed = await openSealed({ allowed: local });
    await sealed.page.goto(`${origin}/commands.html`, { waitUntil: 'load' });
    await sleep(4500);
    expect(officeRequests(sealed)).toContainEqual({ url: `${origin}/office-js/office.js`, status: 200 });
    expect(officeRequests(sealed).filter((r) => r.status !== 200)).toEqual([]);
    expect(sealed.blocked).toEqual([]);
    expect(sealed.problems.filter((p) => /pageerror|script-src/.test(p))).toEqual([]);
  });
});
