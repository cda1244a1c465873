// The run as markdown, for stdout (and the README).
import { KB } from "./goals";
import type { BenchResults } from "./types";

const num = (value: number | null | undefined, digits = 0) =>
  value == null || !Number.isFinite(value)
    ? "—"
    : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(header: string[], rows: string[][], align: ("l" | "r")[]): string[] {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`, ...rows.map(line)];
}

export function formatReport(results: BenchResults): string {
  const { machine, settings } = results;
  const out: string[] = [
    `## Entente server benchmark (${results.mode}), ${results.date.slice(0, 10)}`,
    "",
    `${machine.cpu}, ${machine.cores} cores, ${num(machine.memoryGb, 1)} GB, Node ${machine.node}; ${results.database}.`,
    `autocannon on the same machine: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per route in one run. "ok req/s" counts 2xx answers with the expected result (actions: the redirect); "alone" is the median of three requests on an idle server.`,
    "",
    ...table(
      [
        "route",
        "kind",
        "alone ms",
        "ok req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "non-2xx",
        "vs floor (req/s)",
        "vs floor (p99)",
        "DB xacts alone",
        "peak MB",
      ],
      results.routes.map((r) => [
        `${r.label} \`${r.path}\``,
        r.kind,
        num(r.serialMs, 1),
        num(r.rps),
        num(r.latencyMs.p50, 1),
        num(r.latencyMs.p95, 1),
        num(r.latencyMs.p99, 1),
        `${r.non2xx + r.failed + r.socketErrors + r.timeouts}${r.exhausted ? " (pool used up)" : ""}`,
        r.floor ? `${num(r.rpsRatio, 2)}× ${r.floor}` : "",
        r.floor ? `${num(r.p99Ratio, 2)}×` : "",
        num(r.dbPerRequest?.transactions, 1),
        num(r.peakRssMb),
      ]),
      ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    ),
  ];

  for (const series of results.growth) {
    out.push(
      "",
      `Growth of ${series.route} (${settings.growthConnections} connection, ${settings.growthSeconds} s each): per-${series.unit} time at ${num(series.ratioOf[1])} vs ${num(series.ratioOf[0])} = ${num(series.ratio, 2)}×`,
      "",
      ...table(
        [`${series.unit}s`, "requests", "mean ms", "p50 ms", `ms per ${series.unit}`, "non-2xx"],
        series.points.map((p) => [
          num(p.size),
          num(p.requests),
          num(p.meanMs, 1),
          num(p.p50Ms, 1),
          num(p.msPerUnit, 3),
          num(p.non2xx),
        ]),
        ["r", "r", "r", "r", "r", "r"],
      ),
    );
  }

  if (results.memory) {
    out.push(
      "",
      `Server memory: peak resident ${num(results.memory.peakTreeRssMb)} MB (process tree, polled), peak VmHWM ${num(results.memory.peakProcessHwmMb)} MB, at the end ${num(results.memory.lastTreeRssMb)} MB.`,
    );
  }

  if (results.javascript) {
    const js = results.javascript;
    const wanted = [
      "/",
      "/sign-in",
      "/attempts/[attemptId]",
      "/attempts/[attemptId]/results",
      "/progress",
      "/teach/classes/[classId]/gradebook",
      "/teach/assignments/[assignmentId]/analysis",
    ];
    out.push(
      "",
      `JavaScript (first load, uncompressed; framework = ${num(js.frameworkBytes / KB, 1)} KB, ${num(js.frameworkGzipBytes / KB, 1)} KB gzip; lightest page ${js.lightestPage.route} = ${num(js.lightestPage.bytes / KB, 1)} KB):`,
      "",
      ...table(
        ["route", "KB", "KB gzip", "KB above framework", "KB above lightest page"],
        js.routes
          .filter((r) => wanted.includes(r.route))
          .map((r) => [
            r.route,
            num(r.bytes / KB, 1),
            num(r.gzipBytes / KB, 1),
            num(r.aboveFrameworkBytes / KB, 1),
            num(r.aboveLightestPageBytes / KB, 1),
          ]),
        ["l", "r", "r", "r", "r"],
      ),
    );
  }

  if (Array.isArray(results.lighthouse)) {
    out.push(
      "",
      "Lighthouse (mobile):",
      "",
      ...table(
        ["page", "performance", "accessibility", "FCP ms", "LCP ms", "TBT ms", "CLS"],
        results.lighthouse.map((page) => [
          `${page.name} \`${page.path}\``,
          num(page.performance),
          num(page.accessibility),
          num(page.metrics["first-contentful-paint"]),
          num(page.metrics["largest-contentful-paint"]),
          num(page.metrics["total-blocking-time"]),
          num(page.metrics["cumulative-layout-shift"], 3),
        ]),
        ["l", "r", "r", "r", "r", "r", "r"],
      ),
    );
  } else if (results.lighthouse) {
    out.push("", `Lighthouse failed: ${results.lighthouse.error}`);
  }

  out.push(
    "",
    "Goals:",
    "",
    ...table(
      ["goal", "target", "measured", ""],
      results.goals.map((g) => [g.goal, g.target, g.measured, g.pass ? "met" : "**missed**"]),
      ["l", "l", "r", "l"],
    ),
    "",
    `${results.goals.filter((g) => g.pass).length} of ${results.goals.length} goals met. Seeding ${num(results.seed.seconds, 1)} s, build ${results.build.reused ? "reused" : `${num(results.build.seconds, 1)} s`}, total ${num(results.totalSeconds, 0)} s.`,
  );
  return `${out.join("\n")}\n`;
}
