import type DataLoader from 'dataloader';

/** Per-request DataLoader cache: one loader per key (for example entity name plus page arguments). */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<TKey, TValue>(key: string, create: () => DataLoader<TKey, TValue>): DataLoader<TKey, TValue> {
    let loader = this.loaders.get(key) as DataLoader<TKey, TValue> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
