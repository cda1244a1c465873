export * from "./schema";
export * from "./template";
export * from "./render";
export * from "./validate";
export * from "./distractors";
export * from "./hash";
