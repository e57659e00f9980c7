/** Electron shell: a thin wrapper around the plain-Node services. */
import { appRoot } from '../../platform/app-root';
import '../../platform/log/sqlite-warning'; // first: before any module opens node:sqlite
import path from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, safeStorage, screen, session } from 'electron';
import { pathToFileURL } from 'node:url';
import { chooseDataDir } from '../../platform/storage/data-dir';
import { readUpdateConfig, startServerUpdates, type UpdaterLike } from '../../platform/update/server-updates';
import { resolveStatic } from '../browser-host/static-files';
import type { Services } from '../services';
import { runAdminCommand, type AdminCommand } from '../cli/cli-commands';
import type { Flags } from '../flags/flags';
import { openPost } from '../post';
import type { PostOptions } from '../flags/post-options';
import type { KeyProtector } from '../../records/registry/registry-key';
import { installLastResort } from '../../platform/log/last-resort';
import { createLogger } from '../../platform/log/logger';
import { RegistryKeyError } from '../../records/registry/registry-key';
import { bindElectronIpc } from './electron-ipc';
import { APP_ORIGIN, electronClientId } from './sender-check';
import { createConsoleWindow, hardenSession } from './window';
import { CONSOLE_PARTITION } from './window-options';
import { createWallWindow, electronWallScreen, wallWindowPort } from './wall-window';
import { electronStart, openWindows, withoutConsole } from './electron-start';
import { WallScreenKeeper } from '../../video/wall/screen-choice';

const log = createLogger('electron');
installLastResort();
const ROOT = appRoot();
const RENDERER = path.join(ROOT, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// No crash dumps: a dump of the renderer could hold decoded images.
app.commandLine.appendSwitch('disable-breakpad');
app.commandLine.appendSwitch('disable-crash-reporter');

function keyProtector(): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (b: Buffer) => safeStorage.encryptString(b.toString('base64')),
    decrypt: (b: Buffer) => Buffer.from(safeStorage.decryptString(b), 'base64'),
  };
}

/** Machine-wide (%ProgramData%\\Vigie, created and locked down by the installer), never the install folder. */
const dataDirOf = (option: string | undefined): string =>
  chooseDataDir({
    option,
    installDir: path.dirname(app.getPath('exe')),
    allowUserFallback: !app.isPackaged,
  }).dir;

/**
 * `Vigie.exe operators add …` (and registry, wall, selftest, update): the CLI's commands on a post
 * with no Node, through the same data folder and registry key as the console. No window opens.
 */

async function runCommand(command: AdminCommand, flags: Flags): Promise<number> {
  return runAdminCommand(command, flags, {
    keyProtector: keyProtector(),
    dataDir: (f) => dataDirOf(f.dataDir),
    assetsDir: app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(ROOT, 'assets'),
    version: app.getVersion(),
  });
}

