export * from "./api-keys";
export * from "./appeals";
export * from "./calendar";
export * from "./metrics";
export * from "./moderation";
export * from "./notifications";
export * from "./state-bodies";
export * from "./users";
