import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// The autosave endpoint refuses every bad request with the status that fits and writes nothing.

const ATTEMPT_URL = /\/attempts\/([0-9a-f-]{36})(\?.*)?$/;

async function signUp(page: Page, name: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Nom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(`${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`);
  await page.getByLabel("Mot de passe").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

async function startTrueFalseQuiz(page: Page): Promise<string> {
  await page.goto("/modules/nato-japan");
  for (const box of await page.locator('input[type="checkbox"][name="types"]').all()) {
    await box.setChecked((await box.getAttribute("value")) === "true-false");
  }
  await page.getByLabel("Nombre de questions").fill("3");
  await page.getByRole("button", { name: "Commencer le quiz" }).click();
  await expect(page).toHaveURL(ATTEMPT_URL, { timeout: 20_000 });
  return ATTEMPT_URL.exec(page.url())![1]!;
}

function put(request: APIRequestContext, path: string, body: string, headers: Record<string, string> = {}) {
  return request.put(path, { data: body, headers: { "content-type": "application/json", origin: "http://127.0.0.1:3100", ...headers } });
}

test("bad requests to autosave get 401/403/404/409/413/415/422 and change nothing", async ({ page, browser }) => {
  await signUp(page, "Owner");
  const id = await startTrueFalseQuiz(page);
  const url = `/api/attempts/${id}/responses/0`;
  const ok = JSON.stringify({ answer: { type: "true-false", value: true } });
  const origin = new URL(page.url()).origin;
  const request = page.request;
  const headers = { origin };

  expect((await put(request, url, ok, headers)).status()).toBe(200);

  const cases: [string, Promise<{ status(): number; json(): Promise<{ code: string; message: string }> }>, number][] = [
    ["an option that is not in the question", put(request, url, JSON.stringify({ answer: { type: "single-choice", optionId: "o9" } }), headers), 422],
    ["a question number out of range", put(request, `/api/attempts/${id}/responses/99`, ok, headers), 422],
    ["malformed JSON", put(request, url, "{not json", headers), 422],
    ["an unknown field", put(request, url, JSON.stringify({ answer: { type: "true-false", value: true }, score: 1 }), headers), 422],
    ["an oversized payload", put(request, url, JSON.stringify({ answer: { type: "cloze", text: "x".repeat(20_000) } }), headers), 413],
    ["a form post instead of JSON", put(request, url, "answer=1", { ...headers, "content-type": "text/plain" }), 415],
    ["another site", put(request, url, ok, { origin: "https://evil.example" }), 403],
    ["an unknown attempt", put(request, `/api/attempts/00000000-0000-4000-8000-000000000000/responses/0`, ok, headers), 404],
  ];
  for (const [label, response, status] of cases) {
    const settled = await response;
    expect(settled.status(), label).toBe(status);
    const body = await settled.json();
    expect(body.message, label).toBeTruthy();
  }

  // Another learner sees the attempt as missing.
  const other = await browser.newPage();
  await signUp(other, "Other");
  expect((await put(other.request, url, ok, headers)).status()).toBe(404);
  await other.close();

  // Signed out: 401.
  const anonymous = await browser.newContext();
  expect((await put(anonymous.request, url, ok, headers)).status()).toBe(401);
  await anonymous.close();

  // Finished: 409, and the answer saved before the end is the one kept.
  await page.goto(`/attempts/${id}`);
  await page.getByRole("button", { name: "Terminer et voir les résultats" }).click();
  await page.getByRole("button", { name: "Terminer quand même" }).click();
  await expect(page).toHaveURL(`/attempts/${id}/results`);
  const finished = await put(request, url, JSON.stringify({ answer: { type: "true-false", value: false } }), headers);
  expect(finished.status()).toBe(409);
  expect((await finished.json()).message).toBe("Cette tentative est terminée : les réponses ne peuvent plus être modifiées.");
  const saved = (await (await request.get("/api/me/export?format=json")).json()) as { answers: { attemptId: string; position: number; answer: string }[] };
  expect(saved.answers.filter((a) => a.attemptId === id)).toEqual([
    expect.objectContaining({ position: 0, answer: JSON.stringify({ type: "true-false", value: true }) }),
  ]);
});

test("the catalogue page has no detectable accessibility violations, signed in or not @phone", async ({ page }) => {
  await page.goto("/modules/nato-japan");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze()).violations.map((v) => v.id)).toEqual([]);
  await signUp(page, "Axe");
  await page.goto("/modules/nato-japan");
  await expect(page.getByRole("button", { name: "Commencer le quiz" })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze()).violations.map((v) => v.id)).toEqual([]);
});

test("a settings form with nothing chosen reports every problem at once and starts nothing", async ({ page }) => {
  await signUp(page, "Empty");
  await page.goto("/modules/nato-japan");
  for (const box of await page.locator('input[type="checkbox"]').all()) await box.setChecked(false);
  await page.getByLabel("Nombre de questions").fill("500");
  await page.getByRole("button", { name: "Commencer le quiz" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Corrigez les champs signalés ci-dessous.");
  await expect(page.getByText("Choisissez au moins un thème.")).toBeVisible();
  await expect(page.getByText("Choisissez au moins un type de question.")).toBeVisible();
  await expect(page.getByText("Choisissez entre 1 et 40 questions.")).toBeVisible();
  await expect(page).toHaveURL("/modules/nato-japan");
});
