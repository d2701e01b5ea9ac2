import type * as oidc from 'oidc-provider' with { 'resolution-mode': 'import' };

interface Entry {
  payload: oidc.AdapterPayload;
  expiresAt: number;
}

const SWEEP_EVERY_WRITES = 500;

/**
 * oidc-provider storage (sessions, interactions, grants, codes, token records) in memory, one store
 * per provider so providers in one process do not share state, with expired entries swept as it
 * grows. Like Keycloak's sessions in a single dev node, everything is gone after a restart; signed
 * access tokens stay valid because the signing key is persisted.
 */
export function memoryAdapterFactory(now: () => number = Date.now): oidc.AdapterFactory {
  const entries = new Map<string, Entry>();
  const index = new Map<string, string>();
  const grants = new Map<string, Set<string>>();
  let writes = 0;

  const sweep = () => {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
    for (const [key, target] of index) if (!entries.has(target)) index.delete(key);
    for (const [grantId, keys] of grants) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key);
      if (keys.size === 0) grants.delete(grantId);
    }
  };
  const read = (key: string | undefined) => {
    const entry = key === undefined ? undefined : entries.get(key);
    if (!entry || entry.expiresAt <= now()) return undefined;
    return entry.payload;
  };

  return (model: string): oidc.Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    // The store is synchronous; the adapter interface wants promises.
    return {
      upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        entries.set(key, { payload, expiresAt: now() + expiresIn * 1000 });
        if (model === 'Session' && payload.uid) index.set(`sessionUid:${payload.uid}`, key);
        if (payload.userCode) index.set(`userCode:${payload.userCode}`, key);
        if (payload.grantId) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(key));
        if (++writes % SWEEP_EVERY_WRITES === 0) sweep();
        return Promise.resolve();
      },
      find(id) {
        return Promise.resolve(read(keyFor(id)));
      },
      findByUid(uid) {
        return Promise.resolve(read(index.get(`sessionUid:${uid}`)));
      },
      findByUserCode(userCode) {
        return Promise.resolve(read(index.get(`userCode:${userCode}`)));
      },
      consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        entries.delete(keyFor(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) entries.delete(key);
        grants.delete(grantId);
        return Promise.resolve();
      },
    };
  };
}
