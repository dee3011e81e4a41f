import type { DocumentRecord, User, Workshop, WorkshopRole } from '../storage/ports.ts';

/** What the API shows of each record: never password hashes or session ids. */
export function presentUser(user: User) {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

export function presentWorkshop(workshop: Workshop, role: WorkshopRole) {
  return { id: workshop.id, title: workshop.title, role, createdAt: new Date(workshop.createdAt).toISOString() };
}

export function presentDocument(document: DocumentRecord) {
  return {
    id: document.id,
    workshopId: document.workshopId,
    type: document.type,
    title: document.title,
    createdAt: new Date(document.createdAt).toISOString(),
  };
}
