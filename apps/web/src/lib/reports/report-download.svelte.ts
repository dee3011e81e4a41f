import { ApiError } from '../api.ts';
import { saveFile } from './csv.ts';

export const reportFormats = ['pdf', 'docx', 'odt', 'xlsx', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The file name the server gave (`filename*=UTF-8''…` preferred), or null. */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

async function readAll(response: Response, onBytes: (received: number) => void): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  if (!reader) return [new Uint8Array(await response.arrayBuffer())];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
}

/**
 * One report download at a time: fetch the file (a large report takes a while to render on the
 * server), report progress while its bytes arrive, then hand it to the browser as a download.
 */
export class ReportDownload {
  busy = $state(false);
  /** Bytes received so far, and the total when the server said it (Content-Length). */
  received = $state(0);
  total = $state<number | null>(null);
  /** Waiting for the server to render (no bytes yet). */
  rendering = $state(false);
  failure = $state<unknown>(null);
  /** The file last saved. */
  saved = $state<string | null>(null);

  async start(snapshotId: string, format: ReportFormat, locale: string, fallbackName: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.rendering = true;
    this.received = 0;
    this.total = null;
    this.failure = null;
    this.saved = null;
    try {
      const path = `/api/snapshots/${encodeURIComponent(snapshotId)}/report?format=${format}&locale=${encodeURIComponent(locale)}`;
      let response: Response;
      try {
        response = await fetch(path, { credentials: 'same-origin' });
      } catch (cause) {
        throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
      }
      if (!response.ok) {
        const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        throw new ApiError(response.status, payload?.error?.code ?? `http_${response.status}`, payload?.error?.message ?? response.statusText);
      }
      const length = Number(response.headers.get('content-length'));
      this.total = Number.isFinite(length) && length > 0 ? length : null;
      this.rendering = false;
      const chunks = await readAll(response, (received) => (this.received = received));
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      const name = fileNameFrom(response.headers.get('content-disposition')) ?? fallbackName;
      saveFile(new Blob(chunks as BlobPart[], { type }), name);
      this.saved = name;
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
      this.rendering = false;
    }
  }
}
