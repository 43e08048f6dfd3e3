// The build pieces behind the intranet build and the one-file offline page, on small fixtures:
// which office.js files ship, how pages are pointed at them, how the one-file page is assembled and budgeted.
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-require-imports -- the scripts and webpack configs under test are CommonJS */
const intranet = require('../../scripts/intranet.js') as {
  OFFICE_DIR: string;
  isOfficeRuntimeFile(rel: string): boolean;
  officeTarget(rel: string): string;
  officeFiles(root?: string): string[];
  localiseHtml(html: string, file?: string): string;
  checkIntranetBuild(dist: string, publicUrl: string): string[];
};
const inliner = require('../../scripts/inline.js') as {
  inline(dist: string): { file: string; bytes: number; scripts: number };
  buildOfflineHtml(html: string, scripts: { name: string; text: string }[]): { html: string; csp: string };
  NOTICE: string;
  OFFLINE_ATTRIBUTE: string;
};
const serve = require('../../scripts/serve.js') as {
  start(o: { port?: number; root?: string }): Promise<{ url: string; close(): Promise<void> }>;
};
const size = require('../../scripts/size.js') as { main(dist: string): number; OFFLINE_BUDGET_KB: number };
import { OFFLINE_ATTRIBUTE } from '../../src/apps/taskpane/officeSource';

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PANE = `<!doctype html><html lang=zh-CN><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content="script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'; base-uri 'self'"><title>推进表助手</title><link rel=preload as=script href=${CDN}><style>body{margin:0}</style><script defer src=main.js></script></head><body><div id=root>…</div></body></html>`;

