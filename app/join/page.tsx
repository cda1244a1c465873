import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FieldForm } from "@/components/ui/field-form";
import { joinClass } from "@/server/actions/classes";
import { requireViewer } from "@/server/auth/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teach"))("joinTitle") };
}

/** Join with a code, typed or carried by the class's link (/join?code=…). */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const prefilled = typeof code === "string" ? code.slice(0, 32) : "";
  await requireViewer(prefilled ? `/join?code=${encodeURIComponent(prefilled)}` : "/join");
  const t = await getTranslations("teach");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("joinTitle")}</h1>
        <p className="text-muted">{t("joinIntro")}</p>
      </header>
      <FieldForm
        action={joinClass}
        fields={[{ name: "code", label: t("joinCodeLabel"), hint: t("joinCodeHint"), defaultValue: prefilled }]}
        submitLabel={t("join")}
        pendingLabel={t("joining")}
      />
    </div>
  );
}
