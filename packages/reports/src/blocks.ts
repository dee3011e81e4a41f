/**
 * The format-neutral shape of a report: every renderer (HTML, Markdown, Typst/PDF, DOCX, ODT,
 * XLSX, CSV) walks the same blocks, so the formats cannot drift apart. All text is plain text:
 * each renderer escapes it for its own format; nothing here is markup.
 */
export interface StatusMark {
  /** The scale step's label in the report's language: the signal that never depends on colour. */
  label: string;
  /** '#rrggbb' */
  colour: string;
}

export interface TableCell {
  text: string;
  status?: StatusMark;
}

export interface TableRow {
  /** A group heading spanning the table (heading rows of a goal table). */
  group?: string;
  cells: TableCell[];
}

export interface ImageBlock {
  kind: 'image';
  svg: string;
  width: number;
  height: number;
  alt: string;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string } // level 1 is each part's title
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; pairs: { label: string; text: string }[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; header: string[]; rows: TableRow[] }
  | ImageBlock;

export interface ReportView {
  lang: string;
  title: string;
  /** Cover facts (organisation, workshop, version, …). */
  cover: { label: string; text: string }[];
  /** Top-level parts: each starts with a level-1 heading. */
  parts: { id: string; title: string; blocks: Block[] }[];
}

export const cell = (text: string, status?: StatusMark): TableCell => (status ? { text, status } : { text });
