import {
  makeCloze,
  makeDateMatching,
  makeListMatching,
  makeMultipleChoice,
  makeOrdering,
  makeSingleChoice,
  makeTrueFalse,
  makeYearAnswer,
  trueFalseCoin,
  type GeneratorContext,
} from "./generators";
import {
  detailListOf,
  fitsDateGroup,
  fitsDetailGroup,
  GROUP_SIZE,
  growGroup,
  MAX_LIST_MEMBERS,
  memberListOf,
  MIN_GROUP_SIZE,
  MIN_LIST_MEMBERS,
} from "./groups";
import type { FactEntry } from "./module-index";
import { anchorsByTypeAndTopic, isSingleType, type Pool } from "./quiz-pool";
import { randomInt, shuffle, take, weightedDraw, weightedIndex, type Rng } from "./random";
import type { Question, QuestionType } from "./types";
import { questionKey, wordingKey } from "./wording";

/**
 * Fills the slots of one quiz, one question at a time: the topic most short of its share, the
 * type most short of its share, a fact drawn by weight. State lives here for one quiz only.
 */

// Anchors tried per type and topic before moving on: bounds the work when groups cannot form.
const MAX_GROUP_ANCHORS = 6;

/**
 * What a slot may give up, tried in turn until a question fits: first nothing (the topic that
 * most needs a question, no fact that gives another's answer away, no stem asked twice); then
 * giveaways, to keep topics in proportion; then the topic; last, repeated stems, rather than
 * return a short quiz.
 */
type Level = { inNeedOnly: boolean; avoidConflicts: boolean; avoidRepeats: boolean };
const LEVELS: readonly Level[] = [
  { inNeedOnly: true, avoidConflicts: true, avoidRepeats: true },
  { inNeedOnly: true, avoidConflicts: false, avoidRepeats: true },
  { inNeedOnly: false, avoidConflicts: true, avoidRepeats: true },
  { inNeedOnly: false, avoidConflicts: false, avoidRepeats: false },
];

export class Assembly {
  readonly used = new Set<string>();
  readonly blocked = new Set<string>();
  /** Wordings already asked (wording.ts): two questions worded alike read as a repeat. */
  readonly wordings = new Set<string>();
  readonly questions: Question[] = [];
  readonly typeCount = new Map<QuestionType, number>();
  readonly topicCount = new Map<string, number>();
  private readonly anchors: ReadonlyMap<string, readonly FactEntry[]>;
  private readonly types: readonly QuestionType[];
  private singlesLeft: number;

  constructor(
    readonly ctx: GeneratorContext,
    readonly rng: Rng,
    readonly pool: Pool,
    readonly typeTarget: ReadonlyMap<QuestionType, number>,
    readonly topicQuota: ReadonlyMap<string, number>,
    readonly weight: (e: FactEntry) => number,
    readonly size: number,
    readonly yearTolerance: number,
  ) {
    this.anchors = anchorsByTypeAndTopic(ctx.index);
    this.types = pool.types;
    this.singlesLeft = pool.singleCapable.size;
  }

  private available(entry: FactEntry, level: Level): boolean {
    return !this.used.has(entry.fact.id) && (!level.avoidConflicts || !this.blocked.has(entry.fact.id));
  }

  /** Most-needed first; ties broken at random so that equal needs do not always favour the same. */
  private byNeed<T>(items: readonly T[], need: (item: T) => number): T[] {
    return shuffle(this.rng, items).sort((a, b) => need(b) - need(a));
  }

  /** Companions for `anchor` from `from`: the pool's available facts, drawn lazily by weight. */
  private companions(anchor: FactEntry, from: readonly FactEntry[], level: Level): Generator<FactEntry> {
    const others = from.filter((e) => e !== anchor && this.pool.contains.has(e) && this.available(e, level));
    return weightedDraw(this.rng, others, this.weight);
  }

