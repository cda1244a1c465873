// Compares the database a migration run produced with what schema.prisma declares, using
// Prisma's own parse of the schema (DMMF). Returns every difference as a readable line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import internals from "@prisma/internals";
import type pg from "pg";

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF["datamodel"]["models"][number];
type Field = Model["fields"][number];

export async function loadSchemaDmmf(schemaPath = path.resolve("prisma/schema.prisma")): Promise<DMMF> {
  return internals.getDMMF({ datamodel: await readFile(schemaPath, "utf8") });
}

const tableOf = (model: Model) => model.dbName ?? model.name;
const columnOf = (field: Field) => field.dbName ?? field.name;

/** The PostgreSQL type Prisma's migrate engine gives a scalar field. */
function expectedType(field: Field, enums: Set<string>): string {
  const [native, args] = (field.nativeType as [string, string[]] | null) ?? [null, []];
  let base: string;
  // format_type() quotes identifiers that are not all lower case, as PostgreSQL prints them.
  if (enums.has(field.type)) base = /^[a-z_][a-z0-9_]*$/.test(field.type) ? field.type : `"${field.type}"`;
  else if (native) {
    const nativeTypes: Record<string, string> = {
      Uuid: "uuid",
      Text: "text",
      VarChar: `character varying(${args[0]})`,
      Char: `character(${args[0]})`,
      Timestamptz: `timestamp(${args[0] ?? 6}) with time zone`,
      Timestamp: `timestamp(${args[0] ?? 6}) without time zone`,
      Date: "date",
      SmallInt: "smallint",
      Integer: "integer",
      BigInt: "bigint",
      JsonB: "jsonb",
      Json: "json",
      DoublePrecision: "double precision",
      Real: "real",
      Boolean: "boolean",
      Decimal: `numeric(${args.join(",")})`,
    };
    base = nativeTypes[native] ?? `unknown native type ${native}`;
  } else {
    const scalarTypes: Record<string, string> = {
      String: "text",
      Int: "integer",
      BigInt: "bigint",
      Boolean: "boolean",
      DateTime: "timestamp(3) without time zone",
      Json: "jsonb",
      Float: "double precision",
      Decimal: "numeric(65,30)",
      Bytes: "bytea",
    };
    base = scalarTypes[field.type] ?? `unknown type ${field.type}`;
  }
  return field.isList ? `${base}[]` : base;
}

/** Whether Prisma puts a DEFAULT in the column (client-side defaults such as uuid() do not). */
function expectsDatabaseDefault(field: Field): boolean {
  if (!field.hasDefaultValue) return false;
  const value = field.default as { name?: string } | string | number | boolean | undefined;
  if (typeof value === "object" && value !== null && "name" in value) {
    return ["now", "autoincrement", "dbgenerated", "sequence"].includes(value.name ?? "");
  }
  return true;
}

const key = (table: string, columns: string[]) => `${table}(${columns.join(", ")})`;

/**
 * What the migrations add that schema.prisma cannot say (partial indexes, CHECK constraints),
 * written as PostgreSQL prints them back. See prisma/migrations/20261125100000_integrity.
 */
export const SQL_ONLY = {
  partialIndexes: [`unique Attempt(userId, assignmentId) WHERE ((state = 'in_progress'::"AttemptState") AND ("assignmentId" IS NOT NULL))`],
  checks: {
    Attempt_finished_has_score: `CHECK (((state = 'finished'::"AttemptState") = (("finishedAt" IS NOT NULL) AND (score IS NOT NULL))))`,
    Attempt_score_is_fraction: "CHECK (((score >= (0)::double precision) AND (score <= (1)::double precision)))",
    Attempt_points_within_count: `CHECK (((points >= (0)::double precision) AND (points <= ("questionCount")::double precision)))`,
    Attempt_has_questions: `CHECK (("questionCount" > 0))`,
    Attempt_deadline_after_start: `CHECK (("deadlineAt" > "startedAt"))`,
    Response_position_not_negative: `CHECK (("position" >= 0))`,
    Response_score_is_fraction: "CHECK (((score >= (0)::double precision) AND (score <= (1)::double precision)))",
    Assignment_opens_before_due: `CHECK (("opensAt" < "dueAt"))`,
    Assignment_has_questions: "CHECK ((size > 0))",
    Assignment_time_limit_positive: `CHECK (("timeLimitMinutes" > 0))`,
    Assignment_max_attempts_positive: `CHECK (("maxAttempts" > 0))`,
  } as Record<string, string>,
};

