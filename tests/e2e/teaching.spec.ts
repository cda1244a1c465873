import { expect, test, type Browser, type Page } from "@playwright/test";

// The instructor journey of issue 7, end to end: an admin promotes an instructor, who creates
// a class and an assignment; a learner joins with the code and completes it; the instructor
// sees the score and the item analysis and downloads the gradebook.

const PASSWORD = "une phrase de passe solide";
const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;

async function signUp(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = unique(name.toLowerCase().replace(/\s+/g, "-"));
  await page.goto("/sign-up");
  await page.getByLabel("Nom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  return { page, email };
}

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  return page;
}

test("admin promotes, instructor assigns, learner completes, instructor reviews", async ({ browser }) => {
  test.setTimeout(120_000);
  const teacherName = `Prof ${Date.now()}`;
  const { page: teacher, email: teacherEmail } = await signUp(browser, teacherName);
  // A learner has no teaching area.
  await teacher.goto("/teach");
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Cette page n’existe pas.");

  // 1. The admin promotes them.
  const admin = await signIn(browser, "admin@entente.local", "entente-demo");
  await admin.goto(`/admin/users?q=${encodeURIComponent(teacherEmail)}`);
  await admin.getByLabel(`Rôle de ${teacherName}`).selectOption("instructor");
  await admin.getByRole("row", { name: new RegExp(teacherName) }).getByRole("button", { name: "Changer le rôle" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(teacherName) }).getByRole("status")).toHaveText("Rôle enregistré.");
  await admin.reload();
  await expect(admin.getByText(new RegExp(`admin@entente.local a changé le rôle de ${teacherEmail}`))).toBeVisible();

  // 2. The instructor creates a class and an assignment.
  await teacher.goto("/teach");
  await teacher.getByLabel("Nom de la classe").fill("Relations OTAN–Japon");
  await teacher.getByRole("button", { name: "Créer une classe" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Relations OTAN–Japon" })).toBeVisible();
  const codeText = await teacher.getByText(/^Code pour rejoindre : /).textContent();
  const shownCode = codeText!.replace("Code pour rejoindre : ", "").trim();
  expect(shownCode).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  const joinCode = shownCode.replace("-", "");
  const classUrl = teacher.url();

  await teacher.getByRole("link", { name: "Nouveau devoir" }).click();
  await teacher.getByLabel("Titre").fill("Premier devoir");
  for (const box of await teacher.locator('input[type="checkbox"][name="types"]').all()) {
    await box.setChecked((await box.getAttribute("value")) === "true-false");
  }
  await teacher.getByLabel("Nombre de questions").fill("3");
  await teacher.getByRole("button", { name: "Créer le devoir" }).click();
  await expect(teacher).toHaveURL(classUrl);
  await expect(teacher.getByRole("link", { name: "Premier devoir" })).toBeVisible();

  // 3. A learner joins with the code and completes the assignment.
  const { page: learner } = await signUp(browser, "Yuki");
  await learner.goto("/join");
  await learner.getByLabel("Code de la classe").fill(joinCode.toLowerCase());
  await learner.getByRole("button", { name: "Rejoindre" }).click();
  await expect(learner.getByText("Vous avez rejoint la classe : ses devoirs apparaissent ci-dessous.")).toBeVisible();
  await expect(learner.getByRole("heading", { level: 3, name: "Premier devoir" })).toBeVisible();
  await learner.getByRole("button", { name: "Commencer" }).click();
  await expect(learner).toHaveURL(/\/attempts\/[0-9a-f-]{36}/);
  for (let index = 0; index < 3; index += 1) {
    await learner.getByRole("radio", { name: "Vrai", exact: true }).check();
    await expect(learner.getByRole("status")).toHaveText("Toutes les réponses sont enregistrées");
    if (index < 2) await learner.getByRole("button", { name: "Suivante" }).click();
  }
  await learner.getByRole("button", { name: "Terminer et voir les résultats" }).click();
  await expect(learner).toHaveURL(/\/results$/);
  const score = (await learner.getByText(/^Score : \d+ %$/).textContent())!.replace("Score : ", "");
  await learner.goto("/");
  await expect(learner.getByText("Rendu", { exact: true })).toBeVisible();

  // 4. The instructor sees the score and the item analysis, and downloads the gradebook.
  await teacher.goto(`${classUrl}/gradebook`);
  await expect(teacher.getByRole("link", { name: "Yuki" })).toBeVisible();
  await expect(teacher.getByRole("table").getByText(score).first()).toBeVisible();
  const csv = await teacher.request.get(`${classUrl}/gradebook/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.body();
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(body.toString("utf8")).toContain("Yuki");

  await teacher.goto(classUrl);
  await teacher.getByRole("link", { name: "Premier devoir" }).click();
  await teacher.getByRole("link", { name: "Analyse des questions" }).click();
  await expect(teacher.getByRole("table").first()).toBeVisible();
  const analysisCsv = await teacher.request.get(`${teacher.url()}/csv`);
  expect(analysisCsv.status()).toBe(200);
  expect((await analysisCsv.text()).split("\n").length).toBeGreaterThanOrEqual(4);

  // The question bank, as Moodle files.
  const gift = await teacher.request.get("/teach/modules/nato-japan/bank?format=gift&lang=fr");
  expect(gift.status()).toBe(200);
  expect(await gift.text()).toContain("::single-choice");
  expect((await teacher.request.get("/teach/modules/nato-japan/bank?format=moodle-xml&lang=en")).headers()["content-type"]).toContain("xml");

  // The learner cannot reach any of it, and a visitor who is not signed in is told to sign in.
  const analysisPath = new URL(teacher.url()).pathname;
  for (const path of [`${new URL(classUrl).pathname}/gradebook/csv`, `${analysisPath}/csv`, "/teach/modules/nato-japan/bank?format=gift&lang=fr"]) {
    expect((await learner.request.get(path)).status(), path).toBe(404);
    const anonymous = await (await browser.newContext()).request.get(path);
    expect(anonymous.status(), path).toBe(401);
  }
  await learner.goto(`${classUrl}/gradebook`);
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Cette page n’existe pas.");
});
