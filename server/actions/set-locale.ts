"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE } from "@/i18n/locales";

const SetLocaleSchema = z.object({ locale: z.enum(LOCALES) });

/** Stores the reader's language. Needs no account: it is a display preference. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = SetLocaleSchema.safeParse({ locale: formData.get("locale") });
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
