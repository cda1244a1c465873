import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

// The quiz player, end to end: every question type by keyboard and mouse, answers that survive a
// reload and a dropped connection, no answer key in what the browser receives, axe, and phones.

const LEARNER = { email: "learner@entente.local", password: "entente-demo" };
const ATTEMPT_URL = /\/attempts\/([0-9a-f-]{36})(\?.*)?$/;
const SAVED = "Toutes les réponses sont enregistrées";

type QuestionType = "single-choice" | "multiple-choice" | "true-false" | "year-answer" | "cloze" | "matching" | "ordering";

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(LEARNER.email);
  await page.getByLabel("Mot de passe").fill(LEARNER.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

/** Starts a quiz from the module page and returns the new attempt's id. */
async function startQuiz(page: Page, options: { size: number; types?: QuestionType[]; timeLimitMinutes?: number }): Promise<string> {
  await page.goto("/modules/nato-japan");
  for (const box of await page.locator('input[type="checkbox"][name="types"]').all()) {
    const type = (await box.getAttribute("value")) as QuestionType;
    await box.setChecked(!options.types || options.types.includes(type));
  }
  await page.getByLabel("Nombre de questions").fill(String(options.size));
  if (options.timeLimitMinutes) await page.locator('input[name="timeLimitMinutes"]').fill(String(options.timeLimitMinutes));
  await page.getByRole("button", { name: "Commencer le quiz" }).click();
  // Fails fast (with the form's message in the error context) when the quiz cannot start.
  await expect(page, "the quiz starts").toHaveURL(ATTEMPT_URL, { timeout: 20_000 });
  return ATTEMPT_URL.exec(page.url())![1]!;
}

/** The question on screen: a region named by its heading ("Question 3"). */
function questionCard(page: Page): Locator {
  return page.getByRole("region", { name: /^Question \d+$/ });
}

function questionHeading(page: Page): Locator {
  return page.getByRole("heading", { level: 2, name: /^Question \d+$/ });
}

async function detectType(card: Locator): Promise<QuestionType> {
  if (await card.getByRole("button", { name: /^↑?\s*Monter/ }).count()) return "ordering";
  if (await card.getByRole("combobox").count()) return "matching";
  if (await card.getByRole("textbox", { name: "Année", exact: true }).count()) return "year-answer";
  if (await card.getByRole("textbox", { name: "Mot manquant", exact: true }).count()) return "cloze";
  if (await card.getByRole("checkbox").count()) return "multiple-choice";
  if (await card.getByRole("radio", { name: "Vrai", exact: true }).count()) return "true-false";
  return "single-choice";
}

async function expectSaved(page: Page) {
  await expect(page.getByRole("status")).toHaveText(SAVED);
}

async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(", ")})`);
}

/**
 * Answers the question on screen, alternating keyboard and mouse by `turn`, and returns a check
 * that the answer is shown again later (after navigating or reloading).
 */
async function answerQuestion(page: Page, type: QuestionType, turn: number): Promise<() => Promise<void>> {
  const card = questionCard(page);
  const byKeyboard = turn % 2 === 0;
  switch (type) {
    case "single-choice": {
      const radios = card.getByRole("radio");
      if (byKeyboard) await page.keyboard.press("2");
      else await radios.nth(2).check();
      const chosen = byKeyboard ? 1 : 2;
      await expect(radios.nth(chosen)).toBeChecked();
      return async () => {
        await expect(radios.nth(chosen)).toBeChecked();
        await expect(card.getByRole("radio", { checked: true })).toHaveCount(1);
      };
    }
    case "multiple-choice": {
      const boxes = card.getByRole("checkbox");
      await page.keyboard.press("1");
      await boxes.nth(2).click();
      await page.keyboard.press("4");
      await page.keyboard.press("4"); // ticked, then unticked again
      return async () => {
        await expect(boxes.nth(0)).toBeChecked();
        await expect(boxes.nth(2)).toBeChecked();
        await expect(boxes.nth(3)).not.toBeChecked();
        await expect(card.getByRole("checkbox", { checked: true })).toHaveCount(2);
      };
    }
    case "true-false": {
      const choice = byKeyboard ? "Faux" : "Vrai";
      if (byKeyboard) await page.keyboard.press("2");
      else await card.getByRole("radio", { name: "Vrai", exact: true }).check();
      return async () => expect(card.getByRole("radio", { name: choice, exact: true })).toBeChecked();
    }
    case "year-answer": {
      const field = card.getByRole("textbox", { name: "Année", exact: true });
      await expect(field).toHaveAttribute("inputmode", "numeric");
      await field.click();
      await page.keyboard.type("2001");
      // Arrow keys belong to the field while typing: they move the caret, not the quiz.
      await page.keyboard.press("ArrowLeft");
      await expect(questionHeading(page)).not.toBeFocused();
      await expect(field).toHaveValue("2001");
      return async () => expect(card.getByRole("textbox", { name: "Année", exact: true })).toHaveValue("2001");
    }
    case "cloze": {
      const field = card.getByRole("textbox", { name: "Mot manquant", exact: true });
      await expect(field).toHaveAccessibleDescription(/…/);
      await field.click();
      // "n" and "2" are shortcuts elsewhere; in a field they are just typed.
      await page.keyboard.type("OTAN n2");
      return async () => expect(card.getByRole("textbox", { name: "Mot manquant", exact: true })).toHaveValue("OTAN n2");
    }
    case "matching": {
      const selects = card.getByRole("combobox");
      const count = await selects.count();
      const chosen: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const value = await selects.nth(index).locator("option").nth(1 + (index % 2)).getAttribute("value");
        await selects.nth(index).selectOption(value!);
        chosen.push(value!);
      }
      return async () => {
        for (const [index, value] of chosen.entries()) await expect(card.getByRole("combobox").nth(index)).toHaveValue(value);
      };
    }
    case "ordering": {
      const items = card.getByRole("listitem");
      const before = (await items.allTextContents()).map(itemText);
      // Mouse: the first item goes down one place.
      await card.getByRole("button", { name: `Descendre « ${before[0]} »` }).click();
      await expect(page.getByText(`« ${before[0]} » est maintenant en position 2 sur ${before.length}.`)).toBeAttached();
      // Keyboard: the last item goes up one place, and focus stays on its button.
      const up = card.getByRole("button", { name: `Monter « ${before.at(-1)} »` });
      await up.focus();
      await page.keyboard.press("Enter");
      await expect(card.getByRole("button", { name: `Monter « ${before.at(-1)} »` })).toBeFocused();
      const expected = [before[1], before[0], ...before.slice(2)];
      expected.splice(-2, 2, expected.at(-1)!, expected.at(-2)!);
      await expect.poll(async () => (await items.allTextContents()).map(itemText)).toEqual(expected);
      return async () => expect.poll(async () => (await card.getByRole("listitem").allTextContents()).map(itemText)).toEqual(expected);
    }
  }
}

/** A list item's own text, without its position number and button labels. */
function itemText(content: string): string {
  return content.replace(/^\d+/, "").replace(/↑.*$/, "").trim();
}

/**
 * Goes to the next question the way a learner would: → after a keyboard answer, "n" after a
 * click (→ on a radio button moves its selection instead), the button when a field has focus.
 */
async function goNext(page: Page, type: QuestionType, turn: number) {
  const isInField = type === "year-answer" || type === "cloze" || type === "matching";
  if (isInField) await page.getByRole("button", { name: "Suivante" }).click();
  else await page.keyboard.press(turn % 2 === 0 ? "ArrowRight" : "n");
  await expect(questionHeading(page)).toBeFocused();
}

test.describe("quiz player", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test("every question type is answered by keyboard and mouse, and the answers survive a reload", async ({ page }) => {
    test.setTimeout(180_000);
    const total = 14;
    const attemptId = await startQuiz(page, { size: total });

    const progress = page.getByRole("progressbar", { name: "Progression dans le quiz" });
    await expect(page.getByText(`Question 1 sur ${total}`)).toBeVisible();
    await expect(progress).toHaveAttribute("aria-valuenow", "1");
    await expect(progress).toHaveAttribute("aria-valuemax", String(total));
    await expect(page.getByText(`Aucune réponse sur ${total}`)).toBeVisible();
    await expectSaved(page);

    const checks = new Map<number, () => Promise<void>>();
    const seen = new Set<QuestionType>();
    const reloadAt = Math.floor(total / 2);

    for (let position = 0; position < total; position += 1) {
      const card = questionCard(page);
      await expect(questionHeading(page)).toHaveText(`Question ${position + 1}`);
      await expect(page.getByText(`Question ${position + 1} sur ${total}`)).toBeVisible();
      await expect(progress).toHaveAttribute("aria-valuenow", String(position + 1));
      const type = await detectType(card);
      if (!seen.has(type)) {
        seen.add(type);
        expect(await accessibilityViolations(page), `axe on a ${type} question`).toEqual([]);
      }
      checks.set(position, await answerQuestion(page, type, position));
      await expectSaved(page);
      await expect(page.getByText(`${position + 1} réponse${position === 0 ? "" : "s"} sur ${total}`)).toBeVisible();
      await expect(page.getByRole("button", { name: `Question ${position + 1}, répondue` })).toHaveAttribute("aria-current", "step");

      if (position === reloadAt) {
        await page.reload();
        await expect(page.getByText(`Question ${position + 1} sur ${total}`)).toBeVisible();
        for (const [answered, check] of checks) {
          await page.getByRole("button", { name: `Question ${answered + 1}, répondue` }).click();
          await expect(questionHeading(page)).toBeFocused();
          await check();
        }
      }
      if (position < total - 1) await goNext(page, type, position);
    }

    expect([...seen].sort(), "question types met").toEqual(expect.arrayContaining(["cloze", "multiple-choice", "single-choice", "true-false", "year-answer"]));
    await expect(page.getByText(`${total} réponses sur ${total}`)).toBeVisible();
    await expect(page.getByText("Vous avez répondu à toutes les questions.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Suivante" })).toBeDisabled();
    await questionHeading(page).focus();
    await page.keyboard.press("p");
    await expect(page.getByText(`Question ${total - 1} sur ${total}`)).toBeVisible();

    await page.getByRole("button", { name: "Terminer et voir les résultats" }).click();
    await expect(page).toHaveURL(`/attempts/${attemptId}/results`);
  });

  test("matching and ordering work without drag and drop and are kept after a reload", async ({ page }) => {
    await startQuiz(page, { size: 4, types: ["matching", "ordering"] });
    const seen = new Set<QuestionType>();
    const checks: [number, () => Promise<void>][] = [];
    const total = Number((await page.getByRole("progressbar").getAttribute("aria-valuemax")) ?? 0);
    for (let position = 0; position < total; position += 1) {
      const type = await detectType(questionCard(page));
      if (!seen.has(type)) expect(await accessibilityViolations(page), `axe on a ${type} question`).toEqual([]);
      seen.add(type);
      checks.push([position, await answerQuestion(page, type, position)]);
      if (position < total - 1) await goNext(page, type, position);
    }
    expect([...seen].sort()).toEqual(["matching", "ordering"]);
    await expectSaved(page);
    await page.reload();
    for (const [position, check] of checks) {
      await page.getByRole("button", { name: `Question ${position + 1}, répondue` }).click();
      await check();
    }
  });

  test("the page sends no answer key, explanation or accepted spelling to the browser", async ({ page }) => {
    const attemptId = await startQuiz(page, { size: 20 });
    const url = `/attempts/${attemptId}`;
    // A fresh document: after the client-side redirect, the DOM still holds the module page's payload.
    await page.goto(url);
    const bodies = {
      dom: await page.content(),
      html: await (await page.request.get(url)).text(),
      rsc: await (await page.request.get(url, { headers: { RSC: "1" } })).text(),
    };
    const legend = (await questionCard(page).locator("legend").textContent())!;
    // The longest plain run of the question's text: no character that HTML or JSON would escape.
    const excerpt = legend.split(/[^\p{L}\p{N} ]/u).sort((a, b) => b.length - a.length)[0]!;
    expect(excerpt.length).toBeGreaterThan(8);
    for (const [name, body] of Object.entries(bodies)) {
      const text = unescapeQuotes(body);
      // The scan must be looking at the questions, or it proves nothing.
      if (name !== "dom") expect(text, `${name} carries the questions`).toContain(`"stem":`);
      expect(text, `${name} shows the question`).toContain(excerpt);
      expect(forbiddenFields(text), `forbidden fields in ${name}`).toEqual([]);
    }
  });

  test("a dropped connection is reported, retried when it comes back, and loses nothing", async ({ page, context }) => {
    await startQuiz(page, { size: 6, types: ["true-false", "single-choice"] });
    await expectSaved(page);

    // Slow saves show "saving" first.
    await page.route("**/api/attempts/*/responses/*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.keyboard.press("1");
    await expect(page.getByRole("status")).toHaveText("Enregistrement…");
    await expectSaved(page);
    await page.unroute("**/api/attempts/*/responses/*");

    await context.setOffline(true);
    await page.keyboard.press("2");
    await expect(page.getByRole("status")).toHaveText("Hors ligne : réponses non enregistrées, nouvel essai automatique");
    const checked = questionCard(page).getByRole("radio", { checked: true });
    const chosen = await checked.getAttribute("value");
    await context.setOffline(false);
    await expectSaved(page);

    await page.reload();
    await expect(questionCard(page).getByRole("radio", { checked: true })).toHaveAttribute("value", chosen!);
  });

  test("a refused answer is explained next to its question", async ({ page }) => {
    await startQuiz(page, { size: 3, types: ["true-false"] });
    const message = "Cette réponse ne correspond pas à la question. Rechargez la page.";
    await page.route("**/api/attempts/*/responses/*", (route) =>
      route.fulfill({ status: 422, json: { ok: false, code: "INVALID", message } }),
    );
    await page.keyboard.press("1");
    await expect(questionCard(page).getByRole("alert")).toHaveText(message);
  });

  test("unanswered questions are confirmed in a dialog before finishing", async ({ page }) => {
    const attemptId = await startQuiz(page, { size: 5, types: ["true-false"] });
    await page.keyboard.press("1");
    await expectSaved(page);

    await page.getByRole("button", { name: "Terminer et voir les résultats" }).click();
    const dialog = page.getByRole("dialog", { name: "Terminer le quiz ?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Il reste 4 questions sans réponse.");
    await expect(dialog.getByRole("button", { name: "Revenir au quiz" })).toBeFocused();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(ATTEMPT_URL);

    await page.getByRole("button", { name: "Terminer et voir les résultats" }).click();
    await dialog.getByRole("button", { name: "Terminer quand même" }).click();
    await expect(page).toHaveURL(`/attempts/${attemptId}/results`);
  });

  test("a double click on finish sends one request", async ({ page }) => {
    const attemptId = await startQuiz(page, { size: 1, types: ["true-false"] });
    await page.keyboard.press("1");
    await expectSaved(page);
    const submits: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.headers()["next-action"]) submits.push(request.url());
    });
    await page.getByRole("button", { name: "Terminer et voir les résultats" }).dblclick();
    await expect(page).toHaveURL(`/attempts/${attemptId}/results`);
    expect(submits).toHaveLength(1);
  });

  test("an attempt finished in another tab sends this one to the results", async ({ page, context }) => {
    const attemptId = await startQuiz(page, { size: 3, types: ["true-false"] });
    const other = await context.newPage();
    await other.goto(`/attempts/${attemptId}`);
    await other.getByRole("button", { name: "Terminer et voir les résultats" }).click();
    await other.getByRole("button", { name: "Terminer quand même" }).click();
    await expect(other).toHaveURL(`/attempts/${attemptId}/results`);

    await page.keyboard.press("1");
    await expect(page.getByRole("alert").filter({ hasText: "Cette tentative est terminée" })).toBeVisible();
    await expect(page).toHaveURL(`/attempts/${attemptId}/results`, { timeout: 10_000 });
  });

  test("a timed quiz counts down on the server's clock, warns, and submits itself at zero", async ({ page }) => {
    await page.clock.install();
    const attemptId = await startQuiz(page, { size: 3, types: ["true-false"], timeLimitMinutes: 6 });
    await expect(page.getByText(/^Temps restant\s:\s(5:5\d|6:00)$/)).toBeVisible();
    await page.clock.fastForward("01:05");
    await expect(page.getByText("Plus que 5 minutes.")).toBeAttached();
    await page.clock.fastForward("04:00");
    await expect(page.getByText("Plus qu’une minute.")).toBeAttached();
    await page.clock.fastForward("01:00");
    await expect(page).toHaveURL(`/attempts/${attemptId}/results`);
  });

  test("an unknown attempt is not found", async ({ page }) => {
    const response = await page.goto("/attempts/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
  });
});

test.describe("quiz player on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("no question scrolls sideways and the controls are thumb-sized", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page);
    await startQuiz(page, { size: 14 });
    const total = Number(await page.getByRole("progressbar").getAttribute("aria-valuemax"));
    for (let position = 0; position < total; position += 1) {
      await page.getByRole("button", { name: new RegExp(`^Question ${position + 1},`) }).click();
      await expect(questionHeading(page)).toHaveText(`Question ${position + 1}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on question ${position + 1}`).toBeLessThanOrEqual(0);
      for (const control of await questionCard(page).locator("label:has(input), select, button, input[type=text]").all()) {
        const box = await control.boundingBox();
        expect(box?.height ?? 0, `height of a control on question ${position + 1}`).toBeGreaterThanOrEqual(44);
      }
    }
    for (const name of ["Précédente", "Suivante", "Terminer et voir les résultats"]) {
      expect((await page.getByRole("button", { name }).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
  });
});

// --- Key leak scan ---------------------------------------------------------------------------

const FORBIDDEN = ["key", "explanation", "accepted"] as const;

/** Inside the HTML, the RSC payload is a JavaScript string: its quotes arrive escaped. */
function unescapeQuotes(body: string): string {
  return body.replaceAll('\\"', '"');
}

/**
 * The interface messages travel with every page, and one of them may legitimately be named like a
 * question field (results.explanation = "Explication"): those exact pairs are allowed, nothing else.
 */
function allowedMessagePairs(): string[] {
  const root = path.join(process.cwd(), "messages");
  const pairs: string[] = [];
  const walk = (tree: unknown) => {
    if (!tree || typeof tree !== "object") return;
    for (const [name, value] of Object.entries(tree)) {
      if (typeof value === "string" && (FORBIDDEN as readonly string[]).includes(name)) pairs.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
      else walk(value);
    }
  };
  for (const locale of readdirSync(root)) {
    for (const file of readdirSync(path.join(root, locale))) walk(JSON.parse(readFileSync(path.join(root, locale, file), "utf8")));
  }
  return pairs;
}

function forbiddenFields(text: string): string[] {
  let rest = text;
  for (const pair of allowedMessagePairs()) rest = rest.replaceAll(pair, "");
  return FORBIDDEN.filter((name) => new RegExp(`"${name}"\\s*:`).test(rest)).map((name) => `"${name}"`);
}
