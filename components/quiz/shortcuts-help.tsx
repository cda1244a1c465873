"use client";
import { Fragment } from "react";
import { useTranslations } from "next-intl";

const KEY_STYLE = "rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs";

type Row = { keys: [string, string]; joiner: "or" | "to"; description: string };

/** The keyboard shortcuts, folded away until asked for. */
export function ShortcutsHelp() {
  const t = useTranslations("quiz.shortcuts");
  const rows: Row[] = [
    { keys: ["←", "p"], joiner: "or", description: t("previous") },
    { keys: ["→", "n"], joiner: "or", description: t("next") },
    { keys: ["1", "9"], joiner: "to", description: t("choose") },
    { keys: ["1", "2"], joiner: "or", description: t("trueFalse") },
  ];
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <dl className="mt-3 space-y-3 text-sm">
        {rows.map(({ keys, joiner, description }) => (
          <div key={description} className="grid grid-cols-[6rem_1fr] gap-3">
            <dt className="flex flex-wrap items-baseline gap-1">
              {keys.map((key, index) => (
                <Fragment key={key}>
                  {index > 0 ? <span>{t(joiner)}</span> : null}
                  <kbd className={KEY_STYLE}>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{description}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">{t("whileTyping")}</p>
    </details>
  );
}
