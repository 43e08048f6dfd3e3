// The tracking workbook: layout, reading back, and what a check writes.
export * from './sheet';
export * from './format';
export * from './layout';
export * from './read';
export * from './patch';
export * from './check';
