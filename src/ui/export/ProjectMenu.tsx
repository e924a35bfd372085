import { testHooksEnabled } from '../../state/testHooksEnabled';
import { useEffect, useRef, useState } from 'react';
import { zipSync } from 'fflate';
import { useAppStore } from '../../state/store';
import { MAX_PROJECT_CHARS, parseProject, serializeProject } from '../../core/export/projectFile';
import { shareFragment } from '../../core/export/shareLink';
import type { ModelFile } from '../../core/export/modelFiles';
import { filesWithDecision } from '../../core/export/preprocessing';
import { downloadBlob, downloadText } from './download';
import { requestImport, requestModelFiles, requestPrediction } from './modelRequests';
import { applyWorkspace, currentWorkspace, openShareLinkFromLocation } from './workspaceActions';
import { CodeExportButtons } from './CodeExportButtons';
import { RunExportButtons } from './RunExportButtons';
import './export.css';

async function readFiles(list: FileList): Promise<ModelFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
}

/** The "Project" menu: save/open project files, share links, model files and code export. */
export function ProjectMenu() {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const setGraph = useAppStore((s) => s.setGraph);
  const hasTrainedModel = useAppStore((s) => (s.run?.record.epochs.length ?? 0) > 0);
  const [shareLink, setShareLink] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const projectInput = useRef<HTMLInputElement>(null);
  const modelInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    openShareLinkFromLocation();
    const onHash = () => openShareLinkFromLocation();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    // Test hook (?testHooks=1): predictions of the trained or imported model on fixed inputs.
    if (!testHooksEnabled()) return;
    Object.assign(window, { __trainSmarterPredict: requestPrediction });
  }, []);

  const saveProject = () =>
    downloadText(
      serializeProject(currentWorkspace()),
      'train-smarter-project.json',
      'application/json',
    );

  const openProject = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    // Refused by size before reading, so a huge file never reaches memory.
    if (file.size > MAX_PROJECT_CHARS * 4) {
      pushNotice('error', `The project file ${file.name} is too large to be a project.`);
      return;
    }
    applyWorkspace(parseProject(await file.text()), `the project ${file.name}`);
  };

  const copyShareLink = async () => {
    const fragment = shareFragment(currentWorkspace());
    if (!fragment.ok) {
      setShareLink(null);
      pushNotice('error', fragment.message);
      return;
    }
    const link = `${location.origin}${location.pathname}${fragment.value}`;
    setShareLink(link);
    try {
      await navigator.clipboard.writeText(link);
      pushNotice('info', 'Share link copied to the clipboard.');
    } catch {
      pushNotice('info', 'Copy the share link from the field below the menu.');
    }
  };

  const downloadModel = async () => {
    setBusy('Preparing the model files…');
    const answer = await requestModelFiles();
    setBusy(null);
    if (!answer.ok) {
      pushNotice('error', `Could not export the model: ${answer.message}`);
      return;
    }
    const entries: Record<string, Uint8Array> = {};
    // The worker knows the run's fitting; the decision chosen since is the page's.
    const decision = useAppStore.getState().run?.record.decision;
    for (const f of filesWithDecision(answer.value, decision))
      entries[f.name] = new Uint8Array(f.data);
    const zip = zipSync(entries, { level: 6 });
    downloadBlob(
      new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      'model.zip',
    );
  };

  const importModel = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy('Loading the model…');
    const answer = await requestImport(await readFiles(list));
    setBusy(null);
    if (modelInput.current) modelInput.current.value = '';
    if (!answer.ok) {
      setUnsupported(answer.unsupported);
      pushNotice('error', `Could not import the model: ${answer.message}`);
      return;
    }
    setUnsupported([]);
    setGraph(answer.value);
    pushNotice('info', 'Model imported with its weights; it is now in the editor.');
  };

  return (
    <details className="project-menu">
      <summary>Project</summary>
      <div className="project-menu-panel" role="group" aria-label="Project, export and share">
        <button type="button" onClick={saveProject}>
          Save project
        </button>
        <button type="button" onClick={() => projectInput.current?.click()}>
          Open project
        </button>
        <input
          ref={projectInput}
          type="file"
          accept=".json,application/json"
          aria-label="Project file"
          className="export-visually-hidden"
          onChange={(e) => {
            void openProject(e.target.files);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => void copyShareLink()}>
          Copy share link
        </button>
        {shareLink && (
          <label className="field">
            <span>Share link</span>
            <input type="text" readOnly value={shareLink} onFocus={(e) => e.target.select()} />
          </label>
        )}
        <hr />
        <button
          type="button"
          onClick={() => void downloadModel()}
          disabled={!hasTrainedModel || busy !== null}
          title={hasTrainedModel ? undefined : 'Train the model for at least one epoch first'}
        >
          Download model
        </button>
        <button type="button" onClick={() => modelInput.current?.click()} disabled={busy !== null}>
          Import model
        </button>
        <input
          ref={modelInput}
          type="file"
          multiple
          accept=".zip,.json,.bin"
          aria-label="Model files"
          className="export-visually-hidden"
          onChange={(e) => void importModel(e.target.files)}
        />
        {busy && <p role="status">{busy}</p>}
        {unsupported.length > 0 && (
          <div role="alert" className="unsupported-layers">
            <p>These layers are not supported by the editor:</p>
            <ul>
              {unsupported.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          </div>
        )}
        <hr />
        <CodeExportButtons />
        <hr />
        <RunExportButtons />
      </div>
    </details>
  );
}
