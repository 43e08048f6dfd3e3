// Office.js errors in plain words, by their `code` (RichApi.Error), with what the person can do about it.
// Chinese, or English where Office's display language is English. Never a stack trace.
import { InputError, inputErrorZh } from '../../core/errors';

export type Lang = 'zh' | 'en';

const BY_CODE: Record<string, { zh: string; en: string }> = {
  InvalidOperationInCellEditMode: {
    zh: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，再重试。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  AccessDenied: {
    zh: '工作表受保护或工作簿为只读，无法写入。请在“审阅”中撤消工作表保护，或另存一份可编辑的副本后重试。',
    en: 'The sheet is protected or the workbook is read-only. Unprotect the sheet (Review tab) or save an editable copy, then try again.',
  },
  ItemAlreadyExists: {
    zh: '工作簿中已有同名工作表。请改名或删除后重试。',
    en: 'The workbook already has a sheet with that name. Rename or delete it, then try again.',
  },
  ItemNotFound: {
    zh: '找不到需要的工作表，可能已被改名或删除。请在“计划”中重新生成推进表。',
    en: 'A sheet the add-in needs is missing (renamed or deleted). Generate the tracking sheets again under Plan.',
  },
  RequestPayloadSizeLimitExceeded: {
    zh: '数据量超过 Excel 网页版单次请求的上限。请在桌面版 Excel 中操作。',
    en: 'The workbook is too large for one request in Excel on the web. Use Excel on the desktop.',
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: '数据量超过 Excel 网页版单次读取的上限。请在桌面版 Excel 中操作。',
    en: 'The workbook is too large to read at once in Excel on the web. Use Excel on the desktop.',
  },
  ApiNotFound: {
    zh: '此版本的 Excel 不支持该功能。请更新 Excel（Microsoft 365 或 Office 2021 及以上），或使用 Excel 网页版。',
    en: 'This Excel does not support that. Update Excel (Microsoft 365 or Office 2021 or later) or use Excel on the web.',
  },
  InvalidOperation: {
    zh: 'Excel 拒绝了这次操作（工作簿可能处于共享、保护或只读状态）。请检查后重试。',
    en: 'Excel refused the operation (the workbook may be shared, protected or read-only). Check it and try again.',
  },
  InvalidArgument: {
    zh: 'Excel 不接受写入的内容（例如文字超过单元格 32,767 个字符的上限）。请检查推进表内容后重试。',
    en: 'Excel refused a value (for example text over the 32,767-character cell limit). Check the tracking table and try again.',
  },
  UndoNotSupported: {
    zh: '这一步无法并入 Excel 的撤消记录。请重试；如仍失败，请关闭“输入时自动校验”。',
    en: "This step cannot join Excel's undo history. Try again; if it still fails, turn off “Check as I type”.",
  },
  Unauthenticated: {
    zh: '登录已过期。请重新登录 Office 后重试。',
    en: 'Your sign-in has expired. Sign in to Office again and retry.',
  },
  ActivityLimitReached: {
    zh: 'Excel 暂时忙不过来（操作过于频繁）。请稍等片刻再试。',
    en: 'Excel is busy (too many requests). Wait a moment and try again.',
  },
  GeneralException: {
    zh: 'Excel 暂时无法完成操作。请稍后重试；如反复出现，请保存并重新打开工作簿。',
    en: 'Excel could not finish the operation. Try again later; if it keeps happening, save and reopen the workbook.',
  },
  InvalidRequestContext: {
    zh: '推进表助手与 Excel 的连接已失效。请关闭任务窗格后重新打开。',
    en: 'The add-in lost its connection to the workbook. Close the pane and open it again.',
  },
};

/** Sheets a failed write left behind, and where the old data is. Attached to the error by the adapter. */
export interface Leftovers {
  /** Old sheets renamed aside (`~…`) that still hold the user's data, with the name they had. */
  aside: Array<{ sheet: string; was: string }>;
}

export function isOfficeError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const x = e as { name?: unknown; code?: unknown };
  return x.name === 'RichApi.Error' || (typeof x.code === 'string' && x.code in BY_CODE);
}

function leftoverNote(e: unknown, lang: Lang): string {
  const left = (e as { leftovers?: Leftovers })?.leftovers;
  if (!left?.aside.length) return '';
  if (lang === 'en')
    return ` The old data is still in ${left.aside.map((a) => `sheet “${a.sheet}” (was “${a.was}”)`).join(', ')}; do not delete it.`;
  return `原有数据仍在${left.aside.map((a) => `工作表“${a.sheet}”（原“${a.was}”）`).join('、')}中，请勿删除。`;
}

/** What to tell the user about an error from a job on the workbook (never a stack trace). */
export function explainOfficeError(e: unknown, lang: Lang = 'zh'): string {
  if (e instanceof InputError || (e as Error)?.name === 'InputError') {
    const ie = e as InputError;
    return (lang === 'zh' ? inputErrorZh(ie) : null) ?? ie.message;
  }
  const code = (e as { code?: unknown })?.code;
  const known = typeof code === 'string' ? BY_CODE[code] : undefined;
  if (known) return known[lang] + leftoverNote(e, lang);
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  const what = typeof code === 'string' && code ? `${code}: ${first}` : first;
  return (
    (lang === 'en'
      ? `Excel did not finish the operation (${what}). Try again.`
      : `Excel 操作未完成（${what}），请重试。`) + leftoverNote(e, lang)
  );
}

/**
 * Errors the adapter deliberately lets go (cleanup after a failure, a handler on a closed workbook). Kept in a
 * short list so the Office tests can check, after every test, that nothing else was swallowed.
 */
export function swallow(where: string, error: unknown): void {
  const g = globalThis as unknown as { __tuijinSwallowed?: Array<{ where: string; error: unknown }> };
  const list = (g.__tuijinSwallowed ??= []);
  list.push({ where, error });
  if (list.length > 50) list.shift();
}

/** Takes the swallowed errors out of the list (tests that provoke them on purpose). */
export function takeSwallowed(): Array<{ where: string; error: unknown }> {
  const g = globalThis as unknown as { __tuijinSwallowed?: Array<{ where: string; error: unknown }> };
  const list = g.__tuijinSwallowed ?? [];
  return list.splice(0, list.length);
}
