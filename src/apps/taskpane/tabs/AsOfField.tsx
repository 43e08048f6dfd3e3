import { Button, Field, Input } from '@fluentui/react-components';
import { todayIso, useStrings, useStyles } from '../common';
import { usePane } from '../context';

/** The as-of date, with quick picks for the two reporting dates of the plan's year. */
export function AsOfField() {
  const s = useStrings();
  const css = useStyles();
  const { asOf, setAsOf, bookInfo } = usePane();
  const year = bookInfo?.year ?? (Number(asOf.slice(0, 4)) || new Date().getFullYear());
  return (
    <div className={`${css.section} ${css.flat}`}>
      <Field label={s.asOf}>
        <Input type="date" value={asOf} onChange={(_, d) => d.value && setAsOf(d.value, 'typed')} data-testid="as-of" />
      </Field>
      <div className={css.quick}>
        <Button size="small" onClick={() => setAsOf(`${year}-06-30`, 'quick')} data-testid="as-of-june">
          {s.asOfJune}
        </Button>
        <Button size="small" onClick={() => setAsOf(`${year}-12-31`, 'quick')} data-testid="as-of-dec">
          {s.asOfDec}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setAsOf(todayIso(), 'typed')}>
          {s.asOfToday}
        </Button>
      </div>
    </div>
  );
}
