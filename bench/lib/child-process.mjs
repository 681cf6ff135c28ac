// Child processes for benchmarks: run one to completion while sampling its resident memory, or
// start the built API and wait for its URL.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** kB of a /proc/<pid>/status field (VmRSS, VmHWM), or 0 once the process is gone. */
export function statusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples a running process's peak RSS (VmHWM, which the kernel keeps) every `everyMs`. */
export function watchPeakRss(pid, everyMs = 100) {
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, statusKb(pid, 'VmHWM'), statusKb(pid, 'VmRSS'))), everyMs);
  return { stop: () => (clearInterval(timer), Math.round(peakKb / 1024)), current: () => Math.round(statusKb(pid, 'VmRSS') / 1024) };
}

/** Runs `node args…` to its end; resolves with stdout lines, seconds and peak RSS (MB). */
export function runMeasured(args, env, onLine = () => undefined) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const rss = watchPeakRss(child.pid);
    const lines = [];
    let stderr = '';
    createInterface({ input: child.stdout }).on('line', (line) => (lines.push(line), onLine(line)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('exit', (code) => {
      const peakRssMb = rss.stop();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ lines, seconds, peakRssMb });
    });
  });
}

/** Starts the built API (apps/api/dist/main.js) on a free port; resolves once it prints its URL. */
export function startApi(mainJs, env) {
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API under load
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainJs], { env: { ...env, API_PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
    if (process.env.BENCH_API_STDERR) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /GraphQL API: (\S+)/.exec(line);
      if (match)
        resolve({ url: match[1], pid: child.pid, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}: ${stderr.slice(-2000)}`)));
  });
}