async function start(o: PostOptions): Promise<void> {
  const dataDir = dataDirOf(o.dataDir);
  const post = await openPost(o, {
    dataDir,
    ...(app.isPackaged && { resourcesDir: process.resourcesPath }),
    assetsDir: app.isPackaged ? path.join(process.resourcesPath, 'assets') : path.join(ROOT, 'assets'),
    host: 'electron',
    version: app.getVersion(),
    wallScreens: () => screen.getAllDisplays().map((d) => ({ id: String(d.id), name: d.label })),
    // The registry key is wrapped by the OS keystore where Electron offers one.
    ...(keyProtector() && { keyProtector: keyProtector() }),
  });
  const services = post.services;
  const ses = hardenSession(session.fromPartition(CONSOLE_PARTITION));
  ses.protocol.handle('app', (req) => {
    // The same check as the browser host: a malformed path answers 400, never throws.
    const file = resolveStatic(RENDERER, new URL(req.url).pathname);
    if (file === 400) return new Response('bad request', { status: 400 });
    if (file === 404) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  bindElectronIpc(
    services.router,
    services.events,
    () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    services.mayReceive,
    (clientId) => services.auth.logout(clientId, 'disconnect'),
  );
  // Updates from the internal server, only when <data>/update.json enables them (off by default).
  const updates = readUpdateConfig(dataDir);
  if (app.isPackaged && updates.enabled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { autoUpdater } = require('electron-updater') as { autoUpdater: UpdaterLike };
    startServerUpdates(autoUpdater, updates, services.registry);
  }
  if (post.linkLine) {
    process.stdout.write(`${post.linkLine}\n`);
    log.info(post.linkLine);
  }
  openWindows(o.role, {
    openConsole: () => {
      const win = createConsoleWindow(BrowserWindow, ses, !app.isPackaged);
      const clientId = electronClientId(win.webContents.id);
      win.webContents.on('destroyed', () => {
        try {
          services.auth.logout(clientId, 'disconnect');
        } catch (e) {
          log.error('logout after window closed not recorded', e);
        }
      });
      return win;
    },
    openWall: ({ console, mayCoverPrimary }) => openWall(services, ses, console, mayCoverPrimary),
  });
  // Quitting stops every camera this post moves before the process goes (bounded: never hangs).
  let closing = false;
  app.on('before-quit', (e) => {
    if (closing) return;
    closing = true;
    e.preventDefault();
    const bound = new Promise((r) => setTimeout(r, 3000));
    void Promise.race([post.close(), bound]).finally(() => app.exit(0));
  });
}

/**
 * The wall on this PC: its own window on its own display, following plug and unplug. Beside a
 * console it never covers the console's display; on a rack PC (no console) any display will do.
 */
function openWall(
  services: Services,
  ses: Electron.Session,
  consoleWin: BrowserWindow | null,
  mayCoverPrimary: boolean,
): void {
  const settings = services.wallSettings.get();
  const win = createWallWindow(
    BrowserWindow,
    ses,
    services.wallKioskUrl(APP_ORIGIN),
    settings.contentProtection,
  );
  const clientId = electronClientId(win.webContents.id);
  const keeper = new WallScreenKeeper(
    mayCoverPrimary ? withoutConsole(electronWallScreen(screen)) : electronWallScreen(screen),
    wallWindowPort(win),
    settings.display,
    (c) => {
      if (c.missing)
        log.warn(`wall display "${c.missing}" missing: ${c.display ? 'fallback' : 'wall hidden'}`);
      services.wall.setDisplayMissing(c.missing);
    },
  );
  const off = services.wallSettings.onChange((s) => {
    if (!win.isDestroyed()) win.setContentProtection(s.contentProtection);
    keeper.setWanted(s.display);
  });
  win.webContents.on('destroyed', () => {
    off();
    keeper.close();
    services.auth.logout(clientId, 'disconnect');
  });
  // The wall lives with its console: closing the console quits the app.
  consoleWin?.on('closed', () => {
    if (!win.isDestroyed()) win.destroy();
  });
}

// Packaged: Vigie.exe [COMMAND] …; from the sources: electron . [COMMAND] …
const startup = electronStart(process.argv.slice(app.isPackaged ? 1 : 2));
if (startup.kind === 'help' || startup.kind === 'error') {
  (startup.kind === 'help' ? process.stdout : process.stderr).write(`${startup.text}\n`);
  void app.whenReady().then(() => {
    // A shortcut with a wrong flag would otherwise start nothing and say nothing.
    if (startup.kind === 'error') dialog.showErrorBox('Vigie', startup.text);
    app.exit(startup.kind === 'help' ? 0 : 2);
  });
} else if (startup.kind === 'command') {
  void app
    .whenReady()
    .then(() => runCommand(startup.command, startup.flags))
    .then(
      (code) => app.exit(code),
      (e: unknown) => {
        process.stderr.write(`vigie : ${e instanceof Error ? e.message : String(e)}\n`);
        app.exit(1);
      },
    );
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => start(startup.options))
    .catch((e: unknown) => {
      log.error('start-up failed', e);
      // A registry key problem is for the technician to settle; say it rather than vanish.
      if (e instanceof RegistryKeyError) dialog.showErrorBox('Vigie', `Démarrage refusé : ${e.message}`);
      app.exit(1);
    });
}
