// Every failure the pane shows is one plain sentence for the user; never a stack trace.
import type { Strings } from './strings';

/** A failure the jobs already phrased for the user (in the pane's language). */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

const CJK = /[\u4e00-\u9fff]/;

/** The sentence to show for `e`. Core InputErrors carry the user's words when they are Chinese. */
export function userMessage(e: unknown, s: Strings, fallback: string = s.errGeneric): string {
  if (!(e instanceof Error)) return fallback;
  if (e.name === 'PaneError') return e.message;
  if (e.name === 'ChunkLoadError' || /Loading chunk|Failed to fetch dynamically imported module/.test(e.message)) {
    return s.errLoadChunk;
  }
  // InputError is matched by name: importing the class would pull the core (and zod) into first paint.
  if (e.name === 'InputError' && CJK.test(e.message)) return firstLine(e.message);
  return fallback;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 300 ? line.slice(0, 300) + '…' : line;
}
