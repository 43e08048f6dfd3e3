// Reading plan tables as people write them: 序号 forms, header wordings and column orders, rows that can't be
// read (each reported with its line and why), Word's table XML, and what a file is by its bytes.
import { InputError } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/parse';
import { detectSeparator, splitRows } from '../../src/core/plan/rows';
import { planFromGrid } from '../../src/core/plan/grid';
import { docxRows, decodeText, sniffPlanFile, planFromDocxXml } from '../../src/core/plan/sources';
import { chineseNumeral, readItemNo } from '../../src/core/plan/sources/numbering';
import { roleOf } from '../../src/core/plan/sources/header';

const HEADER = '序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位';
const row = (no: string, name = '开展培训') => `${no}\t${name}\t简介\t全年培训100人。\t培训50人。\t培训50人。\t市妇联`;

describe('序号 as people write it', () => {
  test.each([
    ['1', 1],
    ['12', 12],
    ['1.', 1],
    ['1、', 1],
    ['1．', 1],
    ['（1）', 1],
    ['(3)', 3],
    ['３', 3],
    ['①', 1],
    ['⑳', 20],
    ['一', 1],
    ['一、', 1],
    ['（二）', 2],
    ['十一、', 11],
    ['二十三', 23],
    ['一是', 1],
    ['三是', 3],
    ['第5项', 5],
    [' 7 ', 7],
  ])('%s → %d', (text, no) => expect(readItemNo(text)).toEqual({ no }));

  test.each([
    ['0', /序号为0/],
    ['12345', /超过9999/],
    ['A3', /不是编号/],
    ['一二', /不是编号/],
    ['1.5', /不是编号/],
  ])('%s is no 序号, and says why', (text, why) => {
    const r = readItemNo(text);
    expect(r && 'reason' in r && r.reason).toMatch(why);
  });

  test('an empty cell is no 序号 at all', () => expect(readItemNo('  ')).toBeNull());
  test('Chinese numerals', () => {
    expect(chineseNumeral('一百零五')).toBe(105);
    expect(chineseNumeral('十')).toBe(10);
  });

  test('rows numbered 1. / 一、 / （1） / 一是 are all read', () => {
    const plan = parsePlan(['2024年计划表', HEADER, row('1.'), row('二、'), row('（3）'), row('四是')].join('\n'));
    expect(plan.items.map((i) => i.no)).toEqual([1, 2, 3, 4]);
    expect(plan.warnings).toEqual([]);
  });

  test('every row that cannot be read gets a warning naming its line and why; the rest is read', () => {
    const text = [
      '2024年计划表',
      HEADER,
      row('1'),
      row('0', '零号'),
      row('12345', '五位'),
      row('甲', '甲号'),
      row('', '无号'),
      row('2'),
    ].join('\n');
    const plan = parsePlan(text);
    expect(plan.items.map((i) => i.no)).toEqual([1, 2]);
    const messages = plan.warnings.map((w) => w.message);
    expect(messages).toEqual([
      expect.stringMatching(/^第4行：序号为0/),
      expect.stringMatching(/^第5行：序号12345超过9999/),
      expect.stringMatching(/^第6行：序号“甲”不是编号/),
      expect.stringMatching(/^第7行：没有序号/),
    ]);
  });

  test('a group heading row (一、妇女与健康) is no item, and says so', () => {
    const plan = parsePlan(
      ['2024年计划表', HEADER, '一、\t妇女与健康\t\t\t\t\t', row('1'), '二、\t儿童与教育\t\t\t\t\t', row('2')].join(
        '\n',
      ),
    );
    expect(plan.items.map((i) => i.no)).toEqual([1, 2]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^第3行：“妇女与健康”只有序号和名称，看作分类标题/),
      expect.stringMatching(/^第5行：“儿童与教育”/),
    ]);
  });

  test('a plan whose rows all fail says why in the error', () => {
    expect(() => parsePlan(['2024年计划表', HEADER, row('0')].join('\n'))).toThrow(
      /没有找到任何事项行.*第3行：序号为0/,
    );
  });
});

