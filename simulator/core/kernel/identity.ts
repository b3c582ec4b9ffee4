import { forbidden, unauthorized } from './errors.ts';
import type { PartnerUser, Role } from './model.ts';
import { fail, ok, type Result } from './result.ts';
import type { WorldReader } from './world-tx.ts';

/** The surfaces that need a token, and what a request does there (api.md, Identity and roles). */
export type Surface = 'v1' | 'partnerHub' | 'ccw';
export type Action = 'read' | 'write' | 'validate';

/** Who may do what (SIM-3, CCW-7). `validate` is a precheck POST: a read for the roles that read. */
const table: Readonly<Record<Surface, Readonly<Record<Action, readonly Role[]>>>> = {
  v1: { read: ['admin', 'readonly'], validate: ['admin', 'readonly'], write: ['admin'] },
  partnerHub: { read: ['admin', 'readonly'], validate: ['admin', 'readonly'], write: ['admin'] },
  ccw: {
    read: ['admin', 'readonly', 'orderer', 'viewer'],
    validate: ['admin', 'readonly', 'orderer', 'viewer'],
    write: ['admin', 'orderer'],
  },
};

export const allowedRoles = (surface: Surface, action: Action): readonly Role[] =>
  table[surface][action];

const surfaceName: Record<Surface, string> = {
  v1: 'the Webex API',
  partnerHub: 'Partner Hub',
  ccw: 'Cisco Commerce Workspace',
};

/** The user a bearer token belongs to: 401 when it is missing or unknown. */
export const authenticate = (
  world: WorldReader,
  authorization: string | undefined,
): Result<PartnerUser> => {
  if (!authorization)
    return fail(
      unauthorized(
        'The Authorization header is missing: send "Authorization: Bearer <token>" (GET /sim/world lists the tokens).',
      ),
    );
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return fail(unauthorized('The Authorization header must be "Bearer <token>".'));
  const user = world.lookup('users', 'token', m[1]!)[0];
  return user
    ? ok(user)
    : fail(
        unauthorized(
          'The access token is not known to this world (GET /sim/world lists the tokens).',
        ),
      );
};

/** 403 unless the role may do the action on the surface. */
export const authorize = (
  user: PartnerUser,
  surface: Surface,
  action: Action,
): Result<PartnerUser> => {
  if (table[surface][action].includes(user.role)) return ok(user);
  if (surface === 'ccw' && action === 'write') {
    return fail(
      forbidden(
        `The ${user.role} role has no resend access: ask the person who placed the order to resend the provisioning email or change the contact (CCW-7).`,
      ),
    );
  }
  const verb = action === 'read' ? 'read' : 'change';
  return fail(
    forbidden(
      `The ${user.role} role may not ${verb} ${surfaceName[surface]} objects (allowed: ${table[surface][action].join(', ')}).`,
    ),
  );
};
