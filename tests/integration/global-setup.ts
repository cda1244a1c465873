import type { TestProject } from "vitest/node";
import {
  createMigratedDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from "../support/test-database";

declare module "vitest" {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    databaseUrl: string;
    /** Connection string of the server's maintenance database, for tests that create their own databases. */
    adminDatabaseUrl: string;
  }
}

/** One migrated database for the whole integration run, dropped at the end. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const name = uniqueDatabaseName("entente_test");
  const databaseUrl = await createMigratedDatabase(server, name);
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", server.urlFor("postgres"));
  return async () => {
    await dropDatabase(server, name);
    await server.stop();
  };
}
