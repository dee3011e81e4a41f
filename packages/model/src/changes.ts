import type { DocumentType } from './meta.ts';

/**
 * What changed between two versions of a workshop, keyed by stable item ids. Types only here: the
 * diff that produces them lives beside (snapshots work), the report renderers consume them.
 */
export interface VersionChanges {
  from: number | null;
  to: number;
  documents: DocumentChanges[];
}

export interface DocumentChanges {
  documentId: string;
  title: string;
  type: DocumentType;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  changes: Change[];
}

export interface ChangeAuthor {
  userId: string;
  name: string;
}

export type ItemKind = 'row' | 'heading' | 'column' | 'period' | 'section' | 'action' | 'stage' | 'lane' | 'pain-point' | 'idea';

export interface StatusValue {
  scaleId: string;
  value: string;
  label: Record<'fi' | 'sv' | 'en', string>;
  color?: string;
}

export interface WordDiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type Change =
  | { kind: 'item-added' | 'item-removed' | 'item-moved'; itemKind: ItemKind; itemId: string; label: string; by: ChangeAuthor[] }
  | {
      kind: 'status-changed';
      itemKind: ItemKind;
      itemId: string;
      label: string;
      field: string;
      fieldLabel: string;
      periodId?: string;
      from: StatusValue | null;
      to: StatusValue | null;
      by: ChangeAuthor[];
    }
  | { kind: 'text-changed'; itemKind: ItemKind; itemId: string; label: string; field: string; fieldLabel: string; diff: WordDiffPart[]; by: ChangeAuthor[] }
  | { kind: 'value-changed'; itemKind: ItemKind; itemId: string; label: string; field: string; fieldLabel: string; from: string | null; to: string | null; by: ChangeAuthor[] };
