/**
 * The draft, parse and error cycle of a typed field, without React: what the user typed
 * stays on screen while it is being typed, a valid value is committed, a bad one is
 * refused with its message and the committed value stays as it was.
 *
 * A draft remembers the value it was typed over (`over`). It shows only while the
 * field's value is still that one, so a value changed from outside (an opened project,
 * a finished dataset load) replaces the draft without an effect to sync them.
 */
import type { Parsed } from './numberRule';

export interface FieldDraft<T> {
  draft: { raw: string; over: T } | null;
  error: string | null;
}

export interface FieldBehaviour<T> {
  parse: (raw: string) => Parsed<T>;
  /** 'input': every valid keystroke commits; 'blur': leaving the field or Enter commits. */
  commitOn: 'input' | 'blur';
  /** On blur after a refused keystroke: 'revert' to the committed value, or 'keep' the text and message. */
  invalidBlur: 'revert' | 'keep';
  /** Whether the field's value is still the one a draft was typed over; default Object.is. */
  same?: (a: T, b: T) => boolean;
}

export type FieldEvent =
  { type: 'input'; raw: string } | { type: 'blur' } | { type: 'enter' } | { type: 'escape' };

export interface FieldStep<T> {
  state: FieldDraft<T>;
  /** Present when the event commits a value. */
  commit?: { value: T };
}

export const EMPTY_FIELD_DRAFT: FieldDraft<never> = { draft: null, error: null };

function currentDraft<T>(state: FieldDraft<T>, value: T, b: Pick<FieldBehaviour<T>, 'same'>) {
  const same = b.same ?? Object.is;
  return state.draft && same(state.draft.over, value) ? state.draft : null;
}

/** The text the field shows. */
export function fieldText<T>(
  state: FieldDraft<T>,
  value: T,
  format: (v: T) => string,
  b: Pick<FieldBehaviour<T>, 'same'> = {},
): string {
  return currentDraft(state, value, b)?.raw ?? format(value);
}

/** The message the field shows, or null; a draft replaced from outside takes its message along. */
export function fieldError<T>(
  state: FieldDraft<T>,
  value: T,
  b: Pick<FieldBehaviour<T>, 'same'> = {},
): string | null {
  return currentDraft(state, value, b) ? state.error : null;
}

function apply<T>(raw: string, value: T, b: FieldBehaviour<T>): FieldStep<T> {
  const parsed = b.parse(raw);
  if (!parsed.ok) return { state: { draft: { raw, over: value }, error: parsed.message } };
  // After an 'input' commit the value becomes the parsed one; a 'blur' commit may land
  // later (a dataset load), so the text stays until the value changes.
  const over = b.commitOn === 'input' ? parsed.value : value;
  return { state: { draft: { raw, over }, error: null }, commit: { value: parsed.value } };
}

/** The field's next state after an event, and the value to commit if any. */
export function fieldStep<T>(
  state: FieldDraft<T>,
  event: FieldEvent,
  value: T,
  b: FieldBehaviour<T>,
): FieldStep<T> {
  switch (event.type) {
    case 'input':
      return b.commitOn === 'input'
        ? apply(event.raw, value, b)
        : { state: { draft: { raw: event.raw, over: value }, error: state.error } };
    case 'enter':
    case 'blur': {
      const shown = currentDraft(state, value, b);
      if (b.commitOn === 'blur') return shown ? apply(shown.raw, value, b) : { state };
      if (event.type === 'enter') return { state };
      if (state.error !== null && b.invalidBlur === 'keep') return { state };
      return { state: { draft: null, error: null } };
    }
    case 'escape':
      return { state: { draft: null, error: null } };
    default: {
      const never: never = event;
      throw new Error(`Unknown field event ${String(never)}`);
    }
  }
}
