import type { RoleGrant } from './roles.js';

/**
 * Every route names one of these policies; this file is the only place that decides.
 * A policy answers for a principal (the grants of whoever acts; none for the public) and,
 * where the action concerns one member or network, for that scope.
 */
export type Policy =
  | 'public'
  | 'signed_in'
  | 'read_internal'
  | 'edit_programme'
  | 'record_member_decision'
  | 'record_committee_decision'
  | 'manage_users'
  | 'read_audit'
  | 'manage_indicators'
  | 'import_indicator_values';

export interface Principal {
  signedIn: boolean;
  grants: readonly RoleGrant[];
}

export const PUBLIC_PRINCIPAL: Principal = { signedIn: false, grants: [] };

export interface PolicyScope {
  memberId?: number | null;
  networkId?: number | null;
}

const has = (p: Principal, test: (g: RoleGrant) => boolean) => p.grants.some(test);
const isAdmin = (p: Principal) => has(p, (g) => g.role === 'admin');

/** Whether `principal` may do what `policy` guards, for `scope` where it matters. */
export function allows(principal: Principal, policy: Policy, scope: PolicyScope = {}): boolean {
  switch (policy) {
    case 'public':
      return true;
    case 'signed_in':
      return principal.signedIn;
    case 'read_internal':
      return principal.signedIn && principal.grants.length > 0;
    // Drafting the programme, Kolada syncs, indicator definitions and goal targets are the
    // secretariat's work for the whole cooperation.
    case 'edit_programme':
    case 'record_committee_decision':
    case 'manage_users':
    case 'manage_indicators':
      return isAdmin(principal);
    case 'read_audit':
      return isAdmin(principal) || has(principal, (g) => g.role === 'reader');
    // A member's officers record their own board's decisions and enter their own member's values of
    // local indicators; the secretariat may do both for any member.
    case 'record_member_decision':
    case 'import_indicator_values':
      return (
        isAdmin(principal) ||
        (scope.memberId != null && has(principal, (g) => g.role === 'member_officer' && g.memberId === scope.memberId))
      );
  }
}