describe('header wordings and column order', () => {
  test('columns in another order and other wordings follow the header', () => {
    const text = [
      '2024年重要事项推进计划表',
      '编号\t牵头 单位\t年度目标\t事项名称\t下半年计划\t上半年计划\t完成时限\t事项简介（概述）',
      '1\t市妇联、市教育局\t全年培训1000人。\t开展培训\t培训600人。\t培训400人。\t12月底\t面向妇女',
    ].join('\n');
    const [item] = parsePlan(text).items;
    expect(item).toMatchObject({
      no: 1,
      name: '开展培训',
      summary: '面向妇女',
      annualGoal: '全年培训1000人。',
      h1Plan: '培训400人。',
      h2Plan: '培训600人。',
      leadUnits: ['市妇联', '市教育局'],
    });
    expect(item.indicators[0]).toMatchObject({ annual: 1000, h1: 400, h2: 600 });
  });

  test('a header cell naming no known column is reported once, its column not read', () => {
    const header = '序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位\t督办科室';
    const plan = parsePlan(['2024年计划表', header, row('1') + '\t督查科', header, row('2') + '\t督查科'].join('\n'));
    expect(plan.items.map((i) => i.leadUnits)).toEqual([['市妇联'], ['市妇联']]);
    expect(plan.warnings).toEqual([
      { item: null, message: expect.stringMatching(/^第2行：表头中的“督办科室”不是计划表的列/) },
    ]);
  });

  test.each([
    ['上半年', 'h1'],
    ['上半年计划', 'h1'],
    ['上半年（1-6月）', 'h1'],
    ['1～6月', 'h1'],
    ['1—6月份', 'h1'],
    ['7-12月', 'h2'],
    ['下半年工作计划', 'h2'],
    ['序 号', 'no'],
    ['编号', 'no'],
    ['事项名称', 'name'],
    ['重点任务', 'name'],
    ['事项简介', 'summary'],
    ['年度目标', 'goal'],
    ['年度任务\n目标', 'goal'],
    ['年度工作计划', 'plan'],
    ['牵头单位', 'units'],
    ['责任单位', 'units'],
    ['牵头部门', 'units'],
    ['完成时限', 'deadline'],
    ['备注', 'other'],
    ['类别', 'other'],
    ['分管市领导', 'other'],
    ['完成情况说明', null],
  ])('header text %j names %s', (text, role) => expect(roleOf(text)).toBe(role));

  test('a 类别 column merged down over its items is left out; the items are read by their 序号 column', () => {
    const rows = [
      ['某市2024年重要事项推进计划表'],
      ['类别', '序号', '事项名称', '事项简介', '年度任务目标', '上半年', '下半年', '牵头单位'],
      ['妇女与健康', '1', '开展培训', '简介', '全年培训100人。', '培训50人。', '培训50人。', '市妇联'],
      [null, '2', '开展活动', '简介', '举办活动20场。', '举办10场。', '举办10场。', '市妇联'],
    ];
    const plan = planFromGrid(rows, { merges: [{ r1: 3, c1: 1, r2: 4, c2: 1 }] });
    expect(plan.items.map((i) => [i.no, i.name])).toEqual([
      [1, '开展培训'],
      [2, '开展活动'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  test('责任单位 stands for 牵头单位; a single 年度工作计划 column serves both halves, and says so', () => {
    const plan = parsePlan(
      [
        '2024年计划表',
        '序号\t事项名称\t年度任务目标\t年度工作计划\t责任单位',
        '1\t开展活动\t举办活动20场。\t按季度举办。\t市文旅局',
      ].join('\n'),
    );
    expect(plan.items[0]).toMatchObject({
      h1Plan: '按季度举办。',
      h2Plan: '按季度举办。',
      leadUnits: ['市文旅局'],
      summary: '',
    });
    expect(plan.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('年度工作计划按上下半年共用'));
  });

  test.each([
    ['序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年', /“牵头单位”列/],
    ['序号\t事项名称\t事项简介\t上半年\t下半年\t牵头单位', /“年度任务目标”列/],
    ['序号\t事项名称\t年度任务目标\t上半年\t牵头单位', /“下半年”列/],
    ['事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位', /“序号”列/],
  ])('a recognised header missing a column names it: %s', (header, missing) => {
    const text = ['2024年计划表', header, '1\t开展活动\t简介\t目标\t计划\t计划'].join('\n');
    expect(() => parsePlan(text)).toThrow(missing);
    try {
      parsePlan(text);
    } catch (e) {
      expect((e as InputError).zh).toMatch(/^第2行的表头中没有找到/);
    }
  });
});

describe('text: encodings and separators', () => {
  const plain = ['2024年计划表', HEADER, row('1')].join('\n');

  test('CSV with quotes, commas and line breaks inside cells', () => {
    const csv =
      '\uFEFF"2024年计划表"\r\n序号,事项名称,事项简介,年度任务目标,上半年,下半年,牵头单位\r\n1,"开展培训, 第一期","简介\r\n第二行",全年培训100人。,培训50人。,培训50人。,"市妇联\n市教育局"\r\n';
    expect(detectSeparator(csv)).toBe(',');
    const plan = parsePlan(csv.replace(/^\uFEFF/, ''));
    expect(plan.items[0]).toMatchObject({
      name: '开展培训, 第一期',
      summary: '简介第二行',
      leadUnits: ['市妇联', '市教育局'],
    });
  });

  test('a tab anywhere means tab-separated, commas and all', () => {
    expect(detectSeparator('1\t开展培训,第一期\t简介')).toBe('\t');
    expect(splitRows('a,b\tc', '\t')[0].cells).toEqual(['a,b', 'c']);
  });

  test.each([
    ['UTF-8', new TextEncoder().encode(plain), []],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(plain)]), []],
    [
      'UTF-16 LE with BOM',
      new Uint8Array([0xff, 0xfe, ...Buffer.from(plain, 'utf16le')]),
      ['文件是 UTF-16（Unicode）编码的文本，已按 UTF-16 读取'],
    ],
    [
      'UTF-16 LE without BOM',
      new Uint8Array(Buffer.from(plain, 'utf16le')),
      ['文件是 UTF-16（Unicode）编码的文本，已按 UTF-16 读取'],
    ],
  ])('%s', (_what, bytes, notes) => {
    const read = decodeText(bytes, 'plan.txt');
    expect(read.text).toBe(plain);
    expect(read.notes).toEqual(notes);
  });

  test('GBK bytes (as a Chinese Windows saves text) are read as GBK, with a note', () => {
    // 中文 in GBK
    const read = decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), 'plan.txt');
    expect(read).toEqual({ text: '中文', notes: ['文件是 GBK 编码的文本，已按 GBK 读取'] });
  });
});

