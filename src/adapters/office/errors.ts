// Plain-Chinese messages for the Office.js errors a person can do something about.
import { InputError, inputErrorZh } from '../../core/errors';

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: '请先结束单元格编辑（按 Enter 或 Esc），再重试。',
  AccessDenied: '工作表受保护或工作簿为只读，无法写入。请取消保护或另存一份后再试。',
  ItemAlreadyExists: '工作簿中已有同名工作表，请改名或删除后再试。',
  ItemNotFound: '找不到需要的工作表，可能已被改名或删除。',
  RequestPayloadSizeLimitExceeded: '数据量超过 Excel 网页版单次请求的上限，请在桌面版 Excel 中操作。',
  ResponsePayloadSizeLimitExceeded: '数据量超过 Excel 网页版单次读取的上限，请在桌面版 Excel 中操作。',
  ApiNotFound: '此版本的 Excel 不支持该功能，请升级 Excel 或使用网页版。',
  InvalidOperation: 'Excel 拒绝了这次操作（工作簿可能处于共享或保护状态）。',
  Unauthenticated: '登录已过期，请重新登录 Office 后再试。',
  GeneralException: 'Excel 暂时无法完成操作，请稍后重试。',
};

/** What to tell the user about an error from a job on the workbook (never a stack trace). */
export function explainOfficeError(e: unknown): string {
  if (e instanceof InputError) return inputErrorZh(e) ?? e.message;
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && BY_CODE[code]) return BY_CODE[code];
  const msg = e instanceof Error ? e.message : String(e);
  for (const [k, v] of Object.entries(BY_CODE)) if (msg.startsWith(k)) return v;
  return `Excel 操作未完成：${msg.split('\n')[0]}`;
}
