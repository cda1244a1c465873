import { defineConfig } from "prisma/config";

// The Prisma CLI reads this file. `prisma generate` needs no database; `prisma migrate deploy`
// (on machines that can download Prisma's schema engine) applies the same migrations folder
// that `npm run db:migrate` applies here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/entente" },
});
