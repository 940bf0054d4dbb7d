export * from "./appeals";
export * from "./calendar";
export * from "./notifications";
export * from "./state-bodies";
export * from "./users";
