import type { FilePart } from './messages.js';

/** What files a message may carry. */
export interface FileRules {
  /**
   * The types taken, as an `<input type="file">`'s `accept`: MIME types, `type/*` or extensions, comma-separated.
   * @default undefined (any type)
   * @example "image/*,.pdf"
   */
  accept?: string | undefined;
  /** Files per message. @default 4 */
  maxFiles: number;
  /** Bytes per file. @default 10 MiB */
  maxFileSize: number;
}

export const defaultFileRules: FileRules = { maxFiles: 4, maxFileSize: 10 * 1024 * 1024 };

/** Why a file was refused: its type, its size, or one file too many. */
export type FileRefusal = 'type' | 'size' | 'count';

/** What {@link checkFiles} says of some files. */
export interface FileCheck<F> {
  accepted: F[];
  rejected: { file: F; reason: FileRefusal }[];
}

/** The part of a file a check needs: a `File`, or a `FilePart` already read. */
type Checked = { name: string; size: number } & ({ type: string } | { mediaType: string });

const typeOf = (file: Checked): string => ('type' in file ? file.type : file.mediaType).toLowerCase();

/** Whether a file is of a type `accept` takes (as a browser's file picker reads `accept`). */
export function matchesAccept(file: Checked, accept: string | undefined): boolean {
  if (!accept?.trim()) return true;
  const type = typeOf(file);
  const name = file.name.toLowerCase();
  return accept.split(',').some((raw) => {
    const token = raw.trim().toLowerCase();
    if (token === '') return false;
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

/** Sorts files into those the rules take and those they refuse (with why), `attached` being already taken. */
export function checkFiles<F extends Checked>(files: readonly F[], rules: FileRules, attached = 0): FileCheck<F> {
  const check: FileCheck<F> = { accepted: [], rejected: [] };
  for (const file of files) {
    const reason: FileRefusal | null = !matchesAccept(file, rules.accept)
      ? 'type'
      : file.size > rules.maxFileSize
        ? 'size'
        : attached + check.accepted.length >= rules.maxFiles
          ? 'count'
          : null;
    if (reason) check.rejected.push({ file, reason });
    else check.accepted.push(file);
  }
  return check;
}

/** Base64 of some bytes, in slices (a spread of millions of arguments would overflow the stack). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** A file as a message part: its bytes in a data URL, which is both what the model is sent and what is shown. */
export async function toFilePart(file: File): Promise<FilePart> {
  const mediaType = file.type || 'application/octet-stream';
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    type: 'file',
    name: file.name,
    mediaType,
    size: file.size,
    url: `data:${mediaType};base64,${base64(bytes)}`,
  };
}

/** What {@link readFiles} gives: every file as a part, or the first one that could not be read. */
export type ReadFiles = { parts: FilePart[] } | { unreadable: File; cause: unknown };

/** Reads files into message parts (`FilePart`s pass as they are); a file that cannot be read is named, not thrown. */
export async function readFiles(files: readonly (File | FilePart)[]): Promise<ReadFiles> {
  const results = await Promise.allSettled(files.map((file) => (file instanceof Blob ? toFilePart(file) : file)));
  const parts: FilePart[] = [];
  for (const [at, result] of results.entries()) {
    if (result.status === 'fulfilled') parts.push(result.value);
    else return { unreadable: files[at] as File, cause: result.reason };
  }
  return { parts };
}
