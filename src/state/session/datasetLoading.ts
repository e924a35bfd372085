/**
 * Loading datasets in the worker: built-in choices, confirmed CSV uploads and image
 * uploads. Only the answer to the latest request is taken; its pending state lives in
 * the store (`datasetRequest`), so an upload becomes the workspace's choice only once it
 * has loaded.
 */
import type { DatasetChoice, DatasetSummary } from '../../core/data/types';
import {
  choiceFingerprint,
  matchReupload,
  type ImageChoiceFingerprint,
} from '../../core/data/images/reupload';
import { fitGraphToDataset } from '../../core/graph/edit';
import { targetForDataset } from '../../core/data/target';
import type { ImageUploadSource } from '../../worker/images/types';
import type { FromWorker } from '../../worker/protocol';
import type { DatasetRequest } from '../dataSlice';
import { originAfterFit } from '../../core/templates/proposal';
import { applyTemplate, type PendingTemplate } from '../templateApply';
import type { AppStore, Send } from './types';

type CsvChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'csv' }>;
type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

export interface DatasetLoading {
  /**
   * Loads a choice; the previous dataset stays selected until it loads. With `template`,
   * that template is applied to it once loaded (the graph is not fitted then).
   */
  load(choice: DatasetChoice, userPicked?: boolean, template?: PendingTemplate): void;
  /** Loads a confirmed CSV upload. */
  loadCsvUpload(choice: CsvChoice): void;
  /** Hands an image upload to the worker (unless it has it already) and loads it. */
  loadImageUpload(
    choice: ImageChoice,
    source: ImageUploadSource | null,
    expect?: { name: string; fingerprint: ImageChoiceFingerprint },
  ): void;
  cancelImageLoad(): void;
  /** The worker's answers. */
  handle(
    msg: Extract<FromWorker, { type: 'datasetLoaded' | 'datasetError' | 'imageProgress' }>,
  ): void;
}

/** Image-upload test hooks read from the page URL (?testHooks=1&zipLimitBytes=…). */
export function imageTestHooksFromUrl(
  search: string,
): Extract<Parameters<Send>[0], { type: 'testHook' }> {
  const params = new URLSearchParams(search);
  const storedMB = Number(params.get('maxStoredUploadMB'));
  const hook = {
    type: 'imageUploads',
    zipLimitBytes: Number(params.get('zipLimitBytes')) || undefined,
    decodeDelayMs: Number(params.get('decodeDelayMs')) || undefined,
    maxStoredBytes: storedMB > 0 ? storedMB * 1024 * 1024 : undefined,
  } as const;
  return { type: 'testHook', hook };
}

export function createDatasetLoading(
  store: AppStore,
  send: Send,
  options: { imageTestHooks?: () => Parameters<Send>[0] | null } = {},
): DatasetLoading {
  /** Starts a request; returns its id. */
  const begin = (
    request: Omit<DatasetRequest, 'id'>,
    patch: Partial<ReturnType<AppStore['getState']>> = {},
  ) => {
    const id = store.getState().datasetRequest.id + 1;
    store.setState({ datasetRequest: { id, ...request }, datasetLoading: true, ...patch });
    return id;
  };
  /** The workspace's seed and split, which an uploaded CSV's pipeline is first fitted on. */
  const csvSplit = () => {
    const { config } = store.getState();
    return { ratios: config.split, seed: config.seed };
  };

  /**
   * An image folder asked for again (too large to keep) that is not the workspace's waits
   * for the user (ImageUpload's alert). Returns true when the load is held back.
   */
  const holdImageReupload = (summary: DatasetSummary): boolean => {
    const request = store.getState().datasetRequest;
    const pending = request.pendingChoice;
    if (pending?.kind !== 'upload' || pending.format !== 'images') return false;
    const fingerprint = choiceFingerprint(summary.fingerprint);
    if (!fingerprint) return false;
    const choice = { ...pending, fingerprint };
    store.setState({ datasetRequest: { ...request, pendingChoice: choice, expect: null } });
    if (!request.expect) return false;
    const match = matchReupload(request.expect, { name: choice.name, fingerprint });
    if (match.same) return false;
    store.setState({
      imageReuploadMismatch: { choice, message: match.message },
      datasetRequest: { ...request, pendingChoice: null, expect: null },
      datasetLoading: false,
      imageProgress: null,
    });
    return true;
  };

  const onLoaded = (summary: DatasetSummary) => {
    if (holdImageReupload(summary)) return;
    const s = store.getState();
    const { pendingChoice, fitOnLoad, template } = s.datasetRequest;
    store.setState({
      ...(pendingChoice ? { datasetChoice: pendingChoice } : {}),
      datasetRequest: {
        ...s.datasetRequest,
        pendingChoice: null,
        expect: null,
        template: undefined,
      },
      imageProgress: null,
      dataset: summary,
      datasetLoading: false,
      datasetError: null,
    });
    if (template) {
      applyTemplate(store, template, summary);
      return;
    }
    const { graph, changes } = fitGraphToDataset(
      s.graph,
      summary.featureShape,
      targetForDataset(summary),
    );
    if (changes.length > 0) {
      // Fitting is the app's change: an unedited default or template stays unedited.
      s.setGraph(graph, originAfterFit(s.graphOrigin, s.graph, graph));
      if (fitOnLoad)
        s.pushNotice('info', `Model fitted to ${summary.name}: ${changes.join('; ')}.`);
    }
  };

  return {
    load(choice, userPicked = true, template) {
      const id = begin(
        { fitOnLoad: userPicked, pendingChoice: null, expect: null, template },
        { datasetChoice: choice },
      );
      send({ type: 'loadDataset', requestId: id, choice, split: csvSplit() });
    },
    loadCsvUpload(choice) {
      const id = begin(
        { fitOnLoad: true, pendingChoice: choice, expect: null },
        { datasetError: null },
      );
      send({ type: 'loadDataset', requestId: id, choice, split: csvSplit() });
    },
    loadImageUpload(choice, source, expect) {
      const hooks = options.imageTestHooks?.();
      if (hooks) send(hooks);
      if (source) send({ type: 'registerImageUpload', uploadId: choice.uploadId, source });
      const id = begin(
        { fitOnLoad: true, pendingChoice: choice, expect: expect ?? null },
        { datasetError: null, imageProgress: null },
      );
      send({ type: 'loadDataset', requestId: id, choice });
    },
    cancelImageLoad() {
      // The cancel names the load on screen: a newer load is not cancelled by an old click.
      send({ type: 'cancelImageLoad', requestId: store.getState().datasetRequest.id });
    },
    handle(msg) {
      const s = store.getState();
      if (msg.requestId !== s.datasetRequest.id) return;
      switch (msg.type) {
        case 'datasetLoaded':
          onLoaded(msg.summary);
          return;
        case 'datasetError':
          store.setState({
            datasetRequest: { ...s.datasetRequest, pendingChoice: null, expect: null },
            datasetLoading: false,
            datasetError: msg.message,
            imageProgress: null,
          });
          s.pushNotice('error', msg.message);
          return;
        case 'imageProgress':
          store.setState({ imageProgress: msg });
          return;
        default: {
          const never: never = msg;
          throw new Error(`Unknown dataset message ${JSON.stringify(never)}`);
        }
      }
    },
  };
}
