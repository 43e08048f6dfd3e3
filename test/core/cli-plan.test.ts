// The `tuijin plan` contract and the CLI's error handling.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/apps/cli/main';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') }, {});
  return { code, out, err };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-cli-'));
const write = (name: string, data: string | Buffer) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
};

describe('tuijin plan', () => {
  test('--json prints the contract for the bundled seed', async () => {
    const r = await run('plan', '--json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    expect(Object.keys(plan).sort()).toEqual(['items', 'title', 'warnings', 'year']);
    expect(plan.items).toHaveLength(20);
    expect(Object.keys(plan.items[0]).sort()).toEqual(
      ['annualGoal', 'h1Plan', 'h2Plan', 'indicators', 'leadUnits', 'name', 'no', 'summary'].sort(),
    );
    expect(Object.keys(plan.items[0].indicators[0]).sort()).toEqual(
      [
        'annual',
        'comparator',
        'deadline',
        'h1',
        'h2',
        'id',
        'item',
        'kind',
        'label',
        'per',
        'review',
        'source',
        'unit',
      ].sort(),
    );
  });

  test('reads a plan file given as argument and leaves it unchanged', async () => {
    const text = '2024年计划表\n1\t培训\t简介\t培训不少于600人。\t300人。\t300人。\t市妇联\n';
    const file = write('plan.txt', text);
    const r = await run('plan', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).year).toBe(2024);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  test('prints a readable summary without --json', async () => {
    const r = await run('plan');
    expect(r.out).toContain('1.1 完成“两癌”检查');
    expect(r.out).toContain('待核指标 2 个');
  });

  test('prints the indicators that need review, with the reason, in text and JSON', async () => {
    const file = write('review.txt', '2024年计划表\n1\t路灯\t简介\t建设智慧灯杆300基，新建公园5个。\t\t\t市城管局\n');
    const r = await run('plan', file);
    expect(r.out).toMatch(/1\.1 建设智慧灯杆 >= 300基[^\n]*\n\s+待核：单位“基”不在单位表中/);
    expect(r.out).toContain('待核指标 1 个');
    const json = JSON.parse((await run('plan', file, '--json')).out);
    expect(json.items[0].indicators.map((d: { review: string | null }) => d.review)).toEqual([
      expect.stringContaining('单位“基”'),
      null,
    ]);
  });

  test.each([
    ['an empty file', () => write('empty.txt', ''), /empty/],
    ['garbage', () => write('garbage.txt', 'hello\nworld\n'), /no item rows/],
    ['a missing file', () => path.join(tmp, 'nope.txt'), /not found/],
    [
      'a broken zip given as a plan',
      () => write('book.xlsx', Buffer.from('PK\u0003\u0004rest', 'binary')),
      /损坏|damaged/,
    ],
    ['binary junk', () => write('junk.bin', Buffer.from([0, 159, 146, 150, 0])), /这不是文本文件/],
  ])('%s: exit 2, one line naming the file, no stack', async (_what, make, msg) => {
    const file = make();
    const r = await run('plan', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(msg);
    expect(r.err).toContain(path.basename(file));
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test('Chinese by default, English with --lang en or an English locale', async () => {
    const missing = path.join(tmp, 'nope.txt');
    const zh = await run('plan', missing);
    expect(zh.err.trim()).toBe(`tuijin plan：${missing}：文件不存在`);
    expect((await run('plan', missing, '--lang', 'en')).err.trim()).toBe(`tuijin plan: ${missing}: file not found`);
    let en = '';
    await main(['plan', missing], { out: () => undefined, err: (t) => (en += t) }, { LANG: 'en_US.UTF-8' });
    expect(en).toBe(`tuijin plan: ${missing}: file not found`);
    expect((await run('frobnicate')).err).toMatch(/^tuijin：未知命令“frobnicate”/);
    expect((await run('plan')).out).toMatch(/\[累计\]/);
  });

  test('unknown command and unknown option exit 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const r = await run('plan', '--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--bogus');
  });
});
