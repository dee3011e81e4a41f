import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LightClient } from '../client.ts';
import { LatencyTracker } from '../latency.ts';
import type { ServerProcess } from '../server-process.ts';
import { summarise, type Summary } from '../stats.ts';

export interface FanoutWorkload {
  name: string;
  clients: number;
  typers: number;
  charsPerSecond: number;
}

export const fanoutWorkloads: readonly FanoutWorkload[] = [
  { name: 'workshop: 50 clients, 10 typing at 5 chars/s', clients: 50, typers: 10, charsPerSecond: 5 },
  { name: '50 clients, 50 typing at 5 chars/s', clients: 50, typers: 50, charsPerSecond: 5 },
  { name: '200 clients, 20 typing at 5 chars/s', clients: 200, typers: 20, charsPerSecond: 5 },
  { name: 'warm room: 50 clients all typing at 20 chars/s', clients: 50, typers: 50, charsPerSecond: 20 },
  { name: 'hot room: 50 clients all typing at 60 chars/s', clients: 50, typers: 50, charsPerSecond: 60 },
];
/** The three of the table, for --quick. */
export const quickWorkloads = fanoutWorkloads.filter((workload) => !workload.name.startsWith('50 clients') && !workload.name.startsWith('warm'));

/** Share of keystrokes that edit a table cell (a Y.Map in a Y.Array) instead of text. */
const tableEditShare = 0.2;
const rowsPerSender = 5;
/** Full clients integrate what they receive, for the convergence check. */
const fullClients = 2;
/** A server still working through a backlog does not get to hold the run up for long. */
const verifierTimeoutMs = 5000;
const drainMs = 10_000;

export interface FanoutResult extends Summary {
  deliveryRatio: number;
  keystrokes: number;
  serverCpu: number;
  generatorCpu: number;
  serverRssMiB: number;
  converged: boolean;
  convergenceNote: string;
}

interface Sender {
  client: LightClient;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  text: Y.Text;
  rows: Y.Array<Y.Map<string>>;
}

/** One fan-out run: connect, type for `seconds`, drain, check convergence. */
export async function runFanout(server: ServerProcess, workload: FanoutWorkload, seconds: number): Promise<FanoutResult> {
  const [documentName] = await server.createDocuments(1);
  const tracker = new LatencyTracker();
  const senders: Sender[] = [];
  const clients: LightClient[] = [];
  const full: LightClient[] = [];
  const receiversPerClock = workload.clients - 1;
  for (let i = 0; i < workload.clients; i++) {
    const connection = server.connection(documentName!);
    if (i < workload.typers) {
      const doc = new Y.Doc();
      const client = new LightClient({ ...connection, doc, onUpdate: tracker.receiver(doc.clientID) });
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        if (origin === 'local') client.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated]));
      });
      senders.push({ client, doc, awareness, text: doc.getText('text'), rows: doc.getArray('rows') });
      clients.push(client);
    } else if (full.length < fullClients) {
      const client = new LightClient({ ...connection, doc: new Y.Doc(), integrate: true, onUpdate: tracker.receiver(undefined) });
      full.push(client);
      clients.push(client);
    } else {
      clients.push(new LightClient({ ...connection, onUpdate: tracker.receiver(undefined) }));
    }
  }
  await Promise.all(clients.map((client) => client.synced));
  // Each sender's own table rows, made before timing starts (their clocks carry no send time).
  for (const sender of senders) {
    sender.doc.transact(() => {
      for (let r = 0; r < rowsPerSender; r++) sender.rows.push([new Y.Map(Object.entries({ goal: '', owner: '', status: 'todo' }))]);
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 500));

  const cpuStart = process.cpuUsage();
  const serverCpuStart = server.cpuSeconds();
  const wallStart = performance.now();
  const interval = 1000 / workload.charsPerSecond;
  let keystrokes = 0;
  const timers: NodeJS.Timeout[] = [];
  const starters: NodeJS.Timeout[] = [];
  for (const sender of senders) {
    const type = () => {
      const from = Y.getState(sender.doc.store, sender.doc.clientID);
      const at = performance.now();
      if (Math.random() < tableEditShare) {
        const row = sender.rows.get(Math.floor(Math.random() * rowsPerSender));
        row.set(Math.random() < 0.5 ? 'goal' : 'owner', randomWord());
      } else {
        sender.text.insert(Math.floor(Math.random() * (sender.text.length + 1)), String.fromCharCode(97 + Math.floor(Math.random() * 26)));
      }
      tracker.recordSend(sender.doc.clientID, from, Y.getState(sender.doc.store, sender.doc.clientID), at, receiversPerClock);
      sender.awareness.setLocalStateField('cursor', { index: sender.text.length, at: keystrokes });
      keystrokes++;
    };
    starters.push(setTimeout(() => timers.push(setInterval(type, interval)), Math.random() * interval));
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const timer of [...starters, ...timers]) clearInterval(timer);
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const generatorCpu = (cpu.user + cpu.system) / 1e6 / wall;
  const serverCpu = (server.cpuSeconds() - serverCpuStart) / wall;

  // Drain: wait until everything arrived, or 10 s (the "delivered within 10 s of the end").
  const drainDeadline = performance.now() + drainMs;
  while (tracker.delivered < tracker.expected && performance.now() < drainDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
  tracker.stopped = true;
  const serverRssMiB = server.rss() / 2 ** 20;
  const convergence = await checkConvergence(server, documentName!, senders, full);
  for (const sender of senders) sender.awareness.destroy();
  for (const client of clients) client.socket.terminate();
  return {
    ...summarise(tracker.samples.values()),
    deliveryRatio: tracker.expected ? tracker.delivered / tracker.expected : 1,
    keystrokes,
    serverCpu,
    generatorCpu,
    serverRssMiB,
    ...convergence,
  };
}

/** Full clients and a fresh verifier hold the same state, and every sender's last clock. */
async function checkConvergence(server: ServerProcess, documentName: string, senders: Sender[], full: LightClient[]) {
  const verifier = new LightClient({ ...server.connection(documentName), doc: new Y.Doc(), integrate: true });
  const timedOut = await Promise.race([verifier.synced.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), verifierTimeoutMs))]);
  if (timedOut) {
    void verifier.close();
    return { converged: false, convergenceNote: `a fresh verifier did not sync within ${verifierTimeoutMs / 1000} s` };
  }
  const expected = verifier.doc!;
  const problems: string[] = [];
  for (const sender of senders) {
    const want = Y.getState(sender.doc.store, sender.doc.clientID);
    const got = Y.getState(expected.store, sender.doc.clientID);
    if (got !== want) problems.push(`verifier has clock ${got} of a sender's ${want}`);
  }
  const deadline = performance.now() + 5000;
  for (const client of full) {
    // Full clients may still be integrating the tail; give them a moment.
    while (!sameState(client.doc!, expected) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!sameState(client.doc!, expected)) problems.push('a full client differs from the verifier');
  }
  await verifier.close();
  return { converged: problems.length === 0, convergenceNote: problems.slice(0, 3).join('; ') };
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sv = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  return sv(a) === sv(b) && a.getText('text').toString() === b.getText('text').toString() && JSON.stringify(a.getArray('rows').toJSON()) === JSON.stringify(b.getArray('rows').toJSON());
}

function randomWord(): string {
  return Math.random().toString(36).slice(2, 2 + 3 + Math.floor(Math.random() * 6));
}
