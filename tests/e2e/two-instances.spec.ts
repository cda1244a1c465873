// Entente scales out by running several stateless instances on one database
// (docs/scaling.md). This starts a second instance, exactly as `npm start` does, next to the
// one Playwright started, and shows that what one instance writes (a session, a rate-limit
// count) holds on the other. Cookies ignore ports, so one browser context talks to both.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { PROJECT_ROOT } from "@/server/runtime/config";
import { freePort } from "../support/test-database";
import { E2E_INSTANCE_FILE, type E2eInstance } from "./instance";

const uniqueEmail = () => `two-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the second instance did not answer at ${url} within ${timeoutMs} ms`);
}

async function signIn(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

test.describe("two instances on one database", () => {
  let second: ChildProcess | undefined;
  let secondOrigin = "";
  let output = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const instance = JSON.parse(await readFile(E2E_INSTANCE_FILE, "utf8")) as E2eInstance;
    const port = await freePort();
    secondOrigin = `http://127.0.0.1:${port}`;
    second = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...instance.env, PORT: String(port), BETTER_AUTH_URL: secondOrigin },
      stdio: ["ignore", "pipe", "pipe"],
    });
    second.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(secondOrigin, 150_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${output}`);
    });
  });

  test.afterAll(async () => {
    if (!second || second.exitCode !== null) return;
    second.kill("SIGTERM");
    await once(second, "exit");
  });

  test("a session opened on one instance is valid on the other, and signing out on either ends it on both", async ({ page, baseURL }) => {
    const email = uniqueEmail();
    await page.goto(`${baseURL}/sign-up`);
    await page.getByLabel("Nom").fill("Kenji Sato");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("une phrase de passe solide");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

    await page.goto(`${secondOrigin}/progress`);
    await expect(page).toHaveURL(`${secondOrigin}/progress`);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await page.goto(`${baseURL}/progress`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fprogress$/);
  });

  test("failed sign-ins counted by one instance lock the account on the other", async ({ page, baseURL }) => {
    const email = uniqueEmail();
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(page, baseURL!, email, `wrong password ${attempt}`);
      await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
    }
    await signIn(page, secondOrigin, email, "wrong password 5");
    await expect(page.getByText("Trop de tentatives. Patientez quelques minutes avant de réessayer.")).toBeVisible();
  });
});
