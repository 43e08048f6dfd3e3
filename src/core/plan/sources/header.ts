// The plan table's header: which column holds what, found by the header texts in any order and in the
// wordings plans use (年度目标, 责任单位, 完成时限, …), over one or two header rows.
import { InputError } from '../../model';

export type Role = 'no' | 'name' | 'summary' | 'goal' | 'plan' | 'h1' | 'h2' | 'units' | 'deadline' | 'other';

/** What each role is called in messages. */
const ROLE_LABEL: Record<Role, string> = {
  no: '序号',
  name: '事项名称',
  summary: '事项简介',
  goal: '年度任务目标',
  plan: '年度工作计划',
  h1: '上半年',
  h2: '下半年',
  units: '牵头单位',
  deadline: '完成时限',
  other: '其他',
};

// First match wins: the halves before 目标 (上半年目标 is a half), 简介 before 名称 (事项简介 is no name).
const ROLE_WORDS: [Role, RegExp][] = [
  ['h1', /^(上半年度?|1[-—–~～－至到]6月份?|一至六月)(工作)?(计划|目标|任务|安排|进度|推进计划)?$/],
  ['h2', /^(下半年度?|7[-—–~～－至到]12月份?|七至十二月)(工作)?(计划|目标|任务|安排|进度|推进计划)?$/],
  ['no', /^(序号|编号|序|事项序号|项目序号|no\.?)$/i],
  ['units', /^(牵头|责任|主责|承办|负责|牵头责任|责任牵头)(单位|部门)(及责任人)?$/],
  ['deadline', /^(完成)?(时限|期限|时间|时间节点)$/],
  ['summary', /^(事项|项目|工作)?(简介|概述|概况|基本情况|主要内容|内容)$/],
  ['goal', /^(年度|全年)?(工作|任务)?目标(任务)?$|^年度任务$/],
  ['plan', /^(年度)?(工作|推进)?(计划|安排|进度安排|时间安排|推进计划|工作计划|工作措施|推进措施)$/],
  ['name', /^(重要|重点)?(事项|项目|任务|工作)(名称)?$|^名称$/],
  [
    'other',
    /^(备注|配合单位|协同单位|参与单位|责任人|联系人|(分管|责任)(市)?领导|完成情况|进展情况|类别|领域|分类|所属领域)$/,
  ],
];

/** A header cell's text with spaces, line breaks and bracketed remarks taken out: '牵头单位（盖章）' → '牵头单位'. */
function headerText(cell: string): string {
  return cell
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/[:：*＊]+$/, '');
}

/** The role a header cell names, or null when it names none. */
export function roleOf(cell: string): Role | null {
  if (cell.length > 40) return null; // a long cell is content, not a header; and this stays cheap on every row
  const t = headerText(cell);
  if (!t || t.length > 12) return null;
  for (const [role, re] of ROLE_WORDS) if (re.test(t)) return role;
  return null;
}

const MAIN_ROLES: Role[] = ['no', 'name', 'summary', 'goal', 'plan', 'h1', 'h2', 'units', 'deadline'];

/** Is this row a plan table's (first) header row? Three or more roles, and at most one cell that names none. */
export function isHeaderRow(cells: string[]): boolean {
  const texts = cells.filter((c) => c.trim());
  if (texts.length < 2) return false;
  const roles = texts.map(roleOf);
  const distinct = new Set(roles.filter((r): r is Role => r !== null && MAIN_ROLES.includes(r)));
  const unknown = roles.filter((r) => r === null).length;
  return distinct.size >= 3 && unknown <= (distinct.size >= 5 ? 2 : 0);
}

/** A row under a header row that names columns (上半年 | 下半年 under 年度工作计划), perhaps with a few it
 *  doesn't know beside the halves. */
export function isSubHeaderRow(cells: string[]): boolean {
  const texts = cells.filter((c) => c.trim());
  const roles = texts.map(roleOf);
  const unknown = roles.filter((r) => r === null).length;
  return (
    texts.length > 0 &&
    (unknown === 0 || ((roles.includes('h1') || roles.includes('h2')) && unknown * 2 <= texts.length))
  );
}

/** The columns of a plan table, as its header rows name them. */
export interface ColumnMap {
  /** Role of each column (null: not read). */
  roles: (Role | null)[];
  /** Column of each role read (the first one when a role appears twice). */
  col: Partial<Record<Role, number>>;
  /** Header cell texts that name no known column. */
  unknown: string[];
}

/** Columns from a header block (a header row and its sub-header rows). */
export function columnsOf(block: string[][]): ColumnMap {
  const width = Math.max(...block.map((r) => r.length));
  const roles: (Role | null)[] = [];
  const unknown: string[] = [];
  for (let c = 0; c < width; c++) {
    let role: Role | null = null;
    for (const row of block) {
      const cell = row[c] ?? '';
      if (!cell.trim()) continue;
      const r = roleOf(cell);
      if (r === null) unknown.push(headerText(cell));
      // A lower row is more specific: 上半年 under 年度工作计划.
      else if (role === null || role === 'plan' || r === 'h1' || r === 'h2') role = r;
    }
    roles.push(role);
  }
  const col: Partial<Record<Role, number>> = {};
  roles.forEach((r, c) => {
    if (r !== null && col[r] === undefined) col[r] = c;
  });
  return { roles, col, unknown };
}

/**
 * Checks that the header names every column a plan needs; throws, naming the missing ones and what to do.
 * `where` names the header row.
 */
export function checkColumns(map: ColumnMap, where: string): void {
  const { col } = map;
  const missing: string[] = [];
  for (const r of ['no', 'name', 'goal'] as Role[]) if (col[r] === undefined) missing.push(ROLE_LABEL[r]);
  if (col.h1 === undefined && col.h2 === undefined && col.plan === undefined)
    missing.push('上半年、下半年（或年度工作计划）');
  else if (col.plan === undefined && (col.h1 === undefined) !== (col.h2 === undefined))
    missing.push(col.h1 === undefined ? '上半年' : '下半年');
  if (col.units === undefined) missing.push(ROLE_LABEL.units);
  if (!missing.length) return;
  const list = missing.map((m) => `“${m}”`).join('、');
  const zh =
    `${where}的表头中没有找到${list}列。请补上这${missing.length > 1 ? '些' : '一'}列，或把表头改成常见写法` +
    '（序号、事项名称、事项简介、年度任务目标、上半年、下半年、牵头单位或责任单位）后再读取';
  throw new InputError(`${zh} (the header has no column for ${missing.length} required field(s))`, undefined, zh);
}
