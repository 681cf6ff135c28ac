/**
 * Polls `probe` until it returns a value other than undefined, every `intervalMs`; rejects with
 * "gave up waiting for <what>" once `timeoutMs` has passed. For tests that wait on other processes.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  { timeoutMs = 30_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
