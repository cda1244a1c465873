import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The layer walls from docs/decisions/0001: domain stays pure, components never reach the
// database, and only server/ talks to Prisma.
const domainWall = {
  patterns: [
    {
      group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"],
      message: "domain/ is pure TypeScript: no framework imports.",
    },
    { group: ["@prisma/*", "@/generated/*", "**/generated/*"], message: "domain/ never touches the database." },
    { group: ["@/server/*", "**/server/*"], message: "domain/ never imports server code." },
    { group: ["node:*"], message: "domain/ runs anywhere: pass time, randomness and files in as arguments." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["domain/**/*.ts"],
    rules: { "no-restricted-imports": ["error", domainWall] },
  },
  {
    files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "@/generated/*"], message: "Only server/ talks to Prisma." },
            { group: ["@/server/db/*"], message: "Read through server/data, which scopes queries to the viewer." },
          ],
        },
      ],
    },
  },
);
