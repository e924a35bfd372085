/** The NumberField cycle without React: what is typed, shown, refused and committed. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FIELD_DRAFT,
  fieldError,
  fieldStep,
  fieldText,
  type FieldBehaviour,
  type FieldDraft,
  type FieldEvent,
} from './fieldDraft';
import { parseNumberInput } from './numberRule';

const rule = { label: 'Epochs', integer: true, min: 1, max: 100 };
const parse = (raw: string) => parseNumberInput(raw, rule);

/** A field over a value held outside it, as a store would: events in, what shows out. */
function field(behaviour: Omit<FieldBehaviour<number>, 'parse'>, initial: number) {
  const b: FieldBehaviour<number> = { parse, ...behaviour };
  let state: FieldDraft<number> = EMPTY_FIELD_DRAFT;
  const commits: number[] = [];
  const f = {
    value: initial,
    commits,
    send(event: FieldEvent) {
      const step = fieldStep(state, event, f.value, b);
      state = step.state;
      if (step.commit) {
        commits.push(step.commit.value);
        f.value = step.commit.value;
      }
      return f;
    },
    type: (raw: string) => f.send({ type: 'input', raw }),
    get text() {
      return fieldText(state, f.value, String);
    },
    get error() {
      return fieldError(state, f.value);
    },
  };
  return f;
}

describe('a field that commits as the user types', () => {
  it('commits each valid keystroke and keeps the text as typed', () => {
    const f = field({ commitOn: 'input', invalidBlur: 'revert' }, 30);
    f.type('5').type('50');
    expect(f.commits).toEqual([5, 50]);
    expect(f.type('050').text).toBe('050');
    expect(f.error).toBeNull();
  });

  it('refuses a bad value with its message and keeps the last good one', () => {
    const f = field({ commitOn: 'input', invalidBlur: 'revert' }, 30);
    f.type('500');
    expect(f.value).toBe(30);
    expect(f.text).toBe('500');
    expect(f.error).toBe('Epochs must be from 1 to 100.');
    expect(f.commits).toEqual([]);
  });

  it('reverts to the committed value on blur, or keeps the refused text when asked', () => {
    const revert = field({ commitOn: 'input', invalidBlur: 'revert' }, 30).type('x');
    revert.send({ type: 'blur' });
    expect([revert.text, revert.error]).toEqual(['30', null]);
    const keep = field({ commitOn: 'input', invalidBlur: 'keep' }, 30).type('x');
    keep.send({ type: 'blur' });
    expect([keep.text, keep.error]).toEqual(['x', 'Epochs must be a number from 1 to 100.']);
    keep.send({ type: 'escape' });
    expect([keep.text, keep.error]).toEqual(['30', null]);
  });

  it('shows a value set from outside instead of a stale draft', () => {
    const f = field({ commitOn: 'input', invalidBlur: 'keep' }, 30).type('500');
    f.value = 7; // e.g. a project was opened
    expect([f.text, f.error]).toEqual(['7', null]);
  });
});

describe('a field that commits on blur or Enter', () => {
  it('commits only when left or on Enter', () => {
    const f = field({ commitOn: 'blur', invalidBlur: 'keep' }, 30).type('40');
    expect(f.commits).toEqual([]);
    f.send({ type: 'enter' });
    expect(f.commits).toEqual([40]);
    f.type('60').send({ type: 'blur' });
    expect(f.commits).toEqual([40, 60]);
  });

  it('keeps a refused value and its message until it is fixed', () => {
    const f = field({ commitOn: 'blur', invalidBlur: 'keep' }, 30).type('0');
    f.send({ type: 'blur' });
    expect([f.text, f.error, f.commits]).toEqual(['0', 'Epochs must be from 1 to 100.', []]);
    f.type('8');
    expect(f.error).toBe('Epochs must be from 1 to 100.');
    f.send({ type: 'enter' });
    expect([f.text, f.error, f.commits]).toEqual(['8', null, [8]]);
  });

  it('keeps the typed text while a commit lands later', () => {
    const b: FieldBehaviour<number> = { parse, commitOn: 'blur', invalidBlur: 'keep' };
    let state = fieldStep(EMPTY_FIELD_DRAFT, { type: 'input', raw: '080' }, 30, b).state;
    const step = fieldStep(state, { type: 'blur' }, 30, b);
    state = step.state;
    expect(step.commit).toEqual({ value: 80 });
    // The value is still 30 until the dataset reloads: the field shows what was typed.
    expect(fieldText(state, 30, String)).toBe('080');
    expect(fieldText(state, 80, String)).toBe('80');
  });

  it('does not commit when left untouched', () => {
    const f = field({ commitOn: 'blur', invalidBlur: 'keep' }, 30);
    f.send({ type: 'blur' }).send({ type: 'enter' });
    expect(f.commits).toEqual([]);
  });
});
