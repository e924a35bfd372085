/**
 * A confusion matrix as a standalone SVG (for its PNG download): the matrix on screen is
 * an HTML table, so the picture is drawn from the same numbers and colours instead.
 */
import { confusionCellColors, type Theme } from './colorScale';

export interface MatrixPicture {
  title: string;
  classNames: readonly string[];
  /** Text of each cell, [actual][predicted]. */
  text: readonly (readonly string[])[];
  /** Colour-scale value of each cell, 0..1. */
  shade: readonly (readonly number[])[];
  theme: Theme;
}

const CELL = 56;
const FONT = 12;
const CHAR = 7; // rough width of a 12 px character, for label room

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The matrix with its axes ("Actual" rows, "Predicted" columns) as SVG text. */
export function confusionMatrixSvg(m: MatrixPicture): string {
  const k = m.classNames.length;
  const labelWidth = 24 + CHAR * Math.min(24, Math.max(4, ...m.classNames.map((n) => n.length)));
  const top = 64;
  const left = 24 + labelWidth;
  const width = left + k * CELL + 16;
  const height = top + k * CELL + 16;
  const ink = m.theme === 'dark' ? '#e6edf3' : '#1b1f24';
  const paper = m.theme === 'dark' ? '#171d24' : '#ffffff';
  const short = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="${paper}"/>`,
    `<text x="8" y="18" font-weight="600" fill="${ink}">${escapeXml(m.title)}</text>`,
    `<text x="${left + (k * CELL) / 2}" y="36" text-anchor="middle" fill="${ink}">Predicted</text>`,
    `<text transform="translate(14 ${top + (k * CELL) / 2}) rotate(-90)" text-anchor="middle" fill="${ink}">Actual</text>`,
  ];
  m.classNames.forEach((name, c) => {
    const label = escapeXml(short(name));
    parts.push(
      `<text x="${left + c * CELL + CELL / 2}" y="${top - 8}" text-anchor="middle" fill="${ink}">${label}</text>`,
      `<text x="${left - 6}" y="${top + c * CELL + CELL / 2 + 4}" text-anchor="end" fill="${ink}">${label}</text>`,
    );
  });
  m.text.forEach((row, a) =>
    row.forEach((text, p) => {
      const colors = confusionCellColors(m.shade[a]?.[p] ?? 0, m.theme);
      const x = left + p * CELL;
      const y = top + a * CELL;
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${colors.background}" stroke="${ink}" stroke-opacity="0.2"/>`,
        `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 4}" text-anchor="middle" fill="${colors.text}">${escapeXml(text)}</text>`,
      );
    }),
  );
  parts.push('</svg>');
  return parts.join('\n');
}
