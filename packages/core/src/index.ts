/**
 * `@kpi/core`: the pure indicator engine. No I/O, no clock reads, no environment: pass "today" in.
 * @packageDocumentation
 */

export * from "./dates/iso-date.js";
export * from "./definitions/indicator-definition.js";
export * from "./definitions/target.js";
export * from "./errors/core-error.js";
export * from "./values/units.js";
