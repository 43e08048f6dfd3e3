import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { buildCheckPatch, bulletinText, itemStatus, parseStatusText, statusText } from '../../src/core/tracking/patch';
import { COL, SHEET, STATUS_SYMBOL } from '../../src/core/tracking/sheet';
import { judgeAll } from '../../src/core/judge';
import { STATUSES, type Judgement } from '../../src/core/model';
import { applyPatchToGrid, getCell, layoutGrid, seedPlan, setCell, smallPlan, type StyledGrid } from './helpers';
import { PROGRESS_COLUMNS, PROGRESS_SHEET } from '../../src/core/consolidate/progress';

function judged(status: Judgement['status'], id: string, item: number, message = ''): Judgement {
  return { id, item, status, h1Actual: null, annualActual: null, h1Rate: null, annualRate: null, message };
}

describe('status marks', () => {
  test('every status has its own symbol and reads back', () => {
    expect(new Set(Object.values(STATUS_SYMBOL)).size).toBe(STATUSES.length);
    for (const s of STATUSES) expect(parseStatusText(statusText(s))).toBe(s);
    expect(statusText('shortfall')).toBe('✖ 未达标');
    expect(parseStatusText('进度滞后')).toBe('at-risk');
  });

  test('item status: the most pressing indicator wins; met only when all are met', () => {
    expect(itemStatus(['met', 'shortfall'])).toBe('shortfall');
    expect(itemStatus(['met', 'at-risk', 'missing'])).toBe('at-risk');
    expect(itemStatus(['met', 'met'])).toBe('met');
    expect(itemStatus(['met', 'not-due'])).toBe('on-track');
    expect(itemStatus(['not-due'])).toBe('not-due');
  });
});

