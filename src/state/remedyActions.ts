/**
 * Applying a diagnostics remedy to the workspace: the parent run's model, settings (seed and
 * split included) and data, plus the remedy's one change, as ONE undo step that also marks
 * the next run as the parent's child. Undo takes the whole remedy back.
 */
import type { DatasetChoice } from '../core/data/types';
import { targetForDataset } from '../core/data/target';
import { recordTask } from '../core/runs/diagnosisInput';
import { changesSinceRemedy, sameDataChoice } from '../core/runs/lineage';
import { isActive } from '../core/runs/live';
import type { RunRecord } from '../core/runs/record';
import { applyRemedy, type RemedyPlan } from '../core/train/diagnostics/remedies';
import { findLearningRate, loadCsvUpload, loadDataset, loadImageUpload } from './actions';
import type { AppState, createAppStore } from './store';
import { useAppStore } from './store';

type Store = ReturnType<typeof createAppStore>;

/** How the workspace's data is (re)loaded: the session's loaders (fakes in tests). */
export interface DataLoaders {
  load: (choice: DatasetChoice) => void;
  loadCsv: (choice: Extract<DatasetChoice, { kind: 'upload'; format: 'csv' }>) => void;
  loadImages: (choice: Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>) => void;
  /** Starts the learning-rate range test on the workspace (the find-lr remedy). */
  findLearningRate: () => void;
}

const SESSION_LOADERS: DataLoaders = {
  load: (choice) => loadDataset(choice, false),
  loadCsv: (choice) => loadCsvUpload(choice),
  loadImages: (choice) => loadImageUpload(choice, null),
  findLearningRate: () => findLearningRate(),
};

const workspaceOf = (s: AppState) => ({
  graph: s.graph,
  config: s.config,
  datasetChoice: s.datasetChoice,
});

/** Why `choice` cannot be loaded here: an upload's files live only in the tab that has them. */
function uploadProblem(current: DatasetChoice, choice: DatasetChoice): string | null {
  if (choice.kind !== 'upload' || sameDataChoice(current, choice)) return null;
  return current.kind === 'upload' && current.uploadId === choice.uploadId
    ? null
    : `its data (${choice.name}) was an upload: upload it again first.`;
}

/** Loads `choice` unless it is loaded already (uploadProblem has said it can be). */
function loadIfNeeded(current: DatasetChoice, choice: DatasetChoice, loaders: DataLoaders): void {
  if (sameDataChoice(current, choice)) return;
  if (choice.kind !== 'upload') loaders.load(choice);
  else if (choice.format === 'images') loaders.loadImages(choice);
  else loaders.loadCsv(choice);
}

/** Builds the remedy commands over a store (the app's, or a test's). */
export function createRemedyActions(store: Store, loaders: DataLoaders = SESSION_LOADERS) {
  const refuse = (parent: RunRecord, reason: string): RemedyPlan => {
    store.getState().pushNotice('warning', `Cannot prepare a remedy of ${parent.name}: ${reason}`);
    return { kind: 'refused', reason };
  };

  return {
    /**
     * Applies a remedy of `parent` to the workspace (restored from the parent first), to
     * `layers` when the finding names them (its evidence). A 'view' remedy only changes
     * how the report reads; the caller shows the report.
     */
    prepareRemedy(parent: RunRecord, remedyId: string, layers?: readonly string[]): RemedyPlan {
      const s = store.getState();
      if (isActive(s.run)) return refuse(parent, 'a run is training; stop it first.');
      const task = recordTask(parent);
      const plan = applyRemedy(remedyId, {
        graph: parent.graph,
        config: parent.config,
        datasetChoice: parent.datasetChoice,
        target: targetForDataset({ task, classNames: parent.dataset.classNames }),
        ...(layers ? { layers } : {}),
      });
      if (plan.kind === 'refused') return refuse(parent, plan.reason);
      if (plan.kind === 'view') {
        s.setHeadlineLead('balancedAccuracy');
        s.showReport(parent.id);
        return plan;
      }
      if (plan.kind === 'tool') {
        const unloadable = uploadProblem(s.datasetChoice, parent.datasetChoice);
        if (unloadable) return refuse(parent, unloadable);
        // The range test runs on the parent's model, settings and data; its suggestion
        // lands under the Learning rate field, where "Use suggested rate" applies it.
        store.setState({ graph: parent.graph, config: parent.config });
        if (!sameDataChoice(s.datasetChoice, parent.datasetChoice)) {
          loadIfNeeded(s.datasetChoice, parent.datasetChoice, loaders);
          s.pushNotice(
            'info',
            `${parent.name}'s data is loading: press "Find learning rate" when it has loaded.`,
          );
          return plan;
        }
        loaders.findLearningRate();
        return plan;
      }
      const problem = uploadProblem(s.datasetChoice, plan.datasetChoice);
      if (problem) return refuse(parent, problem);
      // Settings first: an uploaded CSV's pipeline is fitted with the workspace's seed and split.
      store.setState({
        graph: plan.graph,
        config: plan.config,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        pendingRemedy: {
          parentId: parent.id,
          parentName: parent.name,
          remedyId,
          change: plan.change,
          graph: plan.graph,
          config: plan.config,
          datasetChoice: plan.datasetChoice,
          previousDatasetChoice:
            plan.datasetChoice === parent.datasetChoice ? null : parent.datasetChoice,
        },
      });
      loadIfNeeded(s.datasetChoice, plan.datasetChoice, loaders);
      return plan;
    },

    /**
     * Takes the pending remedy back as the undo step it is. When the workspace has changed
     * since (that step is no longer the latest), the remedy is only forgotten.
     */
    undoRemedy(): void {
      const s = store.getState();
      const pending = s.pendingRemedy;
      if (!pending) return;
      const temporal = store.temporal.getState();
      const top = temporal.pastStates.at(-1);
      const untouched = changesSinceRemedy(pending, workspaceOf(s)).length === 0;
      if (!top || !('pendingRemedy' in top) || !untouched) {
        s.dismissRemedy();
        return;
      }
      temporal.undo();
      const previous = pending.previousDatasetChoice;
      if (previous && !uploadProblem(s.datasetChoice, previous))
        loadIfNeeded(s.datasetChoice, previous, loaders);
    },
  };
}

const appRemedies = createRemedyActions(useAppStore);

/** Applies a remedy of a run to the app's workspace (see createRemedyActions). */
export const prepareRemedy = appRemedies.prepareRemedy;
/** Takes the app's pending remedy back. */
export const undoRemedy = appRemedies.undoRemedy;
