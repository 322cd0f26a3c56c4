/** All SQL on this feature's tables lives here; other modules call these functions. */
export {};
