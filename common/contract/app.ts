/** The post itself, as the console shows it. */
import { channel } from './spec';

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  demo: boolean;
}

export const appChannels = {
  'app:info': channel<undefined, AppInfo>(),
};
