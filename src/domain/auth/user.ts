import type { RoleGrant } from './roles.js';

/** An account: a person who signs in, and the roles they hold. */
export type UserStatus = 'active' | 'disabled';

export interface User {
  id: number;
  email: string;
  name: string;
  status: UserStatus;
  hasPassword: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserWithGrants extends User {
  grants: RoleGrant[];
}
