import { Button, Field, Input } from '@fluentui/react-components';
import { todayIso, useStrings, useStyles } from '../common';
import { usePane } from '../context';
import { closeOf } from '../../../core/period';

/** The as-of date, with quick picks for the closes of the plan year's two targets (上半年, 全年). */
export function AsOfField() {
  const s = useStrings();
  const css = useStyles();
  const { asOf, setAsOf, bookInfo } = usePane();
  const year = bookInfo?.year ?? (Number(asOf.slice(0, 4)) || new Date().getFullYear());
  const h1Close = closeOf('h1', year);
  const yearClose = closeOf('year', year);
  return (
    <div className={`${css.section} ${css.flat}`}>
      <Field label={s.asOf}>
        <Input type="date" value={asOf} onChange={(_, d) => d.value && setAsOf(d.value, 'typed')} data-testid="as-of" />
      </Field>
      <div className={css.quick}>
        <Button size="small" onClick={() => setAsOf(h1Close, 'quick')} data-testid="as-of-june">
          {s.asOfClose(h1Close)}
        </Button>
        <Button size="small" onClick={() => setAsOf(yearClose, 'quick')} data-testid="as-of-dec">
          {s.asOfClose(yearClose)}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setAsOf(todayIso(), 'typed')}>
          {s.asOfToday}
        </Button>
      </div>
    </div>
  );
}
