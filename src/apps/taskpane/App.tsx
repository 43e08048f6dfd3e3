// The pane: one line saying where it runs, then the four jobs as tabs.
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import { CLS } from './classes';
import type { Mode } from './mode';
import { isEnglish } from './mode';
import { StringsContext, todayIso } from './common';
import { stringsFor } from './strings';
import type { BookInfo, FileIn } from './jobs/types';
import { PaneContext, type PaneState } from './context';
import { PlanTab } from './tabs/PlanTab';
import { useRibbonNote } from './ribbonNote';

// The first tab paints at once; the others (and their Fluent parts) load right after.
const loadCheck = () => import(/* webpackChunkName: "tab-check" */ './tabs/CheckTab');
const loadReturns = () => import(/* webpackChunkName: "tab-returns" */ './tabs/ReturnsTab');
const loadPrint = () => import(/* webpackChunkName: "tab-print" */ './tabs/PrintTab');
const CheckTab = React.lazy(() => loadCheck().then((m) => ({ default: m.CheckTab })));
const ReturnsTab = React.lazy(() => loadReturns().then((m) => ({ default: m.ReturnsTab })));
const PrintTab = React.lazy(() => loadPrint().then((m) => ({ default: m.PrintTab })));

const loadFileJobs = () => import(/* webpackChunkName: "file-jobs" */ './jobs/file').then((m) => m.fileJobs);
const loadOfficeJobs = () => import(/* webpackChunkName: "office-jobs" */ './jobs/office').then((m) => m.officeJobs);


type TabId = 'plan' | 'check' | 'returns' | 'print';

export function App(props: { mode: Mode }) {
  const english = isEnglish(props.mode) || new URLSearchParams(location.search).get('lang') === 'en';
  const s = stringsFor(english);
  const css = CLS;
  const [tab, setTab] = React.useState<TabId>('plan');
  const [book, setBookState] = React.useState<{ file: FileIn | null; info: BookInfo | null }>({ file: null, info: null });
  const [asOf, setAsOf] = React.useState(todayIso());
  const pane: PaneState = {
    mode: props.mode,
    english,
    fileJobs: loadFileJobs,
    officeJobs: loadOfficeJobs,
    book: book.file,
    bookInfo: book.info,
    setBook: (file, info) => setBookState({ file, info }),
    asOf,
    setAsOf,
  };
  // What the ribbon's 校验 did, since it has no window of its own.
  const [ribbon, dismissRibbon] = useRibbonNote(props.mode.kind === 'office');
  const modeLine =
    props.mode.kind === 'office' ? s.officeMode : props.mode.reason === 'no-host' ? s.fileModeNoHost : s.fileModeNoOffice;
  return (
    <StringsContext.Provider value={s}>
      <PaneContext.Provider value={pane}>
        <main className={css.root} lang={english ? 'en' : 'zh-CN'}>
          <MessageBar intent="info" data-testid="mode" data-mode={props.mode.kind}>
            <MessageBarBody>{modeLine}</MessageBarBody>
          </MessageBar>
          {ribbon && (
            <MessageBar intent={ribbon.ok ? 'success' : 'error'} data-testid="ribbon-note" layout="multiline" onClick={dismissRibbon}>
              <MessageBarBody>{ribbon.message}</MessageBarBody>
            </MessageBar>
          )}
          <TabList
            className={css.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            size="medium"
          >
            <Tab value="plan">{s.tabPlan}</Tab>
            <Tab value="check">{s.tabCheck}</Tab>
            <Tab value="returns">{s.tabReturns}</Tab>
            <Tab value="print">{s.tabPrint}</Tab>
          </TabList>
          {/* Tabs stay mounted so switching keeps what the user chose and saw. */}
          <div hidden={tab !== 'plan'} data-testid="tab-plan">
            <PlanTab />
          </div>
          {/* Each lazy tab waits inside its own (possibly hidden) box, so the plan tab never shows a spinner. */}
          <div hidden={tab !== 'check'} data-testid="tab-check">
            <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <CheckTab />
            </React.Suspense>
          </div>
          <div hidden={tab !== 'returns'} data-testid="tab-returns">
            <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <ReturnsTab />
            </React.Suspense>
          </div>
          <div hidden={tab !== 'print'} data-testid="tab-print">
            <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <PrintTab />
            </React.Suspense>
          </div>
        </main>
      </PaneContext.Provider>
    </StringsContext.Provider>
  );
}

