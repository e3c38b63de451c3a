import type { Role } from './roles';

declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
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
    accessToken?: string;
    /** Seconds since the epoch, as the token endpoint's expires_in made it. */
    accessTokenExpiresAt?: number;
    idToken?: string;
  }
}
