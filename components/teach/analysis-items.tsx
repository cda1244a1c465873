import { getTranslations } from "next-intl/server";
import type { ItemAnalysis } from "@/domain/teach";
import { discriminationBand, facilityBand } from "./analysis-bands";
import { COMPACT_CELL as cell, DataTable } from "@/components/ui/data-table";

const round = (value: number) => Math.round(value);

/**
 * Per-question statistics when everyone had the same questions: facility, SD and
 * discrimination with their reading in words, then how often each option was chosen, rarely
 * chosen distractors flagged in text.
 */
export async function AnalysisItems({
  analysis,
  topicTitles,
}: {
  analysis: ItemAnalysis;
  topicTitles: Readonly<Record<string, string>>;
}) {
  const [t, tTypes] = await Promise.all([getTranslations("gradebook.analysis"), getTranslations("practice.types")]);
  const missing = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("notComputable")}</span>
    </>
  );
  const withOptions = analysis.items.filter((item) => item.options && item.options.length > 0);
  return (
    <>
      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-2xl font-semibold">
          {t("itemsTitle")}
        </h2>
        <DataTable
          labelledBy="items-heading"
          density="compact"
          minWidth="min-w-[40rem]"
          caption={t("itemsCaption")}
          columns={[
            t("colNumber"),
            t("colQuestion"),
            t("colAnswered"),
            t("colFacility"),
            t("colSd"),
            t("colDiscrimination"),
          ]}
        >
          {analysis.items.map((item) => (
            <tr key={item.position}>
              <th scope="row" className={`${cell} font-semibold`}>
                {item.position + 1}
              </th>
              <td className={`${cell} min-w-64`}>
                <span className="block">{item.stem}</span>
                <span className="block text-xs text-muted">
                  {tTypes(item.type)} · {topicTitles[item.topic] ?? item.topic}
                </span>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{t("answered", { answered: item.answered, n: item.n })}</td>
              <td className={cell}>
                {item.facility === null ? (
                  missing
                ) : (
                  <>
                    <span className="block whitespace-nowrap font-semibold">
                      {t("percent", { value: round(item.facility) })}
                    </span>
                    <span className="block text-xs text-muted">{t(`facilityBand.${facilityBand(item.facility)}`)}</span>
                  </>
                )}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                {item.sd === null ? missing : t("percent", { value: round(item.sd) })}
              </td>
              <td className={cell}>
                {item.discrimination === null ? (
                  missing
                ) : (
                  <>
                    <span className="block whitespace-nowrap font-semibold">{round(item.discrimination)}</span>
                    <span
                      className={`block text-xs ${item.discrimination < 0 ? "font-semibold text-red-800" : "text-muted"}`}
                    >
                      {t(`discriminationBand.${discriminationBand(item.discrimination)}`)}
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="options-heading" className="space-y-3">
        <h2 id="options-heading" className="text-2xl font-semibold">
          {t("optionsTitle")}
        </h2>
        {withOptions.length === 0 ? (
          <p>{t("optionsNone")}</p>
        ) : (
          <>
            <p className="text-muted">{t("optionsIntro", { count: analysis.n })}</p>
            <div className="grid gap-4 lg:grid-cols-2">
              {withOptions.map((item) => (
                <DataTable
                  key={item.position}
                  density="compact"
                  captionVisible
                  caption={t("optionsCaption", { number: item.position + 1, stem: item.stem })}
                  columns={[t("colOption"), t("colRole"), t("colCount"), t("colShare")]}
                >
                  {item.options!.map((option) => (
                    <tr key={option.id}>
                      <th scope="row" className={`${cell} font-normal`}>
                        {option.text}
                        {option.rarelyChosen ? (
                          <span className="mt-1 flex items-center gap-1 text-xs font-semibold text-amber-900">
                            <span aria-hidden="true">⚑</span>
                            {t("rarelyChosen")}
                          </span>
                        ) : null}
                      </th>
                      <td className={cell}>
                        {option.isKey ? (
                          <span className="font-semibold text-green-900">
                            <span aria-hidden="true">✓ </span>
                            {t("key")}
                          </span>
                        ) : (
                          t("distractor")
                        )}
                      </td>
                      <td className={cell}>{option.count}</td>
                      <td className={`${cell} whitespace-nowrap`}>
                        {option.share === null ? missing : t("percent", { value: round(option.share) })}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              ))}
            </div>
          </>
        )}
      </section>
    </>
  );
}
