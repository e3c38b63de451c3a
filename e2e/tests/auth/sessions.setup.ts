import { writeFile } from 'node:fs/promises';
import { test as setup } from '@playwright/test';
import { type AccountName, signIn } from '../../fixtures/auth';
import { accessTokenFile, fetchAccessToken } from '../../fixtures/learn-api';
import { sessionFile } from '../../fixtures/sessions';

// Each role signs in once through LearnTrac's sign-in page and the issuer's form; the other
// specs start from the session stored here, and call learn-api with the access token the
// same sign-in at the issuer grants.
const roles: AccountName[] = ['admin', 'instructor', 'learner'];

for (const role of roles) {
  setup(`the ${role} signs in through the issuer's login page`, async ({ page, baseURL }) => {
    await signIn(page, role);
    await page.context().storageState({ path: sessionFile(role) });
    await writeFile(accessTokenFile(role), await fetchAccessToken(page, baseURL!));
  });
}