describe('what a file is, by its bytes', () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(Buffer.from(p, 'latin1')) : p)));
  const ole = (stream: string) =>
    bytes(
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      Array(500).fill(0),
      Array.from(Buffer.from(stream, 'utf16le')),
      Array(100).fill(0),
    );
  const message = (b: Uint8Array, name: string) => {
    try {
      sniffPlanFile(b, name);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).where).toBe(name);
      return (e as InputError).zh;
    }
    throw new Error('not refused');
  };

  test.each([
    [ole('WordDocument'), '计划.doc', /这是 \.doc 旧格式，请在 Word 中另存为 \.docx/],
    [ole('WordDocument'), '计划.wps', /WPS 文字.*另存为 \.docx/],
    [ole('Workbook'), '计划.xls', /这是 \.xls 旧格式/],
    [ole('Workbook'), '计划.et', /WPS 表格.*另存为 \.xlsx/],
    [ole('EncryptionInfo'), '计划.docx', /设置了打开密码/],
    [bytes('%PDF-1.7\n'), '计划.pdf', /这是 PDF 文件/],
    [bytes([0x89], 'PNG\r\n\x1a\n', Array(20).fill(0)), '扫描.png', /这是图片/],
    [bytes([0xff, 0xd8, 0xff, 0xe0], Array(20).fill(0)), '扫描.jpg', /这是图片/],
    [bytes('{\\rtf1\\ansi'), '计划.rtf', /RTF/],
    [bytes('<html><body><table></table></body></html>'), '计划.htm', /网页/],
    [new Uint8Array(), '空.txt', /文件是空的/],
    [bytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 7, 7]), '数据.bin', /这不是文本文件/],
  ])('%#', (b, name, zh) => expect(message(b as Uint8Array, name as string)).toMatch(zh as RegExp));
});

