// 校验: judge the entered figures at an as-of date and show them grouped by status.
import * as React from 'react';
import { Button, Switch, Text } from '@fluentui/react-components';
import { FilePicker, JobStatus, download, useJob, useStrings, useStyles } from '../common';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { usePane } from '../context';
import { AsOfField } from './AsOfField';
import { closeOf } from '../../../core/period';
import type { CheckView, FileIn, FileOut } from '../jobs/types';
import { ResultGroups } from '../views';

/** Opens a tracking workbook for the file-mode tabs; a broken file fails here, with a plain sentence. */
export function BookPicker(props: { testId: string }) {
  const s = useStrings();
  const pane = usePane();
  const job = useJob();
  const open = async (files: FileIn[]) => {
    const file = files[0];
    pane.setBook(null, null);
    const info = await job.run(async (progress) => {
      progress(s.loading);
      return (await pane.fileJobs()).openBook(file);
    }, s.errNotXlsx);
    if (info) {
      pane.setBook(file, info);
      pane.bookYear(info.year, closeOf('year', info.year));
    }
  };
  return (
    <>
      <FilePicker
        label={s.openWorkbook}
        files={pane.book ? [pane.book] : []}
        onFiles={open}
        testId={props.testId}
        disabled={job.busy}
      />
      {pane.bookInfo && (
        <Text size={200} data-testid={`${props.testId}-info`}>
          {s.bookInfo(pane.bookInfo.title, pane.bookInfo.indicators)}
        </Text>
      )}
      <JobStatus job={job} />
    </>
  );
}

export function CheckTab() {
  const s = useStrings();
  const css = useStyles();
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const job = useJob();
  const { view, annotated, check } = useCheckRun(job);
  const { live, liveNote, toggleLive } = useLiveValidation(job);

  const select = office
    ? (row: { id: string }) => void job.run(async () => (await pane.officeJobs()).selectIndicator(row.id))
    : undefined;

  return (
    <div className={css.section}>
      {!office && <BookPicker testId="check-file" />}
      <AsOfField />
      <div className={css.row}>
        <Button
          appearance="primary"
          disabled={job.busy || (!office && !pane.book)}
          onClick={check}
          data-testid="run-check"
        >
          {s.runCheck}
        </Button>
        {annotated && (
          <Button onClick={() => download(annotated)} data-testid="download-annotated">
            {s.downloadAnnotated}
          </Button>
        )}
      </div>
      {office && <Switch checked={live} onChange={(_, d) => toggleLive(d.checked)} label={s.liveCheck} />}
      {office && live && liveNote && (
        <MessageBar intent="info" data-testid="live-note" layout="multiline">
          <MessageBarBody>{liveNote}</MessageBarBody>
        </MessageBar>
      )}
      <JobStatus job={job} />
      {view ? (
        <ResultGroups view={view} english={pane.english} onSelect={select} />
      ) : (
        <Text className={css.hint}>{s.noResults}</Text>
      )}
    </div>
  );
}

type Job = ReturnType<typeof useJob>;

/** Checking on demand: in the workbook inside Excel, else the opened file (plus its annotated copy). */
function useCheckRun(job: Job) {
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const [view, setView] = React.useState<CheckView | null>(null);
  const [annotated, setAnnotated] = React.useState<FileOut | null>(null);

  // A new workbook or date makes old results stale.
  React.useEffect(() => {
    setView(null);
    setAnnotated(null);
  }, [pane.book, pane.asOf]);

  const check = async () => {
    if (office) {
      const out = await job.run(async (progress) => (await pane.officeJobs()).check(pane.asOf, progress));
      if (out) setView(out);
    } else if (pane.book) {
      const book = pane.book;
      const out = await job.run(async (progress) => (await pane.fileJobs()).check(book, pane.asOf, progress));
      if (out) {
        setView(out.view);
        setAnnotated(out.annotated);
      }
    }
  };
  return { view, annotated, check };
}

/** Live validation inside Excel, on by default: typing a figure re-judges its row. */
function useLiveValidation(job: Job) {
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const [live, setLive] = React.useState(true);
  const [liveNote, setLiveNote] = React.useState<string | null>(null);
  // Live validation judges at the date chosen here; a ref so the running session sees changes.
  const asOfRef = React.useRef(pane.asOf);
  asOfRef.current = pane.asOf;
  const toggleLive = React.useCallback(
    async (on: boolean) => {
      setLive(on);
      const note = await job.run(async () =>
        (await pane.officeJobs()).setLiveValidation(
          on,
          () => asOfRef.current,
          (message) => job.fail(message),
        ),
      );
      setLiveNote(note ?? null);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once: `pane` and `job` change every render, and the running session reads the date through asOfRef
    [],
  );
  // On by default in Excel: typing a figure re-judges its row.
  React.useEffect(() => {
    if (office) void toggleLive(true);
  }, [office, toggleLive]);
  return { live, liveNote, toggleLive };
}
