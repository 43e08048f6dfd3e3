// 填报: make every lead unit's return form; bring the returns back into the master, report first.
import * as React from 'react';
import { Button, Checkbox, Divider, Text } from '@fluentui/react-components';
import { FilePicker, JobStatus, Notice, download, useJob, useStrings, useStyles } from '../common';
import { usePane } from '../context';
import type { ConsolidationView, FileIn, FileOut } from '../jobs/types';
import { ConsolidationReportView } from '../views';

export function ReturnsTab() {
  const s = useStrings();
  const css = useStyles();
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const formsJob = useJob();
  const mergeJob = useJob();
  const [useBook, setUseBook] = React.useState(true);
  const [formsDone, setFormsDone] = React.useState<string | null>(null);
  const [master, setMaster] = React.useState<FileIn | null>(null);
  const [returns, setReturns] = React.useState<FileIn[]>([]);
  const [report, setReport] = React.useState<ConsolidationView | null>(null);
  const [merged, setMerged] = React.useState<FileOut | null>(null);
  const [applied, setApplied] = React.useState<string | null>(null);
  const [forms, setForms] = React.useState<{
    zip: FileOut;
    forms: (FileOut & { unit: string })[];
    canOpen: boolean;
    canDownload: boolean;
  } | null>(null);

  // The master defaults to the workbook opened in 校验.
  const theMaster = master ?? pane.book;

  const makeForms = async () => {
    setFormsDone(null);
    setForms(null);
    if (office) {
      const out = await formsJob.run(async (progress) => (await pane.officeJobs()).returnForms(progress));
      if (out) setForms(out);
      return;
    }
    const out = await formsJob.run(async (progress) =>
      (await pane.fileJobs()).returnForms(useBook ? pane.book : null, progress),
    );
    if (out) {
      download(out);
      setFormsDone(s.planDownloaded(out.fileName));
    }
  };

  const openForm = (f: FileOut) => void formsJob.run(async () => (await pane.officeJobs()).openInExcel(f));

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

  return (
    <div>
      <div className={css.section}>
        <Text className={css.heading}>{s.returnsMake}</Text>
        <Text size={200} className={css.hint}>
          {s.returnsMakeHint}
        </Text>
        {!office && pane.book && (
          <Checkbox
            checked={useBook}
            onChange={(_, d) => setUseBook(!!d.checked)}
            label={`${s.returnsFromBook}：${pane.book.name}`}
          />
        )}
        <div className={css.row}>
          <Button appearance="primary" disabled={formsJob.busy} onClick={makeForms} data-testid="make-returns">
            {office ? s.returnsCreateBooks : s.returnsDownloadZip}
          </Button>
        </div>
        <JobStatus job={formsJob} />
        <Notice text={formsDone} />
        {forms && (
          <>
            {/* Inside Excel the sure way is a new workbook (Excel.createWorkbook); downloads only where they work. */}
            {forms.canOpen && (
              <Text size={200} className={css.hint} data-testid="returns-open-hint">
                {s.returnsOpenHint}
              </Text>
            )}
            {!forms.canDownload && (
              <Text size={200} className={css.hint} data-testid="returns-no-download">
                {s.returnsNoDownloadMac}
              </Text>
            )}
            {forms.canDownload && (
              <div className={css.row}>
                <Button onClick={() => download(forms.zip)} data-testid="returns-zip">
                  {s.returnsDownloadZip}
                </Button>
              </div>
            )}
            <ul className={css.list}>
              {forms.forms.map((f) => (
                <li key={f.unit} className={css.item}>
                  <Text>{f.unit}</Text>
                  <span className={css.row}>
                    {forms.canOpen && (
                      <Button size="small" appearance="primary" onClick={() => openForm(f)} data-testid="open-form">
                        {s.openInExcel}
                      </Button>
                    )}
                    {forms.canDownload && (
                      <Button size="small" onClick={() => download(f)}>
                        {s.download}
                      </Button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <Divider />
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
    </div>
  );
}
