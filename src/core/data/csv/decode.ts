/**
 * Bytes of an uploaded file to text: UTF-8 (with or without BOM), UTF-16 (by BOM or by
 * its NUL pattern), and other text as Windows-1252 with a warning. Binary files and
 * HTML pages saved as .csv are refused with a message naming the file.
 */

export type DecodedText =
  { ok: true; text: string; encoding: string; warnings: string[] } | { ok: false; message: string };

// Enough bytes to judge the encoding without scanning a large file twice.
const SNIFF_BYTES = 64 * 1024;

/** Decodes a CSV file's bytes, or says why they are not CSV text. */
export function decodeCsvBytes(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) {
    return {
      ok: false,
      message: `${fileName} is empty (0 bytes): choose a CSV file with a header row and data rows.`,
    };
  }
  const bom = detectBom(bytes);
  if (bom) return decodeWith(bom.encoding, bytes.subarray(bom.length), []);
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return decodeWith(utf16, bytes, []);
  const binaryAt = firstBinaryByte(bytes);
  if (binaryAt !== null) {
    return {
      ok: false,
      message: `${fileName} is not a text file (binary data at byte ${binaryAt + 1}): export your data as CSV text and upload that.`,
    };
  }
  let decoded: DecodedText;
  try {
    decoded = decodeWith('utf-8', bytes, [], true);
  } catch {
    decoded = decodeWith('windows-1252', bytes, [
      `${fileName} is not valid UTF-8; it was read as Windows-1252 (Latin-1). If accented letters look wrong, save the file as UTF-8.`,
    ]);
  }
  if (decoded.ok && looksLikeHtml(decoded.text)) {
    return {
      ok: false,
      message: `${fileName} is a web page (HTML), not a CSV: download the raw file (e.g. "Raw" or "Download CSV") and upload that.`,
    };
  }
  return decoded;
}

function decodeWith(
  encoding: string,
  bytes: Uint8Array,
  warnings: string[],
  fatal = false,
): DecodedText {
  const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  return { ok: true, text, encoding, warnings };
}

function detectBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 text without a BOM: ASCII characters leave every other byte NUL. */
function utf16ByNulPattern(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Index of the first NUL or other control byte text never has, if there are several. */
function firstBinaryByte(b: Uint8Array): number | null {
  const n = Math.min(b.length, SNIFF_BYTES);
  let control = 0;
  let first: number | null = null;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    // Tab, LF, CR and form feed occur in text; other C0 bytes mean binary.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) {
      first ??= i;
      control++;
      if (c === 0) return first;
    }
  }
  return control > Math.max(2, n * 0.01) ? first : null;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    (head.startsWith('<') && /<(head|body|table|div)[\s>]/.test(head))
  );
}
