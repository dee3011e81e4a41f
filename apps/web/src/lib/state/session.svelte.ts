import { api, ApiError, createApi, type User } from '../api.ts';

/** Who is signed in, as `/api/me` says. Loaded once by the root layout's `load`. */
class SessionState {
  user = $state.raw<User | null>(null);
  #pending: Promise<void> | null = null;

  /** Load the session once; later calls reuse the first answer. Loads pass their `fetch`. */
  ensureLoaded(fetchImpl?: typeof fetch): Promise<void> {
    this.#pending ??= this.refresh(fetchImpl);
    return this.#pending;
  }

  async refresh(fetchImpl?: typeof fetch): Promise<void> {
    try {
      this.user = (await (fetchImpl ? createApi(fetchImpl) : api).me()).user;
    } catch (error) {
      this.user = null;
      // 401 means signed out. Anything else (server unreachable): ask again on the next navigation.
      if (!(error instanceof ApiError) || error.status !== 401) this.#pending = null;
    }
  }

  async login(email: string, password: string): Promise<void> {
    this.user = (await api.login(email, password)).user;
    this.#pending = Promise.resolve();
  }

  /** Someone who just joined through an invitation link: the server has set their guest session. */
  adopt(user: User): void {
    this.user = user;
    this.#pending = Promise.resolve();
  }

  /** System admins and organisation admins manage an organisation's users. */
  get canManageUsers(): boolean {
    return this.user !== null && (this.user.isAdmin || this.user.organisationRole === 'admin');
  }

  async logout(): Promise<void> {
    try {
      await api.logout();
    } finally {
      this.expire();
    }
  }

  /** Forget the user locally, e.g. after a 401 from the API or the sync socket. */
  expire(): void {
    this.user = null;
    this.#pending = Promise.resolve();
  }
}

export const session = new SessionState();
