// 打印: the annotated workbook with its print setup, and the 通报 paragraph to paste into a report.
import * as React from 'react';
import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { JobStatus, Notice, download, useJob, useStrings, useStyles } from '../common';
import { usePane } from '../context';
import { AsOfField } from './AsOfField';
import { BookPicker } from './CheckTab';

export function PrintTab() {
  const s = useStrings();
  const css = useStyles();
  const pane = usePane();
  const office = pane.mode.kind === 'office';
  const job = useJob();
  const [bulletin, setBulletin] = React.useState<string | null>(null);
  const [note, setNote] = React.useState<string | null>(null);

  const run = async () => {
    setNote(null);
    if (office) {
      const out = await job.run(async (progress) => (await pane.officeJobs()).print(pane.asOf, progress));
      if (out) {
        setBulletin(out.bulletin);
        setNote(out.note);
      }
    } else if (pane.book) {
      const book = pane.book;
      const out = await job.run(async (progress) => (await pane.fileJobs()).printCopy(book, pane.asOf, progress));
      if (out) {
        download(out.file);
        setBulletin(out.bulletin);
        setNote(s.planDownloaded(out.file.fileName));
      }
    }
  };

  const area = React.useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    if (!bulletin) return;
    const done = await copyText(bulletin, area.current);
    setNote(done === 'copied' ? s.copied : s.copySelected);
  };

  return (
    <div className={css.section}>
      <Text size={200} className={css.hint}>
        {s.printHint}
      </Text>
      {!office && <BookPicker testId="print-file" />}
      <AsOfField />
      <div className={css.row}>
        <Button appearance="primary" disabled={job.busy || (!office && !pane.book)} onClick={run} data-testid="print">
          {office ? s.printApply : s.printDownload}
        </Button>
      </div>
      <JobStatus job={job} />
      <Notice text={note} testId="print-done" />
      {bulletin !== null && (
        <>
          <Field label={s.bulletin}>
            <Textarea ref={area} value={bulletin} readOnly rows={8} resize="vertical" data-testid="bulletin" />
          </Field>
          <div className={css.row}>
            <Button onClick={copy} data-testid="copy-bulletin">
              {s.copy}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/**
 * Copies text: the Clipboard API first; where the host's frame blocks it (Office on the web lacks
 * clipboard-write), the older execCommand('copy') on the selected text; failing both, the text is left
 * selected for the user's own Ctrl+C.
 */
export async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    // Blocked or missing: fall through.
  }
  if (!area) return 'selected';
  area.focus();
  area.select();
  try {
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // Not allowed either: the selection stays for Ctrl+C.
  }
  return 'selected';
}
