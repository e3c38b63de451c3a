import { describe, expect, it } from 'vitest';
import { loadEnvironmentConfig } from './config.js';

describe('environment configuration', () => {
  it('defaults to no operator CIDR, and WAF on in prod only', () => {
    const dev = loadEnvironmentConfig({ name: 'dev', env: {} });
    const prod = loadEnvironmentConfig({ name: 'prod', env: {} });
    expect(dev.operatorCidr).toBe('');
    expect(prod.operatorCidr).toBe('');
    expect([dev.enableWaf, prod.enableWaf]).toEqual([false, true]);
    expect([dev.natGatewayPerZone, prod.natGatewayPerZone]).toEqual([false, true]);
  });

  it('takes overrides from LEARNTRAC_<ENV>_* variables', () => {
    const prod = loadEnvironmentConfig({
      name: 'prod',
      env: {
        LEARNTRAC_PROD_DOMAIN_NAME: 'learn.example.org',
        LEARNTRAC_PROD_ENABLE_CLOUDFRONT: 'true',
        LEARNTRAC_PROD_LOGOUT_URLS: 'https://learn.example.org/, https://learn.example.org/bye',
        LEARNTRAC_DEV_DOMAIN_NAME: 'not-for-prod.example.org',
      },
    });
    expect(prod.domainName).toBe('learn.example.org');
    expect(prod.enableCloudFront).toBe(true);
    expect(prod.callbackUrls).toEqual(['https://learn.example.org/api/auth/callback/cognito']);
    expect(prod.logoutUrls).toEqual([
      'https://learn.example.org/',
      'https://learn.example.org/bye',
    ]);
  });

  it('stops with a message naming a malformed setting', () => {
    expect(() =>
      loadEnvironmentConfig({ name: 'dev', env: { LEARNTRAC_DEV_OPERATOR_CIDR: 'everyone' } }),
    ).toThrow(/operatorCidr/);
    expect(() =>
      loadEnvironmentConfig({ name: 'dev', env: { LEARNTRAC_DEV_ALARM_EMAIL: 'not-an-email' } }),
    ).toThrow(/alarmEmail/);
  });
});
