/**
 * What operators must know about the sync server beyond up/down: documents that opened without
 * some of their stored history (see Room.load). Shown in /healthz and the metrics; the ids are in the log.
 */
export class SyncHealth {
  private readonly quarantined = new Set<string>();

  markQuarantined(documentId: string): void {
    this.quarantined.add(documentId);
  }

  /** Documents opened since start whose history had parts that could not be applied. */
  get quarantinedDocuments(): number {
    return this.quarantined.size;
  }
}
