// What the words around a number say it is not (part of a code, an ordinal, a frequency, a qualifier of
// which things are meant), and the basis a figure is counted on ("每场", "每千人口").
import type { UnitKind } from './units';

/** The clause before `at` (back to a comma, a stop or a list break), at most `max` characters. */
export function clauseBefore(s: string, at: number, max: number, breaks = /[，,；;。：:、！？]/): string {
  let a = at;
  while (a > 0 && at - a < max && !breaks.test(s[a - 1])) a--;
  return s.slice(a, at);
}

/** What is wrong with reading a number at `numStart` as a figure: a reason, or null when it may be one. */
export function notAFigure(masked: string, numStart: number): string | null {
  const before = masked.slice(Math.max(0, numStart - 3), numStart);
  if (/[\d.]$/.test(before)) return 'part of a longer number';
  if (/[A-Za-z][\s-]*$/.test(before)) return 'a name or standard number (PM2.5, GB 3095)';
  if (/\d\s*[-—–/]\s*$/.test(before)) return 'the second part of a code or range (29639-2020)';
  if (/[第/#№]\s*$/.test(before)) return 'an ordinal';
  if (/前$/.test(before)) return 'a ranking';
  return null;
}

/** 每月/每季度/每周 … : a frequency, not an annual figure. 每年 is annual. */
export function isFrequency(masked: string, numStart: number): boolean {
  return /每(?:个)?(?:月|季度|季|周|旬|半年|天|日|星期)/.test(clauseBefore(masked, numStart, 16));
}

/** A figure in a qualifier: "千万元以上项目", "10万元以上的村", "65岁及以上老年人". */
export function inQualifier(masked: string, end: number, after: string | undefined, kind: UnitKind): boolean {
  if (!after || !/以上|以下/.test(after)) return false;
  const next = masked.slice(end, end + 3);
  // "10个以上老旧小区" counts at least ten of them; "千万元以上项目", "500人以上的企业" only say which ones.
  if (kind === 'count' && !next.startsWith('的')) return false;
  return /^[的\u3400-\u9fff]/.test(next) && !/^(?:和|及|与|或|并|且|水平|目标)/.test(next);
}

// Words that make a time a limit ("办结时限3天"), unlike a count of days ("优良天数317天").
const TIME_LIMIT = /时限|时间|时长|用时|期限|周期|办结|办理|审批|压缩|缩短|响应|到达/;

/** A time figure the clause before names as a limit ("办结时限3天"). */
export function isTimeLimit(masked: string, numStart: number, kind: UnitKind): boolean {
  return kind === 'time' && TIME_LIMIT.test(clauseBefore(masked, numStart, 20));
}

/** The per-event or per-population basis of a figure starting at `start` ("每场…30家", "每千人口…"), if any. */
export function perOf(masked: string, start: number): string | null {
  const perMatch =
    /(?:每(?:个)?(场次|场|次|期|区市|县市区|区|县|家|所|村|镇|人)|(千人口|万人口))[^，。；,;]{0,6}$/.exec(
      masked.slice(Math.max(0, start - 14), start),
    );
  if (perMatch) return perMatch[1] ?? perMatch[2];
  // A rate per population ("每千人口…托位数") names its basis anywhere earlier in the clause.
  const perPopulation = /(千人口|万人口|十万人口)/.exec(clauseBefore(masked, start, 40, /[，,；;。]/));
  return perPopulation ? perPopulation[1] : null;
}
