import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { signIn } from "@/server/actions/auth";
import { findViewer } from "@/server/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await findViewer()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("signInTitle")}</h1>
        <p className="text-muted">{t("signInIntro")}</p>
      </div>
      <AuthForm mode="sign-in" action={signIn} next={typeof next === "string" ? next : undefined} />
      <p>
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand underline">
          {(await getTranslations("nav"))("signUp")}
        </Link>
      </p>
    </div>
  );
}
