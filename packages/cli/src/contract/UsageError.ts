/** The command line itself is wrong: the command prints the message and exits with EXIT.usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
