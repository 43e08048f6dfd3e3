// Read-only views of what the jobs return: extracted indicators, grouped check results, the consolidation report.
// Workbook text is only ever rendered as React text, never as HTML.
import { Badge, Text } from '@fluentui/react-components';
import type { Status } from '../../core/model';
import type { CheckView, ConsolidationView, ResultRow } from './jobs/types';
import { STATUS_MARK, STATUS_ORDER, STATUS_TEXT } from './strings';
import { useStrings } from './common';
import { useViewStyles } from './planReview';

/** Colours follow the workbook's fills; the mark (as in 状态) keeps the status readable without colour. */
const STATUS_COLOR: Record<
  Status,
  'danger' | 'warning' | 'success' | 'informative' | 'subtle' | 'important' | 'brand'
> = {
  shortfall: 'danger',
  'at-risk': 'warning',
  invalid: 'important',
  missing: 'informative',
  'on-track': 'brand',
  met: 'success',
  'not-due': 'subtle',
};

function StatusBadge(props: { status: Status; english: boolean; count?: number }) {
  const word = STATUS_TEXT[props.english ? 'en' : 'zh'][props.status];
  return (
    <Badge appearance="tint" color={STATUS_COLOR[props.status]} shape="rounded">
      {STATUS_MARK[props.status]} {word}
      {props.count !== undefined ? ` ${props.count}` : ''}
    </Badge>
  );
}

export function ResultGroups(props: { view: CheckView; english: boolean; onSelect?: (row: ResultRow) => void }) {
  const s = useStrings();
  const css = useViewStyles();
  const groups = STATUS_ORDER.map((status) => ({
    status,
    rows: props.view.rows.filter((r) => r.status === status),
  })).filter((g) => g.rows.length > 0);
  const select = props.onSelect;
  return (
    <div data-testid="results">
      <Text block weight="semibold">
        {s.resultTitle(props.view.asOf, props.view.rows.length)}
      </Text>
      <div className={css.counts} data-testid="result-counts">
        {groups.map((g) => (
          <StatusBadge key={g.status} status={g.status} english={props.english} count={g.rows.length} />
        ))}
      </div>
      {select && (
        <Text block size={200} className={css.sub}>
          {s.selectRowHint}
        </Text>
      )}
      {groups.map((g) => (
        <section key={g.status} className={css.group} data-testid={`group-${g.status}`} data-count={g.rows.length}>
          <div className={css.groupHead}>
            <StatusBadge status={g.status} english={props.english} />
            <Text weight="semibold">{g.rows.length}</Text>
          </div>
          <ul className={css.list}>
            {g.rows.map((r) => (
              <li
                key={r.id}
                data-id={r.id}
                className={select ? `${css.item} ${css.clickable}` : css.item}
                tabIndex={select ? 0 : undefined}
                role={select ? 'button' : undefined}
                onClick={select ? () => select(r) : undefined}
                onKeyDown={select ? (e) => (e.key === 'Enter' || e.key === ' ') && select(r) : undefined}
              >
                <span className={css.line}>
                  <Text className={css.id}>{r.id}</Text>
                  <Text>{r.label}</Text>
                </span>
                {/* The core's 说明 already carries the rate and the gap. */}
                <Text className={css.sub}>{r.message}</Text>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ConsolidationReportView(props: { report: ConsolidationView }) {
  const s = useStrings();
  const css = useViewStyles();
  const r = props.report;
  return (
    <div data-testid="report">
      <div className={css.counts}>
        <Badge appearance="tint" color="success" shape="rounded" data-testid="report-applied">
          {s.reportApplied(r.applied)}
        </Badge>
        <Badge appearance="tint" color={r.conflicts.length ? 'warning' : 'subtle'} shape="rounded">
          {s.reportConflicts(r.conflicts.length)}
        </Badge>
        <Badge appearance="tint" color={r.rejected.length ? 'danger' : 'subtle'} shape="rounded">
          {s.reportRejected(r.rejected.length)}
        </Badge>
        <Badge appearance="tint" color={r.missingUnits.length ? 'informative' : 'subtle'} shape="rounded">
          {s.reportMissing(r.missingUnits.length)}
        </Badge>
      </div>
      {r.conflicts.length > 0 && (
        <section className={css.group} data-testid="report-conflicts">
          <Text block className={css.groupHead}>
            {s.reportConflicts(r.conflicts.length)}
          </Text>
          <ul className={css.list}>
            {r.conflicts.map((c) => (
              <li key={`${c.id}|${c.field}`} className={css.item}>
                <span className={css.line}>
                  <Text className={css.id}>{c.id}</Text>
                  <Text>
                    {c.field}：{c.values.map((v) => `${v.unit} ${v.value}`).join('；')}
                  </Text>
                </span>
                <Text className={css.sub}>{s.reportChosen(c.chosen)}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.rejected.length > 0 && (
        <section className={css.group} data-testid="report-rejected">
          <Text block className={css.groupHead}>
            {s.reportRejected(r.rejected.length)}
          </Text>
          <ul className={css.list}>
            {r.rejected.map((x, i) => (
              <li key={i} className={css.item}>
                <Text weight="semibold">{x.file}</Text>
                <Text className={css.sub}>{x.reason}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className={css.group} data-testid="report-missing">
        <Text block className={css.groupHead}>
          {s.reportMissing(r.missingUnits.length)}
        </Text>
        <Text block size={200}>
          {r.missingUnits.length ? r.missingUnits.join('、') : s.reportNone}
        </Text>
      </section>
    </div>
  );
}