export async function findSchemaDrift(client: pg.ClientBase, dmmf: DMMF, sqlOnly: typeof SQL_ONLY = SQL_ONLY): Promise<string[]> {
  const problems: string[] = [];
  const models = dmmf.datamodel.models;
  const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.dbName ?? e.name));

  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const actualTables = new Set(tables.map((t) => t.table_name).filter((t) => t !== "_prisma_migrations"));
  const expectedTables = new Set(models.map(tableOf));
  for (const table of expectedTables) if (!actualTables.has(table)) problems.push(`missing table ${table}`);
  for (const table of actualTables) if (!expectedTables.has(table)) problems.push(`table ${table} is not in schema.prisma`);

  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    is_nullable: "YES" | "NO";
    type: string;
    column_default: string | null;
  }>(
    `SELECT c.table_name, c.column_name, c.is_nullable, c.column_default,
            format_type(a.atttypid, a.atttypmod) AS type
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                          AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`,
  );
  const actualColumns = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
  const expectedColumns = new Set<string>();

  for (const model of models) {
    for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
      const id = `${tableOf(model)}.${columnOf(field)}`;
      expectedColumns.add(id);
      const column = actualColumns.get(id);
      if (!column) {
        problems.push(`missing column ${id}`);
        continue;
      }
      const type = expectedType(field, enumNames);
      if (column.type !== type) problems.push(`column ${id} is ${column.type}, schema says ${type}`);
      const nullable = column.is_nullable === "YES";
      if (nullable === field.isRequired) {
        problems.push(`column ${id} is ${nullable ? "nullable" : "NOT NULL"}, schema says ${field.isRequired ? "required" : "optional"}`);
      }
      const hasDefault = column.column_default !== null;
      if (hasDefault !== expectsDatabaseDefault(field)) {
        problems.push(`column ${id} ${hasDefault ? `has default ${column.column_default}` : "has no default"}, schema disagrees`);
      }
    }
  }
  for (const id of actualColumns.keys()) if (!expectedColumns.has(id)) problems.push(`column ${id} is not in schema.prisma`);

  // Primary keys, unique indexes and plain indexes, compared as sets of "table(columns)".
  const { rows: indexes } = await client.query<{ table: string; columns: string[]; is_unique: boolean; is_primary: boolean; predicate: string | null }>(
    `SELECT t.relname AS table, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary, ix.indpred, ix.indrelid`,
  );
  const fieldColumn = (modelName: string, fieldName: string) => {
    const model = models.find((m) => m.name === modelName);
    const field = model?.fields.find((f) => f.name === fieldName);
    return field ? columnOf(field) : fieldName;
  };
  const tableOfModel = (modelName: string) => tableOf(models.find((m) => m.name === modelName)!);
  const expectedIndexes = { id: new Set<string>(), unique: new Set<string>(), normal: new Set<string>() };
  for (const index of dmmf.datamodel.indexes) {
    const kind = index.type === "id" ? "id" : index.type === "unique" ? "unique" : "normal";
    expectedIndexes[kind].add(key(tableOfModel(index.model), index.fields.map((f) => fieldColumn(index.model, f.name))));
  }
  const actualIndexes = { id: new Set<string>(), unique: new Set<string>(), normal: new Set<string>() };
  const actualPartial = new Set<string>();
  for (const index of indexes) {
    if (index.predicate !== null) {
      actualPartial.add(`${index.is_unique ? "unique " : ""}${key(index.table, index.columns)} WHERE ${index.predicate}`);
      continue;
    }
    const kind = index.is_primary ? "id" : index.is_unique ? "unique" : "normal";
    actualIndexes[kind].add(key(index.table, index.columns));
  }
  for (const index of sqlOnly.partialIndexes) if (!actualPartial.has(index)) problems.push(`missing partial index ${index}`);
  for (const index of actualPartial) if (!sqlOnly.partialIndexes.includes(index)) problems.push(`partial index ${index} is not in SQL_ONLY`);
  const label = { id: "primary key", unique: "unique index", normal: "index" } as const;
  for (const kind of ["id", "unique", "normal"] as const) {
    for (const k of expectedIndexes[kind]) if (!actualIndexes[kind].has(k)) problems.push(`missing ${label[kind]} ${k}`);
    for (const k of actualIndexes[kind]) if (!expectedIndexes[kind].has(k)) problems.push(`${label[kind]} ${k} is not in schema.prisma`);
  }

  // Foreign keys with their referential actions.
  const { rows: fks } = await client.query<{ source: string; columns: string[]; target: string; target_columns: string[]; on_delete: string; on_update: string }>(
    `SELECT src.relname AS source, tgt.relname AS target,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS target_columns,
            c.confdeltype AS on_delete, c.confupdtype AS on_update
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class tgt ON tgt.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const actionCode: Record<string, string> = { Cascade: "c", Restrict: "r", NoAction: "a", SetNull: "n", SetDefault: "d" };
  const describeFk = (source: string, columns: string[], target: string, targetColumns: string[], onDelete: string, onUpdate: string) =>
    `${key(source, columns)} -> ${key(target, targetColumns)} on delete ${onDelete} on update ${onUpdate}`;
  const expectedFks = new Set<string>();
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const fromColumns = field.relationFromFields.map((name) => fieldColumn(model.name, name));
      const required = field.relationFromFields.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
      const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      const onUpdate = (field as { relationOnUpdate?: string }).relationOnUpdate ?? "Cascade";
      expectedFks.add(
        describeFk(
          tableOf(model),
          fromColumns,
          tableOfModel(field.type),
          (field.relationToFields ?? []).map((name) => fieldColumn(field.type, name)),
          actionCode[onDelete] ?? onDelete,
          actionCode[onUpdate] ?? onUpdate,
        ),
      );
    }
  }
  const actualFks = new Set(fks.map((fk) => describeFk(fk.source, fk.columns, fk.target, fk.target_columns, fk.on_delete, fk.on_update)));
  for (const fk of expectedFks) if (!actualFks.has(fk)) problems.push(`missing foreign key ${fk}`);
  for (const fk of actualFks) if (!expectedFks.has(fk)) problems.push(`foreign key ${fk} is not in schema.prisma`);

  // CHECK constraints, by name and by PostgreSQL's own rendering of the condition.
  const { rows: checkRows } = await client.query<{ name: string; definition: string }>(
    `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'c' AND n.nspname = 'public'`,
  );
  const actualChecks = new Map(checkRows.map((row) => [row.name, row.definition]));
  for (const [name, definition] of Object.entries(sqlOnly.checks)) {
    const actual = actualChecks.get(name);
    if (actual === undefined) problems.push(`missing check ${name}`);
    else if (actual !== definition) problems.push(`check ${name} is ${actual}, SQL_ONLY says ${definition}`);
  }
  for (const [name, definition] of actualChecks) if (!(name in sqlOnly.checks)) problems.push(`check ${name} ${definition} is not in SQL_ONLY`);

  // Enums and their values, in order.
  const { rows: enumRows } = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  const actualEnums = new Map(enumRows.map((row) => [row.name, row.values.join(",")]));
  for (const e of dmmf.datamodel.enums) {
    const name = e.dbName ?? e.name;
    const values = e.values.map((v) => v.dbName ?? v.name).join(",");
    if (actualEnums.get(name) !== values) problems.push(`enum ${name} has [${actualEnums.get(name) ?? "nothing"}], schema says [${values}]`);
    actualEnums.delete(name);
  }
  for (const name of actualEnums.keys()) problems.push(`enum ${name} is not in schema.prisma`);

  return problems;
}
