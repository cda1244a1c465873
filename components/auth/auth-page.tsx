import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signIn, signUp } from "@/server/actions/auth";
import { findViewer } from "@/server/auth/viewer";
import { AuthForm } from "./auth-form";

const MODES = {
  "sign-in": { action: signIn, title: "signInTitle", intro: "signInIntro", other: "/sign-up", prompt: "noAccount", otherLabel: "signUp" },
  "sign-up": { action: signUp, title: "signUpTitle", intro: "signUpIntro", other: "/sign-in", prompt: "haveAccount", otherLabel: "signIn" },
} as const;

/** The sign-in and sign-up pages: the same layout, each with a link to the other. */
export async function AuthPage({ mode, next }: { mode: keyof typeof MODES; next?: string }) {
  if (await findViewer()) redirect("/");
  const [t, tNav] = await Promise.all([getTranslations("auth"), getTranslations("nav")]);
  const page = MODES[mode];
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t(page.title)}</h1>
        <p className="text-muted">{t(page.intro)}</p>
      </div>
      <AuthForm mode={mode} action={page.action} next={next} />
      <p>
        {t(page.prompt)}{" "}
        <Link href={page.other} className="font-medium text-brand underline">
          {tNav(page.otherLabel)}
        </Link>
      </p>
    </div>
  );
}
