// Small building blocks shared by the tabs: file picker, progress, error bar, the job runner.
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
} from '@fluentui/react-components';
import type { FileIn, FileOut } from './jobs/types';
import { CLS } from './classes';

export const useStyles = () => CLS;
import { userMessage } from './errors';
import type { Strings } from './strings';

export const StringsContext = React.createContext<Strings>(null as unknown as Strings);
export const useStrings = () => React.useContext(StringsContext);

export function FilePicker(props: {
  label: string;
  multiple?: boolean;
  files: FileIn[];
  onFiles: (files: FileIn[]) => void;
  testId: string;
  disabled?: boolean;
  /** File types offered in the picker; .xlsx when not given. */
  accept?: string;
}) {
  const s = useStrings();
  const css = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const onChange = async (ev: React.ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(ev.target.files ?? []);
    const read = await Promise.all(
      list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    // Let the same file be picked again after a fix.
    ev.target.value = '';
    if (read.length) props.onFiles(read);
  };
  return (
    <div className={`${css.section} ${css.flat}`}>
      <Text weight="semibold">{props.label}</Text>
      <div className={css.row}>
        <Button disabled={props.disabled} onClick={() => input.current?.click()}>
          {s.chooseFile}
        </Button>
        <Text className={css.fileName} data-testid={`${props.testId}-name`}>
          {props.files.length ? props.files.map((f) => f.name).join('、') : s.noFile}
        </Text>
      </div>
      <input
        ref={input}
        className={css.hiddenInput}
        type="file"
        accept={props.accept ?? '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}
        multiple={props.multiple}
        onChange={onChange}
        data-testid={props.testId}
      />
    </div>
  );
}

export interface JobState {
  busy: boolean;
  note: string;
  fraction?: number;
  error: string | null;
}

/** Runs one job at a time for a tab: progress while it runs, a plain sentence when it fails. */
export function useJob() {
  const s = useStrings();
  const [state, setState] = React.useState<JobState>({ busy: false, note: '', error: null });
  const run = React.useCallback(
    async <T,>(work: (progress: (note: string, fraction?: number) => void) => Promise<T>, fallback?: string) => {
      setState({ busy: true, note: s.working, error: null });
      const progress = (note: string, fraction?: number) => setState((st) => ({ ...st, note, fraction }));
      try {
        const out = await work(progress);
        setState({ busy: false, note: '', error: null });
        return out;
      } catch (e) {
        console.error(e);
        setState({ busy: false, note: '', error: userMessage(e, s, fallback) });
        return undefined;
      }
    },
    [s],
  );
  const clearError = React.useCallback(() => setState((st) => ({ ...st, error: null })), []);
  const fail = React.useCallback((message: string) => setState({ busy: false, note: '', error: message }), []);
  return { ...state, run, clearError, fail };
}

export function JobStatus(props: { job: JobState & { clearError: () => void } }) {
  const s = useStrings();
  const { job } = props;
  return (
    <>
      {job.busy &&
        (job.fraction !== undefined ? (
          <div role="status" aria-live="polite">
            <Text size={200}>{job.note}</Text>
            <ProgressBar value={job.fraction} max={1} />
          </div>
        ) : (
          <Spinner size="tiny" labelPosition="after" label={job.note} role="status" />
        ))}
      {job.error && (
        <MessageBar intent="error" data-testid="error" layout="multiline">
          <MessageBarBody>{job.error}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={job.clearError}>
                {s.dismiss}
              </Button>
            }
          />
        </MessageBar>
      )}
    </>
  );
}

export function Notice(props: { text: string | null; testId?: string }) {
  if (!props.text) return null;
  return (
    <MessageBar intent="success" data-testid={props.testId}>
      <MessageBarBody>{props.text}</MessageBarBody>
    </MessageBar>
  );
}

/** Saves bytes as a download; the file never leaves the machine. */
export function download(out: FileOut): void {
  const blob = new Blob([out.bytes as BlobPart], { type: out.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = out.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
