import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { encodeShare } from '../src/core/export/shareLink';
import { defaultGraph } from '../src/core/graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../src/core/train/types';
import { openFresh, setSetting } from './helpers';

async function openMenu(page: Page): Promise<void> {
  const summary = page.locator('summary', { hasText: 'Project' });
  if ((await page.locator('details.project-menu').getAttribute('open')) === null)
    await summary.click();
  await expect(page.getByRole('button', { name: 'Save project' })).toBeVisible();
}

async function download(page: Page, button: string): Promise<{ name: string; path: string }> {
  await openMenu(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

test.describe('export, import and share', () => {
  test('saves a project and opens it again; a hostile file changes nothing', async ({ page }) => {
    await openFresh(page);
    await page.getByLabel('Dataset').selectOption({ label: 'XOR' });
    await expect(page.getByTestId('dataset-name')).toHaveText(/xor/i);
    await setSetting(page, 'Learning rate', '0.05');
    const saved = await download(page, 'Save project');
    expect(saved.name).toMatch(/\.json$/);
    const project = JSON.parse(readFileSync(saved.path, 'utf8')) as {
      config: { learningRate: number };
    };
    expect(project.config.learningRate).toBe(0.05);

    // Change the workspace, then open the saved project.
    await page.getByLabel('Dataset').selectOption({ label: 'Circles' });
    await expect(page.getByTestId('dataset-name')).toHaveText(/circles/i);
    await setSetting(page, 'Learning rate', '0.2');
    await openMenu(page);
    await page.getByLabel('Project file').setInputFiles(saved.path);
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.05');
    await expect(page.getByTestId('dataset-name')).toHaveText(/xor/i);

    // A hostile file: refused with an alert, nothing changes.
    await setSetting(page, 'Learning rate', '0.3');
    const hostile = JSON.stringify({
      format: 'train-smarter-project',
      version: 1,
      graph: {
        version: 1,
        nodes: [{ id: 'd', type: 'Dense', params: { units: 1e12 }, position: { x: 0, y: 0 } }],
        edges: [],
      },
      datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
      config: { ...DEFAULT_TRAINING_CONFIG, learningRate: 0.9 },
    });
    await openMenu(page);
    await page.getByLabel('Project file').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    await expect(
      page.getByRole('alert').filter({ hasText: /Units must be a whole number/ }),
    ).toBeVisible();
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.3');
    await expect(page.getByTestId('layer-node')).toHaveCount(4);
  });

  test('opens a share link and restores the graph and settings', async ({ page }) => {
    await openFresh(page);
    const graph = defaultGraph();
    // A model unlike the default: the hidden layers get 5 and 3 units.
    const hidden = graph.nodes.filter((n) => n.type === 'Dense').slice(0, 2);
    hidden[0]!.params['units'] = 5;
    hidden[1]!.params['units'] = 3;
    const payload = encodeShare({
      graph,
      datasetChoice: { kind: 'synthetic', id: 'xor', size: 300, noise: 0.1 },
      config: { ...DEFAULT_TRAINING_CONFIG, learningRate: 0.07 },
    });
    await page.goto(`/#p=${payload}`);
    await expect(page.getByTestId('dataset-name')).toHaveText(/xor/i);
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.07');
    const shapes = page.getByTestId('layer-node').getByTestId('layer-shape');
    await expect(shapes).toHaveText([/\(None, 2\)/, /\(None, 5\)/, /\(None, 3\)/, /\(None, 1\)/]);
    // The fragment is cleared so a reload keeps later edits.
    expect(new URL(page.url()).hash).toBe('');

    // The app's own "Copy share link" produces a link that restores the same workspace.
    await setSetting(page, 'Learning rate', '0.03');
    await openMenu(page);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    expect(link).toMatch(/#p=[A-Za-z0-9_-]+$/);
    await openFresh(page);
    await page.goto(link);
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.03');
    await expect(shapes).toHaveText([/\(None, 2\)/, /\(None, 5\)/, /\(None, 3\)/, /\(None, 1\)/]);

    // A damaged link: an alert, and the workspace stays as it was.
    await page.goto(link.slice(0, link.length - 20) + 'AAAA');
    await expect(page.getByRole('alert').filter({ hasText: /share link/i })).toBeVisible();
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.03');
  });

  test('downloads a trained model and imports it back with equal predictions', async ({ page }) => {
    await openFresh(page, '?testHooks=1');
    await page.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
    await setSetting(page, 'Epochs', '3');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });

    const zip = await download(page, 'Download model');
    expect(zip.name).toBe('model.zip');
    const entries = unzipSync(new Uint8Array(readFileSync(zip.path)));
    expect(Object.keys(entries).sort()).toEqual([
      'model.json',
      'preprocessing.json',
      'split.json',
      'weights.bin',
    ]);
    const pre = JSON.parse(new TextDecoder().decode(entries['preprocessing.json'])) as {
      featureShape: number[];
      classNames: string[];
    };
    expect(pre.featureShape).toEqual([2]);
    expect(pre.classNames.length).toBe(2);
    const split = JSON.parse(new TextDecoder().decode(entries['split.json'])) as Record<
      string,
      number[]
    >;
    const rows = [...split['train']!, ...split['validation']!, ...split['test']!];
    expect(new Set(rows).size).toBe(400);

    await openMenu(page);
    await page.getByLabel('Model files').setInputFiles(zip.path);
    await expect(page.getByRole('status').filter({ hasText: 'Model imported' })).toBeVisible();
    await expect(page.getByTestId('layer-node')).toHaveCount(4);

    const inputs = [0, 0, 0.5, -0.5, -1, 1, 0.9, 0.1, -0.3, -0.7];
    const predict = (source: 'trained' | 'imported') =>
      page.evaluate(
        async ([src, values]) => {
          const hook = (
            window as unknown as {
              __trainSmarterPredict: (
                s: string,
                v: number[],
                sh: number[],
              ) => Promise<{ ok: boolean; value: { values: number[] } }>;
            }
          ).__trainSmarterPredict;
          return hook(src as string, values as number[], [5, 2]);
        },
        [source, inputs] as const,
      );
    const trained = await predict('trained');
    const imported = await predict('imported');
    expect(trained.ok && imported.ok).toBe(true);
    expect(imported.value.values).toHaveLength(5);
    // Trained for 3 epochs, so the outputs are not all equal (a real model, not a constant).
    expect(new Set(trained.value.values.map((v) => v.toFixed(4))).size).toBeGreaterThan(1);
    trained.value.values.forEach((v, i) =>
      expect(Math.abs(v - imported.value.values[i]!)).toBeLessThan(1e-5),
    );

    // The run's metrics as CSV and its loss chart as SVG and PNG.
    const csv = readFileSync((await download(page, 'Download metrics CSV')).path, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('epoch,loss,val_loss,accuracy,val_accuracy,duration_ms');
    expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2', '3']);
    const svgText = readFileSync((await download(page, 'Download chart SVG')).path, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('recharts-line');
    const png = readFileSync((await download(page, 'Download chart PNG')).path);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // The downloaded PyTorch script, loaded with the downloaded weights, predicts the same.
    const keras = await download(page, 'Download Keras script');
    expect(keras.name).toBe('model_keras.py');
    expect(readFileSync(keras.path, 'utf8')).toMatch(
      /--strategy[\s\S]*MultiWorkerMirroredStrategy/,
    );
    const torchScript = await download(page, 'Download PyTorch script');
    expect(torchScript.name).toBe('model_pytorch.py');
    const dir = mkdtempSync(join(tmpdir(), 'export-e2e-'));
    writeFileSync(join(dir, 'model_pytorch.py'), readFileSync(torchScript.path));
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(dir, name), bytes);
    const job = {
      script: join(dir, 'model_pytorch.py'),
      modelJson: join(dir, 'model.json'),
      values: inputs,
      shape: [5, 2],
    };
    writeFileSync(join(dir, 'job.json'), JSON.stringify(job));
    const out = JSON.parse(
      execFileSync('/usr/bin/python3', ['tests/python/torch_forward.py', join(dir, 'job.json')], {
        encoding: 'utf8',
      }),
    ) as { values: number[] };
    out.values.forEach((v, i) => expect(Math.abs(v - trained.value.values[i]!)).toBeLessThan(1e-4));
  });

  test('import lists unsupported layers', async ({ page }) => {
    await openFresh(page);
    const modelJson = {
      format: 'layers-model',
      modelTopology: {
        class_name: 'Model',
        config: {
          layers: [
            {
              name: 'in',
              class_name: 'InputLayer',
              config: { batch_input_shape: [null, 4, 3] },
              inbound_nodes: [],
            },
            {
              name: 'lstm_1',
              class_name: 'LSTM',
              config: { units: 3 },
              inbound_nodes: [[['in', 0, 0, {}]]],
            },
          ],
        },
      },
      weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
    };
    await openMenu(page);
    await page.getByLabel('Model files').setInputFiles([
      {
        name: 'model.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(modelJson)),
      },
      { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) },
    ]);
    await expect(
      page.getByRole('alert').filter({ hasText: 'not supported by the editor' }),
    ).toContainText('lstm_1 (LSTM)');
    await expect(page.getByTestId('layer-node')).toHaveCount(4);
  });
});
