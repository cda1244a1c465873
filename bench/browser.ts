// The real browser's part of the benchmark, in Debian's Chromium driven by Playwright: Lighthouse
// (mobile settings, performance and accessibility) through Chromium's debugging port, and a
// witness of what the browser itself sends and receives when a learner submits an attempt, so
// that the load generator's requests can be compared with it.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import lighthouse from "lighthouse";
import { freePort } from "@/server/db/embedded";

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (candidate): candidate is string => Boolean(candidate) && existsSync(candidate!),
  );
  if (!found) throw new Error("No Chromium: install it with `apt-get install -y chromium` or set CHROMIUM_PATH.");
  return found;
}

export async function launchChromium(): Promise<{ browser: Browser; debuggingPort: number }> {
  const debuggingPort = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--remote-debugging-port=${debuggingPort}`,
    ],
  });
  return { browser, debuggingPort };
}

function splitCookie(cookie: string): { name: string; value: string } {
  const at = cookie.indexOf("=");
  return { name: cookie.slice(0, at), value: cookie.slice(at + 1) };
}

export type LighthousePage = { name: string; path: string; cookie?: string };

export type LighthouseResult = {
  name: string;
  path: string;
  performance: number | null;
  accessibility: number | null;
  metrics: Record<string, number | null>;
  /** Audits of either category that did not pass, with their score. */
  issues: { id: string; score: number | null; category: string }[];
  report: string;
};

const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];

/** One Lighthouse run per page, mobile (Lighthouse's default: Moto G Power screen, simulated slow 4G and 4× CPU). */
export async function runLighthouse(options: {
  debuggingPort: number;
  origin: string;
  pages: LighthousePage[];
  reportDir: string;
}): Promise<LighthouseResult[]> {
  const results: LighthouseResult[] = [];
  for (const page of options.pages) {
    const runner = await lighthouse(`${options.origin}${page.path}`, {
      port: options.debuggingPort,
      output: "html",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      formFactor: "mobile",
      extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
    });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${page.path}`);
    const { lhr } = runner;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse on ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const report = path.join(options.reportDir, `lighthouse-${page.name}.html`);
    await writeFile(report, Array.isArray(runner.report) ? runner.report[0]! : runner.report);
    const issues: LighthouseResult["issues"] = [];
    for (const category of ["performance", "accessibility"] as const) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < (category === "performance" ? 0.9 : 1)) {
          issues.push({ id: ref.id, score: audit.score, category });
        }
      }
    }
    results.push({
      name: page.name,
      path: page.path,
      performance:
        lhr.categories.performance?.score == null ? null : Math.round(lhr.categories.performance.score * 100),
      accessibility:
        lhr.categories.accessibility?.score == null ? null : Math.round(lhr.categories.accessibility.score * 100),
      metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null])),
      issues,
      report: path.relative(process.cwd(), report),
    });
  }
  return results;
}

export type ActionWitness = {
  requestContentType: string | null;
  requestBodyStart: string;
  nextActionId: string | null;
  status: number;
  actionRedirect: string | null;
  finalPath: string;
};

/** A learner submits an attempt in the real quiz page; what went over the wire. */
export async function witnessSubmit(options: {
  browser: Browser;
  origin: string;
  cookie: string;
  attemptId: string;
}): Promise<ActionWitness> {
  const context = await options.browser.newContext();
  try {
    const { name, value } = splitCookie(options.cookie);
    await context.addCookies([{ name, value, url: options.origin }]);
    const page = await context.newPage();
    await page.goto(`${options.origin}/attempts/${options.attemptId}`);
    const responsePromise = page.waitForResponse(
      (response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]),
    );
    await page.locator("form:has(input[name=attemptId]) button[type=submit]").click();
    // Unanswered questions: the confirmation dialog; its second button confirms.
    const confirm = page.locator("dialog[open] button").nth(1);
    await confirm.click({ timeout: 5_000 }).catch(() => undefined);
    const response = await responsePromise;
    const request = response.request();
    await page.waitForURL(/\/results$/, { timeout: 15_000 });
    return {
      requestContentType: request.headers()["content-type"] ?? null,
      requestBodyStart: (request.postData() ?? "").slice(0, 120),
      nextActionId: request.headers()["next-action"] ?? null,
      status: response.status(),
      actionRedirect: (await response.allHeaders())["x-action-redirect"] ?? null,
      finalPath: new URL(page.url()).pathname,
    };
  } finally {
    await context.close();
  }
}
