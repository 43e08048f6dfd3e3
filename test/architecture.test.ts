// Layering: apps → adapters → core, never the other way; core is pure (no Office, DOM, file system or Node).
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const layerOf = (file: string) => path.relative(root, file).split(path.sep)[0];

describe('architecture', () => {
  const files = sourceFiles(root);

  test('there is code in every layer', () => {
    expect(new Set(files.map(layerOf))).toEqual(new Set(['core', 'adapters', 'apps']));
  });

  test('core imports only core and zod', () => {
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      for (const spec of imports(file)) {
        const ok =
          spec === 'zod' || (spec.startsWith('.') && layerOf(path.resolve(path.dirname(file), spec)) === 'core');
        if (!ok) throw new Error(`${path.relative(root, file)} imports ${spec}`);
      }
    }
  });

  test('core uses no host globals', () => {
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      const hit = /\b(Office|Excel|document|window|process|Buffer|require)\s*[.(]/.exec(text);
      if (hit) throw new Error(`${path.relative(root, file)} uses ${hit[1]}`);
    }
  });

  test('adapters never import apps', () => {
    for (const file of files.filter((f) => layerOf(f) === 'adapters')) {
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        const target = layerOf(path.resolve(path.dirname(file), spec));
        if (target === 'apps') throw new Error(`${path.relative(root, file)} imports ${spec}`);
      }
    }
  });
});