describe('check patch', () => {
  function setup() {
    const layout = buildTrackingLayout(smallPlan());
    const g = layoutGrid(layout);
    setCell(g, SHEET.main, 5, COL.h1, 80000);
    setCell(g, SHEET.main, 8, COL.h1, '已完成');
    const read = readTracking(g);
    const js = judgeAll(read.indicators, read.entries, '2023-07-15', 2023);
    return { g, read, js, styled: { grid: g, styles: new Map<string, string>() } as StyledGrid };
  }

  test('writes status word with mark, fill, rate and 说明; entry cells keep their values', () => {
    const { read, js, g } = setup();
    const patch = buildCheckPatch(read, js, '2023-07-15');
    const j11 = js.find((j) => j.id === '1.1')!;
    expect(j11.status).toBe('shortfall');
    const status = patch.cells.find((c) => c.r === 5 && c.c === COL.status)!;
    expect(status.value).toBe('✖ 未达标');
    expect(patch.styles[status.style].fill).toBe('FFC7CE');
    expect(patch.cells.find((c) => c.r === 5 && c.c === COL.note)?.value).toBe(j11.message);
    expect(patch.cells.find((c) => c.r === 5 && c.c === COL.h1Rate)?.value).toBeCloseTo((j11.h1Rate ?? 0) / 100, 3);
    expect(patch.cells.find((c) => c.r === 5 && c.c === COL.annualRate)?.value).toBeCloseTo(
      (j11.annualRate ?? 0) / 100,
      3,
    );
    const entryPatches = patch.cells.filter((c) => c.c === COL.h1 || c.c === COL.annual);
    expect(entryPatches.length).toBe(6);
    expect(entryPatches.every((c) => c.value === undefined && patch.styles[c.style].locked === false)).toBe(true);
    // a shortfall row is red across its progress cells, a met row only in 状态
    expect(patch.styles[patch.cells.find((c) => c.r === 5 && c.c === COL.label)!.style].fill).toBe('FFC7CE');
    const met = patch.cells.find((c) => c.r === 8 && c.c === COL.status)!;
    expect(met.value).toBe('● 已达标');
    expect(patch.styles[patch.cells.find((c) => c.r === 8 && c.c === COL.label)!.style].fill).toBeUndefined();
    expect(getCell(g, SHEET.main, 5, COL.h1)).toBe(80000);
  });

  test('re-check replaces earlier results instead of piling them up', () => {
    const { read, js, styled } = setup();
    applyPatchToGrid(styled, buildCheckPatch(read, js, '2023-07-15'));
    const once = JSON.stringify(styled.grid);
    const onceStyles = JSON.stringify([...styled.styles]);
    // second run on the already-checked workbook
    const read2 = readTracking(styled.grid);
    const js2 = judgeAll(read2.indicators, read2.entries, '2023-07-15', 2023);
    applyPatchToGrid(styled, buildCheckPatch(read2, js2, '2023-07-15'));
    expect(JSON.stringify(styled.grid)).toBe(once);
    expect(JSON.stringify([...styled.styles])).toBe(onceStyles);
    // a later fix of the entry changes the status and its style in place
    setCell(styled.grid, SHEET.main, 5, COL.h1, 100000);
    const read3 = readTracking(styled.grid);
    applyPatchToGrid(
      styled,
      buildCheckPatch(read3, judgeAll(read3.indicators, read3.entries, '2023-07-15', 2023), '2023-07-15'),
    );
    expect(getCell(styled.grid, SHEET.main, 5, COL.status)).not.toBe('✖ 未达标');
    expect(styled.styles.get(`${SHEET.main}!5,${COL.status}`)).not.toBe('chk.status.shortfall');
  });

  test('target texts are refreshed from corrected targets', () => {
    const { g } = setup();
    setCell(g, SHEET.targets, 3, 8, 50000);
    const read = readTracking(g);
    const patch = buildCheckPatch(read, judgeAll(read.indicators, read.entries, '2023-07-15', 2023), '2023-07-15');
    expect(patch.cells.find((c) => c.r === 5 && c.c === COL.h1Target)?.value).toBe('≥5万人');
  });

  test('汇总 sheet: 截至 line, counts by status and per lead unit, shortfall list, print headers', () => {
    const { read, js } = setup();
    const patch = buildCheckPatch(read, js, '2023-07-15');
    const summary = patch.sheets[0];
    expect(summary.name).toBe(SHEET.summary);
    const texts = summary.cells.map((c) => c.value);
    expect(texts).toContain('截至 2023年7月15日');
    expect(texts).toContain('市卫生健康委');
    expect(texts).toContain('市妇联');
    expect(texts).toContain(js.find((j) => j.id === '1.1')!.message);
    expect(summary.print).toMatchObject({ paper: 'A4', orientation: 'landscape', header: '截至 2023年7月15日' });
    expect(patch.printHeaders?.map((h) => h.sheet)).toEqual([SHEET.main, SHEET.targets, SHEET.summary]);
    // counts row for 未达标: label, indicators, items
    const row = summary.cells.find((c) => c.value === '✖ 未达标')!.r;
    expect(summary.cells.filter((c) => c.r === row && c.c >= 3).map((c) => c.value)).toEqual([1, 1]);
  });

  test('进展情况 from the consolidated returns reaches the meeting table; a %-formatted entry stays one', () => {
    const { g } = setup();
    g.sheets.push({
      name: PROGRESS_SHEET,
      state: 'visible',
      rows: [
        PROGRESS_COLUMNS.map(([, label]) => label),
        ['1.1', 1, '完成“两癌”检查', '市卫生健康委', '2023年上半年', '已完成8万人次筛查', 't'],
        ['1.2', 1, '覆盖率', '市卫生健康委', '2023年上半年', '覆盖率稳步提升', 't'],
        ['1.2', 1, '覆盖率', '市妇联', '2023年上半年', '妇联动员宣传', 't'],
      ],
    });
    setCell(g, SHEET.main, 6, COL.h1, 0.53);
    g.sheets.find((x) => x.name === SHEET.main)!.percentCells = [[6, COL.h1]];
    const read = readTracking(g);
    const js = judgeAll(read.indicators, read.entries, '2023-07-15', 2023);
    const patch = buildCheckPatch(read, js, '2023-07-15');
    const progress = (r: number) => patch.cells.find((c) => c.r === r && c.c === COL.progress);
    expect(progress(5)).toMatchObject({ value: '已完成8万人次筛查', style: 'progressText' });
    expect(progress(6)?.value).toBe('市卫生健康委：覆盖率稳步提升\n市妇联：妇联动员宣传');
    expect(progress(8)).toBeUndefined(); // nothing reported: the cell keeps what it holds
    expect(patch.styles.progressText.numFmt).toBe('@');
    expect(patch.cells.find((c) => c.r === 6 && c.c === COL.h1)?.style).toBe('entryPct');
    expect(js.find((j) => j.id === '1.2')?.h1Actual).toBe(53);
  });

  test('汇总 never breaks a page right under a subtitle or a table header', () => {
    const plan = seedPlan();
    const g = layoutGrid(buildTrackingLayout(plan));
    const read = readTracking(g);
    const js = judgeAll(read.indicators, read.entries, '2023-07-15', 2023);
    const summary = buildCheckPatch(read, js, '2023-07-15').sheets[0];
    expect(summary.rowBreaks?.length).toBeGreaterThan(0);
    const textAt = (r: number) => summary.cells.find((c) => c.r === r && c.c === 1)?.value;
    const leads = [
      '通报',
      '按状态统计',
      '状态',
      '按牵头单位统计（指标数）',
      '牵头单位',
      '未达标、进度滞后、未填报及数据有误的指标',
    ];
    for (const b of summary.rowBreaks!) expect([b, leads.includes(String(textAt(b)))]).toEqual([b, false]);
  });

  test('通报: counts by item with the basis said, no zero categories, a sentence per shortfall, who still owes figures', () => {
    const g = layoutGrid(buildTrackingLayout(smallPlan()));
    setCell(g, SHEET.main, 5, COL.h1, 80000);
    setCell(g, SHEET.main, 6, COL.h1, 53);
    const read = readTracking(g);
    const js = judgeAll(read.indicators, read.entries, '2023-07-15', 2023);
    expect(js.map((j) => j.status)).toEqual(['shortfall', 'on-track', 'missing']);
    expect(bulletinText(read, js, '2023-07-15')).toBe(
      '截至7月15日，按事项统计（事项有多项指标的，以进度最慢的一项为准），3项重要事项中，未达标1项（扩大两癌检查覆盖面），' +
        '另有1项尚有指标未填报或数据待核实。从指标看，有进展数据的2项指标中，按期推进1项、未达标1项。' +
        '未达标的：扩大两癌检查覆盖面（市卫生健康委牵头），完成“两癌”检查，上半年目标10万人，上半年完成8万人，差2万人（80%）。\n' +
        '市教育局（出台实施方案）尚未填报应报数据，请抓紧报送。',
    );
  });

  test('通报 gives six shortfall sentences at most and counts the rest', () => {
    const read = readTracking(layoutGrid(buildTrackingLayout(seedPlan())));
    const js = read.indicators.map((ind, i) => judged(i < 8 ? 'shortfall' : 'met', ind.id, ind.item, `差${i + 1}项`));
    const text = bulletinText(read, js, '2023-12-31');
    expect(text).toContain('差6项；另有2项，详见下表。');
    expect(text).not.toContain('差7项');
  });

  test('通报 when everything is in: no zero counts, no internal categories, no second-paragraph complaints', () => {
    const { read } = setup();
    const allMet = [judged('met', '1.1', 1), judged('met', '1.2', 1), judged('met', '3.1', 3)];
    const text = bulletinText(read, allMet, '2023-12-31');
    expect(text).toBe(
      '截至12月31日，按事项统计（事项有多项指标的，以进度最慢的一项为准），3项重要事项中，已达标2项。' +
        '从指标看，有进展数据的3项指标中，已达标3项。\n应报数据均已填报。',
    );
    expect(text).not.toMatch(/0项|未到期|数据有误/);
  });
});
