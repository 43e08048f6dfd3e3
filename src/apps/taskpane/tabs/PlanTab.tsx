// 计划: pick the plan (bundled, a plan file, pasted, or the table in the current sheet), review its indicators, then
// generate. Nothing is written before the review is shown.
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Spinner,
} from '@fluentui/react-components';
import { FilePicker, JobStatus, Notice, download, useJob, useStrings, useStyles } from '../common';
import { usePane } from '../context';
import type { FileIn, PlanReview, PlanSource } from '../jobs/types';
import { PlanReviewView } from '../planReview';

const PasteBox = React.lazy(() => import(/* webpackChunkName: "paste" */ './PasteBox'));

type SourceKind = PlanSource['kind'];

/** What a plan may come in; .doc, .pdf and the like are offered too, so picking one says what to do instead. */
const PLAN_FILES = '.docx,.xlsx,.csv,.txt,.tsv,.doc,.xls,.wps,.et,.pdf';

export function PlanTab() {
  const s = useStrings();
  const css = useStyles();
  const office = usePane().mode.kind === 'office';
  const [kind, setKind] = React.useState<SourceKind>('seed');
  const [text, setText] = React.useState('');
  const [planFile, setPlanFile] = React.useState<FileIn | null>(null);
  const flow = usePlanFlow();
  const { job, review } = flow;

  return (
    <div className={css.section}>
      <SourceField
        kind={kind}
        onKind={(k) => {
          setKind(k);
          flow.setReview(null);
        }}
      />
      {kind === 'file' && (
        <FilePicker
          label={s.planFilePick}
          accept={PLAN_FILES}
          files={planFile ? [planFile] : []}
          onFiles={(f) => {
            setPlanFile(f[0]);
            // Opening a plan file reads it and shows the review at once; generating stays a separate step.
            void flow.extract({ kind: 'file', file: f[0] });
          }}
          testId="plan-file"
          disabled={job.busy}
        />
      )}
      {kind === 'text' && (
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <PasteBox
            value={text}
            onChange={(t) => {
              setText(t);
              flow.setReview(null);
            }}
            placeholder={s.planPasteHint}
          />
        </React.Suspense>
      )}
      <div className={css.row}>
        <Button
          appearance={review ? 'secondary' : 'primary'}
          disabled={job.busy || (kind === 'text' && !text.trim()) || (kind === 'file' && !planFile)}
          onClick={() => flow.extract(sourceOf(kind, text, planFile))}
          data-testid="extract"
        >
          {s.planExtract}
        </Button>
      </div>
      <JobStatus job={job} />
      {review && (
        <>
          <PlanReviewView review={review.plan} />
          <div className={css.row}>
            <Button
              appearance="primary"
              disabled={job.busy}
              onClick={() => flow.generate(false)}
              data-testid="generate"
            >
              {office ? s.planWrite : s.planDownload}
            </Button>
          </div>
        </>
      )}
      {flow.askReplace && (
        <ReplaceAsk onReplace={() => flow.generate(true)} onCancel={() => flow.setAskReplace(false)} />
      )}
      <Notice text={flow.done} testId="plan-done" />
    </div>
  );
}

/** The source the chosen kind names (the bundled plan while no file is picked). */
function sourceOf(kind: SourceKind, text: string, planFile: FileIn | null): PlanSource {
  return kind === 'text'
    ? { kind: 'text', text }
    : kind === 'sheet'
      ? { kind: 'sheet' }
      : kind === 'file' && planFile
        ? { kind: 'file', file: planFile }
        : { kind: 'seed' };
}

/** Inside Excel, asks before a new plan replaces the tracking sheet already there. */
function ReplaceAsk({ onReplace, onCancel }: { onReplace: () => void; onCancel: () => void }) {
  const s = useStrings();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{s.planReplaceAsk}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={onReplace}>
          {s.planReplace}
        </Button>
        <Button size="small" onClick={onCancel}>
          {s.cancel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Where the plan comes from; the current sheet only inside Excel. */
function SourceField({ kind, onKind }: { kind: SourceKind; onKind: (k: SourceKind) => void }) {
  const s = useStrings();
  const office = usePane().mode.kind === 'office';
  return (
    <Field label={s.planSource}>
      <RadioGroup value={kind} onChange={(_, d) => onKind(d.value as SourceKind)}>
        <Radio value="seed" label={s.planSeed} />
        <Radio value="file" label={s.planFile} data-testid="source-file" />
        <Radio value="text" label={s.planPasted} data-testid="source-text" />
        {office && <Radio value="sheet" label={s.planSheet} />}
      </RadioGroup>
    </Field>
  );
}

/** Review first, then generate: into the workbook inside Excel (asking before replacing a tracking sheet),
 *  else as a download. */
function usePlanFlow() {
  const s = useStrings();
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const job = useJob();
  const [review, setReview] = React.useState<{ source: PlanSource; plan: PlanReview } | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [askReplace, setAskReplace] = React.useState(false);

  const extract = async (src: PlanSource) => {
    setDone(null);
    setReview(null);
    const plan = await job.run(async (progress) => {
      progress(s.loading);
      const jobs = office ? await pane.officeJobs() : await pane.fileJobs();
      return jobs.reviewPlan(src);
    });
    if (plan) setReview({ source: src, plan });
  };

  const generate = async (replace = false) => {
    if (!review) return;
    setDone(null);
    setAskReplace(false);
    if (office) {
      const jobs = await job.run(() => pane.officeJobs());
      if (!jobs) return;
      if (!replace && (await job.run(() => jobs.hasTracking()))) {
        setAskReplace(true);
        return;
      }
      const said = await job.run((progress) => jobs.generate(review.source, progress));
      if (said) setDone(said);
    } else {
      const out = await job.run(async (progress) => (await pane.fileJobs()).generate(review.source, progress));
      if (out) {
        download(out);
        setDone(s.planDownloaded(out.fileName));
      }
    }
  };

  return { job, review, setReview, done, askReplace, setAskReplace, extract, generate };
}
