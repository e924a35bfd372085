import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFresh, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, 'fixtures', 'csv', name);

/** Files refused outright: the alert names the file and the cause (and row where there is one). */
const REFUSED: [file: string, message: RegExp][] = [
  ['empty.csv', /empty\.csv is empty \(0 bytes\)/],
  ['header-only.csv', /header-only\.csv has a header row but no data rows/],
  ['unclosed-quote.csv', /quoted field starting in row 3 is never closed/],
  ['binary.csv', /binary\.csv is not a text file \(binary data at byte 7\)/],
  ['page.csv', /page\.csv is a web page \(HTML\), not a CSV/],
  ['single-column.csv', /single-column\.csv has a single column \("value"\)/],
  [
    'too-large.csv',
    /too-large\.csv is 0\.01 MB \(about 1,201 rows.*above the 0\.01 MB upload limit/,
  ],
];

/** Files that partly load: the preview opens with a report of what was skipped or changed. */
const PARTLY: [file: string, message: RegExp][] = [
  ['ragged.csv', /Skipped 1 malformed row: row 3 has 5 fields, expected 4/],
  ['non-numeric.csv', /Column "b": 2 cells are not a finite number \(rows 12, 13: "abc"\)/],
  ['non-numeric.csv', /Column "a": 1 cell is not a finite number \(row 14: "NaN"\)/],
  ['duplicate-headers.csv', /Duplicate column name "a" \(column 3\) renamed to "a \(2\)"/],
];

/** Files that parse but whose target cannot train. */
const BAD_TARGET: [file: string, message: RegExp][] = [
  ['single-class.csv', /Target "label" has a single class \("same"\)/],
  ['all-classes.csv', /Target "label" has as many classes as rows \(20\)/],
];

async function upload(page: Page, name: string): Promise<void> {
  await page.getByLabel('Upload CSV').setInputFiles(fixture(name));
}

test('every kind of bad CSV gets a specific alert, the previous dataset stays, then one trains', async ({
  page,
}) => {
  await openFresh(page, '?maxUploadMB=0.01');
  const name = page.getByTestId('dataset-name');
  const before = (await name.textContent()) ?? '';
  const select = page.getByLabel('Dataset');
  const selected = await select.inputValue();
  const stillPrevious = async () => {
    await expect(name).toHaveText(before);
    await expect(select).toHaveValue(selected);
  };

  for (const [file, message] of REFUSED) {
    await upload(page, file);
    await expect(page.getByTestId('csv-error')).toHaveText(message);
    await expect(page.getByRole('alert').filter({ hasText: message })).toHaveCount(1);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await stillPrevious();
  }

  for (const [file, message] of PARTLY) {
    await upload(page, file);
    const preview = page.getByRole('dialog', { name: file });
    await expect(preview.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await preview.getByRole('button', { name: 'Close' }).click();
    await stillPrevious();
  }

  for (const [file, message] of BAD_TARGET) {
    await upload(page, file);
    const preview = page.getByRole('dialog', { name: file });
    await expect(preview.getByRole('alert').filter({ hasText: message })).toBeVisible();
    // Confirming anyway is refused with the same reason; nothing loads.
    await preview.getByRole('button', { name: 'Use this dataset' }).click();
    await expect(preview.getByTestId('csv-error')).toHaveText(message);
    await preview.getByRole('button', { name: 'Close' }).click();
    await stillPrevious();
  }

  // A regression target with text in it: refused by the worker when confirmed.
  await upload(page, 'non-numeric.csv');
  const preview = page.getByRole('dialog', { name: 'non-numeric.csv' });
  await preview.getByLabel('Target column').selectOption('c');
  await preview.getByLabel('Task').selectOption('regression');
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(preview.getByTestId('csv-error')).toContainText('Target "c"');
  await preview.getByRole('button', { name: 'Close' }).click();
  await stillPrevious();

  // Then a good file loads and trains, with the imbalance warning and class weights on.
  await upload(page, 'small-good.csv');
  const good = page.getByRole('dialog', { name: 'small-good.csv' });
  await expect(good.getByLabel('Target column')).toHaveValue('label');
  await good.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(name).toHaveText('small-good.csv');
  await expect(page.getByTestId('imbalance-warning')).toContainText('largest/smallest = 7.0');
  await expect(page.getByTestId('majority-baseline')).toHaveText('87.5%');
  await page.getByRole('switch', { name: 'Weight classes' }).check();
  await page.getByLabel('Backend').selectOption({ value: 'cpu' });
  await setSetting(page, 'Epochs', '3');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
  await expect(page.getByTestId('metric-val-loss')).not.toBeEmpty();
});
