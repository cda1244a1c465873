import pg from "pg";

/**
 * Loads as pg_restore does: drops the foreign keys and the secondary indexes of `tables`,
 * runs `load`, then recreates them from their own definitions (pg_get_indexdef,
 * pg_get_constraintdef), so the schema ends exactly as the migrations left it. Building an
 * index once and checking a foreign key with one join is many times faster than maintaining
 * them row by row. Must run inside a transaction: a failure leaves the schema untouched.
 */
export async function withDeferredIndexes<T>(
  client: pg.Client,
  tables: string[],
  load: () => Promise<T>,
  log: (line: string) => void = () => undefined,
): Promise<T> {
  const relations = tables.map((table) => pg.escapeIdentifier(table));
  const foreignKeys = await client.query<{ relation: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS relation, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conrelid, conname`,
    [relations],
  );
  // Indexes that back no primary key, unique or exclusion constraint of their own table.
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
       FROM pg_index i
      WHERE indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY indexrelid`,
    [relations],
  );
  for (const key of foreignKeys.rows)
    await client.query(`ALTER TABLE ${key.relation} DROP CONSTRAINT ${pg.escapeIdentifier(key.name)}`);
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  const result = await load();
  const started = performance.now();
  for (const index of indexes.rows) await client.query(index.definition);
  for (const key of foreignKeys.rows) {
    await client.query(`ALTER TABLE ${key.relation} ADD CONSTRAINT ${pg.escapeIdentifier(key.name)} ${key.definition}`);
  }
  log(
    `${indexes.rows.length} indexes and ${foreignKeys.rows.length} foreign keys rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  return result;
}
