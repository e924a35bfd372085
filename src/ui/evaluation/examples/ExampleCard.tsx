import type { ReactNode } from 'react';
import type { Pixels } from '../../../core/data/images/pixels';
import type { RawCell } from '../../../core/data/pipeline/raw';
import { topClass } from '../../../core/predict/prediction';
import { ImageThumbnail } from './ImageThumbnail';
import { SaliencyImage } from '../saliency/SaliencyImage';
import type { TryAvailability } from '../try/tryModelRef';
import { ProbabilityBars } from './ProbabilityBars';

/** What a card shows of its row: an image, original values, or nothing (data not loaded). */
export type ExampleMedia =
  | { kind: 'image'; image: Pixels }
  /** `label`: where the row is in the user's file, when known. */
  | { kind: 'values'; columns: string[]; values: RawCell[]; label?: string }
  | { kind: 'none' };

// A wide table (hundreds of pixel columns) shows its first columns; the rest fold away.
const VISIBLE_COLUMNS = 16;
// Past 10 classes a card lists the most probable ones and the actual one.
const CARD_CLASSES = 5;

const cellText = (v: RawCell) => (v === null ? '(missing)' : String(v));

function ValuesTable({ columns, values }: { columns: string[]; values: RawCell[] }) {
  const row = (c: string, j: number) => (
    <tr key={c}>
      <th scope="row">{c}</th>
      <td className={values[j] === null ? 'missing' : undefined}>{cellText(values[j] ?? null)}</td>
    </tr>
  );
  const rest = columns.length - VISIBLE_COLUMNS;
  return (
    <div className="example-values">
      <table>
        <tbody>{columns.slice(0, VISIBLE_COLUMNS).map(row)}</tbody>
      </table>
      {rest > 0 && (
        <details>
          <summary>{rest} more columns</summary>
          <table>
            <tbody>
              {columns.slice(VISIBLE_COLUMNS).map((c, j) => row(c, j + VISIBLE_COLUMNS))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

/** One example: its data, its class probabilities (actual and predicted marked), its actions. */
export function ExampleCard({
  row,
  media,
  classNames,
  probabilities,
  actual,
  actions,
  saliency,
}: {
  row: number;
  media: ExampleMedia;
  classNames: string[];
  probabilities: Float32Array;
  actual: number;
  actions?: ReactNode;
  /** Image cards: the run's model for their saliency maps (or why there is none). */
  saliency?: TryAvailability;
}) {
  const regression = classNames.length === 0;
  const predicted = regression ? -1 : topClass(Array.from(probabilities));
  const name = (k: number) => classNames[k] ?? String(k);
  const imageLabel = `Row ${row}: actual ${name(actual)}, predicted ${name(predicted)}`;
  return (
    <li
      className="example-card"
      data-testid="example"
      data-row={row}
      data-actual={regression ? actual : name(actual)}
      data-predicted={regression ? probabilities[0] : name(predicted)}
    >
      <p className="example-meta">
        {media.kind === 'values' && media.label ? media.label : `Row ${row}`}
        {regression && (
          <>
            {' '}
            · actual {actual.toPrecision(4)} · predicted {(probabilities[0] ?? NaN).toPrecision(4)}
          </>
        )}
      </p>
      {media.kind === 'image' &&
        (saliency ? (
          <SaliencyImage
            image={media.image}
            label={imageLabel}
            availability={saliency}
            classNames={classNames}
            defaultClass={Math.max(predicted, 0)}
          />
        ) : (
          <ImageThumbnail image={media.image} label={imageLabel} />
        ))}
      {media.kind === 'values' && <ValuesTable columns={media.columns} values={media.values} />}
      {!regression && (
        <ProbabilityBars
          classNames={classNames}
          probabilities={probabilities}
          actual={actual}
          testId="example-probability"
          limit={classNames.length > 10 ? CARD_CLASSES : undefined}
        />
      )}
      {actions && <div className="example-actions">{actions}</div>}
    </li>
  );
}
