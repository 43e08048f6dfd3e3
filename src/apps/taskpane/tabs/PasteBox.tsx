// The plan-text box, loaded only when the user chooses to paste (keeps Textarea out of first paint).
import { Textarea } from '@fluentui/react-components';

export default function PasteBox(props: { value: string; onChange: (text: string) => void; placeholder: string }) {
  return (
    <Textarea
      value={props.value}
      onChange={(_, d) => props.onChange(d.value)}
      placeholder={props.placeholder}
      rows={6}
      resize="vertical"
      data-testid="plan-text"
    />
  );
}
