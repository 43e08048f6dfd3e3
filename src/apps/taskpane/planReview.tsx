// The extracted indicators, shown for review before anything is generated; and the list styles the views share.
import { Text } from '@fluentui/react-components';
import { CLS } from './classes';

export const useViewStyles = () => CLS;
import type { PlanReview } from './jobs/types';
import { useStrings } from './common';

const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

export function PlanReviewView(props: { review: PlanReview }) {
  const s = useStrings();
  const css = useViewStyles();
  const { review } = props;
  const flagged = review.indicators.filter((ind) => ind.review).length;
  return (
    <div data-testid="plan-review">
      <Text block weight="semibold">
        {review.title}
      </Text>
      <Text block>{s.planReviewTitle(review.indicators.length, review.itemCount)}</Text>
      {review.notes.length > 0 && (
        <div data-testid="plan-notes">
          <Text block weight="semibold">
            {s.planNotes}
          </Text>
          <ul>
            {review.notes.map((n, i) => (
              <li key={i}>
                <Text size={200}>{n}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {flagged > 0 && (
        <Text block className={css.warn}>
          {s.planFlagged(flagged)}
        </Text>
      )}
      {review.warnings.length > 0 && (
        <div>
          <Text block weight="semibold" className={css.warn}>
            {s.planWarnings}
          </Text>
          <ul>
            {review.warnings.map((w, i) => (
              <li key={i}>
                <Text size={200}>{w}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={css.scroll}>
        <ul className={css.list}>
          {review.indicators.map((ind) => (
            <li key={ind.id} className={css.item} data-review={ind.review ? 'yes' : undefined}>
              <span className={css.line}>
                <Text className={css.id}>{ind.id}</Text>
                {ind.review && (
                  <Text weight="semibold" className={css.warn}>
                    [{s.needsReview}]
                  </Text>
                )}
                <Text>{ind.label}</Text>
              </span>
              {ind.review && (
                <Text size={200} className={css.warn}>
                  {ind.review}
                </Text>
              )}
              <Text className={css.sub}>
                {ind.milestone
                  ? `${s.milestone}${ind.deadline ? ` · ${s.dueBy(ind.deadline)}` : ''}`
                  : `${s.colH1} ${fmt(ind.h1)} · ${s.colAnnual} ${fmt(ind.annual)}${ind.unit ? ` ${ind.unit}` : ''}${
                      ind.deadline ? ` · ${s.dueBy(ind.deadline)}` : ''
                    }`}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
