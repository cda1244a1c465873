import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// After the quiz: submit twice from two tabs (one grade), the results with explanations and
// sources, the history, the progress page with its charts' tables, and a review session.

const uniqueEmail = () => `results-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const ATTEMPT_URL = /\/attempts\/([0-9a-f-]{36})(\?.*)?$/;

async function signUp(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("Nom").fill("Kenji");
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail());
  await page.getByLabel("Mot de passe").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

async function startTrueFalseQuiz(page: Page, size: number): Promise<string> {
  await page.goto("/modules/nato-japan");
  for (const box of await page.locator('input[type="checkbox"][name="types"]').all()) {
    await box.setChecked((await box.getAttribute("value")) === "true-false");
  }
  await page.getByLabel("Nombre de questions").fill(String(size));
  await page.getByRole("button", { name: "Commencer le quiz" }).click();
  await expect(page).toHaveURL(ATTEMPT_URL, { timeout: 20_000 });
  return ATTEMPT_URL.exec(page.url())![1]!;
}

async function answerAllTrue(page: Page, count: number) {
  for (let index = 0; index < count; index += 1) {
    await page.getByRole("radio", { name: "Vrai", exact: true }).check();
    await expect(page.getByRole("status")).toHaveText("Toutes les réponses sont enregistrées");
    if (index < count - 1) await page.getByRole("button", { name: "Suivante" }).click();
  }
}

test("two tabs submit the same attempt: one grade; results explain each answer and cite the source", async ({ page, context }) => {
  await signUp(page);
  const id = await startTrueFalseQuiz(page, 4);
  await answerAllTrue(page, 4);

  const second = await context.newPage();
  await second.goto(`/attempts/${id}`);
  await Promise.all([
    page.getByRole("button", { name: "Terminer et voir les résultats" }).click(),
    second.getByRole("button", { name: "Terminer et voir les résultats" }).click(),
  ]);
  await expect(page).toHaveURL(`/attempts/${id}/results`);
  await expect(second).toHaveURL(`/attempts/${id}/results`);
  const score = await page.getByText(/^Score : \d+ %$/).textContent();
  await expect(second.getByText(/^Score : \d+ %$/)).toHaveText(score!);

  await expect(page.getByRole("heading", { level: 2, name: /^Question \d$/ })).toHaveCount(4);
  await expect(page.getByRole("heading", { level: 3, name: "Explication" })).toHaveCount(4);
  await expect(page.getByText(/^Source : Relations avec le Japon, section « .+ »$/)).toHaveCount(4);
  await expect(page.getByText("Bonne réponse").first()).toBeVisible();
  const violations = (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze()).violations;
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

  // The results stay available from the history, and a retake starts a new attempt.
  await page.getByRole("link", { name: "Historique" }).click();
  await expect(page.getByRole("cell", { name: score!.replace("Score : ", "") })).toBeVisible();
  await page.getByRole("link", { name: "Voir les résultats" }).click();
  await expect(page).toHaveURL(`/attempts/${id}/results`);
  await page.getByRole("button", { name: "Refaire un quiz avec les mêmes réglages" }).click();
  await expect(page).toHaveURL(ATTEMPT_URL);
  expect(ATTEMPT_URL.exec(page.url())![1]).not.toBe(id);
});

test("after two quizzes the progress page shows scores, mastery per topic and facts to review, and review starts", async ({ page }) => {
  await signUp(page);
  for (let round = 0; round < 2; round += 1) {
    await startTrueFalseQuiz(page, 5);
    await answerAllTrue(page, 5);
    await page.getByRole("button", { name: "Terminer et voir les résultats" }).click();
    await expect(page).toHaveURL(/\/results$/);
  }

  await page.getByRole("link", { name: "Mes progrès" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes progrès" })).toBeVisible();
  await page.locator("summary", { hasText: "Tableau des scores" }).click();
  await expect(page.getByRole("table", { name: "Tableau des scores" }).getByRole("row")).toHaveCount(3);
  const mastery = page.getByRole("table", { name: "Tableau de la maîtrise par thème" });
  await expect(mastery.getByRole("row")).toHaveCount(8);
  await expect(mastery.getByRole("cell", { name: "Découvert" }).first()).toBeVisible();
  await expect(page.getByText(/^Série : 1 jour$/)).toBeVisible();
  const violations = (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze()).violations;
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

  const json = await page.request.get("/api/me/export?format=json");
  expect(json.status()).toBe(200);
  const data = await json.json();
  expect(data.attempts).toHaveLength(2);
  expect(data.answers.length).toBe(10);
  expect(data.memory.length).toBeGreaterThan(0);
  const csv = await page.request.get("/api/me/export?format=csv&table=answers");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).trim().split("\n")).toHaveLength(11);

  await page.goto("/");
  await page.getByRole("button", { name: "Réviser maintenant" }).click();
  await expect(page).toHaveURL(ATTEMPT_URL);
});

test("signed-out visitors are sent to sign in, and the export refuses them", async ({ page }) => {
  await page.goto("/progress");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprogress$/);
  const response = await page.request.get("/api/me/export?format=json");
  expect(response.status()).toBe(401);
});
