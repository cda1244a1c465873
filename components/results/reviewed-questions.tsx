import { getTranslations } from "next-intl/server";
import type { AttemptResults } from "@/server/data/attempts";
import { AnswerReview } from "./answer-review";

const percent = (value: number) => Math.round(value * 100);

/** Each graded question: verdict (in words and a symbol, not colour alone), answers, explanation, source. */
export async function ReviewedQuestions({ results, reader }: { results: AttemptResults; reader: "learner" | "instructor" }) {
  const t = await getTranslations("results");
  return (
    <ol className="space-y-6">
      {results.questions.map((item) => {
        const verdict = item.correct ? t("correct") : item.score > 0 ? t("partial", { percent: percent(item.score) }) : t("incorrect");
        const tone = item.correct ? "bg-green-100 text-green-900" : item.score > 0 ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-900";
        return (
          <li key={item.position} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">{t("question", { number: item.position + 1 })}</h2>
              <p className={`rounded-full px-3 py-1 text-sm font-semibold ${tone}`}>
                <span aria-hidden="true">{item.correct ? "✓ " : item.score > 0 ? "◐ " : "✗ "}</span>
                {verdict}
              </p>
            </div>
            <p className="font-medium">{item.question.stem}</p>
            <AnswerReview question={item.question} answer={item.answer} reader={reader} />
            <div className="rounded-md bg-slate-50 p-3">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{t("explanation")}</h3>
              <p>{item.question.explanation}</p>
              {item.section ? <p className="mt-2 text-sm text-muted">{t("source", { source: results.sourceTitle, section: item.section.heading })}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
