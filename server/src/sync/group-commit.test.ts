import { describe, expect, it } from 'vitest';
import type { UpdateLog } from '../storage/ports.ts';
import { GroupCommit } from './group-commit.ts';

/** An update log that records each transaction and can be told to fail, or to hold a commit open. */
function recordingLog() {
  const transactions: string[][] = [];
  const state = { failFor: undefined as string | undefined, hold: undefined as Promise<void> | undefined };
  const log = {
    async appendMany(entries: readonly { documentId: string; update: Uint8Array }[]) {
      if (state.hold) await state.hold;
      if (state.failFor && entries.some((entry) => entry.documentId === state.failFor)) throw new Error('disk full');
      transactions.push(entries.map((entry) => `${entry.documentId}:${entry.update[0]}`));
    },
  } as unknown as UpdateLog;
  return { log, transactions, state };
}

const entry = (documentId: string, n: number) => ({ documentId, update: new Uint8Array([n]) });

describe('group commit', () => {
  it('commits what arrives in one turn, across rooms, in one transaction, in order', async () => {
    const { log, transactions } = recordingLog();
    const commit = new GroupCommit(log);
    await Promise.all([commit.append([entry('a', 1), entry('a', 2)]), commit.append([entry('b', 3)]), commit.append([entry('a', 4)])]);
    expect(transactions).toEqual([['a:1', 'a:2', 'b:3', 'a:4']]);
  });

  it('collects what arrives while a commit is in flight into the next transaction', async () => {
    const { log, transactions, state } = recordingLog();
    let release!: () => void;
    state.hold = new Promise((resolve) => (release = resolve));
    const commit = new GroupCommit(log);
    const first = commit.append([entry('a', 1)]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commit.append([entry('a', 2)]), commit.append([entry('b', 3)])];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(transactions).toEqual([]);
    state.hold = undefined;
    release();
    await Promise.all([first, ...later]);
    expect(transactions).toEqual([['a:1'], ['a:2', 'b:3']]);
  });

  it('resolves nothing before the commit, and fails only the room whose entries the store refused', async () => {
    const { log, transactions, state } = recordingLog();
    state.failFor = 'bad';
    const commit = new GroupCommit(log);
    let goodDone = false;
    const good = commit.append([entry('good', 1)]).then(() => (goodDone = true));
    const bad = commit.append([entry('bad', 2)]);
    expect(goodDone).toBe(false);
    await expect(bad).rejects.toThrow('disk full');
    await good;
    expect(transactions).toEqual([['good:1']]);
  });
});
