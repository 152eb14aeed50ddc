// Paths as the person's own platform writes them, so that a Windows home folder
// reads right wherever discovery runs (and is tested).
import { posix, win32, type PlatformPath } from 'node:path';
import type { DiscoveryInput } from './types';

type Where = Pick<DiscoveryInput, 'env' | 'homeDir' | 'platform'>;

export function pathsOf(platform: NodeJS.Platform): PlatformPath {
  return platform === 'win32' ? win32 : posix;
}

/** The docker CLI's config folder: DOCKER_CONFIG, else ~/.docker. */
export function configDirOf(input: Where): string {
  return input.env['DOCKER_CONFIG'] || pathsOf(input.platform).join(input.homeDir, '.docker');
}

/** A path as people read it: ~/… when it lies in the home folder. */
export function tilde(path: string, input: Where): string {
  const paths = pathsOf(input.platform);
  const inside = paths.relative(input.homeDir, path);
  const isInside = inside !== '' && !inside.startsWith('..') && !paths.isAbsolute(inside);
  return isInside ? `~${paths.sep}${inside}` : path;
}
