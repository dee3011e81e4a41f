import { initialDocumentState, UnknownTemplateError, UnsupportedDocumentTypeError, type DocumentType, type Locale } from '@yhteispaja/model';
import { errors } from '../errors.ts';
import { can } from '../policies/workshop.ts';
import type { DocumentRecord, Store, User, Workshop, WorkshopRole } from '../storage/ports.ts';

/** The caller's role in a workshop; a workshop they are not in is reported as missing, so ids leak nothing. */
export async function requireWorkshopRole(store: Store, workshopId: string, user: User): Promise<{ workshop: Workshop; role: WorkshopRole }> {
  const workshop = await store.workshops.get(workshopId);
  const role = workshop ? await store.workshops.role(workshop.id, user.id) : undefined;
  if (!workshop || !role) throw errors.notFound('Workshop');
  return { workshop, role };
}

export async function requireDocumentRole(store: Store, documentId: string, user: User): Promise<{ document: DocumentRecord; role: WorkshopRole }> {
  const document = await store.documents.get(documentId);
  const role = document ? await store.workshops.role(document.workshopId, user.id) : undefined;
  if (!document || !role) throw errors.notFound('Document');
  return { document, role };
}

export async function createDocument(
  store: Store,
  user: User,
  workshopId: string,
  input: { type: DocumentType; title: string; template?: string | undefined; locale: Locale },
): Promise<DocumentRecord> {
  const { role } = await requireWorkshopRole(store, workshopId, user);
  if (!can(role, 'createDocuments')) throw errors.forbidden();
  let initialState: Uint8Array;
  try {
    initialState = initialDocumentState(input);
  } catch (error) {
    if (error instanceof UnknownTemplateError) throw errors.unprocessable('unknown_template', error.message);
    if (error instanceof UnsupportedDocumentTypeError) throw errors.unprocessable('unsupported_document_type', error.message);
    throw error;
  }
  return store.documents.create({ workshopId, type: input.type, title: input.title, createdBy: user.id, initialState });
}

/** Add a member or change their role; returns the member's user id. */
export async function addMember(
  store: Store,
  user: User,
  workshopId: string,
  input: { email: string; role: WorkshopRole },
): Promise<string> {
  const { role } = await requireWorkshopRole(store, workshopId, user);
  if (!can(role, 'manageMembers')) throw errors.forbidden();
  const member = await store.users.byEmail(input.email);
  if (!member) throw errors.unprocessable('unknown_user', 'No user has that email; create the user first');
  await store.workshops.setMember(workshopId, member.id, input.role);
  return member.id;
}

export async function removeMember(store: Store, user: User, workshopId: string, memberId: string): Promise<void> {
  const { role } = await requireWorkshopRole(store, workshopId, user);
  if (!can(role, 'manageMembers')) throw errors.forbidden();
  if (!(await store.workshops.removeMember(workshopId, memberId))) throw errors.notFound('Member');
}
