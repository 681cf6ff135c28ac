// Every benchmark ends with one JSON line { bench, figures: [...] }; scripts/bench.mjs joins them
// into one table and bench/results/latest.json. A figure names its reference: another figure of the
// same run (`ref`: its key, the in-run ceiling or peer) or a stated target (`target`).
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (value, digits = 0) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** { key, label, value, unit, better: 'higher' | 'lower', ref?: key of another figure, target?: { label, value } } */
export function figure(key, label, value, unit, better, reference = {}) {
  return { key, label, value, unit, better, ...reference };
}

export function report(bench, figures, details = {}) {
  console.log(JSON.stringify({ bench, figures, ...details }));
}
