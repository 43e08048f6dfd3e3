// 填报: make every lead unit's return form; bring the returns back into the master, report first.
import { Divider } from '@fluentui/react-components';
import { ConsolidateSection } from './ConsolidateSection';
import { MakeFormsSection } from './MakeFormsSection';

export function ReturnsTab() {
  return (
    <div>
      <MakeFormsSection />
      <Divider />
      <ConsolidateSection />
    </div>
  );
}
