import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bulkInclude, bulkScaling, bulkUpdate, withTarget } from './draft';
import { byName, draft, names } from './draftFixture';
import { COLUMN_TYPES, type ColumnType } from './types';

describe('bulk edits', () => {
  it('matches names by a case-insensitive regex, or every column for an empty pattern', () => {
    const r = bulkInclude(draft(), '^price', 'any', false);
    expect(r.changed).toBe(2);
    expect(names(r.draft, (c) => !c.include)).toEqual(['id', 'price', 'Price2']);
    expect(bulkInclude(draft(), '', 'any', true).changed).toBe(5);
  });

  it('matches by type, and by pattern and type together', () => {
    expect(names(bulkInclude(draft(), '', 'numeric', false).draft, (c) => !c.include)).toEqual([
      'id',
      'price',
      'Price2',
    ]);
    const both = bulkInclude(draft(), 'i', 'categorical', false);
    expect(both.changed).toBe(1);
    expect(names(both.draft, (c) => !c.include)).toEqual(['id', 'city']);
  });

  it('matches an invalid regex as literal text', () => {
    const d = draft({
      columns: [...draft().columns, { ...byName(draft(), 'price'), name: 'price(usd)' }],
    });
    const r = bulkInclude(d, 'price(', 'any', false);
    expect(r.changed).toBe(1);
    expect(names(r.draft, (c) => !c.include)).toEqual(['id', 'price(usd)']);
  });

  it('never touches the target column', () => {
    const r = bulkInclude(draft(), '', 'any', false);
    expect(r.changed).toBe(5);
    expect(byName(r.draft, 'label').include).toBe(true);
    const numericTarget = withTarget(draft(), 'price');
    const s = bulkScaling(numericTarget, 'price', 'any', 'minmax');
    expect(s.changed).toBe(1);
    expect(byName(s.draft, 'price').scaling).toBe('standardize');
    expect(byName(s.draft, 'Price2').scaling).toBe('minmax');
  });

  it('sets scaling only on numeric and boolean columns', () => {
    const r = bulkScaling(draft(), '', 'any', 'minmax');
    expect(r.changed).toBe(3);
    expect(names(r.draft, (c) => c.scaling === 'minmax')).toEqual(['price', 'Price2', 'flag']);
    expect(bulkScaling(draft(), '', 'categorical', 'minmax').changed).toBe(0);
  });

  it('applies any change to the columns that pass the filter', () => {
    const r = bulkUpdate(draft(), '', 'any', { missing: 'drop' }, (c) => c.name.length === 4);
    expect(r.changed).toBe(2);
    expect(names(r.draft, (c) => c.missing === 'drop')).toEqual(['flag', 'city']);
  });

  it('bulk include changes only `include`, and reports how many columns it changed', () => {
    const name = fc.string({
      unit: fc.constantFrom('a', 'B', '1', '.', '(', '[', '*', '_'),
      maxLength: 4,
    });
    const column = fc.record({
      type: fc.constantFrom(...COLUMN_TYPES),
      include: fc.boolean(),
    });
    const columns = fc.uniqueArray(fc.tuple(name, column), { maxLength: 8, selector: ([n]) => n });
    fc.assert(
      fc.property(
        columns,
        name,
        fc.constantFrom<ColumnType | 'any'>('any', ...COLUMN_TYPES),
        fc.boolean(),
        fc.nat(),
        (cols, pattern, type, include, t) => {
          const specs = cols.map(([n, c]) => ({ ...byName(draft(), 'price'), name: n, ...c }));
          const before = draft({
            columns: specs,
            target: specs[t % (specs.length + 1)]?.name ?? '',
          });
          const { draft: after, changed } = bulkInclude(before, pattern, type, include);
          expect(after.target).toBe(before.target);
          expect(after.columns).toHaveLength(before.columns.length);
          after.columns.forEach((c, i) => {
            expect({ ...c, include: before.columns[i]!.include }).toEqual(before.columns[i]);
          });
          // Starting from the opposite value, the count is exactly the columns that flipped.
          const flipped = { ...before, columns: specs.map((c) => ({ ...c, include: !include })) };
          const r = bulkInclude(flipped, pattern, type, include);
          const differ = r.draft.columns.filter(
            (c, i) => c.include !== flipped.columns[i]!.include,
          );
          expect(r.changed).toBe(differ.length);
          expect(changed).toBe(r.changed);
        },
      ),
    );
  });
});
