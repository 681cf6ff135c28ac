import type { EventStore } from '../port';
import { appendContract } from './append.contract';
import { concurrencyContract } from './concurrency.contract';
import { readContract } from './read.contract';
import { subscribeContract } from './subscribe.contract';

export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must show. Declares jest blocks; call it from an adapter's
 * `*.int.spec.ts`. The factory runs once for the whole suite. Tests never assume an empty store:
 * stream names carry a random prefix and $all reads start from headPosition(), so the suite also
 * runs against a store that cannot be reset (EventStoreDB).
 */
export function describeEventStoreContract(name: string, factory: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    const store = (): EventStore => {
      if (!subject) throw new Error('contract subject not created');
      return subject.store;
    };
    beforeAll(async () => {
      subject = await factory();
    }, 120_000);
    afterAll(async () => {
      await subject?.cleanup();
    }, 60_000);

    appendContract(store);
    readContract(store);
    subscribeContract(store);
    concurrencyContract(store);
  });
}
