import { createHash } from 'node:crypto';

/** A seeded stream of numbers in [0, 1) (mulberry32): the same seed always gives the same data. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A child stream keyed by a label, so each province, unit and year draws independently of order. */
  static derive(seed: number, label: string): SeededRandom {
    return new SeededRandom(createHash('sha256').update(`${seed}\u0000${label}`).digest().readUInt32LE(0));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** A UUID (version-8 layout) derived from a seed and a label: stable event ids for a seeded data set. */
export function seededUuid(seed: number, label: string): string {
  const hex = createHash('sha256').update(`par-index-generator\u0000${seed}\u0000${label}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