  private make(type: QuestionType, anchor: FactEntry, level: Level): Question | undefined {
    const { ctx } = this;
    const { index } = ctx;
    switch (type) {
      case "single-choice":
        return makeSingleChoice(ctx, anchor);
      case "true-false": {
        const coin = trueFalseCoin(ctx, anchor);
        const q = makeTrueFalse(ctx, anchor, coin);
        // Siblings falsify a shared statement alike ("… covers monetary policy"): the true
        // statement is theirs alone, so it stands in for a falsified one already asked.
        return q && level.avoidRepeats && this.wordings.has(wordingKey(q, index))
          ? makeTrueFalse(ctx, anchor, !coin)
          : q;
      }
      case "year-answer":
        return makeYearAnswer(ctx, anchor, this.yearTolerance);
      case "cloze":
        return makeCloze(ctx, anchor);
      case "multiple-choice": {
        const list = memberListOf(index, anchor);
        if (!list) return undefined;
        const available = list.members.filter(
          (m) => m !== anchor && this.pool.contains.has(m) && this.available(m, level),
        ).length;
        const most = Math.min(MAX_LIST_MEMBERS, available + 1);
        if (most < MIN_LIST_MEMBERS) return undefined;
        const count = MIN_LIST_MEMBERS + randomInt(this.rng, most - MIN_LIST_MEMBERS + 1);
        return makeMultipleChoice(ctx, list, [
          anchor,
          ...take(this.companions(anchor, list.members, level), count - 1),
        ]);
      }
      case "matching": {
        if (anchor.datable) {
          const group = growGroup(
            [anchor],
            this.companions(anchor, this.pool.datable, level),
            (g, c) => fitsDateGroup(index, g, c),
            GROUP_SIZE,
          );
          if (group.length >= MIN_GROUP_SIZE) return makeDateMatching(ctx, group);
        }
        const list = detailListOf(index, anchor);
        if (!list) return undefined;
        const group = growGroup(
          [anchor],
          this.companions(anchor, list.members, level),
          (g, c) => fitsDetailGroup(index, g, c),
          GROUP_SIZE,
        );
        return makeListMatching(ctx, list, group);
      }
      case "ordering":
        return makeOrdering(
          ctx,
          growGroup(
            [anchor],
            this.companions(anchor, this.pool.datable, level),
            (g, c) => fitsDateGroup(index, g, c),
            GROUP_SIZE,
          ),
        );
    }
  }

  /** Taking `q` must leave enough single-fact questions to fill the remaining slots. */
  private leavesEnough(q: Question): boolean {
    if (!this.types.some(isSingleType)) return true;
    const consumed = q.factIds.filter((id) => this.pool.singleCapable.has(id)).length;
    const remaining = this.size - this.questions.length - 1;
    return this.singlesLeft - consumed >= remaining;
  }

  private topicNeed(topic: string): number {
    return (this.topicQuota.get(topic) ?? 0) - (this.topicCount.get(topic) ?? 0);
  }

  /** The wording a type will have for a fact, when known before building: lets repeats be skipped cheaply. */
  private knownWording(type: QuestionType, anchor: FactEntry): string | undefined {
    return type === "single-choice" || type === "year-answer"
      ? questionKey(this.ctx.index.module, anchor.fact)
      : undefined;
  }

  private tryType(type: QuestionType, topic: string, level: Level): Question | undefined {
    const anchors = this.anchors.get(`${type}|${topic}`);
    if (!anchors) return undefined;
    const { avoidRepeats } = level;
    const weights = anchors.map((e) => {
      if (!this.available(e, level)) return 0;
      const wording = avoidRepeats ? this.knownWording(type, e) : undefined;
      if (wording !== undefined && this.wordings.has(wording)) return 0;
      return this.weight(e);
    });
    const tries = isSingleType(type) ? anchors.length : MAX_GROUP_ANCHORS;
    for (let t = 0; t < tries; t++) {
      const i = weightedIndex(this.rng, weights);
      if (i < 0) break;
      weights[i] = 0;
      const anchor = anchors[i] as FactEntry;
      const q = this.make(type, anchor, level);
      if (!q || (avoidRepeats && this.wordings.has(wordingKey(q, this.ctx.index)))) continue;
      if (this.leavesEnough(q)) return q;
    }
    return undefined;
  }

  private next(level: Level): Question | undefined {
    const topicNeed = (t: string) => this.topicNeed(t);
    const candidates = [...this.topicQuota.keys()];
    const topics = this.byNeed(level.inNeedOnly ? candidates.filter((t) => topicNeed(t) > 0) : candidates, topicNeed);
    const typeNeed = (t: QuestionType) => (this.typeTarget.get(t) ?? 0) - (this.typeCount.get(t) ?? 0);
    const types = this.byNeed(this.types, typeNeed);
    for (const topic of topics) {
      for (const type of types) {
        const q = this.tryType(type, topic, level);
        if (q) return q;
      }
    }
    return undefined;
  }

  private take(q: Question): void {
    const { index } = this.ctx;
    this.questions.push(q);
    this.wordings.add(wordingKey(q, index));
    this.typeCount.set(q.type, (this.typeCount.get(q.type) ?? 0) + 1);
    this.topicCount.set(q.topic, (this.topicCount.get(q.topic) ?? 0) + 1);
    for (const id of q.factIds) {
      this.used.add(id);
      if (this.pool.singleCapable.has(id)) this.singlesLeft--;
      for (const other of index.conflicts.get(id) ?? []) this.blocked.add(other);
    }
  }

  run(): Question[] {
    while (this.questions.length < this.size) {
      let q: Question | undefined;
      for (const level of LEVELS) {
        q = this.next(level);
        if (q) break;
      }
      if (!q) break;
      this.take(q);
    }
    return shuffle(this.rng, this.questions);
  }
}
