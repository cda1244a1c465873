import { getTranslations } from "next-intl/server";

/** Moodle's reading guide for the indices, short, open by default (it is what makes the numbers usable). */
export async function AnalysisGuide() {
  const t = await getTranslations("gradebook.analysis");
  return (
    <details open className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{t("guideTitle")}</summary>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-sm">
        <li>{t("guideFacility")}</li>
        <li>{t("guideSd")}</li>
        <li>{t("guideDiscrimination")}</li>
        <li>{t("guideDistractors")}</li>
      </ul>
    </details>
  );
}
