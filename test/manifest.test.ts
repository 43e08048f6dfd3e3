// The add-in manifest: structure the Office schema and Excel need, checked without the network.
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { REQUIRED_EXCEL_API } from '../src/adapters/office/caps';

const root = path.join(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');

/** Names of the direct child elements of the first element called `parent`. */
function children(parent: string): string[] {
  const open = new RegExp(`<${parent}(\\s[^>]*)?>`).exec(xml);
  if (!open) throw new Error(`no <${parent}>`);
  const i = open.index + open[0].length;
  const out: string[] = [];
  let depth = 0;
  const tag = /<(\/?)([A-Za-z][\w:.]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->/g;
  tag.lastIndex = i;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[0].startsWith('<!--')) continue;
    const [, close, name, , self] = m;
    if (close) {
      if (depth === 0) break;
      depth--;
    } else {
      if (depth === 0) out.push(name);
      if (!self) depth++;
    }
  }
  return out;
}

function attr(element: string, name: string): string[] {
  const re = new RegExp(`<${element}\\s[^>]*\\b${name}="([^"]*)"`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]);
}

describe('manifest.xml', () => {
  test('top-level elements in the order the schema requires', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(children('OfficeApp')).toEqual(order);
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(children('Resources')).toEqual(['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    expect(children('DesktopFormFactor')).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
  });

  test('Excel workbook, read/write, zh-CN with en-US overrides, ExcelApi set matching the code', () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(xml).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(xml).toContain(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API}"/>`);
    expect(attr('Override', 'Locale').every((l) => l === 'en-US')).toBe(true);
    expect(attr('Override', 'Locale').length).toBeGreaterThanOrEqual(2);
  });

  test('Home tab group with 打开助手 (ShowTaskpane) and 校验 (ExecuteFunction via the function file)', () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Tuijin.Taskpane.Url"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>runCheck<\/FunctionName>/);
    const commands = fs.readFileSync(path.join(root, 'src/apps/commands/commands.ts'), 'utf8');
    expect(commands).toContain("associate('runCheck'");
    expect(xml).toContain('<FunctionFile resid="Tuijin.Commands.Url"/>');
  });

  test('every resid resolves, ids are unique, strings exist in both languages and fit their limits', () => {
    const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const used of attr('[A-Za-z:]+', 'resid')) expect(defined).toContain(used);
    const strings = [
      ...xml.matchAll(
        /<bt:String id="([^"]+)" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]*)"\/>/g,
      ),
    ];
    expect(strings.length).toBe((xml.match(/<bt:String /g) ?? []).length);
    const short = xml.slice(xml.indexOf('<bt:ShortStrings>'), xml.indexOf('</bt:ShortStrings>'));
    for (const [, , zh, en] of strings) {
      const limit = short.includes(zh) ? 125 : 250;
      expect(zh.length).toBeLessThanOrEqual(limit);
      expect(en.length).toBeLessThanOrEqual(limit);
    }
    expect(xml).toContain('DefaultValue="打开助手"');
    expect(xml).toContain('DefaultValue="校验"');
    const ids = attr('Control', 'id').concat(attr('Group', 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('URLs are https://localhost:3000 (webpack rewrites them for production) and name the built pages', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    urls.push(...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://localhost:3000')).toBe(true);
    expect(urls).toContain('https://localhost:3000/taskpane.html');
    expect(urls).toContain('https://localhost:3000/commands.html');
    const webpack = fs.readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
    expect(webpack).toContain("'https://localhost:3000'");
    expect(webpack).toContain('TUIJIN_PUBLIC_URL');
  });

  test('icons exist at the sizes the manifest names, as real PNGs', () => {
    const images = [
      ...xml.matchAll(
        /(?:bt:Image id="[^"]+"|IconUrl|HighResolutionIconUrl) DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g,
      ),
    ].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const rel of new Set(images)) {
      const file = path.join(root, rel);
      expect(fs.existsSync(file)).toBe(true);
      const buf = fs.readFileSync(file);
      expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png$/.exec(rel)?.[1]);
      expect(buf.readUInt32BE(16)).toBe(size);
      expect(buf.readUInt32BE(20)).toBe(size);
    }
    for (const s of [16, 32, 64, 80]) expect(images).toContain(`assets/icon-${s}.png`);
  });

  // shared/ sits beside the project (CI lays a copy there); the schema is Microsoft's, so it stays out of the repo.
  const validator = [
    path.join(root, '..', 'shared', 'tools', 'validate-manifest'),
    '/work/shared/tools/validate-manifest',
  ].find((f) => fs.existsSync(f));
  const canValidate = (() => {
    try {
      execFileSync('sh', ['-c', 'command -v xmllint'], { stdio: 'ignore' });
      return validator !== undefined;
    } catch {
      return false;
    }
  })();
  // On CI (which installs xmllint and lays shared/ beside the clone) a missing validator is a failure, not a skip.
  if (process.env.CI && !canValidate) {
    test('the manifest validator is available on CI', () => {
      throw new Error('xmllint or shared/tools/validate-manifest is missing');
    });
  }
  (canValidate ? test : test.skip)('validates against the Office add-in manifest schema (xmllint)', () => {
    const run = spawnSync(validator as string, [path.join(root, 'manifest.xml')], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toContain('validates');
    expect(run.status).toBe(0);
  });
});
