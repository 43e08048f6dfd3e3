// Every failure the pane shows is one plain sentence for the user; never a stack trace.
// The core's InputErrors carry their Chinese sentence (`zh`) next to the CLI's (mostly English) message;
// the pane shows that, with the place it points at said in Chinese.
import { stringsFor, type Strings } from './strings';
import { inputErrorZh, placeZh } from '../../core/errors';
// Small and core-free (no zod): the words for Office.js errors, by their code.
import { explainOfficeError, isOfficeError } from '../../adapters/office/errors';

/** A failure the jobs already phrased for the user (in the pane's language). */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

const CJK = /[\u4e00-\u9fff]/;

/** Fallback for core messages that reach the pane as bare text, without `zh`: the reasons a return
 *  file was rejected ('文件无法读取：<the reader's message>'). `$1`… are the captured parts. */
const ZH: [RegExp, string][] = [
  [/^file is empty$/, '文件是空的'],
  [/^not an? (readable )?\.xlsx workbook/, '这不是有效的 Excel 工作簿（.xlsx），无法读取'],
  [/^the \.xlsx file is (truncated or )?damaged/, '文件已损坏或不完整，无法读取'],
  [
    /^refusing to open: the \.xlsx (?:would unpack|unpacks) to more than (\d+) MB/,
    '文件解压后超过 $1 MB，为安全起见拒绝打开',
  ],
];

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

/** A core message as bare text (maybe 'where: message') in Chinese, or null when it has no Chinese form. */
export function zhMessage(message: string): string | null {
  const text = message.split('\n')[0].trim();
  const direct = translate(text);
  if (direct) return direct;
  // 'where: message', where may itself contain ': ' (a file name) — try each split point.
  let at = text.indexOf(': ');
  while (at > 0) {
    const body = translate(text.slice(at + 2));
    if (body) return `${placeZh(text.slice(0, at))}：${body}`;
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
  // Office.js (RichApi.Error): explained by its code, with what to do — not the file-mode sentence.
  if (isOfficeError(e)) return explainOfficeError(e, s === stringsFor(true) ? 'en' : 'zh');
  if (e.name === 'ChunkLoadError' || /Loading chunk|Failed to fetch dynamically imported module/.test(e.message)) {
    return s.errLoadChunk;
  }
  // InputError is matched by name: importing the class would pull the core (and zod) into first paint.
  if (e.name === 'InputError') {
    const zh = inputErrorZh(e as Error & { where?: unknown; zh?: unknown }) ?? zhMessage(e.message);
    if (zh) return zh.endsWith('。') ? zh : `${zh}。`;
  }
  return fallback;
}
