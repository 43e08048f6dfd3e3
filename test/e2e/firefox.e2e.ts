// The one-file offline page in Firefox (Debian's firefox-esr, driven over Marionette): a lone copy of
// dist/tuijin.html opened from file:// does the round (generate, check, forms zip, consolidate, print), with real
// downloads, no request of any kind and no policy violation. Skipped where Firefox isn't installed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import JSZip from 'jszip';
import { DIST, OUT } from './harness';
import { FIREFOX, launchFirefox, type Firefox } from './marionette';
import { fillReturn, fillTracking, readReturnForm, readTrackingFile, type ReturnForm } from './workbooks';

const DIR = path.join(OUT, 'firefox');
const haveFirefox = fs.existsSync(FIREFOX);

/** Page-side helpers, defined once after load. */
const HELPERS = `
window.__t = {
  csp: [],
  q: (sel) => document.querySelector(sel),
  wait: (sel, ms) => new Promise((resolve, reject) => {
    const until = Date.now() + (ms || 60000);
    const tick = () => {
      const el = document.querySelector(sel);
      if (el) return resolve(true);
      if (Date.now() > until) return reject(new Error('timed out waiting for ' + sel));
      setTimeout(tick, 100);
    };
    tick();
  }),
  click: (sel) => { document.querySelector(sel).click(); return true; },
  tab: (label) => { [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.includes(label)).click(); return true; },
};
document.addEventListener('securitypolicyviolation', (e) => window.__t.csp.push(e.violatedDirective + ' ' + e.blockedURI));
return true;`;

