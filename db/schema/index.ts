export * from "./state-bodies";
export * from "./users";
