import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openFresh, setSetting } from './helpers';
import { bmp, png, twoClassTree, writeFiles, zipOf } from './fixtures/images/png';
import { gif, withExifOrientation } from './fixtures/images/formats';

const folderInput = (page: Page) => page.getByLabel('Upload image folder');
const zipInput = (page: Page) => page.getByLabel('Upload zip');

/** Waits for an alert that contains every given text. */
async function expectAlert(page: Page, ...texts: string[]) {
  let alert = page.getByRole('alert');
  for (const t of texts) alert = alert.filter({ hasText: t });
  await expect(alert.first()).toBeVisible();
}

test('a folder of images uploads, shows its classes and trains a small CNN', async ({
  page,
}, info) => {
  const root = writeFiles(join(info.outputPath(), 'shapes'), twoClassTree(24));
  await openFresh(page);
  await page.getByLabel('Model template').selectOption({ value: 'cnn' });
  await folderInput(page).setInputFiles(root);

  await expect(page.getByTestId('dataset-name')).toHaveText('shapes');
  await expect(page.getByTestId('image-memory-estimate')).toContainText('48 images');
  await expect(page.getByLabel('Dataset')).toHaveValue(/^upload:images:/);
  await expect(page.getByLabel('Dataset').locator('option:checked')).toHaveText('shapes');
  // Class order is the sorted folder names; counts drive the bar chart.
  const rows = page.getByTestId('image-class-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('dots (24)');
  await expect(rows.nth(1)).toContainText('stripes (24)');
  await expect(page.getByRole('img', { name: 'dots sample 1' })).toBeVisible();
  await expect(page.getByTestId('image-size-note')).toContainText('16×16');
  // Loaded images unfold their decode options, to change them on this set.
  await expect(page.getByRole('combobox', { name: 'Image colour' })).toBeVisible();
  // The model was fitted to the images: Input (16, 16, 3).
  await expect(
    page.locator('[data-testid="layer-node"][data-layer-type="Input"] [data-testid="layer-shape"]'),
  ).toContainText('16, 16, 3');

  // Augmentation: a live preview of augmented samples.
  await page.getByText('Augmentation (training batches only)').click();
  const flip = page.getByLabel(/Horizontal flip/);
  await flip.fill('1');
  await expect(page.getByTestId('augment-preview').getByRole('img')).toHaveCount(8);

  await page.getByLabel('Backend').selectOption({ value: 'cpu' });
  await setSetting(page, 'Epochs', '2');
  await setSetting(page, 'Batch size', '16');
  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByTestId('training-status');
  await expect(status).toContainText('Done', { timeout: 80_000 });
  const loss = Number(await page.getByTestId('metric-loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);
});

test('a zip with train/ and test/ folders inside a wrapping folder uploads and trains', async ({
  page,
}, info) => {
  const dir = info.outputPath();
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, 'pets.zip');
  writeFiles(dir, {
    'pets.zip': zipOf({
      ...twoClassTree(6, 'pets/train/'),
      ...twoClassTree(2, 'pets/test/'),
      '__MACOSX/pets/._dots-0.png': 'resource fork',
      'pets/.DS_Store': 'finder',
    }),
  });
  await openFresh(page);
  await page.getByLabel('Model template').selectOption({ value: 'cnn' });
  await zipInput(page).setInputFiles(zip);
  await expect(page.getByTestId('dataset-name')).toHaveText('pets.zip');
  await expect(page.getByTestId('image-class-row').nth(0)).toContainText('dots (8)');
  await expect(page.getByTestId('image-class-row').nth(1)).toContainText('stripes (8)');
  const note = page.getByTestId('image-size-note');
  await expect(note).toContainText('train/ and test/ folders found');
  await expect(note).toContainText('2 system or hidden files ignored');
  await expect(page.getByTestId('image-skipped')).toHaveCount(0);

  // The predefined split trains: test/ images are the test split.
  await page.getByLabel('Backend').selectOption({ value: 'cpu' });
  await setSetting(page, 'Epochs', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });

  // Uploads up to 200 MB are kept in IndexedDB: the workspace's dataset survives a reload.
  await page.reload();
  await expect(page.getByTestId('dataset-name')).toHaveText('pets.zip');
  await expect(page.getByLabel('Dataset').locator('option:checked')).toHaveText('pets.zip');
  await expect(page.getByTestId('image-class-row')).toHaveCount(2);
});

test('bad image uploads each get a specific alert and the previous dataset stays', async ({
  page,
}, info) => {
  const dir = info.outputPath();
  const good = twoClassTree(3);
  writeFiles(join(dir, 'root-only'), {
    'a.png': good['dots/dots-0.png']!,
    'b.png': good['dots/dots-1.png']!,
  });
  writeFiles(join(dir, 'one-class'), { 'cats/a.png': good['dots/dots-0.png']! });
  writeFiles(join(dir, 'broken'), {
    'cats/a.png': 'not a png at all',
    'dogs/b.png': 'also not a png',
  });
  writeFiles(join(dir, 'partly'), {
    ...good,
    'dots/notes.txt': 'hello',
    'stripes/corrupt.png': 'garbage bytes',
    'dots/bitmap.bmp': bmp(16, () => [0, 200, 0]),
    // Fully transparent: composited on white.
    'dots/transparent.png': png(16, () => [0, 0, 0, 0], true),
  });
  writeFiles(dir, {
    'notes.zip': 'this is plain text with a .zip name',
    'escape.zip': zipOf({ ...good, '../evil.png': good['dots/dots-0.png']!, 'empty/': '' }),
    'bomb.zip': zipOf({ ...good, 'dots/huge.bmp': Buffer.alloc(3_000_000) }),
  });

  // The zip limit is lowered through a test hook so the bomb stays tiny.
  await openFresh(page, '?testHooks=1&zipLimitBytes=500000');
  const name = page.getByTestId('dataset-name');
  const select = page.getByLabel('Dataset');
  const before = await name.textContent();
  const beforeValue = await select.inputValue();
  const unchanged = async () => {
    await expect(name).toHaveText(before ?? '');
    await expect(select).toHaveValue(beforeValue);
  };

  await folderInput(page).setInputFiles(join(dir, 'root-only'));
  await expectAlert(page, 'no class folders');
  await unchanged();

  await folderInput(page).setInputFiles(join(dir, 'one-class'));
  await expectAlert(page, 'Only one class was found (cats/)');
  await unchanged();

  await folderInput(page).setInputFiles(join(dir, 'broken'));
  await expectAlert(page, 'none of the 2 images could be decoded', 'cats/a.png');
  await unchanged();

  await zipInput(page).setInputFiles(join(dir, 'notes.zip'));
  await expectAlert(page, 'notes.zip is not a zip file.');
  await unchanged();

  await zipInput(page).setInputFiles(join(dir, 'bomb.zip'));
  await expectAlert(page, 'bomb.zip expands to more than 0.5 MB');
  await unchanged();

  // Partly usable uploads load, with a report naming each skipped file.
  await zipInput(page).setInputFiles(join(dir, 'escape.zip'));
  await expect(name).toHaveText('escape.zip');
  const skipped = page.getByTestId('image-skipped');
  await expect(skipped).toHaveAttribute('role', 'alert');
  await expect(skipped).toContainText('../evil.png was refused: it tries to leave its folder');
  await expect(skipped).toContainText('empty/ is an empty class folder');

  await folderInput(page).setInputFiles(join(dir, 'partly'));
  await expect(name).toHaveText('partly');
  await expect(skipped).toContainText('dots/notes.txt is not an image (txt)');
  await expect(skipped).toContainText('stripes/corrupt.png could not be decoded');
  await expect(page.getByTestId('image-class-row').nth(0)).toContainText('dots (5)');
  // Samples are in path order: bitmap.bmp first, transparent.png last.
  const firstPixel = (label: string) =>
    page.getByRole('img', { name: label }).evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, 1, 1).data;
      return [d[0], d[1], d[2]];
    });
  expect(await firstPixel('dots sample 1')).toEqual([0, 200, 0]);
  expect(await firstPixel('dots sample 5')).toEqual([255, 255, 255]);
  await expect(page.getByTestId('image-class-row').nth(1)).toContainText('stripes (3)');

  // The app is still usable: a built-in dataset loads.
  await select.selectOption({ label: 'XOR' });
  await expect(name).toHaveText(/xor/i);
});

