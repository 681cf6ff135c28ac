import { createEventStore } from './create-event-store';
import { EventStoreDbEventStore } from './eventstoredb';
import { PostgresEventStore } from './postgres';

describe('createEventStore', () => {
  it('uses PostgreSQL by default', async () => {
    const store = createEventStore({ databaseUrl: 'postgres://user:pw@127.0.0.1:1/none' });
    expect(store).toBeInstanceOf(PostgresEventStore);
    await store.close();
  });

  it('uses EventStoreDB when an event store url is configured', async () => {
    const store = createEventStore({
      databaseUrl: 'postgres://user:pw@127.0.0.1:1/none',
      eventStoreUrl: 'esdb://127.0.0.1:1?tls=false',
    });
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });
});
