/**
 * A confusion matrix as a table (rows actual, columns predicted), counts or row-normalised,
 * each cell a button that opens the examples behind it; the most confused pairs below.
 */
import { memo, useId, useState } from 'react';
import { confusionCellColors } from '../../core/evaluation/colorScale';
import { mostConfusedPairs } from '../../core/evaluation/confusion';
import { confusionMatrixSvg } from '../../core/evaluation/matrixSvg';
import { confusionCsv } from '../../core/evaluation/reportCsv';
import { percent } from './format';
import { CopyCsvButton, PngButton } from './ReportTools';
import { useTheme } from './useTheme';

export interface ConfusionMatrixProps {
  /** Which split, for the caption and `data-split`. */
  split: 'test' | 'validation';
  title: string;
  counts: number[][];
  normalized: number[][];
  classNames: readonly string[];
  /** Opens the examples of a cell; absent when the run kept no outputs. */
  onOpenCell?: (actual: number, predicted: number) => void;
  /** How many confused pairs to list (0: none). */
  pairs?: number;
}

export const ConfusionMatrix = memo(function ConfusionMatrix({
  split,
  title,
  counts,
  normalized,
  classNames,
  onOpenCell,
  pairs = 5,
}: ConfusionMatrixProps) {
  const theme = useTheme();
  const toggleId = useId();
  const [rowNormalised, setRowNormalised] = useState(false);
  const name = (c: number) => classNames[c] ?? String(c);
  const max = Math.max(1, ...counts.flat());
  const shade = counts.map((row, a) =>
    row.map((count, p) => (rowNormalised ? normalized[a]![p]! : count / max)),
  );
  const text = counts.map((row, a) =>
    row.map((count, p) => (rowNormalised ? normalized[a]![p]!.toFixed(2) : String(count))),
  );
  const confused = pairs > 0 ? mostConfusedPairs(counts, pairs) : [];
  const viewName = rowNormalised ? 'row-normalised' : 'counts';
  const what = `${split} confusion matrix`;
  return (
    <div className="cm-block">
      <div className="cm-tools">
        <label className="field checkbox" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={rowNormalised}
            onChange={(e) => setRowNormalised(e.target.checked)}
          />
          <span>Row-normalised</span>
        </label>
        <CopyCsvButton
          what={what}
          csv={() => confusionCsv(rowNormalised ? normalized : counts, classNames)}
        />
        <PngButton
          what={what}
          filename={`${split}-confusion-matrix.png`}
          svg={() =>
            confusionMatrixSvg({
              title: `${title} (${viewName})`,
              classNames: counts.map((_, c) => name(c)),
              text,
              shade,
              theme,
            })
          }
        />
      </div>
      <div className="cm-scroll">
        <table
          className="cm"
          data-testid="confusion-matrix"
          data-split={split}
          data-view={viewName}
        >
          <caption>
            {title} ({rowNormalised ? 'share of each actual class' : 'counts'})
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={counts.length} className="axis">
                Predicted
              </th>
            </tr>
            <tr>
              <th scope="col" className="axis">
                Actual
              </th>
              {counts.map((_, p) => (
                <th key={p} scope="col">
                  {name(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counts.map((row, a) => (
              <tr key={a}>
                <th scope="row">{name(a)}</th>
                {row.map((count, p) => {
                  const colors = confusionCellColors(shade[a]![p]!, theme);
                  const fraction = normalized[a]![p]!;
                  return (
                    <td key={p} className={a === p ? 'diagonal' : undefined}>
                      <button
                        type="button"
                        data-testid="cm-cell"
                        data-actual={name(a)}
                        data-predicted={name(p)}
                        data-count={count}
                        data-fraction={fraction.toFixed(4)}
                        style={{ background: colors.background, color: colors.text }}
                        disabled={!onOpenCell || count === 0}
                        title={
                          onOpenCell ? undefined : 'Examples need a run that kept its outputs.'
                        }
                        aria-label={`${text[a]![p]}: ${count} rows of ${name(a)} predicted as ${name(p)} (${percent(fraction)} of ${name(a)})${onOpenCell && count > 0 ? '; show the examples' : ''}`}
                        onClick={() => onOpenCell?.(a, p)}
                      >
                        {text[a]![p]}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confused.length > 0 && (
        <div className="confused-pairs">
          <h4>Most confused pairs</h4>
          <ol>
            {confused.map((c) => (
              <li key={`${c.actual}-${c.predicted}`}>
                {onOpenCell ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onOpenCell(c.actual, c.predicted)}
                  >
                    {name(c.actual)} → {name(c.predicted)}: {c.count}
                  </button>
                ) : (
                  `${name(c.actual)} → ${name(c.predicted)}: ${c.count}`
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
});
