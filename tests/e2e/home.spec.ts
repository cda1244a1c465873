import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("home page", () => {
  test("is served in French first, from the real database, and switches to English @phone", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Les partenariats de l’OTAN, en questions" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Modules" })).toBeVisible();
    // The content synced at start-up, read back from PostgreSQL.
    await expect(page.getByRole("heading", { level: 3, name: "L'OTAN et le Japon" })).toBeVisible();
    await expect(page.getByText("Dialogue politique (2020–2022)")).toBeVisible();

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "NATO’s partnerships, question by question" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "NATO and Japan" })).toBeVisible();
    await expect(page.getByText("Political dialogue (2020–2022)")).toBeVisible();

    // The choice is remembered on the next visit.
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("can be used with the keyboard alone", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skipLink).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("has no detectable accessibility violations", async ({ page }) => {
    await page.goto("/");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});

test("GET /api/health reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("the status page shows the version and that the database is available, to anyone", async ({ page }) => {
  await page.goto("/status");
  await expect(page.getByRole("heading", { level: 1, name: "État du service" })).toBeVisible();
  await expect(page.getByTestId("database-state")).toHaveText("disponible");
});