function fixture(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-build-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

const hash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('intranet build: office.js files', () => {
  test('the Excel runtime ships: office.js, host scripts, every locale, telemetry; not debug files or other hosts', () => {
    const keep = [
      'office.js',
      'o15apptofilemappingtable.js',
      'excel-win32-16.01.js',
      'excel-web-16.00.js',
      'excel-mac-16.00.js',
      'excelwebapp-15.js',
      'zh-cn/office_strings.js',
      'sr-latn-rs/office_strings.js',
      'telemetry/oteljs_agave.js',
      'ariatelemetry/aria-web-telemetry.js',
      'agaveerrorux/index.html',
    ];
    const drop = [
      'office.debug.js',
      'excel-win32-16.01.debug.js',
      'word-win32-16.01.js',
      'outlook-web-16.01.js',
      'zh-cn/outlook_strings.js',
      'zh-cn/office_strings.debug.js',
      'office-vsdoc.js',
      'office.d.ts',
    ];
    for (const f of keep) expect([f, intranet.isOfficeRuntimeFile(f)]).toEqual([f, true]);
    for (const f of drop) expect([f, intranet.isOfficeRuntimeFile(f)]).toEqual([f, false]);
    // office.js asks for the error page with capitals; the copy must answer on a case-sensitive server.
    expect(intranet.officeTarget('agaveerrorux/index.html')).toBe('office-js/AgaveErrorUX/index.html');
    expect(intranet.officeTarget('zh-cn/office_strings.js')).toBe('office-js/zh-cn/office_strings.js');
  });

  test('from the installed package: every Excel platform office.js knows has its script', () => {
    const files = intranet.officeFiles();
    // What office.js maps an Excel host to (OSF.HostSpecificFileVersionMap), plus Office 2016 MSI's 16.00.
    for (const f of [
      'excel-win32-16.01.js',
      'excel-win32-16.00.js',
      'excel-web-16.00.js',
      'excel-mac-16.00.js',
      'excel-ios-16.00.js',
      'excel-winrt-16.00.js',
    ]) {
      expect(files).toContain(f);
    }
    const locales = files.filter((f) => f.endsWith('/office_strings.js'));
    expect(locales.length).toBeGreaterThan(100);
    expect(files.some((f) => /debug/.test(f))).toBe(false);
  });
});

describe('intranet build: config and command', () => {
  const saved = process.env.TUIJIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TUIJIN_PUBLIC_URL;
    else process.env.TUIJIN_PUBLIC_URL = saved;
  });

  test('webpack.intranet.js is webpack.config.js plus the local office.js address', () => {
    const config = require('../../webpack.intranet.js') as (
      env: unknown,
      argv: { mode: string },
    ) => { plugins: object[]; entry: object };
    delete process.env.TUIJIN_PUBLIC_URL;
    expect(() => config({}, { mode: 'production' })).toThrow(/TUIJIN_PUBLIC_URL/);
    process.env.TUIJIN_PUBLIC_URL = 'https://oa.example.gov.cn/tj';
    const c = config({}, { mode: 'production' });
    const defined = c.plugins.flatMap((p) =>
      Object.entries((p as { definitions?: Record<string, string> }).definitions ?? {}),
    );
    expect(defined).toContainEqual(['TUIJIN_OFFICE_JS_URL', '"office-js/office.js"']);
    expect(c.plugins.map((p) => p.constructor.name)).toContain('LocalOfficeJs');
    expect(c.entry).toEqual((require('../../webpack.config.js') as typeof config)({}, { mode: 'production' }).entry);
  });

  test.each([
    ['', /请设置 TUIJIN_PUBLIC_URL/],
    ['http://oa.example.gov.cn/tj', /必须以 https:\/\/ 开头/],
    ['not a url', /不是有效的网址/],
  ])(
    'npm run build:intranet with TUIJIN_PUBLIC_URL=%j stops with a Chinese message before building',
    (url, message) => {
      const r = spawnSync(
        process.execPath,
        [
          path.join(__dirname, '../../scripts/build-intranet.js'),
          '--out',
          fs.mkdtempSync(path.join(os.tmpdir(), 'tj-')),
        ],
        {
          env: { ...process.env, TUIJIN_PUBLIC_URL: url },
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe('intranet build: pages', () => {
  test('the CDN address becomes office-js/, and scripts, frames and connections stay on this host', () => {
    const out = intranet.localiseHtml(PANE, 'taskpane.html');
    expect(out).toContain('href=office-js/office.js');
    expect(out).not.toContain('appsforoffice');
    const csp = /content="([^"]*)"/.exec(out)![1];
    expect(csp.split('; ')).toEqual([
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "connect-src 'self'",
      "frame-src 'self'",
    ]);
  });

  test('a page without a policy, or one still naming the CDN elsewhere, stops the build', () => {
    expect(() => intranet.localiseHtml('<html><head></head></html>', 'x.html')).toThrow(
      /x\.html: no Content-Security-Policy/,
    );
    const sneaky = PANE.replace('</body>', '<a href="https://appsforoffice.microsoft.com/">x</a></body>');
    expect(() => intranet.localiseHtml(sneaky, 'y.html')).toThrow(/y\.html: still refers to appsforoffice/);
  });

  test('the finished build is checked: CDN in a bundle, outside scripts, manifest URLs elsewhere', () => {
    const good = fixture({
      'taskpane.html': intranet.localiseHtml(PANE),
      'main.js': 'x=1',
      'office-js/office.js': 'office',
      'manifest.xml':
        '<SourceLocation DefaultValue="https://oa.example.gov.cn/tj/taskpane.html"/><AppDomain>https://oa.example.gov.cn/tj</AppDomain>',
    });
    expect(intranet.checkIntranetBuild(good, 'https://oa.example.gov.cn/tj/')).toEqual([]);
    fs.writeFileSync(path.join(good, 'main.js'), `load("${CDN}")`);
    fs.writeFileSync(path.join(good, 'commands.html'), '<script src="https://cdn.example.com/x.js"></script>');
    fs.writeFileSync(path.join(good, 'manifest.xml'), '<bt:Url DefaultValue="https://localhost:3000/commands.html"/>');
    expect(intranet.checkIntranetBuild(good, 'https://oa.example.gov.cn/tj')).toEqual([
      'commands.html: <script> from https://cdn.example.com/x.js',
      'main.js: still refers to appsforoffice.microsoft.com',
      'manifest.xml: https://localhost:3000/commands.html is not under https://oa.example.gov.cn/tj',
    ]);
  });
});

describe('one-file offline page', () => {
  test('inlines lazy chunks before the entry, allows exactly those scripts by hash, fetches nothing', () => {
    const dist = fixture({
      'taskpane.html': PANE,
      'main.js': 'self.entry=1;var s="</script>";',
      'a.0123abcd.js': 'self.chunkA=1',
      'b.0123abcd.js': 'self.chunkB=1\r\n',
      'commands.html': '<script src=commands.js></script>',
      'commands.js': 'self.commands=1',
    });
    const r = inliner.inline(dist);
    expect(r.scripts).toBe(3);
    const html = fs.readFileSync(r.file, 'utf8');
    expect(html).toContain(`<html ${OFFLINE_ATTRIBUTE}`);
    expect(inliner.OFFLINE_ATTRIBUTE).toBe(OFFLINE_ATTRIBUTE);
    expect(html).toContain(inliner.NOTICE);
    const bodies = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    // "</script>" inside the bundle can't end the element early; CR LF is stored as the parser will hash it.
    expect(bodies).toEqual(['self.chunkA=1', 'self.chunkB=1\n', 'self.entry=1;var s="<\\/script>";']);
    expect(html).not.toContain('commands');
    expect(html).not.toMatch(/\bsrc=|rel=preload|appsforoffice/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${bodies.map(hash).join(' ')};`);
    expect(csp).not.toMatch(/unsafe-eval|'self'/);
    // The charset still comes first, within the bytes a browser sniffs.
    expect(html.indexOf('<meta charset=utf-8>')).toBeLessThan(200);
  });

  test('served from dist/, it keeps its own policy (the pane policy would block its inline scripts)', async () => {
    const server = await serve.start({ port: 0, root: fixture({ 'taskpane.html': 'x', 'tuijin.html': 'y' }) });
    try {
      expect((await fetch(server.url)).headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(
        (await fetch(server.url.replace('taskpane.html', 'tuijin.html'))).headers.get('content-security-policy'),
      ).toBeNull();
    } finally {
      await server.close();
    }
  });

  test('a bundle the HTML parser would misread stops the build', () => {
    expect(() => inliner.buildOfflineHtml(PANE, [{ name: 'x.js', text: 'var a="<!--<script>"' }])).toThrow(
      /x\.js: contains "<!--"/,
    );
  });

  test('size.js: the page is budgeted and must load nothing by address', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const pane = '<html><head><script defer src=m.js></script></head></html>';
      const ok = fixture({ 'taskpane.html': pane, 'm.js': 'x', 'tuijin.html': '<html><script>x</script></html>' });
      expect(size.main(ok)).toBe(0);
      expect(log.mock.calls.join('\n')).toMatch(/offline page \(tuijin\.html\): 0 KB/);
      const big = fixture({
        'taskpane.html': pane,
        'm.js': 'x',
        'tuijin.html': Buffer.alloc((size.OFFLINE_BUDGET_KB + 1) * 1024, 'a'),
      });
      expect(size.main(big)).toBe(1);
      expect(err.mock.calls.join('\n')).toContain('over the 2560 KB budget');
      const split = fixture({ 'taskpane.html': pane, 'm.js': 'x', 'tuijin.html': '<script src=m.js></script>' });
      expect(size.main(split)).toBe(1);
      expect(err.mock.calls.join('\n')).toContain('must be one file');
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