(haveFirefox ? describe : describe.skip)('one-file offline page in Firefox', () => {
  let ff: Firefox | undefined;
  let folder: string;

  beforeAll(() => {
    const built = path.join(DIST, 'tuijin.html');
    if (!fs.existsSync(built)) throw new Error('dist/tuijin.html is missing: run `npm run build` before `npm run e2e`');
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-offline-ff-'));
    fs.copyFileSync(built, path.join(folder, 'tuijin.html'));
  });
  afterAll(async () => {
    await ff?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('generate, check, forms zip, consolidate, print from file:// with no network', async () => {
    // Every connection goes to a closed local port, so anything that did try the network would fail loudly.
    ff = await launchFirefox({
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': true,
    });
    const f = ff;
    const seen = new Set<string>();
    /** The next finished download in Firefox's download folder, copied under test-output/. */
    const nextDownload = async (ext: string): Promise<{ file: string; name: string }> => {
      const until = Date.now() + 60000;
      while (Date.now() < until) {
        const done = fs
          .readdirSync(f.downloads)
          .filter((n) => !seen.has(n) && n.endsWith(ext) && !fs.existsSync(path.join(f.downloads, n + '.part')));
        if (done.length) {
          const name = done[0];
          seen.add(name);
          await new Promise((r) => setTimeout(r, 300));
          const file = path.join(DIR, name);
          fs.copyFileSync(path.join(f.downloads, name), file);
          return { file, name };
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no ${ext} download arrived`);
    };
    const run = <T = unknown>(script: string, ...args: unknown[]) => f.run<T>(script, ...args);

    await f.navigate(pathToFileURL(path.join(folder, 'tuijin.html')).href);
    await run(HELPERS);
    await run(`return __t.wait('[data-testid="mode"][data-mode="file"]', 15000)`);
    expect(await run(`return __t.q('[data-testid="offline-notice"]').textContent`)).toBe('离线版：文件只在本机处理');
    // Straight to file mode without reaching for office.js (which the policy would have refused before the
    // listener above could see it).
    expect(await run(`return __t.q('[data-testid="mode"]').textContent`)).toContain('文件模式：在本页打开');
    expect(
      await run(`return document.getElementById('office-js') === null && document.scripts.length`),
    ).toBeGreaterThan(1);

    // 计划
    await run(`return __t.click('[data-testid="extract"]')`);
    await run(`return __t.wait('[data-testid="plan-review"]')`);
    await run(`return __t.click('[data-testid="generate"]')`);
    const master = await nextDownload('.xlsx');
    const generated = await readTrackingFile(master.file);
    expect(generated.indicators.length).toBeGreaterThan(20);

    // 校验
    const filled = path.join(DIR, 'filled.xlsx');
    await fillTracking(master.file, filled, (ind, i) => {
      const target = ind.kind === 'milestone' ? null : (ind.annual ?? ind.h1);
      return target === null ? undefined : { annual: i % 2 ? target * 1.2 : target * 0.3 };
    });
    await run(`return __t.tab('校验')`);
    await f.chooseFiles('[data-testid="tab-check"] input[data-testid="check-file"]', [filled]);
    await run(`return __t.wait('[data-testid="check-file-info"]')`);
    await run(`return __t.click('[data-testid="as-of-dec"]')`);
    await run(`return __t.click('[data-testid="run-check"]')`);
    await run(`return __t.wait('[data-testid="results"]')`);
    expect(
      Number(await run(`return __t.q('[data-testid="group-shortfall"]').getAttribute('data-count')`)),
    ).toBeGreaterThan(0);
    await run(`return __t.click('[data-testid="download-annotated"]')`);
    const annotated = await nextDownload('.xlsx');
    expect((await readTrackingFile(annotated.file)).entries.length).toBe(generated.entries.length);

    // 打印
    await run(`return __t.tab('打印')`);
    await run(`return __t.wait('[data-testid="tab-print"] [data-testid="print"]')`);
    await run(`return __t.click('[data-testid="tab-print"] [data-testid="print"]')`);
    const printed = await nextDownload('.xlsx');
    expect(printed.name).toContain('打印版');
    expect(await run(`return __t.q('[data-testid="bulletin"]').value`)).toMatch(
      /^截至12月31日，按事项统计（事项有多项指标的，以进度最慢的一项为准），20项重要事项中/,
    );

    // 填报: forms zip, two returns, consolidation, merged master.
    await run(`return __t.tab('填报')`);
    await run(`return __t.wait('[data-testid="make-returns"]')`);
    await run(`return __t.click('[data-testid="make-returns"]')`);
    const zipped = await nextDownload('.zip');
    const zip = await JSZip.loadAsync(fs.readFileSync(zipped.file));
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xlsx'));
    expect(names.length).toBe(12);
    const forms: ReturnForm[] = [];
    for (const n of names) {
      const file = path.join(DIR, n);
      fs.writeFileSync(file, await zip.files[n].async('nodebuffer'));
      forms.push(await readReturnForm(file));
    }
    const numeric = new Set(generated.indicators.filter((i) => i.kind !== 'milestone').map((i) => i.id));
    const a = forms.find((x) => x.ids.some((id) => numeric.has(id)))!;
    const id = a.ids.find((i) => numeric.has(i))!;
    const b = forms.find((x) => x !== a && x.ids.some((i) => numeric.has(i) && i !== id))!;
    const idB = b.ids.find((i) => numeric.has(i) && i !== id)!;
    const filledA = path.join(DIR, `填好-${a.unit}.xlsx`);
    const filledB = path.join(DIR, `填好-${b.unit}.xlsx`);
    await fillReturn(a.file, filledA, { [id]: { annual: 77 } });
    await fillReturn(b.file, filledB, { [idB]: { annual: 5 } });
    await f.chooseFiles('input[data-testid="master-file"]', [master.file]);
    await f.chooseFiles('input[data-testid="return-files"]', [filledA, filledB]);
    await run(`return __t.click('[data-testid="consolidate"]')`);
    await run(`return __t.wait('[data-testid="report"]')`);
    expect(await run(`return __t.q('[data-testid="report-missing"]').textContent`)).toContain('未报送 10 个单位');
    await run(`return __t.click('[data-testid="download-merged"]')`);
    const merged = await nextDownload('.xlsx');
    const entries = (await readTrackingFile(merged.file)).entries;
    expect(entries.find((e) => e.id === id)!.annual).toBe(77);
    expect(entries.find((e) => e.id === idB)!.annual).toBe(5);

    // The page fetched nothing and its policy was never tested.
    expect(await run(`return performance.getEntriesByType('resource').map((e) => e.name)`)).toEqual([]);
    expect(await run(`return __t.csp`)).toEqual([]);
  });
});
