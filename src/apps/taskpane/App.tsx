// The pane: one line saying where it runs, then the four jobs as tabs.
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import { CLS } from './classes';
import type { Mode } from './mode';
import { isEnglish } from './mode';
import { StringsContext, todayIso, useStrings } from './common';
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
  const [tab, setTab] = React.useState<TabId>('plan');
  const pane = usePaneState(props.mode, english);
  const wait = <Spinner size="small" label={s.loading} />;
  return (
    <StringsContext.Provider value={s}>
      <PaneContext.Provider value={pane}>
        <main className={CLS.root} lang={english ? 'en' : 'zh-CN'}>
          <PaneHeader mode={props.mode} />
          <TabList
            className={CLS.tabs}
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
          <TabPanel id="plan" tab={tab} title={s.tabPlanTitle} hint={s.tabPlanHint}>
            <PlanTab />
          </TabPanel>
          {/* Each lazy tab waits inside its own (possibly hidden) box, so the plan tab never shows a spinner. */}
          <TabPanel id="check" tab={tab} title={s.tabCheckTitle} hint={s.tabCheckHint}>
            <React.Suspense fallback={wait}>
              <CheckTab />
            </React.Suspense>
          </TabPanel>
          <TabPanel id="returns" tab={tab} title={s.tabReturnsTitle} hint={s.tabReturnsHint}>
            <React.Suspense fallback={wait}>
              <ReturnsTab />
            </React.Suspense>
          </TabPanel>
          <TabPanel id="print" tab={tab} title={s.tabPrintTitle} hint={s.tabPrintHint}>
            <React.Suspense fallback={wait}>
              <PrintTab />
            </React.Suspense>
          </TabPanel>
        </main>
      </PaneContext.Provider>
    </StringsContext.Provider>
  );
}

/** What every tab shares: the host, the jobs, the workbook opened, the as-of date. */
function usePaneState(mode: Mode, english: boolean): PaneState {
  const [book, setBookState] = React.useState<{ file: FileIn | null; info: BookInfo | null }>({
    file: null,
    info: null,
  });
  const [asOf, setAsOfState] = React.useState(todayIso());
  // How the date was set: never replaced once typed; a quick pick (6月30日, 12月31日) follows the plan's year.
  const chosen = React.useRef<'none' | 'typed' | 'quick'>('none');
  return {
    mode,
    english,
    fileJobs: loadFileJobs,
    officeJobs: loadOfficeJobs,
    book: book.file,
    bookInfo: book.info,
    setBook: (file, info) => setBookState({ file, info }),
    asOf,
    setAsOf: (iso, how = 'typed') => {
      chosen.current = how;
      setAsOfState(iso);
    },
    bookYear: (year, yearClose) => {
      setAsOfState((current) => {
        if (chosen.current === 'typed') return current;
        if (chosen.current === 'quick') return `${year}${current.slice(4)}`;
        // Nothing chosen: a past year's plan is judged at its year end, not at today's date.
        return Number(current.slice(0, 4)) > year ? yearClose : current;
      });
    },
  };
}

/** Title, hint, where the pane runs, and what the ribbon's 校验 did (it has no window of its own). */
function PaneHeader({ mode }: { mode: Mode }) {
  const s = useStrings();
  const [ribbon, dismissRibbon] = useRibbonNote(mode.kind === 'office');
  const modeLine =
    mode.kind === 'office' ? s.officeMode : mode.reason === 'no-host' ? s.fileModeNoHost : s.fileModeNoOffice;
  return (
    <>
      <h1 className={CLS.heading} data-testid="app-title">
        {s.appTitle}
      </h1>
      <div className={CLS.hint} data-testid="app-hint">
        {s.appHint}
      </div>
      <MessageBar intent="info" data-testid="mode" data-mode={mode.kind}>
        <MessageBarBody>{modeLine}</MessageBarBody>
      </MessageBar>
      {ribbon && (
        <MessageBar
          intent={ribbon.ok ? 'success' : 'error'}
          data-testid="ribbon-note"
          layout="multiline"
          onClick={dismissRibbon}
        >
          <MessageBarBody>{ribbon.message}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** One tab's box, with its title and hint; hidden, not unmounted, when another tab is chosen. */
function TabPanel(props: { id: TabId; tab: TabId; title: string; hint: string; children: React.ReactNode }) {
  return (
    <div hidden={props.tab !== props.id} data-testid={`tab-${props.id}`}>
      <div className={CLS.section}>
        <div className={CLS.heading}>{props.title}</div>
        <div className={CLS.hint}>{props.hint}</div>
      </div>
      {props.children}
    </div>
  );
}
