/**
 * Share links: the graph and settings in the URL fragment (`#p=`), so opening the link
 * restores them without any server. Format: a version byte, a CRC-32 of the JSON, then deflated JSON, all as
 * base64url. Decoding validates with the same schema as project files.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import {
  parseJsonSafely,
  parseWorkspace,
  type ParseOutcome,
  type Workspace,
  type WorkspaceOutcome,
} from './workspaceSchema';

export const SHARE_VERSION = 1;
export const SHARE_PREFIX = '#p=';
/** Above this the link is unwieldy in chats and some browsers; offer a project file. */
export const MAX_SHARE_CHARS = 8 * 1024;
// Inflated JSON above this is refused: a tiny link must not expand into a huge string.
const MAX_INFLATED_BYTES = 1_000_000;
// Version byte, then the CRC-32 of the JSON (big-endian), then the deflated JSON.
const HEADER_BYTES = 5;

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE): raw deflate has no checksum, and a tampered link must not pass as valid. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The fragment payload (after `#p=`) encoding a workspace. */
export function encodeShare(ws: Workspace): string {
  const json = JSON.stringify({
    graph: ws.graph,
    datasetChoice: ws.datasetChoice,
    config: ws.config,
  });
  const raw = strToU8(json);
  const deflated = deflateSync(raw, { level: 9 });
  const bytes = new Uint8Array(deflated.length + HEADER_BYTES);
  bytes[0] = SHARE_VERSION;
  new DataView(bytes.buffer).setUint32(1, crc32(raw));
  bytes.set(deflated, HEADER_BYTES);
  return toBase64Url(bytes);
}

/** The full fragment (`#p=...`), or a message when it is too long to share as a link. */
export function shareFragment(ws: Workspace): ParseOutcome<string> {
  const fragment = SHARE_PREFIX + encodeShare(ws);
  if (fragment.length > MAX_SHARE_CHARS) {
    return {
      ok: false,
      message: `This model is too large for a share link (${(fragment.length / 1024).toFixed(1)} KB; at most 8 KB). Use "Save project" and share the file instead.`,
    };
  }
  return { ok: true, value: fragment };
}

const BROKEN =
  'The share link is damaged or incomplete; ask for the link again, or for a project file.';

/** Decodes a payload made by `encodeShare`, validating everything. */
export function decodeShare(payload: string): WorkspaceOutcome {
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length <= HEADER_BYTES) return { ok: false, message: BROKEN };
  if (bytes[0] !== SHARE_VERSION) {
    return {
      ok: false,
      message: `The share link has version ${bytes[0]}; this app opens version ${SHARE_VERSION}.`,
    };
  }
  let text: string;
  try {
    const inflated = inflateSync(bytes.subarray(HEADER_BYTES));
    if (inflated.length > MAX_INFLATED_BYTES) return { ok: false, message: BROKEN };
    const expected = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1);
    if (crc32(inflated) !== expected) return { ok: false, message: BROKEN };
    text = strFromU8(inflated);
  } catch {
    return { ok: false, message: BROKEN };
  }
  const json = parseJsonSafely(text, MAX_INFLATED_BYTES, 'The share link');
  if (!json.ok) return { ok: false, message: BROKEN };
  return parseWorkspace(json.value, 'The share link');
}

/** The payload of a `#p=` fragment, or null when the fragment is something else. */
export function sharePayload(hash: string): string | null {
  return hash.startsWith(SHARE_PREFIX) ? hash.slice(SHARE_PREFIX.length) : null;
}
