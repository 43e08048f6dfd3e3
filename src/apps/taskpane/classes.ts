// Class names for the pane's own layout; the rules are in taskpane.html (Fluent's CSS variables, no runtime CSS-in-JS,
// which keeps the style compiler out of the first-paint bundle).
export const CLS = {
  root: 'tj-root',
  tabs: 'tj-tabs',
  section: 'tj-section',
  row: 'tj-row',
  hint: 'tj-hint',
  heading: 'tj-heading',
  fileName: 'tj-file',
  hiddenInput: 'tj-hidden',
  quick: 'tj-row',
  list: 'tj-list',
  item: 'tj-item',
  clickable: 'tj-click',
  line: 'tj-line',
  id: 'tj-id',
  sub: 'tj-sub',
  group: 'tj-group',
  groupHead: 'tj-group-head',
  counts: 'tj-row',
  warn: 'tj-warn',
  scroll: 'tj-scroll',
  flat: 'tj-flat',
} as const;

export const useClasses = () => CLS;
