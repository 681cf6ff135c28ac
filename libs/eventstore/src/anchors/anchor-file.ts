import { constants } from 'node:fs';
import { appendFile, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { HeadAnchor } from './head-anchor';

const TAIL_BYTES = 64 * 1024;

/** One JSON line per anchor, appended (never rewritten); the file and its folder are owner-only. */
export async function appendAnchor(file: string, anchor: HeadAnchor): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** The newest anchor (last line), read from the file's tail; undefined when there is none yet. */
export async function readLatestAnchor(file: string): Promise<HeadAnchor | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const last = lines[lines.length - 1];
    if (last === undefined) return undefined;
    try {
      return JSON.parse(last) as HeadAnchor;
    } catch {
      throw new Error(`the last line of the anchor file ${file} is not an anchor (file truncated or edited?)`);
    }
  } finally {
    await handle.close();
  }
}
