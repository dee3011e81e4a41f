import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics (prom-client), served at GET /metrics. One registry per server instance. */
export class SyncMetrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({ name: 'yhteispaja_sync_connections', help: 'Open sync WebSockets', registers: [this.registry] });
  readonly documents = new Gauge({ name: 'yhteispaja_documents_in_memory', help: 'Documents loaded in memory', registers: [this.registry] });
  readonly updates = new Counter({ name: 'yhteispaja_sync_updates_total', help: 'Yjs updates stored from clients', registers: [this.registry] });
  readonly updateBytes = new Counter({ name: 'yhteispaja_sync_update_bytes_total', help: 'Bytes of Yjs updates stored from clients', registers: [this.registry] });
  readonly refused = new Counter({
    name: 'yhteispaja_sync_refused_total',
    help: 'Frames refused, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly storeLatency = new Histogram({
    name: 'yhteispaja_store_append_seconds',
    help: 'Time to commit one update to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly compactions = new Counter({
    name: 'yhteispaja_compactions_total',
    help: 'Update-log compactions, by result',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly quarantined = new Counter({
    name: 'yhteispaja_sync_quarantined_parts_total',
    help: 'Stored document parts left out at load because they could not be applied (see the log for the document)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'yhteispaja_' });
  }
}
