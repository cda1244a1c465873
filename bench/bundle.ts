// JavaScript sent to the browser, from the build's own figures: `.next/diagnostics/
// route-bundle-stats.json` (first-load JS per route) and the framework's chunks
// (`rootMainFiles` of `.next/build-manifest.json`, what an empty App Router page loads).
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type RouteBundleStat = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export type RouteJs = {
  route: string;
  bytes: number;
  gzipBytes: number;
  /** Above the framework's own chunks: the app's code on this route (root layout included). */
  aboveFrameworkBytes: number;
  /** Above the lightest page of the app (root layout only): what this route adds. */
  aboveLightestPageBytes: number;
};

export type BundleReport = {
  frameworkBytes: number;
  frameworkGzipBytes: number;
  frameworkChunks: string[];
  lightestPage: { route: string; bytes: number };
  routes: RouteJs[];
};

/** Checks the shape of route-bundle-stats.json (it is not a documented format) and returns its entries. */
export function parseRouteBundleStats(json: unknown): RouteBundleStat[] {
  if (!Array.isArray(json)) throw new Error("route-bundle-stats.json: expected an array of routes");
  return json.map((entry: unknown, index) => {
    const e = entry as Partial<RouteBundleStat>;
    if (
      typeof e.route !== "string" ||
      typeof e.firstLoadUncompressedJsBytes !== "number" ||
      !Array.isArray(e.firstLoadChunkPaths)
    ) {
      throw new Error(
        `route-bundle-stats.json: entry ${index} lacks route, firstLoadUncompressedJsBytes or firstLoadChunkPaths`,
      );
    }
    return {
      route: e.route,
      firstLoadUncompressedJsBytes: e.firstLoadUncompressedJsBytes,
      firstLoadChunkPaths: e.firstLoadChunkPaths,
    };
  });
}

export type FileSizes = (file: string) => { bytes: number; gzipBytes: number };

/** Per-route JS against two baselines; `frameworkChunks` are paths relative to the project (".next/static/…"). */
export function computeBundleReport(
  stats: RouteBundleStat[],
  frameworkChunks: string[],
  sizeOf: FileSizes,
): BundleReport {
  if (stats.length === 0) throw new Error("route-bundle-stats.json lists no routes");
  const framework = frameworkChunks.map(sizeOf);
  const frameworkBytes = framework.reduce((sum, size) => sum + size.bytes, 0);
  const lightest = stats.reduce((min, stat) =>
    stat.firstLoadUncompressedJsBytes < min.firstLoadUncompressedJsBytes ? stat : min,
  );
  const routes = stats
    .map((stat) => ({
      route: stat.route,
      bytes: stat.firstLoadUncompressedJsBytes,
      gzipBytes: stat.firstLoadChunkPaths.map(sizeOf).reduce((sum, size) => sum + size.gzipBytes, 0),
      aboveFrameworkBytes: stat.firstLoadUncompressedJsBytes - frameworkBytes,
      aboveLightestPageBytes: stat.firstLoadUncompressedJsBytes - lightest.firstLoadUncompressedJsBytes,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
  return {
    frameworkBytes,
    frameworkGzipBytes: framework.reduce((sum, size) => sum + size.gzipBytes, 0),
    frameworkChunks,
    lightestPage: { route: lightest.route, bytes: lightest.firstLoadUncompressedJsBytes },
    routes,
  };
}

export async function readBundleReport(projectRoot: string): Promise<BundleReport> {
  const stats = parseRouteBundleStats(
    JSON.parse(await readFile(path.join(projectRoot, ".next/diagnostics/route-bundle-stats.json"), "utf8")),
  );
  const manifest = JSON.parse(await readFile(path.join(projectRoot, ".next/build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  if (!manifest.rootMainFiles?.length) throw new Error(".next/build-manifest.json has no rootMainFiles");
  const frameworkChunks = manifest.rootMainFiles.map((file) => path.join(".next", file));
  const cache = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf: FileSizes = (file) => {
    let size = cache.get(file);
    if (!size) {
      // Synchronous: a few dozen small files, read once, after the build.
      const content = readFileSync(path.join(projectRoot, file));
      size = { bytes: content.length, gzipBytes: gzipSync(content).length };
      cache.set(file, size);
    }
    return size;
  };
  return computeBundleReport(stats, frameworkChunks, sizeOf);
}
