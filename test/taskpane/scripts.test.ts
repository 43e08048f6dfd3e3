// scripts/serve.js (static server with the CSP) and scripts/size.js (first-paint budget) on small fixtures.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script under test is CommonJS
const serve = require('../../scripts/serve.js') as {
  start(o: { port?: number; root?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
  CSP: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script under test is CommonJS
const size = require('../../scripts/size.js') as { main(dist: string): number; BUDGET_KB: number };

function fixture(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-pane-'));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('serve.js', () => {
  test('serves dist with the CSP, redirects / to the pane, refuses paths outside root', async () => {
    const root = fixture({ 'taskpane.html': '<p>pane</p>', 'a.0123abcd.js': 'x=1' });
    const server = await serve.start({ port: 0, root });
    try {
      expect(server.url).toBe(`http://localhost:${server.port}/taskpane.html`);
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe('<p>pane</p>');
      expect(page.headers.get('content-type')).toContain('text/html');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toBe(serve.CSP);
      expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
      expect(csp).not.toContain('unsafe-eval');
      const js = await fetch(server.url.replace('taskpane.html', 'a.0123abcd.js'));
      expect(js.headers.get('content-type')).toContain('javascript');
      expect(js.headers.get('cache-control')).toContain('immutable');
      const home = await fetch(server.url.replace('/taskpane.html', '/'), { redirect: 'manual' });
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/taskpane.html');
      const escape = await fetch(server.url.replace('taskpane.html', '..%2f..%2fetc%2fpasswd'));
      expect(escape.status).toBe(400);
      expect((await fetch(server.url.replace('taskpane.html', 'nope.js'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  test('refuses to start without a built pane', async () => {
    await expect(serve.start({ port: 0, root: fixture({}) })).rejects.toThrow(/npm run build/);
  });
});

describe('size.js', () => {
  // Incompressible bytes, so the gzipped size is about n.
  const random = (n: number) => crypto.randomBytes(n);
  const html = (...srcs: string[]) =>
    `<html><head><script async src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>${srcs.map((s) => `<script defer src=${s}></script>`).join('')}</head></html>`;
  let log: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    log.mockRestore();
    err.mockRestore();
  });

  test('counts only the scripts taskpane.html loads; lazy chunks are reported apart', () => {
    const dist = fixture({
      'taskpane.html': html('main.js'),
      'main.js': random(50 * 1024),
      'lazy.js': random(200 * 1024),
    });
    expect(size.main(dist)).toBe(0);
    const out = log.mock.calls.map((c) => String(c[0])).join('\n');
    const first = Number(/first paint[^:]*: ([\d.]+) KB/.exec(out)![1]);
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, 'main.js')), { level: 9 }).length / 1024;
    expect(first).toBeCloseTo(gz, 0);
    expect(Number(/lazy chunks: ([\d.]+) KB/.exec(out)![1])).toBeGreaterThan(190);
  });

  test('over budget, or shipping source maps, fails', () => {
    const big = fixture({
      'taskpane.html': html('a.js', 'b.js'),
      'a.js': random(70 * 1024),
      'b.js': random(60 * 1024),
    });
    expect(size.main(big)).toBe(1);
    expect(err.mock.calls.join('\n')).toContain('over the 120 KB budget');
    const maps = fixture({ 'taskpane.html': html('a.js'), 'a.js': 'x', 'a.js.map': '{}' });
    expect(size.main(maps)).toBe(1);
    expect(err.mock.calls.join('\n')).toContain('source maps');
  });
});
