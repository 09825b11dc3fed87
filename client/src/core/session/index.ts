/**
 * Who is using the page: the session's status (mode, role, user), and the actions to load it, sign
 * in and sign out. Signing in or out reloads the page, so no data of one user outlives the session
 * in memory.
 */
import type { SessionApi, SessionInfo } from '../../api/session';
import { toFailure } from '../../api/http';
import { failed, IDLE, loading, ready, type Status } from '../status';
import { createStore } from '../store';

export interface SessionState {
  info: Status<SessionInfo>;
  /** The last sign-in attempt: idle, under way, or failed with the server's message. */
  signIn: { status: 'idle' | 'busy' } | { status: 'error'; message: string };
}

export const sessionStore = createStore<SessionState>({ info: IDLE, signIn: { status: 'idle' } });

let api: SessionApi | null = null;
let reload: () => void = () => window.location.reload();

export function useSessionApi(next: SessionApi, onReload?: () => void): void {
  api = next;
  if (onReload) reload = onReload;
}

function client(): SessionApi {
  if (!api) throw new Error('The session module has no API client: call useSessionApi() first.');
  return api;
}

export function sessionApi(): SessionApi {
  return client();
}

export async function loadSession(): Promise<SessionInfo | null> {
  const state = sessionStore.get();
  sessionStore.set({ ...state, info: loading(state.info) });
  try {
    const info = await client().current();
    sessionStore.set({ ...sessionStore.get(), info: ready(info) });
    return info;
  } catch (error) {
    sessionStore.set({ ...sessionStore.get(), info: failed(toFailure(error), sessionStore.get().info) });
    return null;
  }
}

export async function signIn(name: string, password: string): Promise<void> {
  sessionStore.set({ ...sessionStore.get(), signIn: { status: 'busy' } });
  try {
    await client().signIn(name, password);
    reload();
  } catch (error) {
    sessionStore.set({
      ...sessionStore.get(),
      signIn: { status: 'error', message: toFailure(error).message },
    });
  }
}

export async function signOut(): Promise<void> {
  try {
    await client().signOut();
  } finally {
    reload();
  }
}

/** The current role; `public` until the session is known. */
export function currentRole(): SessionInfo['role'] {
  const info = sessionStore.get().info;
  return info.status === 'ready' ? info.data.role : 'public';
}
