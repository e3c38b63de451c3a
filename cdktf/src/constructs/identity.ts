import { CognitoUserGroup } from '@cdktf/provider-aws/lib/cognito-user-group/index.js';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool/index.js';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client/index.js';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain/index.js';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config.js';

export interface IdentityProps {
  config: EnvironmentConfig;
  prefix: string;
}

/** Groups and the Trac permissions they map to in the apps; lower precedence wins. */
export const USER_GROUPS = [
  { name: 'admins', description: 'TRAC_ADMIN', precedence: 1 },
  {
    name: 'instructors',
    description: 'Ticket, wiki, milestone and learning management',
    precedence: 2,
  },
  { name: 'learners', description: 'View, comment, answer, own progress', precedence: 3 },
] as const;

/** Cognito user pool, its groups, the hosted UI domain and the web app's client. */
export class Identity extends Construct {
  readonly userPool: CognitoUserPool;
  readonly webClient: CognitoUserPoolClient;
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const { config, prefix } = props;
    this.userPool = new CognitoUserPool(this, 'pool', {
      name: prefix,
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      // Accounts are made by admins (see docs/operations), not by open sign-up.
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      passwordPolicy: {
        minimumLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 3,
      },
      mfaConfiguration: config.mfa,
      softwareTokenMfaConfiguration: config.mfa === 'OFF' ? undefined : { enabled: true },
      accountRecoverySetting: {
        recoveryMechanism: [{ name: 'verified_email', priority: 1 }],
      },
      deletionProtection: config.deletionProtection ? 'ACTIVE' : 'INACTIVE',
    });
    for (const group of USER_GROUPS) {
      new CognitoUserGroup(this, `group-${group.name}`, {
        userPoolId: this.userPool.id,
        name: group.name,
        description: group.description,
        precedence: group.precedence,
      });
    }
    new CognitoUserPoolDomain(this, 'domain', {
      userPoolId: this.userPool.id,
      domain: config.authDomainPrefix,
    });
    this.webClient = new CognitoUserPoolClient(this, 'web-client', {
      name: `${prefix}-web`,
      userPoolId: this.userPool.id,
      // A confidential client: the web server holds the secret, and PKCE is used as well.
      generateSecret: true,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ['code'],
      allowedOauthScopes: ['openid', 'email', 'profile'],
      callbackUrls: config.callbackUrls,
      logoutUrls: config.logoutUrls,
      supportedIdentityProviders: ['COGNITO'],
      explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      accessTokenValidity: 60,
      idTokenValidity: 60,
      refreshTokenValidity: 30,
      tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'days' }],
    });
    this.issuerUrl = `https://cognito-idp.${config.region}.amazonaws.com/${this.userPool.id}`;
  }
}
