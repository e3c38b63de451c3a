export { type IssuedTokens, signInForTokens } from './sign-in-for-tokens.js';
export { loadSigningKeys } from './signing-keys.js';
export {
  type IssuerClient,
  type RunningIssuer,
  type StartIssuerOptions,
  startIssuer,
} from './start-issuer.js';
export { findUserByCredentials, type IssuerUser, seededUsers } from './users.js';
