// Data validation on the entry cells of 推进计划表: what a clerk may type, as warnings, and joined over rows.
import type { Indicator } from '../model';
import type { DataValidationRule, Range } from '../layout/types';
import { COL } from './sheet';

function range(r1: number, c1: number, r2: number, c2: number): Range {
  return { r1, c1, r2, c2 };
}

/** Entry-cell validation: figures ≥ 0 for measured indicators, 已完成/未完成 for milestones. Warnings only,
 *  since "8.5万" or a completion date are valid entries too. */
export function entryRule(ind: Indicator, r: number): DataValidationRule {
  const cells = range(r, COL.h1, r, COL.annual);
  if (ind.kind === 'milestone') {
    return {
      range: cells,
      type: 'list',
      list: ['已完成', '未完成'],
      allowBlank: true,
      promptTitle: '填报',
      prompt: '填“已完成”或完成日期',
      errorTitle: '请核对',
      error: '里程碑填“已完成”“未完成”或完成日期。确认无误可点“是”保留。',
      errorStyle: 'warning',
    };
  }
  return {
    range: cells,
    type: 'decimal',
    min: 0,
    allowBlank: true,
    promptTitle: '填报',
    prompt: '填数字（可写“8.5万”“18%”），单位见“指标”列',
    errorTitle: '请核对',
    error: '这里应填数字（可写“8.5万”“18%”）。确认无误可点“是”保留。',
    errorStyle: 'warning',
  };
}

/** Joins rules on consecutive rows that are otherwise equal, so 10,000 rows don't make 10,000 rules.
 *  Entry rules cover the two entry columns, which aren't adjacent, so each rule is split per column. */
export function mergeRules(rules: DataValidationRule[]): DataValidationRule[] {
  const out: DataValidationRule[] = [];
  const key = (x: DataValidationRule) =>
    `${x.type}|${x.min}|${x.max}|${x.list?.join(',')}|${x.prompt}|${x.error}|${x.errorStyle}|${x.allowBlank}`;
  for (const rule of rules) {
    const prev = out[out.length - 2];
    if (prev && key(prev) === key(rule) && prev.range.r2 + 1 === rule.range.r1) {
      out[out.length - 2].range = { ...prev.range, r2: rule.range.r2 };
      out[out.length - 1].range = { ...out[out.length - 1].range, r2: rule.range.r2 };
      continue;
    }
    for (const c of [COL.h1, COL.annual]) out.push({ ...rule, range: range(rule.range.r1, c, rule.range.r2, c) });
  }
  return out;
}
