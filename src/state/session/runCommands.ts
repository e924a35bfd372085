/** Starting, continuing, pausing, resuming and stopping runs. */
import {
  isActive,
  newLiveRun,
  newRunRecord,
  nextRunName,
  resumeRecord,
} from '../../core/runs/live';
import type { RunRecord } from '../../core/runs/record';
import { changesSinceRemedy, lineageFor } from '../../core/runs/lineage';
import type { AppStore, Send } from './types';

export interface RunCommands {
  /**
   * Starts a run of the current graph and settings on the loaded dataset; after a remedy
   * (and no other change) the run is the child of the remedy's parent.
   */
  train(): void;
  /**
   * Continues a stored run from its final checkpoint (weights and optimizer state, which
   * the worker reads from IndexedDB) on the loaded dataset; the caller checks it is the
   * run's data.
   */
  continueRun(record: RunRecord): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

export function createRunCommands(
  store: AppStore,
  send: Send,
  newId: () => string = () => crypto.randomUUID(),
  now: () => number = () => Date.now(),
): RunCommands {
  const command = (type: 'pause' | 'resume' | 'stop') => {
    const run = store.getState().run;
    if (run) send({ type, runId: run.record.id });
  };
  return {
    train() {
      const s = store.getState();
      // The Train button is disabled with the reason shown (useTrainBlocker); this guards races.
      if (isActive(s.run) || !s.dataset) return;
      const runId = newId();
      const names = [...s.runs.map((r) => r.name), ...(s.run ? [s.run.record.name] : [])];
      const workspace = { graph: s.graph, config: s.config, datasetChoice: s.datasetChoice };
      const pending = s.pendingRemedy;
      const lineage = lineageFor(pending, workspace);
      const record = newRunRecord({
        runId,
        name: nextRunName(names),
        now: now(),
        ...workspace,
        dataset: s.dataset,
        lineage,
      });
      s.startRun(newLiveRun(record));
      if (pending) {
        // Used up by this run, linked or not (undoRules: not an undo step).
        store.setState({ pendingRemedy: null });
        const changes = changesSinceRemedy(pending, workspace);
        if (!lineage) {
          s.pushNotice(
            'info',
            `${record.name} is not linked to ${pending.parentName}: besides the remedy, ${changes
              .slice(0, 3)
              .map((c) => c.text)
              .join('; ')} changed.`,
          );
        }
      }
      send({ type: 'train', runId, graph: s.graph, config: s.config });
    },
    continueRun(record) {
      const s = store.getState();
      const final = record.checkpoints.final;
      if (isActive(s.run) || !s.dataset || !final) return;
      s.startRun(newLiveRun(resumeRecord(record, final.epoch)));
      send({
        type: 'train',
        runId: record.id,
        graph: record.graph,
        config: record.config,
        resume: { fromEpoch: final.epoch, best: record.checkpoints.best },
      });
    },
    pause: () => command('pause'),
    resume: () => command('resume'),
    stop: () => command('stop'),
  };
}
