import { describe, expect, it } from 'vitest';
import { hasScope, principalFromClaims, SCOPES } from '../../../shared/auth/principal.ts';

describe('principalFromClaims', () => {
  it('reads a partner client-credentials token', () => {
    const p = principalFromClaims({
      client_id: 'met-police',
      scope: 'lurewatch/reports.write lurewatch/reports.read',
    })!;
    expect(p.role).toBe('partner');
    expect(p.id).toBe('met-police');
    expect(hasScope(p, SCOPES.reportsWrite)).toBe(true);
    expect(hasScope(p, SCOPES.broadcastsSend)).toBe(false);
  });

  it('reads groups in the string forms API Gateway passes claims in', () => {
    for (const groups of ['[security-officers]', 'security-officers', ['security-officers']]) {
      expect(principalFromClaims({ username: 'jo', 'cognito:groups': groups, scope: '' })!.role).toBe(
        'officer',
      );
    }
    expect(principalFromClaims({ username: 'mp', 'cognito:groups': '[members]' })!.role).toBe('member');
  });

  it('has no principal without claims or an identity', () => {
    expect(principalFromClaims(undefined)).toBeUndefined();
    expect(principalFromClaims({ scope: 'lurewatch/reports.read' })).toBeUndefined();
  });
});
