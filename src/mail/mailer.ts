/**
 * Outgoing e-mail (the follow-up's reminders) over SMTP with nodemailer. Configured by SMTP_URL
 * (`smtp://host:port`, `smtps://user:password@host:465`; nodemailer's URL options such as
 * `?ignoreTLS=true` work too) and MAIL_FROM. Without SMTP_URL there is no mailer, and the pages say
 * that reminders are not set up rather than offering a button that cannot work.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  /** Addresses; one message goes to all of them. */
  to: readonly string[];
  subject: string;
  /** Plain text, UTF-8. */
  text: string;
}

/** Sends one message; rejects when the server did not accept it (for any of its recipients). */
export interface Mailer {
  /** The sender, as MAIL_FROM gives it. */
  readonly from: string;
  send(message: MailMessage): Promise<void>;
  /** Closes the connection pool (the CLI does, when done). */
  close(): void;
}

export interface MailSettings {
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
}

/** The SMTP schemes nodemailer reads from a URL. */
export const SMTP_URL_PATTERN = /^smtps?:\/\/[^/\s]+/i;

/** Creates the mailer from the settings, or undefined when SMTP_URL is not set. */
export function createMailer(settings: MailSettings): Mailer | undefined {
  const url = settings.SMTP_URL?.trim();
  if (!url) return undefined;
  if (!SMTP_URL_PATTERN.test(url)) throw new Error('SMTP_URL ska börja med smtp:// eller smtps://.');
  const from = settings.MAIL_FROM?.trim();
  if (!from) throw new Error('MAIL_FROM behövs när SMTP_URL är satt: avsändaradressen för e-post.');
  const transport = nodemailer.createTransport({
    url,
    // A server that does not answer must not hold a page or the cron job for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    from,
    async send(message) {
      const info = await transport
        .sendMail({ from, to: [...message.to], subject: message.subject, text: message.text })
        .catch((error: unknown) => {
          // The server's own words (often English) are kept after a Swedish explanation.
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`E-postservern tog inte emot meddelandet (${reason}).`, { cause: error });
        });
      const rejected = (info.rejected as (string | { address: string })[]).map((r) =>
        typeof r === 'string' ? r : r.address,
      );
      if (rejected.length > 0) throw new Error(`E-postservern tog inte emot meddelandet till ${rejected.join(', ')}.`);
    },
    close: () => transport.close(),
  };
}
