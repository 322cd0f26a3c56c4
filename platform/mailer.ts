/** An email the platform sends (activation links, attachment requests, reminders, notifications). */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Same key, same email: a retried activity must not send twice. Implementations remember the keys
   * they have sent (or pass them on as Message-ID) so a retry is a no-op.
   */
  idempotencyKey: string;
}

/** Where emails go: SMTP in production, an outbox folder when no SMTP server is configured. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}
