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
  const [book, setBookState] = React.useState<{ file: FileIn | null; info: BookInfo | null }>({
    file: null,
    info: null,
  });
  const [asOf, setAsOfState] = React.useState(todayIso());
  // How the date was set: never replaced once typed; a quick pick (6月30日, 12月31日) follows the plan's year.
  const chosen = React.useRef<'none' | 'typed' | 'quick'>('none');
  const pane: PaneState = {
    mode: props.mode,
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
  const intro = (title: string, hint: string) => (
    <div className={css.section}>
      <div className={css.heading}>{title}</div>
      <div className={css.hint}>{hint}</div>
    </div>
  );
  // What the ribbon's 校验 did, since it has no window of its own.
  const [ribbon, dismissRibbon] = useRibbonNote(props.mode.kind === 'office');
  const modeLine =
    props.mode.kind === 'office'
      ? s.officeMode
      : props.mode.reason === 'no-host'
        ? s.fileModeNoHost
        : s.fileModeNoOffice;
  return (
    <StringsContext.Provider value={s}>
      <PaneContext.Provider value={pane}>
        <main className={css.root} lang={english ? 'en' : 'zh-CN'}>
          <h1 className={css.heading} data-testid="app-title">
            {s.appTitle}
          </h1>
          <div className={css.hint} data-testid="app-hint">
            {s.appHint}
          </div>
          <MessageBar intent="info" data-testid="mode" data-mode={props.mode.kind}>
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
            {intro(s.tabPlanTitle, s.tabPlanHint)}
            <PlanTab />
          </div>
          {/* Each lazy tab waits inside its own (possibly hidden) box, so the plan tab never shows a spinner. */}
          <div hidden={tab !== 'check'} data-testid="tab-check">
            {intro(s.tabCheckTitle, s.tabCheckHint)}
            <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <CheckTab />
            </React.Suspense>
          </div>
          <div hidden={tab !== 'returns'} data-testid="tab-returns">
            {intro(s.tabReturnsTitle, s.tabReturnsHint)}
            <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <ReturnsTab />
            </React.Suspense>
          </div>
          <div hidden={tab !== 'print'} data-testid="tab-print">
            {intro(s.tabPrintTitle, s.tabPrintHint)}
            <React.Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <PrintTab />
            </React.Suspense>
          </div>
        </main>
      </PaneContext.Provider>
    </StringsContext.Provider>
  );
}
