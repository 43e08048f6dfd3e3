// Task pane entry: find out whether Excel is there, then render the pane for that mode.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { detectMode, type Mode } from './mode';

function Root() {
  const [mode, setMode] = React.useState<Mode | null>(null);
  React.useEffect(() => {
    let live = true;
    // A slow office.js inside Excel still ends in Office mode, a little later.
    void detectMode(undefined, (m) => live && setMode(m)).then((m) => live && setMode(m));
    return () => {
      live = false;
    };
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      {mode ? <App mode={mode} /> : <Spinner style={{ padding: 24 }} label="正在加载推进表助手…" />}
    </FluentProvider>
  );
}

// legacy.js has already told an old webview's user what to do; don't paint over it.
if (!(window as unknown as { TUIJIN_LEGACY?: boolean }).TUIJIN_LEGACY)
  createRoot(document.getElementById('root')!).render(<Root />);
