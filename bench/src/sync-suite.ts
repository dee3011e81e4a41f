import { runColdLoad } from './phases/cold-load.ts';
import { fanoutWorkloads, quickWorkloads, runFanout } from './phases/fanout.ts';
import { runCompaction } from './phases/compaction.ts';
import { runMemory } from './phases/memory.ts';
import { ServerProcess } from './server-process.ts';
import { shuffle, type Suite, type SuiteContext } from './suite.ts';
import { traceState } from './trace.ts';

/** A run is invalid when it measured the generator rather than the server, or lost updates. */
const generatorCpuLimit = 0.8;

async function fanoutPhase(context: SuiteContext): Promise<void> {
  const workloads = context.quick ? quickWorkloads : fanoutWorkloads;
  const seconds = context.quick ? 4 : 15;
  for (let repetition = 0; repetition < context.repetitions; repetition++) {
    const plan = shuffle(workloads.flatMap((workload) => context.targets.map((target) => ({ workload, target }))));
    for (const { workload, target } of plan) {
      const server = new ServerProcess(target);
      try {
        await server.start();
        const result = await runFanout(server, workload, seconds);
        const invalidBecause: string[] = [];
        if (result.generatorCpu > generatorCpuLimit) invalidBecause.push(`generator CPU ${(result.generatorCpu * 100).toFixed(0)} %`);
        if (result.deliveryRatio < 1) invalidBecause.push(`delivery ${result.deliveryRatio.toFixed(3)}`);
        if (!result.converged) invalidBecause.push('did not converge');
        context.record({ phase: 'fanout', name: workload.name, target, repetition, valid: invalidBecause.length === 0, invalidBecause, ...result });
        context.log(`fanout ${target} "${workload.name}" rep ${repetition}: p50 ${result.p50.toFixed(2)} p99 ${result.p99.toFixed(2)} ms, delivery ${result.deliveryRatio.toFixed(3)}, gen CPU ${(result.generatorCpu * 100).toFixed(0)} %${invalidBecause.length ? ` INVALID (${invalidBecause.join(', ')})` : ''}`);
      } catch (error) {
        context.record({ phase: 'fanout', name: workload.name, target, repetition, valid: false, invalidBecause: [`failed: ${String(error)}`] });
        context.log(`fanout ${target} "${workload.name}" failed: ${String(error)}`);
      } finally {
        await server.kill();
        await server.dispose();
      }
    }
  }
}

async function memoryPhase(context: SuiteContext): Promise<void> {
  for (let repetition = 0; repetition < context.repetitions; repetition++) {
    const plan = shuffle((context.quick ? [500] : [500, 2000]).flatMap((documents) => context.targets.map((target) => ({ documents, target }))));
    for (const { documents, target } of plan) {
      try {
        const result = await runMemory(target, documents, {
          connectionsOnOneDocument: 1000,
          capacityConnections: documents === 500 ? 5000 : 0,
          afterSeconds: 5,
        });
        context.record({ phase: 'memory', name: `${documents} small idle documents`, target, repetition, valid: true, invalidBecause: [], ...result });
        context.log(`memory ${target} ${documents}: ${result.heapPerDocumentKiB.toFixed(1)} KiB/doc, ${result.heapPerConnectionKiB.toFixed(1)} KiB/conn, +${result.heapLeftMiB.toFixed(1)} MiB after ${result.afterSeconds} s`);
      } catch (error) {
        context.record({ phase: 'memory', name: `${documents} small idle documents`, target, repetition, valid: false, invalidBecause: [`failed: ${String(error)}`] });
        context.log(`memory ${target} ${documents} failed: ${String(error)}`);
      }
    }
  }
}

async function coldLoadPhase(context: SuiteContext): Promise<void> {
  const trace = traceState();
  context.log(`B4 trace: ${trace.updates} updates, state ${(trace.bytes / 1024).toFixed(0)} KiB`);
  const plan = context.targets.flatMap((target) => (target === 'ours' ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).map((store) => ({ target, store })));
  for (let repetition = 0; repetition < context.repetitions; repetition++) {
    for (const { target, store } of shuffle(plan)) {
      const name = `one state row (${store})`;
      try {
        const result = await runColdLoad(target, trace, store);
        context.record({ phase: 'cold-load', name, target, repetition, valid: result.complete, invalidBecause: result.complete ? [] : ['incomplete text'], ...result });
        context.log(`cold load ${target} on ${store}: cold ${result.coldMs.toFixed(0)} ms, warm ${result.warmMs.toFixed(0)} ms`);
      } catch (error) {
        context.record({ phase: 'cold-load', name, target, repetition, valid: false, invalidBecause: [`failed: ${String(error)}`] });
        context.log(`cold load ${target} on ${store} failed: ${String(error)}`);
      }
    }
  }
}

export const syncSuite: Suite = {
  name: 'sync',
  description: 'fan-out latency, capacity and memory, cold load of the B4 trace, convergence: ours against @y/websocket-server and Hocuspocus',
  async run(context) {
    const chosen = (phase: string) => context.phases.length === 0 || context.phases.includes(phase);
    if (chosen('fanout')) await fanoutPhase(context);
    if (chosen('memory') && (!context.quick || context.phases.includes('memory'))) await memoryPhase(context);
    if (chosen('cold-load')) await coldLoadPhase(context);
    if (chosen('compaction') && context.targets.includes('ours')) {
      const result = runCompaction(traceState());
      context.record({ phase: 'compaction', name: 'B4 raw log → one state (in-process)', target: 'ours', repetition: 0, valid: result.complete, invalidBecause: result.complete ? [] : ['incomplete text'], ...result });
      context.log(`compaction of ${result.updates} updates: ${result.compactMs.toFixed(0)} ms, state ${(result.stateBytes / 1024).toFixed(0)} KiB, loads in ${result.loadStateMs.toFixed(0)} ms`);
    }
  },
};

export { ServerProcess };
