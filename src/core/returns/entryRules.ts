// What an entry cell of a return form accepts, and what it tells the person typing: prompts and validations
// that Excel, WPS and LibreOffice enforce on their own.
import type { DataValidationRule, Range } from '../layout/types';
import type { Indicator } from '../model';

export const MILESTONE_DONE = '已完成';
export const MILESTONE_NOT_DONE = '未完成';

/** The input prompt names the unit and gives an example in it, e.g. "单位：人，填写数字，如 100000". */
export function entryPrompt(ind: Indicator): string {
  if (ind.kind === 'milestone') return `填写“${MILESTONE_DONE}”或“${MILESTONE_NOT_DONE}”（也可填完成日期）`;
  const example = ind.h1 ?? ind.annual ?? 100;
  const ex = Number.isInteger(example) ? String(example) : String(Number(example.toFixed(4)));
  const unit = ind.unit || '无';
  if (ind.unit === '%') return `单位：%，填写百分比，如 ${ex}%`;
  return `单位：${unit}，填写数字，如 ${ex}`;
}

/** The cell holds a percentage: formatted as one, so 52% is what is typed and what is seen (stored 0.52). */
export function isPercentEntry(ind: Indicator): boolean {
  return ind.kind !== 'milestone' && ind.unit === '%';
}

/** The data validation of one entry cell; `half` names the cell in the prompt title (上半年完成 / 全年完成). */
export function entryValidation(ind: Indicator, range: Range, half: string): DataValidationRule {
  if (ind.kind === 'milestone') {
    return {
      range,
      type: 'list',
      list: [MILESTONE_DONE, MILESTONE_NOT_DONE],
      allowBlank: true,
      promptTitle: `${ind.id} ${half}`,
      prompt: entryPrompt(ind),
      errorTitle: '填写有误',
      error: `请选择“${MILESTONE_DONE}”或“${MILESTONE_NOT_DONE}”`,
      errorStyle: 'warning',
    };
  }
  const isChange = ind.kind === 'change';
  if (isPercentEntry(ind)) {
    // The cell is formatted as a percentage, so the stored value of 0%–100% is 0–1.
    return {
      range,
      type: 'decimal',
      min: 0,
      max: 1,
      allowBlank: true,
      promptTitle: `${ind.id} ${half}`,
      prompt: entryPrompt(ind),
      errorTitle: '填写有误',
      error: '请填写0%到100%之间的百分比，如 52%',
      errorStyle: 'stop',
    };
  }
  return {
    range,
    type: 'decimal',
    min: isChange ? -1000 : 0,
    ...(ind.unit === '‰' ? { max: 1000 } : {}),
    allowBlank: true,
    promptTitle: `${ind.id} ${half}`,
    prompt: entryPrompt(ind),
    errorTitle: '填写有误',
    error: isChange ? `请填写数字，单位：${ind.unit}` : `请填写不小于0的数字，单位：${ind.unit || '无'}`,
    errorStyle: 'stop',
  };
}
