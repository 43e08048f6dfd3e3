// 填报, first half: make every lead unit's return form (new workbooks inside Excel, a zip on the page).
import * as React from 'react';
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { JobStatus, Notice, download, useJob, useStrings, useStyles } from '../common';
import { usePane } from '../context';
import type { FileOut } from '../jobs/types';

interface MadeForms {
  zip: FileOut;
  forms: (FileOut & { unit: string })[];
  canOpen: boolean;
  canDownload: boolean;
}

export function MakeFormsSection() {
  const s = useStrings();
  const css = useStyles();
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const formsJob = useJob();
  const [useBook, setUseBook] = React.useState(true);
  const [formsDone, setFormsDone] = React.useState<string | null>(null);
  const [forms, setForms] = React.useState<MadeForms | null>(null);

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

  return (
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
      {forms && <FormsList forms={forms} openForm={openForm} />}
    </div>
  );
}

/** The forms just made: open each in Excel and/or download it, as this host allows. */
function FormsList({ forms, openForm }: { forms: MadeForms; openForm: (f: FileOut) => void }) {
  const s = useStrings();
  const css = useStyles();
  return (
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
  );
}
