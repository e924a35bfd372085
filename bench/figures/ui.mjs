// Small helpers the bench figures share to drive the app's UI.

/** Types a training setting by its label and leaves the field, as a user would. */
export async function setSetting(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
}
