// Must be imported before the core: zod would otherwise probe `new Function` once, and the pane's CSP
// (no eval) reports that probe as a violation even though zod copes. Plain parsing is fast enough here.
import { config } from 'zod';

config({ jitless: true });
