/** Exit codes, following shell and sysexits conventions so that scripts and CI can tell failures apart. */
export const EXIT = {
  ok: 0,
  /** The input has problems (invalid product, failed data test, bad parameter). */
  problems: 1,
  /** The command line itself is wrong (unknown option, missing argument). */
  usage: 2,
  /** The node cannot be reached (sysexits EX_UNAVAILABLE). */
  unavailable: 69,
  /** The node refused the credentials (sysexits EX_NOPERM). */
  noPermission: 77,
  /** Another build holds the lock, or similar state conflicts. */
  conflict: 75,
  /** A bug in Plexus: please report it. */
  internal: 70,
} as const;
