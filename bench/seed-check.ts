// Loads the benchmark's data set into a throw-away embedded PostgreSQL and reports its load
// time, row counts and size, and whether better-auth accepts the seeded cookies:
//   node --import tsx bench/seed-check.ts [--small]
import { parseArgs } from "node:util";
import { createAuth } from "@/server/auth/create-auth";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { createPool } from "@/server/db/pool";
import { createPrismaClient } from "@/server/db/prisma";
import {
  createMigratedDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from "@/tests/support/test-database";
import { FULL_SIZE, SMALL_SIZE, seedBenchData } from "./seed";

const SECRET = "bench-seed-check-secret-long-enough-for-better-auth";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { small: { type: "boolean", default: false } } });
  const size = values.small ? SMALL_SIZE : FULL_SIZE;
  const server = await startTestServer();
  const name = uniqueDatabaseName("entente_bench_seed");
  try {
    const url = await createMigratedDatabase(server, name);
    const content = await loadContentDir("content");
    if (!content.ok) throw new Error("content/ is invalid");
    const pool = createPool(url);
    const db = createPrismaClient(pool);
    try {
      await syncContent(db, content.modules);
      const world = await seedBenchData(url, SECRET, size, { log: (line) => console.log(`  ${line}`) });
      console.log(
        `loaded in ${world.seconds.toFixed(1)} s; database ${(world.databaseBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      console.table(world.counts);

      const auth = createAuth(db, { secret: SECRET, baseURL: "http://localhost:3000" });
      const probes = [world.instructor, world.learners[0]!, world.heavyLearners.at(-1)!];
      for (const probe of probes) {
        const session = await auth.api.getSession({ headers: new Headers({ cookie: probe.cookie }) });
        if (session?.user.id !== probe.id) throw new Error(`better-auth refused the cookie of ${probe.email}`);
      }
      const signIn = await auth.api.signInEmail({ body: { email: world.instructor.email, password: world.password } });
      if (signIn.user.id !== world.instructor.id)
        throw new Error("the instructor could not sign in with the shared password");
      console.log(
        `better-auth accepts the seeded cookies (${probes.map((p) => p.email).join(", ")}) and the shared password`,
      );
    } finally {
      await db.$disconnect();
      await pool.end();
    }
    return 0;
  } finally {
    await dropDatabase(server, name).catch(() => undefined);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
