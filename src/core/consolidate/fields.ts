// The master cells a return fills, and the words 日志 and the report use for them.
export type Field = 'h1' | 'annual' | 'progress';
export const FIELD_LABEL: Record<Field, string> = { h1: '上半年完成', annual: '全年完成', progress: '进展情况' };
export const FIELDS: Field[] = ['h1', 'annual', 'progress'];
/** 填报项 of the log row that records who sent a return. */
export const SENDER_FIELD = '报送';
/** How a unit that sent a return with unreadable cells is listed. */
export const PARTIAL_LABEL = '已报送（部分退回）';
