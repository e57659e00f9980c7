/**
 * A post from its options, in either shell: the services, the wall on this PC or on a rack PC, the
 * display wired to this PC, and, in wall role, the link's listener. The browser host and Electron's
 * main both open their post here; they differ only in how they show it (a URL, or windows).
 */
import { createServices, type Services, type ServicesOptions } from './services';
import { loadOrCreateIdentity } from '../video/wall/link/identity';
import type { PostOptions } from './flags/post-options';
import { displayFrom, remoteWall, startWallLink, type HostRole } from './wall-role';

export interface Post {
  services: Services;
  role: HostRole;
  /** Wall role: the line that tells the technician where the link listens and this post's fingerprint. */
  linkLine: string | null;
  close(): Promise<void>;
}

export async function openPost(
  o: PostOptions,
  shell: Omit<ServicesOptions, keyof PostOptions['services'] | 'wallController' | 'wallDisplay'>,
): Promise<Post> {
  const role = o.role;
  // A console whose wall is on a rack PC drives it over the pinned link instead of its own.
  const remote = role.role === 'console' && role.wall ? await remoteWall(role.wall, shell.dataDir) : null;
  const services = await createServices({
    ...shell,
    ...o.services,
    ...(remote && { wallController: () => remote }),
    // The display is driven where it is wired: a rack PC's through the link, else this PC's own.
    wallDisplay: async (registry) =>
      remote ?? (await displayFrom(role.display, shell.dataDir, shell.assetsDir, registry)),
  });
  let link: { close(): Promise<void> } | null = null;
  let linkLine: string | null = null;
  try {
    if (role.role === 'wall') {
      link = await startWallLink(
        role,
        shell.dataDir,
        services.wall.controller,
        services.wall.display,
        services.registry,
        () => services.wall.view().shown,
      );
      const id = await loadOrCreateIdentity(shell.dataDir);
      linkLine = `Poste mur : liaison sur ${role.listen.host}:${role.listen.port}, empreinte de ce poste ${id.fingerprint}`;
    }
  } catch (e) {
    await services.close();
    throw e;
  }
  return {
    services,
    role,
    linkLine,
    close: async () => {
      await link?.close();
      await services.close();
    },
  };
}
