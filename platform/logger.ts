import pino from 'pino';

export type Logger = pino.Logger;

/**
 * The one structured logger. Secrets never reach the output: credentials, tokens and bank details
 * are censored wherever they appear in a logged object.
 */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'facturflow' },
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'apiKey',
          '*.apiKey',
          'iban',
          '*.iban',
          '*.*.iban',
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["cpro-account"]',
          // Service mode: OAuth2 client secrets and technical-account passwords.
          'client_secret',
          '*.client_secret',
          'clientSecret',
          '*.clientSecret',
          'req.body.client_secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
