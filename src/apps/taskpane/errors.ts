// Every failure the pane shows is one plain sentence for the user; never a stack trace.
// The core's InputErrors are written for the CLI (mostly English); the pane says the same in Chinese.
import type { Strings } from './strings';

/** A failure the jobs already phrased for the user (in the pane's language). */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

const CJK = /[\u4e00-\u9fff]/;

/** Known core messages → Chinese. `$1`… are the captured parts. */
const ZH: [RegExp, string][] = [
  [/^file is empty$/, '文件是空的'],
  [/^not an? (readable )?\.xlsx workbook/, '这不是有效的 Excel 工作簿（.xlsx），无法读取'],
  [/^the \.xlsx file is (truncated or )?damaged/, '文件已损坏或不完整，无法读取'],
  [/^refusing to open: the \.xlsx would unpack to more than (\d+) MB/, '文件解压后超过 $1 MB，为安全起见拒绝打开'],
  [/^not a Tuijin tracking workbook/, '这不是推进表：找不到“指标编号、上半年完成、全年完成、状态”列或“指标”工作表。请打开本工具生成的推进表'],
  [/^header row with .* not found/, '找不到表头行（指标编号、上半年完成、全年完成、状态）'],
  [/^hidden sheet .* is not Tuijin metadata/, '隐藏的计划信息表已被改动，无法识别'],
  [/^the (master|workbook) has no plan id\/hash/, '工作簿缺少计划标识（隐藏的计划信息表被删除或清空），请重新生成推进表'],
  [/^target "(.*)" is not a number/, '目标值“$1”不是数字'],
  [/^target is not a finite number/, '目标值不是有效数字'],
  [/^deadline "(.*)" is not a date/, '截止日期“$1”不是日期（应写作 YYYY-MM-DD）'],
  [/^type "(.*)" is not one of/, '类型“$1”不是 累计/存量/比率/增减/里程碑 之一'],
  [/^comparator "(.*)" is not one of/, '比较符“$1”不是 ≥ ≤ ≈ = 之一'],
  [/^序号 "(.*)" is not a whole number/, '序号“$1”不是整数'],
  [/^row (\d+) is not a valid indicator/, '第$1行不是有效的指标'],
  [/^indicator (\S+) appears twice/, '指标 $1 出现了两次'],
  [/^indicator (\S+) is not in sheet/, '指标 $1 不在“指标”工作表中'],
  [/^no indicator rows/, '表头下面没有指标行（指标编号如 1.1）'],
  [/^sheet (.+) is missing$/, '缺少工作表“$1”'],
];

/** 'sheet 指标' / 'cell 推进计划表!K7' / a file name, as the place an error points at. */
function whereZh(where: string): string {
  const sheet = /^sheet (.+)$/.exec(where);
  if (sheet) return `工作表“${sheet[1]}”`;
  const cell = /^cell (.+)$/.exec(where);
  if (cell) return `单元格 ${cell[1]}`;
  return where;
}

/** Drops the English gloss some core messages carry: '计划表为空 (the plan text is empty)'. */
function dropGloss(text: string): string {
  return text.replace(/\s*\([A-Za-z][^()]*\)\s*$/, '');
}

function translate(body: string): string | null {
  for (const [re, zh] of ZH) {
    const m = re.exec(body);
    if (m) return zh.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  const plain = dropGloss(body);
  return CJK.test(plain) && !/[A-Za-z]{4,}/.test(plain.replace(/\.xlsx|Excel|WPS|YYYY-MM-DD/g, '')) ? plain : null;
}

/** A core message (maybe 'where: message') in Chinese, or null when it has no Chinese form. */
export function zhMessage(message: string): string | null {
  const text = message.split('\n')[0].trim();
  const direct = translate(text);
  if (direct) return direct;
  // 'where: message', where may itself contain ': ' (a file name) — try each split point.
  let at = text.indexOf(': ');
  while (at > 0) {
    const body = translate(text.slice(at + 2));
    if (body) return `${whereZh(text.slice(0, at))}：${body}`;
    at = text.indexOf(': ', at + 2);
  }
  return null;
}

/** Rejection reasons and plan warnings: Chinese already, except for a wrapped English cause. */
export function localizeReason(reason: string): string {
  const m = /^(.*?：)(.*)$/.exec(reason);
  if (m && !CJK.test(m[2].replace(/sheet .*|cell .*/, ''))) return m[1] + (zhMessage(m[2]) ?? '文件已损坏或格式不对');
  return dropGloss(reason);
}

/** The sentence to show for `e`. */
export function userMessage(e: unknown, s: Strings, fallback: string = s.errGeneric): string {
  if (!(e instanceof Error)) return fallback;
  if (e.name === 'PaneError') return e.message;
  if (e.name === 'ChunkLoadError' || /Loading chunk|Failed to fetch dynamically imported module/.test(e.message)) {
    return s.errLoadChunk;
  }
  // InputError is matched by name: importing the class would pull the core (and zod) into first paint.
  if (e.name === 'InputError') {
    const zh = zhMessage(e.message);
    if (zh) return zh.endsWith('。') ? zh : `${zh}。`;
  }
  return fallback;
}
