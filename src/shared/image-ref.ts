// Image references as engines list them: Docker says "busybox:latest", Podman
// "docker.io/library/busybox:latest", and an image loaded into Podman is
// "localhost/crosstalk-test:latest". One image, whichever way it is written.

/** The short form people type: no docker.io/library/ or localhost/ prefix, ":latest" added. */
export function shortImageRef(ref: string): string {
  const bare = ref.replace(/^(docker\.io\/(library\/)?|localhost\/)/, '');
  const lastPart = bare.slice(bare.lastIndexOf('/') + 1);
  return lastPart.includes(':') || lastPart.includes('@') ? bare : `${bare}:latest`;
}

/** The engine's own name for `wanted` among `images`, or undefined when it is not there. */
export function findImage(images: readonly string[], wanted: string): string | undefined {
  const short = shortImageRef(wanted);
  return images.find((i) => i === wanted) ?? images.find((i) => shortImageRef(i) === short);
}