test('a zip dropped on the page loads, in grayscale', async ({ page }) => {
  const zip = zipOf(twoClassTree(3, 'drop/'));
  await openFresh(page);
  // The decode options are folded away until images are loaded; their summary tells them.
  const colour = page.getByRole('combobox', { name: 'Image colour' });
  await expect(colour).toBeHidden();
  await page.locator('summary', { hasText: 'Image options' }).click();
  await colour.selectOption('grayscale');
  await expect(page.getByTestId('image-options-summary')).toHaveText(
    '(auto size, grayscale, [0, 1])',
  );
  const transfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.zip', { type: 'application/zip' }));
    return dt;
  }, zip.toString('base64'));
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('dataset-name')).toHaveText('dropped.zip');
  await expect(page.getByTestId('image-class-row')).toHaveCount(2);
  await expect(page.getByText('(16, 16, 1)', { exact: true })).toBeVisible();
});

test('decoding shows progress and can be cancelled; the previous dataset stays', async ({
  page,
}, info) => {
  const root = writeFiles(join(info.outputPath(), 'slow'), twoClassTree(10));
  // Each image takes 150 ms more to decode (test hook), so there is time to cancel.
  await openFresh(page, '?testHooks=1&decodeDelayMs=150');
  const name = page.getByTestId('dataset-name');
  const before = await name.textContent();
  await folderInput(page).setInputFiles(root);
  const progress = page.getByTestId('image-progress');
  await expect(progress).toContainText(/Decoding \d+\/20 images \(\d+ images\/s\)/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expectAlert(page, 'Loading the images was cancelled.');
  await expect(progress).toHaveCount(0);
  await expect(name).toHaveText(before ?? '');
});

test('an upload too large to keep is asked for again after a reload and matched by fingerprint', async ({
  page,
}, info) => {
  const shapes = writeFiles(join(info.outputPath(), 'shapes'), twoClassTree(3));
  const others = writeFiles(join(info.outputPath(), 'others'), twoClassTree(4));
  // A storage limit of a few bytes: even these tiny folders are too large to keep.
  await openFresh(page, '?testHooks=1&maxStoredUploadMB=0.00001');
  await folderInput(page).setInputFiles(shapes);
  await expect(page.getByTestId('dataset-name')).toHaveText('shapes');

  await page.reload();
  await expectAlert(page, 'The images of shapes are no longer available', 'upload them again');
  const hint = page.getByTestId('image-reupload-hint');
  await expect(hint).toContainText('Upload shapes again (6 files)');

  // The same folder: it loads as the workspace's dataset, without asking anything.
  await folderInput(page).setInputFiles(shapes);
  await expect(page.getByTestId('dataset-name')).toHaveText('shapes');
  await expect(page.getByTestId('image-class-row').nth(0)).toContainText('dots (3)');
  await expect(page.getByTestId('image-reupload-mismatch')).toHaveCount(0);
  await expect(hint).toHaveCount(0);

  // Another folder: the user is told, and may keep asking or use it anyway.
  await page.reload();
  await expect(hint).toBeVisible();
  await folderInput(page).setInputFiles(others);
  const mismatch = page.getByTestId('image-reupload-mismatch');
  await expect(mismatch).toHaveText(
    /This is not the folder the workspace used: it used shapes \(6 files\), this is others \(8 files\)\. Use it anyway\?/,
  );
  await mismatch.getByRole('button', { name: 'Keep asking' }).click();
  await expect(mismatch).toHaveCount(0);
  await expect(hint).toContainText('Upload shapes again (6 files)');
  await expect(page.getByTestId('image-class-row')).toHaveCount(0);

  await folderInput(page).setInputFiles(others);
  await mismatch.getByRole('button', { name: 'Use it anyway' }).click();
  await expect(page.getByTestId('dataset-name')).toHaveText('others');
  await expect(page.getByTestId('image-class-row').nth(0)).toContainText('dots (4)');
  await expect(hint).toHaveCount(0);
  // The new folder is the workspace's now: after a reload it is the one asked for.
  await page.reload();
  await expect(hint).toContainText('Upload others again (8 files)');
});

test('JPEG, WebP, GIF and an EXIF-rotated JPEG in a zip decode with their colours and train', async ({
  page,
}, info) => {
  await openFresh(page);
  // JPEG and WebP are encoded by the browser itself; the GIF and the EXIF segment are hand-written.
  type Rgb = [number, number, number];
  const encode = (type: 'image/jpeg' | 'image/webp', w: number, h: number, halves: [Rgb, Rgb]) =>
    page
      .evaluate(
        async ({ type, w, h, halves }) => {
          const canvas = new OffscreenCanvas(w, h);
          const g = canvas.getContext('2d')!;
          // Left half, right half.
          g.fillStyle = `rgb(${halves[0].join(',')})`;
          g.fillRect(0, 0, w / 2, h);
          g.fillStyle = `rgb(${halves[1].join(',')})`;
          g.fillRect(w / 2, 0, w / 2, h);
          const blob = await canvas.convertToBlob({ type, quality: 0.95 });
          if (blob.type !== type) throw new Error(`the browser cannot encode ${type}`);
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let s = '';
          for (const b of bytes) s += String.fromCharCode(b);
          return btoa(s);
        },
        { type, w, h, halves },
      )
      .then((b64) => Buffer.from(b64, 'base64'));

  const red: Rgb = [220, 30, 30];
  const green: Rgb = [30, 200, 40];
  const blue: Rgb = [30, 40, 210];
  const jpeg = await encode('image/jpeg', 16, 16, [red, red]);
  const webp = await encode('image/webp', 16, 16, [green, green]);
  expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  expect(webp.subarray(8, 12).toString('ascii')).toBe('WEBP');
  // Stored 32 wide × 16 high, red left and blue right; Orientation 6 turns it 90° clockwise,
  // so it displays 16 wide × 32 high with red on top and blue below.
  const sideways = withExifOrientation(await encode('image/jpeg', 32, 16, [red, blue]), 6);
  const solidGif = gif(16, 16, [blue]);

  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 4; i++) {
    files[`formats/jpeg/red-${i}.jpg`] = jpeg;
    files[`formats/webp/green-${i}.webp`] = webp;
    files[`formats/gif/blue-${i}.gif`] = solidGif;
  }
  files['formats/exif/rotated-0.jpeg'] = sideways;
  files['formats/exif/rotated-1.jpeg'] = sideways;
  const dir = info.outputPath();
  writeFiles(dir, { 'formats.zip': zipOf(files) });

  await page.getByLabel('Model template').selectOption({ value: 'cnn' });
  await zipInput(page).setInputFiles(join(dir, 'formats.zip'));
  await expect(page.getByTestId('dataset-name')).toHaveText('formats.zip');
  const rows = page.getByTestId('image-class-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('exif (2)');
  await expect(rows.nth(1)).toContainText('gif (4)');
  await expect(rows.nth(2)).toContainText('jpeg (4)');
  await expect(rows.nth(3)).toContainText('webp (4)');
  await expect(page.getByTestId('image-skipped')).toHaveCount(0);
  // The most common size wins: the rotated photo is resized into it.
  await expect(page.getByTestId('image-size-note')).toContainText('16×16');

  const pixel = (label: string, x: number, y: number) =>
    page.getByRole('img', { name: label }).evaluate(
      (c: HTMLCanvasElement, [px, py]) => {
        const d = c.getContext('2d')!.getImageData(px!, py!, 1, 1).data;
        return [d[0]!, d[1]!, d[2]!];
      },
      [x, y],
    );
  // Lossy codecs may move a channel by a few levels.
  const expectNear = (actual: number[], expected: Rgb, what: string) => {
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(actual[k]! - expected[k]!), `${what}: ${actual} vs ${expected}`).toBeLessThan(
        12,
      );
    }
  };
  expect(await pixel('gif sample 1', 8, 8)).toEqual(blue); // GIF is lossless
  expectNear(await pixel('jpeg sample 1', 8, 8), red, 'JPEG');
  expectNear(await pixel('webp sample 4', 8, 8), green, 'WebP');
  // Rotated: red along the top (also top-right), blue along the bottom (also bottom-left).
  // Unrotated, the top-right would be blue and the bottom-left red.
  expectNear(await pixel('exif sample 1', 15, 1), red, 'EXIF top-right');
  expectNear(await pixel('exif sample 1', 0, 14), blue, 'EXIF bottom-left');
  expectNear(await pixel('exif sample 2', 1, 1), red, 'EXIF top-left');
  expectNear(await pixel('exif sample 2', 14, 14), blue, 'EXIF bottom-right');

  await page.getByLabel('Backend').selectOption({ value: 'cpu' });
  await setSetting(page, 'Epochs', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
  const loss = Number(await page.getByTestId('metric-loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);
});
