/**
 * How each IndexedDB database of the app is opened by one context (page or worker): once,
 * on first use, by the module that owns its schema upgrades.
 */
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/**
 * A function that returns this context's connection to the database, opening it on first
 * use. The connection closes when another context asks for a version change (an upgrade
 * or a delete elsewhere) and a failed open is tried again on the next use.
 */
export function lazyConnection<Schema extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<Schema>['upgrade']>,
): () => Promise<IDBPDatabase<Schema>> {
  let connection: Promise<IDBPDatabase<Schema>> | null = null;
  return () => {
    connection ??= openDB<Schema>(name, version, {
      upgrade,
      blocking() {
        // Another context wants to upgrade or delete the database: let it, reopen on next use.
        void connection?.then((d) => d.close());
        connection = null;
      },
    }).catch((e: unknown) => {
      // Storage refused (private mode, disabled, broken): try again on the next use.
      connection = null;
      throw e;
    });
    return connection;
  };
}
