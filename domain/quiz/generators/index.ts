export { makeCloze, canMakeCloze, CLOZE_GAP } from "./cloze";
export { makeDateMatching, makeListMatching } from "./matching";
export { makeMultipleChoice } from "./multiple-choice";
export { makeOrdering } from "./ordering";
export { makeSingleChoice, canMakeSingleChoice } from "./single-choice";
export { makeTrueFalse, canMakeTrueFalse, trueFalseCoin } from "./true-false";
export { makeYearAnswer, canMakeYearAnswer } from "./year-answer";
export type { GeneratorContext } from "./common";
