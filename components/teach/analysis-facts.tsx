import { getTranslations } from "next-intl/server";
import type { FactStats } from "@/domain/teach";
import { COMPACT_CELL as cell, DataTable } from "@/components/ui/data-table";

type Labels = { factLabels: Readonly<Record<string, string>>; topicTitles: Readonly<Record<string, string>> };

/** Facility per fact, for per-learner draws (no common questions, so no discrimination). */
export async function AnalysisFacts({ facts, factLabels, topicTitles }: { facts: readonly FactStats[] } & Labels) {
  const [t, tTypes] = await Promise.all([getTranslations("gradebook.analysis"), getTranslations("practice.types")]);
  return (
    <section aria-labelledby="facts-heading" className="space-y-3">
      <h2 id="facts-heading" className="text-2xl font-semibold">
        {t("factsTitle")}
      </h2>
      <p className="text-muted">{t("factsIntro")}</p>
      <DataTable
        labelledBy="facts-heading"
        density="compact"
        minWidth="min-w-[36rem]"
        caption={t("factsCaption")}
        columns={[t("colFact"), t("colAsked"), t("colFacility"), t("colTypes")]}
      >
        {facts.map((fact) => (
          <tr key={fact.factId}>
            <th scope="row" className={`${cell} min-w-56 font-normal`}>
              <span className="block">{factLabels[fact.factId] ?? fact.factId}</span>
              <span className="block text-xs text-muted">{topicTitles[fact.topic] ?? fact.topic}</span>
            </th>
            <td className={cell}>{fact.n}</td>
            <td className={`${cell} whitespace-nowrap font-semibold`}>
              {t("percent", { value: Math.round(fact.facility) })}
            </td>
            <td className={cell}>{fact.types.map((type) => tTypes(type)).join(", ")}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** The facts the class's learners answer worst, from all their reviews. */
export async function AnalysisWeakestFacts({
  facts,
  factLabels,
  topicTitles,
}: { facts: readonly { factKey: string; topic: string; reviews: number; accuracy: number }[] } & Labels) {
  const t = await getTranslations("gradebook.analysis");
  return (
    <section aria-labelledby="weakest-heading" className="space-y-3">
      <h2 id="weakest-heading" className="text-2xl font-semibold">
        {t("weakestTitle")}
      </h2>
      <p className="text-muted">{t("weakestIntro")}</p>
      {facts.length === 0 ? (
        <p>{t("weakestEmpty")}</p>
      ) : (
        <DataTable
          labelledBy="weakest-heading"
          density="compact"
          minWidth="min-w-[30rem]"
          caption={t("weakestCaption")}
          columns={[t("colFact"), t("colReviews"), t("colAccuracy")]}
        >
          {facts.map((fact) => (
            <tr key={`${fact.topic}/${fact.factKey}`}>
              <th scope="row" className={`${cell} min-w-56 font-normal`}>
                <span className="block">{factLabels[fact.factKey] ?? fact.factKey}</span>
                <span className="block text-xs text-muted">{topicTitles[fact.topic] ?? fact.topic}</span>
              </th>
              <td className={cell}>{fact.reviews}</td>
              <td className={`${cell} whitespace-nowrap font-semibold`}>
                {t("percent", { value: Math.round(fact.accuracy * 100) })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
