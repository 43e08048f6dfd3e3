// Print presets and Excel's header/footer codes, for every sheet we print and both adapters.
import type { PrintSetup } from './types';
import { PAGE_FOOTER } from './styles';

/** Margins in inches per kind of sheet. Tables keep a deeper top for the 截至 header; forms a wider frame to
 *  write in by hand; plain lists the least. */
const MARGINS = {
  table: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  list: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  form: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
} as const satisfies Record<string, PrintSetup['margins']>;

/** Landscape, one page wide, page x of y in the footer, `header` (plain text) centred on top. */
export function landscapePrint(
  paper: PrintSetup['paper'],
  kind: keyof typeof MARGINS,
  opts: { titleRows?: { from: number; to: number }; header?: string; centred?: boolean },
): PrintSetup {
  return {
    orientation: 'landscape',
    paper,
    fitToWidth: 1,
    titleRows: opts.titleRows,
    margins: { ...MARGINS[kind] },
    header: opts.header,
    footer: PAGE_FOOTER,
    ...(opts.centred !== undefined ? { horizontalCentered: opts.centred } : {}),
  };
}

/** A header/footer section as Excel codes it: '&' starts a code, so a literal one (a unit name such as
 *  '城建&交通') is doubled; '&P' (page) and '&N' (pages) are the codes we use on purpose. */
export function headerSection(text: string): string {
  return text.replace(/&(?![PN])/g, '&&');
}
