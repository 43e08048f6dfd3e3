// The ribbon 校验's outcome, left by the function file in same-origin localStorage (commands.ts). The pane
// shows it once: at once when it is open (storage event), else when it next opens. Kept free of Office and
// the core so it costs first paint nothing.
import * as React from 'react';

export const RIBBON_OUTCOME_KEY = 'tuijin.ribbonCheck';

export interface RibbonNote {
  ok: boolean;
  message: string;
}

/** Takes the waiting note out of storage (null when there is none or it is unreadable). */
export function takeRibbonNote(storage: Storage | undefined = globalThis.localStorage): RibbonNote | null {
  try {
    const raw = storage?.getItem(RIBBON_OUTCOME_KEY);
    if (!raw) return null;
    storage!.removeItem(RIBBON_OUTCOME_KEY);
    const v = JSON.parse(raw) as Partial<RibbonNote>;
    return typeof v.message === 'string' ? { ok: !!v.ok, message: v.message } : null;
  } catch {
    return null;
  }
}

export function useRibbonNote(active: boolean): [RibbonNote | null, () => void] {
  const [note, setNote] = React.useState<RibbonNote | null>(null);
  React.useEffect(() => {
    if (!active) return;
    setNote(takeRibbonNote());
    const onStorage = (e: StorageEvent) => {
      if (e.key === RIBBON_OUTCOME_KEY && e.newValue) setNote(takeRibbonNote());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [active]);
  return [note, () => setNote(null)];
}
