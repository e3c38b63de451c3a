import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret/index.js';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version/index.js';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';

export interface SecretsProps {
  prefix: string;
  deletionProtection: boolean;
}

/**
 * A random value generated inside Terraform without the random provider: two v4 UUIDs (from
 * a cryptographic source) give 244 random bits as 64 hex characters. The secret version
 * ignores later changes, so the value is fixed at creation and only rotated on purpose.
 */
/** The role web and learn-api sign in as (created by prisma's application_role migration). */
export const APPLICATION_DATABASE_ROLE = 'learntrac_app';

const generatedToken = () => Fn.replace(`${Fn.uuid()}${Fn.uuid()}`, '-', '');

/**
 * The environment's KMS key and the application secrets. Values that Terraform can make
 * are generated; values that come from outside (OpenAI key, Neo4j connection) start as
 * empty JSON fields that an operator fills with `aws secretsmanager put-secret-value`.
 * The master database password is not here: RDS generates and keeps it in its own secret, which
 * only the migration task reads; the services sign in with `database-app`.
 */
export class Secrets extends Construct {
  readonly key: KmsKey;
  readonly redisAuth: SecretsmanagerSecret;
  readonly redisAuthToken: string;
  readonly session: SecretsmanagerSecret;
  readonly openai: SecretsmanagerSecret;
  readonly neo4j: SecretsmanagerSecret;
  readonly cognitoClient: SecretsmanagerSecret;
  /** The services' database sign-in: the least-privilege application role and its password. */
  readonly databaseApp: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: SecretsProps) {
    super(scope, id);
    const { prefix } = props;
    this.key = new KmsKey(this, 'key', {
      description: `${prefix}: database, cache, secrets, backups, images`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    new KmsAlias(this, 'key-alias', { name: `alias/${prefix}`, targetKeyId: this.key.keyId });

    const secret = (name: string, description: string) =>
      new SecretsmanagerSecret(this, name, {
        name: `${prefix}/${name}`,
        description,
        kmsKeyId: this.key.arn,
        recoveryWindowInDays: props.deletionProtection ? 30 : 7,
      });
    const fixedVersion = (name: string, target: SecretsmanagerSecret, value: string) =>
      new SecretsmanagerSecretVersion(this, `${name}-value`, {
        secretId: target.id,
        secretString: value,
        lifecycle: { ignoreChanges: ['secret_string'] },
      });

    this.redisAuth = secret('redis-auth', 'Redis AUTH token');
    const redisVersion = fixedVersion('redis-auth', this.redisAuth, generatedToken());
    this.redisAuthToken = redisVersion.secretString;

    this.session = secret('session', 'Session signing secret of the web app (NEXTAUTH_SECRET)');
    fixedVersion('session', this.session, generatedToken());

    this.openai = secret('openai', 'OpenAI API key, set by an operator');
    fixedVersion('openai', this.openai, JSON.stringify({ apiKey: '' }));

    this.neo4j = secret('neo4j', 'Neo4j connection, set by an operator');
    fixedVersion('neo4j', this.neo4j, JSON.stringify({ uri: '', username: '', password: '' }));

    this.cognitoClient = secret('cognito-client', 'Cognito app client secret of the web app');

    // The role itself is made by a migration (without a password); the migration task then sets
    // this password on it, so the role can sign in only once the secret exists.
    this.databaseApp = secret(
      'database-app',
      'Database sign-in of web and learn-api (the least-privilege learntrac_app role)',
    );
    fixedVersion(
      'database-app',
      this.databaseApp,
      Fn.jsonencode({ username: APPLICATION_DATABASE_ROLE, password: generatedToken() }),
    );
  }

  /** Stores the Cognito client secret once the identity construct has made the client. */
  storeCognitoClientSecret(value: string): void {
    new SecretsmanagerSecretVersion(this, 'cognito-client-value', {
      secretId: this.cognitoClient.id,
      secretString: value,
    });
  }
}
