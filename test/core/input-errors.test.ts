// Every InputError the core and the adapters throw carries its Chinese sentence (`zh`, the third argument),
// so the pane never has to guess a translation from the English message.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const src = path.join(__dirname, '..', '..', 'src');
const CJK = /[\u4e00-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

interface Site {
  at: string;
  /** The source text of the third argument, with a local `const` resolved to its initializer. */
  zh: string | null;
}

function sites(file: string): Site[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, string>();
  const out: Site[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      consts.set(node.name.text, node.initializer.getText(sf));
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'InputError') {
      const arg = node.arguments?.[2];
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      const raw = arg ? arg.getText(sf) : null;
      out.push({
        at: `${path.relative(src, file)}:${line}`,
        zh: raw !== null && ts.isIdentifier(arg!) ? (consts.get(raw) ?? raw) : raw,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test('every new InputError( in src/core and src/adapters passes a Chinese third argument', () => {
  const files = [...sourceFiles(path.join(src, 'core')), ...sourceFiles(path.join(src, 'adapters'))];
  const all = files.flatMap(sites);
  // The AST finds exactly the sites a plain text search finds (none hidden, none invented).
  const textCount = files.reduce((n, f) => n + (fs.readFileSync(f, 'utf8').match(/new InputError\(/g) ?? []).length, 0);
  expect(all.length).toBe(textCount);
  expect(all.length).toBeGreaterThanOrEqual(30);
  expect(all.filter((s) => s.zh === null || !CJK.test(s.zh)).map((s) => s.at)).toEqual([]);
});
