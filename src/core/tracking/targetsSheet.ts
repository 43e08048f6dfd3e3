// The 指标 sheet: every indicator's extracted targets, editable; a check reads its targets from here.
import type { Indicator, Plan } from '../model';
import type { CellValue, DataValidationRule, LayoutCell, Range, SheetLayout } from '../layout/types';
import { SIZE, TEXT_INDENT } from '../layout/styles';
import { heightForText } from '../layout/rowHeights';
import { COMPARATOR_LABEL, KIND_LABEL, SHEET, TARGET_COLUMNS, TARGET_ROW, type TargetColumnKey } from './sheet';
import { trackingPrint } from './print';

function range(r1: number, c1: number, r2: number, c2: number): Range {
  return { r1, c1, r2, c2 };
}

const WIDTHS: number[] = TARGET_COLUMNS.map((c) => c[2]);
const width = (key: string) => WIDTHS[TARGET_COLUMNS.findIndex((c) => c[0] === key)];
const col = (key: string) => TARGET_COLUMNS.findIndex((c) => c[0] === key) + 1;

const NOTE =
  '指标与目标：提取有误时直接改正本表的目标值、比较或截止日期，检查时以本表为准。类型：累计/存量/比率/增减/里程碑；比较：≥ ≤ ≈ =。';

/** Style of a column: long texts left, targets as numbers, the rest centred. */
function styleOf(key: TargetColumnKey): string {
  if (key === 'label' || key === 'source' || key === 'review') return 'left';
  return key === 'annual' || key === 'h1' || key === 'h2' ? 'num' : 'center';
}

/** One indicator's row of cells; returns the height the row needs. */
function indicatorRow(cells: LayoutCell[], ind: Indicator, r: number): number {
  const values: Record<TargetColumnKey, CellValue | undefined> = {
    id: ind.id,
    item: ind.item,
    label: ind.label,
    unit: ind.unit,
    kind: KIND_LABEL[ind.kind],
    comparator: COMPARATOR_LABEL[ind.comparator],
    annual: ind.annual,
    h1: ind.h1,
    h2: ind.h2,
    deadline: ind.deadline,
    per: ind.per,
    source: ind.source,
    review: ind.review,
  };
  TARGET_COLUMNS.forEach(([key], i) => {
    const value = values[key];
    cells.push({ r, c: i + 1, value: value === '' || value === undefined ? null : value, style: styleOf(key) });
  });
  return Math.max(
    heightForText(ind.source, width('source'), SIZE.body, TEXT_INDENT),
    heightForText(ind.label, width('label'), SIZE.body, TEXT_INDENT),
    heightForText(ind.review ?? '', width('review'), SIZE.body),
  );
}

/** Lists for 类型 and 比较 (stop: the reader knows only these words), numbers for the targets (warnings). */
function targetRules(lastRow: number): DataValidationRule[] {
  if (lastRow < TARGET_ROW.firstData) return [];
  const rows = (c: number) => range(TARGET_ROW.firstData, c, lastRow, c);
  const rules: DataValidationRule[] = [
    {
      range: rows(col('kind')),
      type: 'list',
      list: Object.values(KIND_LABEL),
      allowBlank: false,
      errorStyle: 'stop',
      error: '类型只能是：累计、存量、比率、增减、里程碑',
    },
    {
      range: rows(col('comparator')),
      type: 'list',
      list: Object.values(COMPARATOR_LABEL),
      allowBlank: false,
      errorStyle: 'stop',
      error: '比较只能是：≥ ≤ ≈ =',
    },
  ];
  for (const key of ['annual', 'h1', 'h2']) {
    rules.push({
      range: rows(col(key)),
      type: 'decimal',
      min: -1e15,
      allowBlank: true,
      errorStyle: 'warning',
      error: '目标应为数字（基本单位，如22万人写220000）',
    });
  }
  return rules;
}

export function targetsSheet(plan: Plan, asOf: string | undefined): SheetLayout {
  const n = TARGET_COLUMNS.length;
  const cells: LayoutCell[] = [{ r: TARGET_ROW.note, c: 1, value: NOTE, style: 'note' }];
  const rowHeights: Record<number, number> = {};
  rowHeights[TARGET_ROW.note] = heightForText(
    NOTE,
    WIDTHS.reduce((a, b) => a + b, 0),
    SIZE.small,
  );
  TARGET_COLUMNS.forEach(([, text], i) => cells.push({ r: TARGET_ROW.header, c: i + 1, value: text, style: 'head' }));
  rowHeights[TARGET_ROW.header] = Math.max(
    ...TARGET_COLUMNS.map(([, text], i) => heightForText(text, WIDTHS[i], SIZE.heading)),
  );
  let r = TARGET_ROW.firstData;
  for (const item of plan.items) {
    for (const ind of item.indicators) {
      rowHeights[r] = indicatorRow(cells, ind, r);
      r++;
    }
  }
  const lastRow = Math.max(r - 1, TARGET_ROW.header);
  return {
    name: SHEET.targets,
    state: 'visible',
    columnWidths: WIDTHS.slice(),
    rowHeights,
    cells,
    merges: [range(TARGET_ROW.note, 1, TARGET_ROW.note, n)],
    freeze: { rows: TARGET_ROW.header, cols: 1 },
    autoFilter: range(TARGET_ROW.header, 1, lastRow, n),
    protect: false,
    validations: targetRules(lastRow),
    print: trackingPrint('A4', { from: TARGET_ROW.header, to: TARGET_ROW.header }, asOf),
  };
}
