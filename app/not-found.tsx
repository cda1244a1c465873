import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("notFound")}</h1>
      <Link href="/" className="font-medium text-brand underline">
        {t("backHome")}
      </Link>
    </div>
  );
}