/** A minimal WordprocessingML body. */
const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const p = (...texts: string[]) =>
  `<w:p>${texts.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const headerRows =
  tr(
    ...['序号', '事项名称', '事项简介', '年度任务目标'].map((t) => tc(p(t), '<w:vMerge w:val="restart"/>')),
    tc(p('年度工作计划'), '<w:gridSpan w:val="2"/>'),
    tc(p('牵头单位'), '<w:vMerge w:val="restart"/>'),
  ) + tr(...Array(4).fill(tc(p(), '<w:vMerge/>')), tc(p('上半年')), tc(p('下半年')), tc(p(), '<w:vMerge/>'));

describe('Word tables', () => {
  test('runs join, paragraphs are line breaks, deleted text and field codes are left out, entities decoded', () => {
    const xml = doc(
      p('附件') +
        `<w:tbl>${headerRows}${tr(
          tc(p('1')),
          tc(p('开展', '培训') + p('&lt;第一期&gt;')),
          tc(
            `<w:p><w:r><w:t>简介</w:t></w:r><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>`,
          ),
          tc(p('全年培训100人。')),
          tc(p('培训50人。')),
          tc(p('培训50人。')),
          tc(p('市妇联') + p('市教育局')),
        )}</w:tbl>`,
    );
    const rows = docxRows(xml);
    expect(rows[0]).toMatchObject({ cells: ['附件'], where: '正文第1段' });
    expect(rows[3].cells).toEqual([
      '1',
      '开展培训\n<第一期>',
      '简介',
      '全年培训100人。',
      '培训50人。',
      '培训50人。',
      '市妇联\n市教育局',
    ]);
    expect(rows[3].where).toBe('第1个表格第3行');
    const plan = planFromDocxXml(xml, 'plan.docx');
    expect(plan.items[0].leadUnits).toEqual(['市妇联', '市教育局']);
  });

  test('another prefix for the WordprocessingML namespace reads the same', () => {
    const xml = doc(
      p('附件') +
        `<w:tbl>${headerRows}${tr(...['1', '开展培训', '简介', '全年培训100人。', '培训50人。', '培训50人。', '市妇联'].map((t) => tc(p(t))))}</w:tbl>`,
    );
    const other = xml
      .replace(/<(\/?)w:/g, '<$1ns0:')
      .replace(/ w:/g, ' ns0:')
      .replace('xmlns:w=', 'xmlns:ns0=');
    expect(other).not.toContain('w:');
    expect(docxRows(other)).toEqual(docxRows(xml));
    expect(docxRows(xml)[3].cells[6]).toBe('市妇联');
  });

  test('gridBefore shifts a row; a nested table adds its text to its cell', () => {
    const xml = doc(
      `<w:tbl>${tr(`<w:trPr><w:gridBefore w:val="1"/></w:trPr>`, tc(p('a')), tc(`${p('b')}<w:tbl>${tr(tc(p('inner')))}</w:tbl>`))}</w:tbl>`,
    );
    expect(docxRows(xml)[0].cells).toEqual(['', 'a', 'b\ninner']);
  });

  test('a 序号 column numbered by Word (一、 二、 …, one list over two tables) reads as its numbers', () => {
    const numbering =
      '<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>' +
      '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>';
    const numbered = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>`;
    const item = (name: string) =>
      tr(tc(numbered), ...[name, '简介', '全年培训100人。', '培训50人。', '培训50人。', '市妇联'].map((t) => tc(p(t))));
    const xml = doc(
      `${p('2024年计划表')}<w:tbl>${headerRows}${item('甲')}${item('乙')}</w:tbl>${p()}<w:tbl>${headerRows}${item('丙')}</w:tbl>`,
    );
    expect(
      docxRows(xml, { numbering })
        .filter((r) => r.cells.length > 1)
        .map((r) => r.cells[0]),
    ).toEqual(['序号', '', '一、', '二、', '序号', '', '三、']);
    const plan = planFromDocxXml(xml, 'plan.docx', { numbering });
    expect(plan.items.map((i) => [i.no, i.name])).toEqual([
      [1, '甲'],
      [2, '乙'],
      [3, '丙'],
    ]);
    // Without the numbering part the numbers are missing, and every row says so.
    expect(() => planFromDocxXml(xml, 'plan.docx')).toThrow(/没有序号/);
  });

  test('the whole official document: the notice before the attachment is not the title', () => {
    const item = tr(
      ...['1', '开展培训', '简介', '全年培训100人。', '培训50人。', '培训50人。', '市妇联'].map((t) => tc(p(t))),
    );
    const xml = doc(
      p('某市妇女儿童工作委员会文件') +
        p('关于印发《某市2024年重要事项推进计划表》的通知') +
        p('各区市：') +
        p('1. 请各单位认真落实。') +
        p('附件') +
        p('某市2024年重要事项推进计划表') +
        `<w:tbl>${headerRows}${item}</w:tbl>` +
        p('某市妇儿工委办公室') +
        p('注：各单位于每季度末报送进展。'),
    );
    const plan = planFromDocxXml(xml, 'plan.docx');
    expect(plan.title).toBe('某市2024年重要事项推进计划表');
    expect(plan.items).toHaveLength(1);
    // The signature under the table is no part of the last row's 牵头单位.
    expect(plan.items[0].leadUnits).toEqual(['市妇联']);
    expect(plan.warnings).toEqual([]);
  });

  test('a Word file without a plan table says what it needs', () => {
    expect(() => planFromDocxXml(doc(p('通知正文')), '通知.docx')).toThrow(/通知\.docx: 文件中没有找到计划表/);
  });
});

