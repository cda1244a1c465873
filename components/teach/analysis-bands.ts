/**
 * Moodle's reading guide for its quiz statistics (docs.moodle.org, "Quiz report statistics"),
 * as bands the page and the CSV name in words. Values are percentages as the item analysis
 * gives them: facility 0–100, discrimination −100–100.
 */

export type FacilityBand =
  | "extremelyDifficult"
  | "veryDifficult"
  | "difficult"
  | "moderatelyDifficult"
  | "aboutRight"
  | "fairlyEasy"
  | "easy"
  | "veryEasy"
  | "extremelyEasy";

export type DiscriminationBand = "veryGood" | "adequate" | "weak" | "veryWeak" | "negative";

/** Moodle's bands, read on the rounded value: 5 or less, 6–10, 11–20, 21–34, 35–65, 66–80, 81–89, 90–94, 95 and more. */
export function facilityBand(facility: number): FacilityBand {
  const value = Math.round(facility);
  if (value <= 5) return "extremelyDifficult";
  if (value <= 10) return "veryDifficult";
  if (value <= 20) return "difficult";
  if (value <= 34) return "moderatelyDifficult";
  if (value <= 65) return "aboutRight";
  if (value <= 80) return "fairlyEasy";
  if (value <= 89) return "easy";
  if (value <= 94) return "veryEasy";
  return "extremelyEasy";
}

/** 50 and above, 30–49, 20–29, 0–19, negative. */
export function discriminationBand(discrimination: number): DiscriminationBand {
  const value = Math.round(discrimination);
  if (value >= 50) return "veryGood";
  if (value >= 30) return "adequate";
  if (value >= 20) return "weak";
  if (value >= 0) return "veryWeak";
  return "negative";
}

/** Bands worth flagging in the CSV: the extremes of facility, and weak or negative discrimination. */
export function isFlaggedFacility(band: FacilityBand): boolean {
  return band === "extremelyDifficult" || band === "extremelyEasy";
}

export function isFlaggedDiscrimination(band: DiscriminationBand): boolean {
  return band === "veryWeak" || band === "negative";
}

/** One decimal at most, as the CSV writes statistics: 64.55 → 64.6, 100 → 100. */
export function roundStat(value: number): number {
  return Math.round(value * 10) / 10;
}
