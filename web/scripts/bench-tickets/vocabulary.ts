/**
 * Words the seeded tickets, comments and wiki pages are written with. Earlier words are drawn
 * more often (the seed skews its picks towards the front), so the list runs from everyday
 * tracker words to rare ones, as words do in a real tracker's text.
 */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export const WORDS: readonly string[] = words(`
  the to when and is in it not with on error page user fails after should ticket update
  test build request server login file list version link report data query field button
  message crash slow timeout cache session config upload search index database migration
  memory leak thread lock deadlock retry proxy header cookie token permission admin
  export import csv encoding unicode timezone calendar milestone roadmap timeline wiki
  macro plugin theme layout mobile browser firefox chrome safari render template
  stylesheet font attachment image thumbnail preview diff history revert merge branch
  commit notification email smtp queue worker scheduler cron backup restore snapshot
  regression flaky benchmark latency throughput profiling allocation garbage collector
  heap socket connection pool handshake certificate redirect loop overflow underflow
  parser tokenizer grammar syntax highlight keyboard shortcut accessibility contrast
  tooltip dropdown checkbox validation constraint foreign duplicate orphan cascade
  trigger sequence vacuum replica failover latency quota throttle billing invoice
  currency rounding locale translation plural gettext packaging installer dependency
  upgrade downgrade deprecation warning logging verbosity rotation syslog metrics
  dashboard graph histogram percentile alert webhook callback signature checksum
  compression gzip brotli streaming chunked multipart pagination sorting grouping filter
  column width overflow scrollbar sticky flicker kerberos ldap oauth saml captcha spam
  honeypot blacklist whitelist ratelimit serializer pickle protobuf yaml toml xml
  namespace schema registry sandbox segfault coredump stacktrace assertion panic watchdog
  heartbeat keepalive nagle jitter
`);

export const FIRST_NAMES: readonly string[] = words(`
  alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert
  sybil trent ursula victor walter xavier yolanda zoe adam bianca cedric dora elias fiona
  gustav hana igor jonas kira lars mona nils omar pia quentin
`);

export const COMPONENTS: readonly string[] = [
  'core',
  'web ui',
  'query',
  'wiki',
  'search',
  'notification',
  'admin',
  'api',
  'attachments',
  'timeline',
  'i18n',
  'installer',
];

export const CUSTOMERS: readonly string[] = words(`
  Acme Globex Initech Umbrella Hooli Stark Wayne Tyrell Cyberdyne Soylent
`);

export const PLATFORMS: readonly string[] = words(`
  linux macos windows web
`);
