"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { APIError } from "better-auth/api";
import { z } from "zod";
import { plainText } from "@/domain/text/plain-text";
import { getAuth } from "@/server/auth/auth";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/create-auth";
import { LIMITS, clientAddress, consumeAttempt, resetAttempts } from "@/server/auth/rate-limit";
import { AppError } from "@/server/errors";
import { defineAction } from "./define-action";

/** Only same-site paths: an open redirect would let a link send people to another site. */
const ReturnToSchema = z
  .string()
  .optional()
  .transform((value) => (value && /^\/(?!\/)[^\\]*$/.test(value) ? value : "/"));

const EmailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: "email" }).max(254, { error: "email" }));

const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { error: "passwordRequired" }).max(PASSWORD_MAX_LENGTH, { error: "passwordTooLong" }),
  next: ReturnToSchema,
});

const SignUpSchema = z.object({
  name: plainText().trim().min(1, { error: "nameRequired" }).max(80, { error: "nameTooLong" }),
  email: EmailSchema,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" })
    .max(PASSWORD_MAX_LENGTH, { error: "passwordTooLong" }),
  next: ReturnToSchema,
});

export const signIn = defineAction({ name: "signIn", schema: SignInSchema, auth: "public" }, async ({ input }) => {
  const address = await clientAddress();
  const accountKey = `${address}|${input.email}`;
  await consumeAttempt(LIMITS.signInAddress, address);
  await consumeAttempt(LIMITS.signInAccount, accountKey);
  try {
    await getAuth().api.signInEmail({ body: { email: input.email, password: input.password }, headers: await headers() });
  } catch (error) {
    // The same message whether the email exists or not.
    if (error instanceof APIError) throw new AppError("INVALID", { messageKey: "badCredentials", cause: error });
    throw error;
  }
  await resetAttempts(LIMITS.signInAccount, accountKey);
  redirect(input.next);
});

export const signUp = defineAction({ name: "signUp", schema: SignUpSchema, auth: "public" }, async ({ input }) => {
  await consumeAttempt(LIMITS.signUpAddress, await clientAddress());
  try {
    await getAuth().api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: await headers(),
    });
  } catch (error) {
    // Without email verification a taken address cannot be hidden completely; the message
    // at least does not confirm it (see docs/decisions/0004).
    if (error instanceof APIError) throw new AppError("INVALID", { messageKey: "signUpRefused", cause: error });
    throw error;
  }
  redirect(input.next);
});

export async function signOut(): Promise<void> {
  await getAuth()
    .api.signOut({ headers: await headers() })
    .catch(() => undefined);
  redirect("/");
}
