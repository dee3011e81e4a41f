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
  if (previousRole) await keepAFacilitator(store, workshopId, member.id, input.role);
  await store.workshops.setMember(workshopId, member.id, input.role);
  return { workshop, member, previousRole };
}

/** A workshop must keep at least one facilitator: someone has to be able to run it. */
async function keepAFacilitator(store: Store, workshopId: string, memberId: string, newRole: WorkshopRole | undefined): Promise<void> {
  if (newRole === 'facilitator') return;
  const members = await store.workshops.members(workshopId);
  const facilitators = members.filter((m) => m.role === 'facilitator');
  if (facilitators.length === 1 && facilitators[0]!.userId === memberId) {
    throw errors.conflict('last_facilitator', 'The workshop would have no facilitator; make someone else facilitator first');
  }
}

/** Change a member's role by user id (guests too, who have no email). Returns the previous role. */
export async function changeMemberRole(store: Store, user: User, workshopId: string, memberId: string, role: WorkshopRole): Promise<WorkshopRole> {
  await requireWorkshopRole(store, workshopId, user, 'manageMembers');
  const previous = await store.workshops.role(workshopId, memberId);
  if (!previous) throw errors.notFound('Member');
  await keepAFacilitator(store, workshopId, memberId, role);
  await store.workshops.setMember(workshopId, memberId, role);
  return previous;
}

export async function removeMember(store: Store, user: User, workshopId: string, memberId: string): Promise<Workshop> {
  const { workshop } = await requireWorkshopRole(store, workshopId, user, 'manageMembers');
  await keepAFacilitator(store, workshopId, memberId, undefined);
  if (!(await store.workshops.removeMember(workshopId, memberId))) throw errors.notFound('Member');
  return workshop;
}
