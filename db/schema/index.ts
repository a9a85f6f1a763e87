export * from "./users";
export * from "./api-tokens";
export * from "./audit";
export * from "./sign-in";
export * from "./relations";
