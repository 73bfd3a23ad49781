/**
 * Roles are granted per scope: the secretariat administers the whole cooperation; a member officer
 * acts for one member municipality; a network lead or member for one chief network; a reader sees
 * everything not yet public. Without a role a person is the public.
 */
export type Role = 'admin' | 'member_officer' | 'network_lead' | 'network_member' | 'reader';

export interface RoleGrant {
  role: Role;
  /** Set for member_officer: the member municipality (members.id). */
  memberId: number | null;
  /** Set for network_lead and network_member: the network (networks.id). */
  networkId: number | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administratör för samverkan (sekretariatet)',
  member_officer: 'Handläggare för medlemskommun',
  network_lead: 'Ledare för chefsnätverk',
  network_member: 'Medlem i chefsnätverk',
  reader: 'Läsare',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** The scope each role needs: a member, a network, or none. */
export const ROLE_SCOPE: Record<Role, 'member' | 'network' | 'none'> = {
  admin: 'none',
  member_officer: 'member',
  network_lead: 'network',
  network_member: 'network',
  reader: 'none',
};
