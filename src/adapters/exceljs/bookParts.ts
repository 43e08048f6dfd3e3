// workbook.xml, its relationships and [Content_Types].xml of a package being patched: edited together as text
// and written once.
import { parseRels, relsPathOf, XlsxPackage } from './package';
import { escapeXml, P, rootPrefix } from './xml';

/** workbook.xml, its relationships and [Content_Types].xml, edited together and written once. */
export class BookParts {
  changed = false;
  private constructor(
    private readonly pkg: XlsxPackage,
    public book: string,
    public rels: string,
    public types: string,
  ) {}

  static async load(pkg: XlsxPackage): Promise<BookParts> {
    const rels =
      (await pkg.text(relsPathOf(pkg.workbookPath))) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    return new BookParts(
      pkg,
      (await pkg.text(pkg.workbookPath)) ?? '',
      rels,
      (await pkg.text('[Content_Types].xml')) ?? '',
    );
  }

  /** Adds a relationship from the workbook; returns its id. */
  addRel(type: string, target: string): string {
    const used = new Set(parseRels(this.rels).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const p = rootPrefix(this.rels, 'Relationships');
    this.rels = this.rels.replace(
      new RegExp(`<\\/${P}Relationships>\\s*$`),
      `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></${p}Relationships>`,
    );
    this.changed = true;
    return id;
  }

  removeRel(id: string): void {
    this.rels = this.rels.replace(new RegExp(`<${P}Relationship\\b[^>]*?\\bId="${id}"[^>]*?\\/>`), '');
    this.changed = true;
  }

  /** Declares a part's content type (an Override, unless one is there). */
  addType(path: string, type: string): void {
    if (this.types.includes(`PartName="/${path}"`)) return;
    const p = rootPrefix(this.types, 'Types');
    this.types = this.types.replace(
      new RegExp(`<\\/${P}Types>\\s*$`),
      `<${p}Override PartName="/${path}" ContentType="${type}"/></${p}Types>`,
    );
    this.changed = true;
  }

  removeType(path: string): void {
    this.types = this.types.replace(
      new RegExp(`<${P}Override\\b[^>]*?PartName="/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?\\/>`, 'i'),
      '',
    );
    this.changed = true;
  }

  write(): void {
    if (!this.changed) return;
    this.pkg.setText(this.pkg.workbookPath, this.book);
    this.pkg.setText(relsPathOf(this.pkg.workbookPath), this.rels);
    this.pkg.setText('[Content_Types].xml', this.types);
  }
}

/** Path of `target` relative to the workbook part's folder. */
export function relativeToBook(bookPath: string, part: string): string {
  const dir = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}
