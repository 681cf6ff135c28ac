import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedMutex', () => {
  it('given work on one key, then it runs one at a time in arrival order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let running = 0;
    const job = (name: string) =>
      mutex.run('stream-a', async () => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running -= 1;
        return name;
      });
    await expect(Promise.all([job('1'), job('2'), job('3')])).resolves.toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('given a failing job, then the next one still runs and the failure reaches its caller', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run('k', async () => {
      throw new Error('boom');
    });
    const next = mutex.run('k', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('given different keys, then their work interleaves', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (key: string) =>
      mutex.run(key, async () => {
        log.push(`start ${key}`);
        await tick();
        log.push(`end ${key}`);
      });
    await Promise.all([job('a'), job('b')]);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
