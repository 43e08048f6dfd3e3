// 未报送: lead units with nothing accepted in this run's rounds, counting earlier runs of the same round.
import { cellText as text } from '../text';
import type { Fresh, Rejection } from './accept';
import { SENDER_FIELD } from './fields';
import type { ExistingLog } from './log';
import { MasterView, masterUnits } from './master';

/** The rounds this run's forms name (accepted ones first), each once. */
export function roundsOf(accepted: Fresh[], rejected: Rejection[]): string[] {
  return [...new Set([...accepted.map((a) => a.round), ...rejected.map((r) => r.round ?? '').filter(Boolean)])];
}

export function missingUnits(
  master: MasterView,
  accepted: Fresh[],
  rounds: string[],
  log: ExistingLog | undefined,
): string[] {
  const reported = new Set(accepted.map((a) => a.unit));
  for (const row of log?.rows ?? []) {
    if (text(row.action) === 'applied' && text(row.field) === SENDER_FIELD && rounds.includes(text(row.round)))
      reported.add(text(row.unit));
  }
  return masterUnits(master).filter((u) => !reported.has(u));
}
