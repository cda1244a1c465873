"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE } from "@/i18n/locales";

const SetLocaleSchema = z.object({ locale: z.enum(LOCALES) });

/**
 * Stores the reader's language. Needs no account: it is a display preference. Forms post
 * FormData, but anyone can call an action with any argument: anything else is ignored.
 */
export async function setLocale(formData: unknown): Promise<void> {
  const parsed = SetLocaleSchema.safeParse({
    locale: formData instanceof FormData ? formData.get("locale") : undefined,
  });
  // An unknown locale is ignored: the page keeps its current language.
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && process.env.BETTER_AUTH_URL?.startsWith("https://"),
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
}
