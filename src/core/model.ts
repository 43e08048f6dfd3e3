// The plan model: what a 重要事项推进计划表 says, as data. Everything else reads these types.
import { z } from 'zod';
import type { Status } from './status';

export const SCHEMA_VERSION = 1;

/** count: additive (H1 + H2 = year); level: a stock reached by a date; ratio: a rate that doesn't add;
 *  change: a change against last year; milestone: something done by a date. */
const IndicatorKindSchema = z.enum(['count', 'level', 'ratio', 'change', 'milestone']);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

export const ComparatorSchema = z.enum(['>=', '<=', '≈', '=']);
export type Comparator = z.infer<typeof ComparatorSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const IndicatorSchema = z.object({
  /** "<序号>.<k>", k in order of appearance in 年度任务目标, then the half-year cells. */
  id: z.string().regex(/^\d+\.\d+$/),
  /** 序号 of the item it belongs to. */
  item: z.number().int().positive(),
  label: z.string(),
  /** Base unit: 人, 场次, %, 个百分点, 个, … ('' for milestones). */
  unit: z.string(),
  kind: IndicatorKindSchema,
  comparator: ComparatorSchema,
  annual: z.number().nullable(),
  h1: z.number().nullable(),
  /** The second half's own figure as written (not cumulative). */
  h2: z.number().nullable(),
  deadline: isoDate.nullable(),
  /** Per-event figures ("每场涵盖30家企业"): the event unit, else null. */
  per: z.string().nullable(),
  /** The words it came from. */
  source: z.string(),
  /** Why a person should check it (Chinese), or null when the reading is sure. */
  review: z.string().nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const PlanItemSchema = z.object({
  no: z.number().int().positive(),
  name: z.string().min(1),
  summary: z.string(),
  annualGoal: z.string(),
  h1Plan: z.string(),
  h2Plan: z.string(),
  leadUnits: z.array(z.string().min(1)),
  indicators: z.array(IndicatorSchema),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

const PlanWarningSchema = z.object({
  /** 序号, or null for a warning about a line that isn't an item. */
  item: z.number().int().nullable(),
  message: z.string(),
});
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const PlanSchema = z.object({
  title: z.string(),
  year: z.number().int(),
  items: z.array(PlanItemSchema),
  warnings: z.array(PlanWarningSchema),
});
export type Plan = z.infer<typeof PlanSchema>;

export { STATUSES, STATUS_LABEL, type Status } from './status';

/** What a person typed into an entry cell, as read from a workbook. */
export type EntryValue = string | number | boolean | Date | null;

export interface Entry {
  id: string;
  h1: EntryValue;
  annual: EntryValue;
  /** The cell is formatted as a percentage (Excel stores 22% as 0.22). */
  h1Percent?: boolean;
  annualPercent?: boolean;
}

export interface Judgement {
  id: string;
  item: number;
  status: Status;
  /** Parsed figures (null when blank or unreadable). */
  h1Actual: number | null;
  annualActual: number | null;
  /** 上半年完成率: the H1 figure against the H1 target, in percent (null without both, or for a ≤ target). */
  h1Rate: number | null;
  /** 全年完成率: the year's figure (before the close, the latest one) against the annual target, in percent. */
  annualRate: number | null;
  /** Chinese 说明 with the gap. */
  message: string;
}

export { InputError } from './errors';
