import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const uniqueEmail = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

test("a newcomer signs up, is signed in with a safe session cookie, signs out and back in @phone", async ({ page, context }) => {
  const email = uniqueEmail();
  await page.goto("/");
  await page.getByRole("link", { name: "Créer un compte" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un compte" })).toBeVisible();
  await page.getByLabel("Nom").fill("Aiko Tanaka");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page).toHaveURL("/");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect((await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"))).toBeUndefined();

  await page.getByRole("link", { name: "Se connecter" }).click();
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("une phrase de passe solide");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
});

test("every bad field is reported at once, linked to its field, and the typed values are kept", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Adresse e-mail").fill("not-an-email");
  await page.getByLabel("Mot de passe").fill("short");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page.locator("form").getByRole("alert")).toHaveText("Corrigez les champs signalés ci-dessous.");
  const name = page.getByLabel("Nom");
  const email = page.getByLabel("Adresse e-mail");
  const password = page.getByLabel("Mot de passe");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.");
  await expect(password).toHaveAccessibleDescription(/Au moins 10 caractères\. Le mot de passe doit contenir au moins 10 caractères\./);
  await expect(email).toHaveValue("not-an-email");
  await expect(password).toHaveValue("");
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const messages: string[] = [];
  for (const email of ["learner@entente.local", uniqueEmail()]) {
    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("definitely wrong");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator("form").getByRole("alert")).not.toBeEmpty();
    messages.push((await page.locator("form").getByRole("alert").textContent()) ?? "");
  }
  expect(messages).toEqual(["Adresse e-mail ou mot de passe incorrect.", "Adresse e-mail ou mot de passe incorrect."]);
});

test("a sign-in link only returns to a page of this site", async ({ page }) => {
  await page.goto("/sign-in?next=https://evil.example/");
  await page.getByLabel("Adresse e-mail").fill("learner@entente.local");
  await page.getByLabel("Mot de passe").fill("entente-demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL("/");
});

for (const path of ["/sign-in", "/sign-up"]) {
  test(`${path} has no detectable accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}
