import type { Role } from './roles';

declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
      /** The Cognito user name; Trac's name for this person. */
      username: string;
      name: string | null;
      email: string | null;
      groups: string[];
      roles: Role[];
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    groups?: string[];
    username?: string;
    accessToken?: string;
    /** Seconds since the epoch, as the token endpoint's expires_in made it. */
    accessTokenExpiresAt?: number;
    idToken?: string;
    /** Renews the access token when it expires; never leaves the server. */
    refreshToken?: string;
    sessionId?: string;
    /** Seconds since the epoch when the person signed in. */
    signedInAt?: number;
  }
}
