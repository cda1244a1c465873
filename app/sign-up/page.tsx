import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth/auth-form";
import { signUp } from "@/server/actions/auth";
import { findViewer } from "@/server/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await findViewer()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("signUpTitle")}</h1>
        <p className="text-muted">{t("signUpIntro")}</p>
      </div>
      <AuthForm mode="sign-up" action={signUp} next={typeof next === "string" ? next : undefined} />
      <p>
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand underline">
          {(await getTranslations("nav"))("signIn")}
        </Link>
      </p>
    </div>
  );
}
