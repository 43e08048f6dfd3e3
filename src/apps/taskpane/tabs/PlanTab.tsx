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
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const job = useJob();
  const [kind, setKind] = React.useState<SourceKind>('seed');
  const [text, setText] = React.useState('');
  const [planFile, setPlanFile] = React.useState<FileIn | null>(null);
  const [review, setReview] = React.useState<{ source: PlanSource; plan: PlanReview } | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [askReplace, setAskReplace] = React.useState(false);

  const source = (): PlanSource =>
    kind === 'text'
      ? { kind: 'text', text }
      : kind === 'sheet'
        ? { kind: 'sheet' }
        : kind === 'file' && planFile
          ? { kind: 'file', file: planFile }
          : { kind: 'seed' };

  const extract = async (src: PlanSource = source()) => {
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

  return (
    <div className={css.section}>
      <Field label={s.planSource}>
        <RadioGroup
          value={kind}
          onChange={(_, d) => {
            setKind(d.value as SourceKind);
            setReview(null);
          }}
        >
          <Radio value="seed" label={s.planSeed} />
          <Radio value="file" label={s.planFile} data-testid="source-file" />
          <Radio value="text" label={s.planPasted} data-testid="source-text" />
          {office && <Radio value="sheet" label={s.planSheet} />}
        </RadioGroup>
      </Field>
      {kind === 'file' && (
        <FilePicker
          label={s.planFilePick}
          accept={PLAN_FILES}
          files={planFile ? [planFile] : []}
          onFiles={(f) => {
            setPlanFile(f[0]);
            // Opening a plan file reads it and shows the review at once; generating stays a separate step.
            void extract({ kind: 'file', file: f[0] });
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
              setReview(null);
            }}
            placeholder={s.planPasteHint}
          />
        </React.Suspense>
      )}
      <div className={css.row}>
        <Button
          appearance={review ? 'secondary' : 'primary'}
          disabled={job.busy || (kind === 'text' && !text.trim()) || (kind === 'file' && !planFile)}
          onClick={() => extract()}
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
            <Button appearance="primary" disabled={job.busy} onClick={() => generate(false)} data-testid="generate">
              {office ? s.planWrite : s.planDownload}
            </Button>
          </div>
        </>
      )}
      {askReplace && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.planReplaceAsk}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" onClick={() => generate(true)}>
              {s.planReplace}
            </Button>
            <Button size="small" onClick={() => setAskReplace(false)}>
              {s.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Notice text={done} testId="plan-done" />
    </div>
  );
}
