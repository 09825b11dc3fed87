/**
 * /api/users (admin): list accounts, add one, change a role or password, remove one. Every change
 * is audited with the admin as actor; removing or demoting the only admin is a 409.
 *
 * GET    /users                → `{ users: [{ name, role, created, lockedUntil }] }`
 * POST   /users                `{ name, role, password }` → 201 `{ name, role }`
 * PATCH  /users/:name          `{ role?, password? }` → `{ name }` (a new password ends their sessions)
 * DELETE /users/:name          → 204 (their sessions end with it)
 */
import express, { Router } from 'express';
import type { AuthServices } from '../../auth/index.js';
import { ValidationError } from '../../errors.js';
import { authOf } from '../middleware/auth.js';
import {
  AddUserBody as AddBody,
  ChangeUserBody as ChangeBody,
  UserName as name,
} from '../schemas/accounts.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export function usersRouter(auth: AuthServices): Router {
  const router = Router();
  router.use('/users', express.json({ limit: '16kb' }));

  router.get('/users', async (req, res) => {
    parseInput(NoQuery, req.query);
    res.json({ users: await auth.accounts.list() });
  });

  router.post('/users', async (req, res) => {
    parseInput(NoQuery, req.query);
    const body = parseInput(AddBody, req.body ?? {}, 'body');
    await auth.accounts.add(body.name, body.role, body.password, authOf(req).actor);
    res.status(201).json({ name: body.name, role: body.role });
  });

  router.patch('/users/:name', async (req, res) => {
    parseInput(NoQuery, req.query);
    const body = parseInput(ChangeBody, req.body ?? {}, 'body');
    const target = parseInput(name, req.params.name, 'path');
    if (body.role === undefined && body.password === undefined) {
      throw new ValidationError('Nothing to change: send role and/or password', [
        { file: 'body', reason: 'send role and/or password' },
      ]);
    }
    const actor = authOf(req).actor;
    if (body.password !== undefined) await auth.accounts.setPassword(target, body.password, actor);
    if (body.role !== undefined) await auth.accounts.setRole(target, body.role, actor);
    res.json({ name: target });
  });

  router.delete('/users/:name', async (req, res) => {
    parseInput(NoQuery, req.query);
    const target = parseInput(name, req.params.name, 'path');
    await auth.accounts.remove(target, authOf(req).actor);
    res.status(204).end();
  });

  return router;
}
