// webpack.config.js: the production-URL transform of the manifest, and what a production build promises.
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- webpack.config.js is CommonJS; the test walks its untyped nested shape
const config = require('../../webpack.config.js') as ((env: unknown, argv: { mode: string }) => Record<string, any>) & {
  publicUrl(content: Buffer): Buffer | string;
  ES_TARGET: string;
};

describe('webpack config', () => {
  const saved = process.env.TUIJIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TUIJIN_PUBLIC_URL;
    else process.env.TUIJIN_PUBLIC_URL = saved;
  });

  test('TUIJIN_PUBLIC_URL replaces every dev URL in the manifest; unset, the manifest is copied as is', () => {
    const manifest = fs.readFileSync(path.join(__dirname, '../../manifest.xml'));
    delete process.env.TUIJIN_PUBLIC_URL;
    expect(config.publicUrl(manifest)).toBe(manifest);
    process.env.TUIJIN_PUBLIC_URL = 'https://tuijin.example.gov.cn/addin/';
    const out = String(config.publicUrl(manifest));
    expect(out).not.toContain('https://localhost:3000');
    const devCount = manifest.toString('utf8').split('https://localhost:3000').length - 1;
    expect(devCount).toBeGreaterThan(3);
    expect(out).not.toContain('addin//');
    expect(out.split('https://tuijin.example.gov.cn/addin').length - 1).toBe(devCount);
  });

  test('production: no source maps, modern target, the pane entry, lazy ExcelJS from its browser bundle', () => {
    const c = config({}, { mode: 'production' });
    expect(c.devtool).toBe(false);
    expect(c.target).toEqual(['web', config.ES_TARGET]);
    expect(config.ES_TARGET).toBe('es2020');
    // Dependencies are compiled down to the same level (tabster's class static blocks, zod's `?.`).
    const deps = c.module.rules.find(
      (r: { include?: RegExp }) => r.include && String(r.include).includes('node_modules'),
    );
    expect(deps.use.options.compilerOptions.target).toBe(config.ES_TARGET);
    expect('x/node_modules/tabster/dist/index.js').toMatch(deps.test);
    expect('x/node_modules/exceljs/dist/exceljs.bare.min.js').toMatch(deps.exclude);
    // The ES5 guard is copied beside the pane.
    const copy = c.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
    expect(JSON.stringify(copy.patterns)).toContain('legacy.js');
    expect(c.entry.taskpane).toBe('./src/apps/taskpane/index.tsx');
    expect(c.resolve.alias['exceljs$']).toMatch(/exceljs[\\/]dist[\\/]exceljs\.bare\.min\.js$/);
    // Development keeps maps, but never eval-based ones (the CSP forbids eval).
    expect(String(config({}, { mode: 'development' }).devtool)).not.toMatch(/eval/);
  });
});
