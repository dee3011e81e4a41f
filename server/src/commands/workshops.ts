import { initialDocumentState, UnknownTemplateError, UnsupportedDocumentTypeError, type DocumentType, type Locale } from '@yhteispaja/model';
import { errors } from '../errors.ts';
import { canCreateWorkshops } from '../policies/organisation.ts';
import { can, type WorkshopAction } from '../policies/workshop.ts';
import type { DocumentRecord, Store, User, Workshop, WorkshopRole } from '../storage/ports.ts';

/** The caller's role in a workshop; a workshop they are not in is reported as missing, so ids leak nothing. */
export async function requireWorkshopRole(
  store: Store,
  workshopId: string,
  user: User,
  action: WorkshopAction = 'view',
): Promise<{ workshop: Workshop; role: WorkshopRole }> {
  const workshop = await store.workshops.get(workshopId);
  const role = workshop ? await store.workshops.role(workshop.id, user.id) : undefined;
  if (!workshop || !role) throw errors.notFound('Workshop');
  if (!can(role, action)) throw errors.forbidden();
  return { workshop, role };
}

export async function requireDocumentRole(store: Store, documentId: string, user: User): Promise<{ document: DocumentRecord; role: WorkshopRole }> {
  const document = await store.documents.get(documentId);
  const role = document ? await store.workshops.role(document.workshopId, user.id) : undefined;
  if (!document || !role) throw errors.notFound('Document');
  return { document, role };
}

export async function createWorkshop(store: Store, user: User, input: { title: string; retentionDays?: number | undefined }): Promise<Workshop> {
  if (!canCreateWorkshops(user)) throw errors.forbidden();
  return store.workshops.create({ organisationId: user.organisationId, title: input.title, createdBy: user.id, retentionDays: input.retentionDays ?? null });
}

export async function createDocument(
  store: Store,
  user: User,
  workshopId: string,
  input: { type: DocumentType; title: string; template?: string | undefined; locale: Locale },
): Promise<DocumentRecord> {
  await requireWorkshopRole(store, workshopId, user, 'createDocuments');
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

/**
 * Add a staff member of the workshop's organisation by email, or change their role. Someone of
 * another organisation is reported exactly like an unknown email.
 */
export async function addMember(
  store: Store,
  user: User,
  workshopId: string,
  input: { email: string; role: WorkshopRole },
): Promise<{ workshop: Workshop; member: User; previousRole: WorkshopRole | undefined }> {
  const { workshop } = await requireWorkshopRole(store, workshopId, user, 'manageMembers');
  const member = await store.users.byEmail(input.email);
  if (!member || member.organisationId !== workshop.organisationId || member.organisationRole === 'guest') {
    throw errors.unprocessable('unknown_user', 'No user of this organisation has that email');
  }
  const previousRole = await store.workshops.role(workshopId, member.id);
  await store.workshops.setMember(workshopId, member.id, input.role);
  return { workshop, member, previousRole };
}

export async function removeMember(store: Store, user: User, workshopId: string, memberId: string): Promise<Workshop> {
  const { workshop } = await requireWorkshopRole(store, workshopId, user, 'manageMembers');
  if (!(await store.workshops.removeMember(workshopId, memberId))) throw errors.notFound('Member');
  return workshop;
}
