// Naming a figure: the words before and after it in its clause, with the noise (numbering, 全年, 达到, 不少于 …)
// trimmed off, or the thing a frequency clause before it names.
import type { Quantity } from './quantities';

const NOT_APPROX_BEFORE = /[签预节制履特邀违集简婉缔践公合守大]/;
const CLAUSE_BREAK = /[，,；;。：:！？\n]/;
const LEADING_NOISE =
  /^(?:\d+[.、．)）]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|全年|每年|年内|到?年底前?|到?年末|\d{4}年(?:末|底)?前?|\d{1,2}月(?:份|底|末)?(?:前)?|进一步|部门联合|预计|力争|计划|累计|同时|其中|并|且|在|确保|全年|年度|分别)+/;
const TRAILING_NOISE =
  /(?:达到|达|不少于|至少|不低于|约|提升到|提升至|提高到|提高至|增加到|为|共|要|需|总计|合计|的|分别|稳定保持在|稳定在|保持在|保持|稳定|控制在|压缩至|压缩到|缩短至|缩短到|降至|降到|压减至|不超过|超过|突破)+$/;
const VERB_ONLY = /^(?:完成|开展|组织|举办|举行|办理|发放|为|对|向|给|实现|建设|推进|培育|培训|新建|提供|达|达到)*$/;
function cjkLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
}

/** Characters that can name something: CJK and Latin letters ("PM2.5" names a pollutant). */
function nameLength(s: string): number {
  return cjkLength(s) + (s.match(/[A-Za-z]/g)?.length ?? 0);
}

export function trimLabel(s: string): string {
  let t = s.replace(/\s+/g, '').replace(/^[，,、；;：:。]+|[，,、；;：:。]+$/g, '');
  for (let i = 0; i < 3; i++) t = t.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '');
  return t;
}

/** The clause (between commas) around offset `at`. */
export function clauseBounds(masked: string, at: number): [number, number] {
  // Bounded, so a cell of one endless clause stays linear.
  let a = at;
  while (a > 0 && at - a < 80 && !CLAUSE_BREAK.test(masked[a - 1])) a--;
  let b = at;
  while (b < masked.length && b - at < 80 && !CLAUSE_BREAK.test(masked[b])) b++;
  return [a, b];
}

export function labelFor(
  text: string,
  masked: string,
  qs: Quantity[],
  i: number,
  itemName: string,
): { label: string; review: string | null } {
  const q = qs[i];
  const [a, b] = clauseBounds(masked, q.numStart);
  const prevEnd = i > 0 && qs[i - 1].end > a ? qs[i - 1].end : a;
  const nextStart = i + 1 < qs.length && qs[i + 1].start < b ? qs[i + 1].start : b;
  let before = text.slice(prevEnd, q.start);
  // Keep the direction word in the label ("近视率比上一年降低", "学历提升").
  if (q.direction || /(?:降低|下降|减少|压减|提高|提升|增加|增长|上升)\s*$/.test(text.slice(q.start, q.numStart)))
    before = text.slice(prevEnd, q.numStart);
  // "公告时间由45天压缩至20天": the words before 由/从 name it; the starting figure doesn't.
  const from = /[由从][^由从]*\d[^由从]*$/.exec(before);
  if (from) before = before.slice(0, from.index);
  // After another figure in the clause, a list break starts this target's own words ("…充电桩、新增公共停车泊位").
  const listBreak = prevEnd > a ? before.lastIndexOf('、') : -1;
  if (listBreak >= 0) before = before.slice(listBreak + 1);
  // A list ended by 等 ("月嫂、育婴…等技能培训活动") is named by what follows 等.
  const deng = before.lastIndexOf('等');
  if (deng >= 0 && deng < before.length - 2) before = before.slice(deng + 1);
  // Comparator words go; 约 inside a word stays (签约, 预约, 节约).
  let core = trimLabel(
    before
      .replace(/不少于|至少|不低于/g, '')
      .replace(/(.?)约/g, (m, p: string) => (p && NOT_APPROX_BEFORE.test(p) ? m : p)),
  );
  let review: string | null = null;
  // A long phrase is named by what follows its last verb ("…社区开展儿童绘本讲读故事会" → "儿童绘本讲读故事会").
  const verb = /.*(开展|举办|组织|发放|举行)/.exec(core);
  if (cjkLength(core) > 12 && verb && cjkLength(core.slice(verb[0].length)) >= 4) core = core.slice(verb[0].length);
  else if (cjkLength(core) > 20) review = '标签取自长句，请核对指标名称';
  // After "、" the words name the next target of a list ("幼儿园35所、义务教育学校113所"), not this one.
  // Its own words end at a list break too ("200个（标准桩）以上电动汽车公共充电桩、新增…").
  const rawAfter = text
    .slice(q.end, nextStart)
    .split('、')[0]
    .replace(/^\s*(?:[（(][^）)]*[）)])?\s*(?:及以上|以上)?/, '');
  let after = /^\s*[和及与]/.test(rawAfter) ? '' : trimLabel(rawAfter);
  // What follows a figure names it up to the next verb ("80名阅读推广人进学校…" → "阅读推广人").
  const cut = /^(.{2,}?)(进(?!行)|开展|参与|参加|深入|到|在|提供)/.exec(after);
  if (cut) after = cut[1];
  // Still too long to be a name: "…家庭进行“追光小屋”居室微改造" is named by who it is for.
  const doing = /^(.{2,}?)进行/.exec(after);
  if (doing && cjkLength(after) > 18) after = doing[1];
  const afterUsable = after !== '' && cjkLength(after) >= 2 && cjkLength(after) <= 18 && !/\d/.test(after);
  if (nameLength(core) >= 2 && !VERB_ONLY.test(core)) {
    return { label: afterUsable && cjkLength(after) <= 12 ? core + after : core, review };
  }
  if (afterUsable) return { label: core + after, review };
  // Only a verb ("全年培训2000人"): the verb names it well enough.
  if (cjkLength(core) >= 2) return { label: core, review };
  return { label: itemName, review: '原文没有说明这个数字指什么，标签取自事项名称' };
}

const FREQUENCY = /每(?:个)?(?:月|季度|季|周|旬|半年|天|日|星期)/;

/** The thing done in the clause before `clauseStart` when that clause is a frequency ("每季度召开一次政企座谈会"). */
export function frequencyName(text: string, masked: string, clauseStart: number): string | null {
  const end = clauseStart - 1;
  if (end <= 0) return null;
  const [a] = clauseBounds(masked, end - 1);
  const clause = text.slice(a, end);
  if (!FREQUENCY.test(clause)) return null;
  const name = trimLabel(clause.replace(FREQUENCY, '').replace(/[一二两三四五六七八九十\d]+(?:次|场|期)/, ''));
  return cjkLength(name) >= 2 ? name : null;
}
