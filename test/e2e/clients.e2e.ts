// The clients the manifest admits can run what the build emits: every script parses at the level of the
// oldest admitted webview, and the webviews too old for it (Trident, EdgeHTML) get a plain message.
import * as fs from 'fs';
import * as path from 'path';
import * as acorn from 'acorn';
import { DIST, ROOT, openPane, requireDist, shot, type Pane } from './harness';
import { CLIENTS, manifestFloor } from '../office/clients';
import { REQUIRED_EXCEL_API } from '../../src/adapters/office/caps';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS
const { ES_TARGET } = require('../../webpack.config.js') as { ES_TARGET: string };
const bundleEs = Number(/^es(\d{4})$/i.exec(ES_TARGET)![1]) as 2020;
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const floor = manifestFloor(manifest);
/** What legacy.js treats as a webview too old for the pane. */
const LEGACY_UA = /Trident\/|MSIE |Edge\/\d/;

function parses(file: string, ecmaVersion: acorn.ecmaVersion): string | null {
  try {
    acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    return `${path.basename(file)}: ${(e as Error).message}`;
  }
}

describe('the clients the manifest admits', () => {
  beforeAll(requireDist);

  test('manifest, adapter and README name the same floor', () => {
    expect(`1.${floor}`).toBe(REQUIRED_EXCEL_API);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`ExcelApi ${REQUIRED_EXCEL_API}`);
    expect(readme).toContain(ES_TARGET.toUpperCase());
  });

  test('every emitted script parses at the bundle level; the guard parses as ES5', () => {
    const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== 'legacy.js');
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.map((f) => parses(path.join(DIST, f), bundleEs)).filter(Boolean)).toEqual([]);
    expect(parses(path.join(DIST, 'legacy.js'), 5)).toBeNull();
    // The guard is the first script of the pane, before the bundle and office.js.
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    // Minified HTML drops the quotes.
    const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
    expect(srcs[0]).toBe('legacy.js');
    expect(html.indexOf('legacy.js')).toBeLessThan(html.indexOf('<body'));
  });

  test('each admitted client either parses the bundle or is one the guard recognizes', () => {
    const admitted = CLIENTS.filter((c) => c.excelApi >= floor);
    expect(admitted.length).toBeGreaterThan(3);
    for (const c of admitted) {
      const guarded = LEGACY_UA.test(c.userAgent);
      expect({ client: c.name, ok: guarded || c.es >= bundleEs }).toEqual({ client: c.name, ok: true });
      // Modern webviews are never mistaken for old ones.
      expect({ client: c.name, guarded }).toEqual({
        client: c.name,
        guarded: c.webview === 'Trident' || c.webview === 'EdgeHTML',
      });
    }
    // The floor is honest: nothing below it could run the pane at all (only Trident/EdgeHTML there).
    for (const c of CLIENTS.filter((x) => x.excelApi < floor)) expect(['Trident', 'EdgeHTML']).toContain(c.webview);
  });

  describe('old webviews see a plain message, not a blank pane', () => {
    let pane: Pane | undefined;
    afterEach(async () => {
      await pane?.close();
      pane = undefined;
    });
    for (const webview of ['Trident', 'EdgeHTML'] as const) {
      test(webview, async () => {
        const client =
          CLIENTS.find((c) => c.webview === webview && c.excelApi >= floor) ??
          CLIENTS.find((c) => c.webview === webview)!;
        pane = await openPane({ officeJs: 'package', userAgent: client.userAgent });
        const msg = pane.page.locator('#legacy');
        await msg.waitFor({ timeout: 15000 });
        expect(await msg.innerText()).toContain('此版本的 Excel 使用旧版浏览器组件');
        expect(await msg.innerText()).toContain('网页版');
        // The pane itself stays out of the way.
        await pane.page.waitForTimeout(1500);
        expect(await pane.page.getByTestId('mode').count()).toBe(0);
        await shot(pane.page, `legacy-${webview}`);
        expect(pane.problems.filter((p) => /CSP|Content Security Policy/.test(p))).toEqual([]);
      });
    }

    test('a modern webview gets the pane', async () => {
      pane = await openPane({ officeJs: 'package' });
      await pane.page.getByTestId('mode').waitFor({ timeout: 15000 });
      expect(await pane.page.locator('#legacy').count()).toBe(0);
    });
  });
});
