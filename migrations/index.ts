import type { Knex } from 'knex';
import * as m001 from './001_foundation';
import * as m002 from './002_accounts';
import * as m003 from './003_structures';
import * as m004 from './004_lifecycle';
import * as m005 from './005_deposits';
import * as m006 from './006_connectors';
import * as m007 from './007_support';
import * as m008 from './008_service_mode';
import * as m009 from './009_identity_verification';
import * as m010 from './010_rule_sets';
import * as m011 from './011_cpro_sequences';
import * as m013 from './013_draft_prefill';
import * as m012 from './012_party_identity';
import * as m014 from './014_notification_preferences';
import * as m015 from './015_credential_throttle';
import * as m016 from './016_directory_search';
import * as m018 from './018_connector_record_errors';
import * as m017 from './017_notification_digest';
import * as m019 from './019_email_claims';

/** Every migration, by name; applied in name order on SQLite and PostgreSQL alike. */
export const migrations: Record<string, Knex.Migration> = {
  '001_foundation': m001,
  '002_accounts': m002,
  '003_structures': m003,
  '004_lifecycle': m004,
  '005_deposits': m005,
  '006_connectors': m006,
  '007_support': m007,
  '008_service_mode': m008,
  '009_identity_verification': m009,
  '010_rule_sets': m010,
  '011_cpro_sequences': m011,
  '012_party_identity': m012,
  '013_draft_prefill': m013,
  '014_notification_preferences': m014,
  '015_credential_throttle': m015,
  '016_directory_search': m016,
  '018_connector_record_errors': m018,
  '017_notification_digest': m017,
  '019_email_claims': m019,
};