describe('a plan table in a sheet, merged cells included', () => {
  test('an item merged down over two rows, and a plan merged across both halves', () => {
    const rows = [
      ['附件'],
      ['某市2024年重要事项推进计划表'],
      ['序号', '事项名称', '事项简介', '年度任务目标', '年度工作计划', null, '牵头单位'],
      [null, null, null, null, '上半年', '下半年', null],
      [1, '开展培训', '简介', '全年培训100人。', '上半年培训', '下半年培训', '市妇联'],
      [null, null, null, null, '50人。', '50人。', null],
      [2, '开展活动', '简介', '举办活动20场。', '每季度举办5场。', null, '市文旅局'],
    ];
    const merges = [
      ...[1, 2, 3, 4, 7].map((c) => ({ r1: 3, c1: c, r2: 4, c2: c })),
      { r1: 3, c1: 5, r2: 3, c2: 6 },
      ...[1, 2, 3, 4, 7].map((c) => ({ r1: 5, c1: c, r2: 6, c2: c })),
      { r1: 7, c1: 5, r2: 7, c2: 6 },
    ];
    const plan = planFromGrid(rows, { merges });
    expect(plan.year).toBe(2024);
    expect(plan.items.map((i) => [i.no, i.h1Plan, i.h2Plan])).toEqual([
      [1, '上半年培训50人。', '下半年培训50人。'],
      [2, '每季度举办5场。', '每季度举办5场。'],
    ]);
    expect(plan.items[0].indicators[0]).toMatchObject({ annual: 100, h1: 50, h2: 50 });
  });
});
