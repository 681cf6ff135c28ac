import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Who started the embedded PostgreSQL of a data folder. After `kill -9` of par-index its
 * PostgreSQL keeps running, orphaned; this record lets the next start tell that orphan (owner gone)
 * from a folder a live par-index still uses (owner alive: refuse).
 */
interface OwnerRecord {
  pid: number;
  /** the owner's start time in clock ticks since boot (Linux), so a recycled pid is not mistaken for it */
  startTicks: string | null;
  /** the postmaster it started, once started: the only PostgreSQL a later start may stop */
  postmasterPid?: number;
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'par-index.owner.json');

/** Field 22 of /proc/<pid>/stat; null where there is no /proc (then only the pid is compared). */
function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie (an orphan's zombie lingers until its new parent reaps it). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export function recordOwner(dataDir: string, postmasterPid?: number): void {
  const record: OwnerRecord = { pid: process.pid, startTicks: processStartTicks(process.pid), postmasterPid };
  writeFileSync(ownerFile(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

export function forgetOwner(dataDir: string): void {
  rmSync(ownerFile(dataDir), { force: true });
}

export type OwnerState = { kind: 'unknown' } | { kind: 'alive'; pid: number } | { kind: 'gone'; pid: number; postmasterPid?: number };

export function ownerState(dataDir: string): OwnerState {
  if (!existsSync(ownerFile(dataDir))) return { kind: 'unknown' };
  let record: OwnerRecord;
  try {
    record = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as OwnerRecord;
  } catch {
    return { kind: 'unknown' };
  }
  const alive = isProcessAlive(record.pid) && (record.startTicks === null || processStartTicks(record.pid) === record.startTicks);
  return alive ? { kind: 'alive', pid: record.pid } : { kind: 'gone', pid: record.pid, postmasterPid: record.postmasterPid };
}

/**
 * The running postmaster is ours to stop only when /proc proves it is a PostgreSQL serving exactly
 * this cluster folder (postmaster.pid's second line); without /proc nothing is assumed.
 */
export function isPostmasterOf(pid: number, clusterDir: string): boolean {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const servedDir = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[1]?.trim();
    return /postgres/.test(command) && servedDir !== undefined && path.resolve(servedDir) === path.resolve(clusterDir);
  } catch {
    return false;
  }
}

/** Fast shutdown (SIGINT: sessions ended, checkpoint, clean exit), then waits for the process to go. */
export async function stopPostmaster(pid: number, timeoutMs = 60_000): Promise<void> {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
