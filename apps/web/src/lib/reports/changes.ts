/**
 * The shape of `GET /api/workshops/:id/changes` (VersionChanges), as the server sends it.
 * Kept here as plain types so the compare view depends only on the wire format.
 */
import type { DocumentType, Locale } from '@yhteispaja/model';

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
  label: Record<Locale, string>;
  color?: string;
}

interface ChangeBase {
  itemKind: ItemKind;
  itemId: string;
  label: string;
  by: ChangeAuthor[];
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type Change =
  | (ChangeBase & { kind: 'item-added' | 'item-removed' | 'item-moved' })
  | (ChangeBase & { kind: 'status-changed'; field: string; fieldLabel: string; periodId?: string; from: StatusValue | null; to: StatusValue | null })
  | (ChangeBase & { kind: 'text-changed'; field: string; fieldLabel: string; diff: DiffPart[] })
  | (ChangeBase & { kind: 'value-changed'; field: string; fieldLabel: string; from: string | null; to: string | null });
