import { createRequire } from "node:module";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import type { NextRequest as NextRequestType } from "next/server";
import type { proxy as proxyType } from "../../proxy";
import { baseURL } from "../../playwright.config";

// next/server has no package "exports", which Node's ESM loader needs for a subpath: load it,
// and the proxy that imports it, through require, as Next.js itself does.
const require = createRequire(import.meta.url);
const { NextRequest } = require("next/server") as { NextRequest: typeof NextRequestType };
const { proxy } = require("../../proxy.ts") as { proxy: typeof proxyType };

// Issue 8, "Headers" and "Session cookies": what proxy.ts adds to every page and route handler,
// that the pages still work under the policy, and the flags of the session cookie.

const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

const NONCE = /^'nonce-([A-Za-z0-9+/]{22}==)'$/;

function parseCsp(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => Boolean(name))
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Checks the policy and the fixed headers; returns the request's nonce. */
function expectSecurityHeaders(headers: Record<string, string>, options: { https: boolean; dev: boolean }): string {
  for (const [name, value] of Object.entries(FIXED_HEADERS)) expect(headers[name], name).toBe(value);
  if (options.https) expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  else expect(headers["strict-transport-security"]).toBeUndefined();

  const csp = parseCsp(headers["content-security-policy"] ?? "");
  const script = csp.get("script-src") ?? [];
  const nonce = script.map((source) => NONCE.exec(source)?.[1]).find(Boolean);
  expect(nonce, `a nonce in script-src: ${script.join(" ")}`).toBeDefined();
  expect(Object.fromEntries(csp)).toEqual({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
  });
  return nonce!;
}

const overHttp = { https: baseURL.startsWith("https://"), dev: false };

async function expectPage(response: APIResponse): Promise<{ nonce: string; html: string }> {
  const nonce = expectSecurityHeaders(response.headers(), overHttp);
  return { nonce, html: await response.text() };
}

test.describe("headers on every response", () => {
  for (const path of ["/", "/sign-in", "/sign-up", "/modules/nato-japan", "/no-such-page"]) {
    test(`${path} carries the policy, with a nonce on every script of the page`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(path === "/no-such-page" ? 404 : 200);
      const { nonce, html } = await expectPage(response);
      // Next.js put the request's nonce on each of its scripts, inline ones included.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    });
  }

  test("a route handler's JSON gets the same headers", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expectSecurityHeaders(response.headers(), overHttp);
  });

  test("each request gets a fresh nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i += 1) nonces.add((await expectPage(await request.get("/"))).nonce);
    expect(nonces.size).toBe(3);
  });
});

/** Collects every CSP violation the browser reports, across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (violation: string) => violations.push(violation));
  // Init scripts are injected by the browser's debugging protocol, which the policy does not govern.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  return violations;
}

/** The framework's own bootstrap ran: had the policy blocked Next.js's scripts, there would be no `window.next`. */
async function expectNextRunning(page: Page) {
  await expect
    .poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version))
    .toBe("string");
}

test("the pages work under the policy: signed out, signing in, and signed in", async ({ page, context }) => {
  const violations = await watchCsp(page);

  for (const path of ["/", "/sign-up", "/sign-in"]) {
    await page.goto(path);
    await expectNextRunning(page);
  }
  await page.getByLabel("Adresse e-mail").fill("learner@entente.local");
  await page.getByLabel("Mot de passe").fill("entente-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

  // Cookie flags, as server/auth/create-auth.ts sets them: httpOnly and SameSite=Lax always;
  // Secure (with the __Secure- prefix) exactly when the app's URL is https, which it is not here.
  const https = baseURL.startsWith("https://");
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: https });
  expect(session!.name.startsWith("__Secure-")).toBe(https);

  // A client-side navigation (a link), then full loads of pages with forms and charts.
  await page
    .getByRole("link", { name: /OTAN et le Japon/ })
    .first()
    .click();
  await expect(page).toHaveURL("/modules/nato-japan");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const path of ["/modules/nato-japan", "/progress"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNextRunning(page);
  }
  expect(violations).toEqual([]);
});

test("the policy is enforced, and the watch above would see it: a script without the nonce is refused and reported", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  // What an injection would look like: the real page, headers and all, with one more script.
  await page.route("**/sign-up", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/sign-up");
  await expectNextRunning(page);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect
    .poll(() => violations.some((violation) => violation.startsWith("script-src-elem blocked inline on /sign-up")))
    .toBe(true);
  expect(violations.some((violation) => violation.startsWith("console: "))).toBe(true);
});

test.describe("proxy() in other environments", () => {
  const env = process.env as Record<string, string | undefined>;
  const saved = { NODE_ENV: env.NODE_ENV, BETTER_AUTH_URL: env.BETTER_AUTH_URL };
  test.afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  });

  const headersOf = (url: string) => Object.fromEntries(proxy(new NextRequest(url)).headers.entries());

  test("production over https adds HSTS and upgrade-insecure-requests", () => {
    Object.assign(env, { NODE_ENV: "production", BETTER_AUTH_URL: "https://entente.example" });
    expectSecurityHeaders(headersOf("https://entente.example/"), { https: true, dev: false });
  });

  test("production over plain http (a local install) sends no HSTS", () => {
    Object.assign(env, { NODE_ENV: "production", BETTER_AUTH_URL: "http://localhost:3000" });
    expectSecurityHeaders(headersOf("http://localhost:3000/"), { https: false, dev: false });
  });

  test("only the development server allows eval, for React's dev tooling", () => {
    Object.assign(env, { NODE_ENV: "development", BETTER_AUTH_URL: "http://localhost:3000" });
    expectSecurityHeaders(headersOf("http://localhost:3000/"), { https: false, dev: true });
  });
});
