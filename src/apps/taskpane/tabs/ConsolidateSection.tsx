// 填报, second half: bring the returns into the master; the report comes first, applying after.
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import { FilePicker, JobStatus, Notice, download, useJob, useStrings, useStyles } from '../common';
import { usePane } from '../context';
import type { ConsolidationView, FileIn, FileOut } from '../jobs/types';
import { ConsolidationReportView } from '../views';

export function ConsolidateSection() {
  const s = useStrings();
  const css = useStyles();
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const [master, setMaster] = React.useState<FileIn | null>(null);
  const [returns, setReturns] = React.useState<FileIn[]>([]);
  // The master defaults to the workbook opened in 校验.
  const theMaster = master ?? pane.book;
  const { mergeJob, report, setReport, merged, applied, consolidate, apply } = useConsolidation(returns, theMaster);

  return (
    <div className={css.section}>
      <Text className={css.heading}>{s.returnsConsolidate}</Text>
      {!office && (
        <FilePicker
          label={s.returnsMaster}
          files={theMaster ? [theMaster] : []}
          onFiles={(f) => {
            setMaster(f[0]);
            setReport(null);
          }}
          testId="master-file"
        />
      )}
      <FilePicker
        label={s.returnsFiles}
        multiple
        files={returns}
        onFiles={(f) => {
          setReturns(f);
          setReport(null);
        }}
        testId="return-files"
      />
      <div className={css.row}>
        <Button
          appearance="primary"
          disabled={mergeJob.busy || returns.length === 0 || (!office && !theMaster)}
          onClick={consolidate}
          data-testid="consolidate"
        >
          {s.returnsRun}
        </Button>
        {merged && (
          <Button onClick={() => download(merged)} data-testid="download-merged">
            {s.returnsDownloadMerged}
          </Button>
        )}
        {office && report && !applied && (
          <Button onClick={apply} disabled={mergeJob.busy}>
            {s.returnsApply}
          </Button>
        )}
      </div>
      <JobStatus job={mergeJob} />
      <Notice text={applied} />
      {report && <ConsolidationReportView report={report} />}
    </div>
  );
}

/** Consolidation, report first: inside Excel a preview then 应用; on the page the merged master to download. */
function useConsolidation(returns: FileIn[], theMaster: FileIn | null) {
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const mergeJob = useJob();
  const [report, setReport] = React.useState<ConsolidationView | null>(null);
  const [merged, setMerged] = React.useState<FileOut | null>(null);
  const [applied, setApplied] = React.useState<string | null>(null);

  const consolidate = async () => {
    setReport(null);
    setMerged(null);
    setApplied(null);
    if (office) {
      const out = await mergeJob.run(async (progress) =>
        (await pane.officeJobs()).previewConsolidation(returns, progress),
      );
      if (out) setReport(out);
    } else if (theMaster) {
      const m = theMaster;
      const out = await mergeJob.run(async (progress) =>
        (await pane.fileJobs()).consolidate(m, returns, progress, pane.asOf),
      );
      if (out) {
        setReport(out.report);
        setMerged(out.merged);
        setApplied(out.message);
      }
    }
  };

  const apply = async () => {
    const out = await mergeJob.run(async (progress) =>
      (await pane.officeJobs()).applyConsolidation(pane.asOf, progress),
    );
    if (out) {
      setReport(out.report);
      setApplied(out.message);
    }
  };
  return { mergeJob, report, setReport, merged, applied, consolidate, apply };
}
