/* Starts the background wiring on WXT's fake browser, a fresh IndexedDB and an injected clock. */
import { createBackground, type Background } from '../../../lib/background';
import { openStore } from '../../../lib/cases/store';
import { installMessaging, installTabsQueryPatterns, type MessagingHarness } from './messaging';
import { T0 } from './cases';

let n = 0;

export interface World {
  clock: { now: number };
  factory: IDBFactory;
  name: string;
  harness: MessagingHarness;
  bg: Background;
  /** Kills the "worker" (listeners gone, connection closed) and loads a new one on the same data. */
  restart(): Promise<Background>;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const clock = { now: T0 };
  const factory = new IDBFactory();
  const name = `rh-bg-${++n}`;
  const harness = installMessaging();
  installTabsQueryPatterns();
  const load = () =>
    createBackground({
      now: () => clock.now,
      openStore: () => openStore(name, factory),
      locale: () => 'zh-CN',
    });
  const world: World = {
    clock,
    factory,
    name,
    harness,
    bg: load(),
    async restart() {
      await world.stop();
      world.bg = load();
      await world.bg.ready;
      return world.bg;
    },
    async stop() {
      await world.bg.ready;
      world.bg.dispose();
      (await world.bg.service()).store.close();
    },
  };
  await world.bg.ready;
  return world;
}
