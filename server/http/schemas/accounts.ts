/** Inputs of the accounts routes: /api/session, /api/users, /api/users/:name and /api/audit. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { ACCOUNT_ROLES } from '../../auth/roles.js';
import { integer } from './common.js';

export const LoginBody = z
  .object({
    name: z.string().max(200),
    password: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const UserName = z.string().min(1).max(64);

export const UserNameParam = z.object({ name: UserName }).strict();

export const AddUserBody = z
  .object({ name: UserName, role: z.enum(ACCOUNT_ROLES), password: z.string().max(PASSWORD_MAX_LENGTH) })
  .strict();

export const ChangeUserBody = z
  .object({
    role: z.enum(ACCOUNT_ROLES).optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  })
  .strict();

export const AuditQuery = z
  .object({
    offset: integer(0, 1_000_000).default(0),
    limit: integer(1, 200).default(50),
  })
  .strict();
