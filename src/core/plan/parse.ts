import { Plan } from '../model';
/** Parses plan-table text (the seed's shape, or tab-separated rows pasted from Excel/Word). */
export function parsePlan(text: string): Plan {
  void text;
  throw new Error('todo');
}
