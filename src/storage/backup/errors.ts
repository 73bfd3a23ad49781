/**
 * A backup or restore that was refused or failed, with a Swedish message for the operator.
 * The command line prints the message as it is; nothing in it contains a password.
 */
export class BackupError extends Error {
  override name = 'BackupError';
}
