// Removing a lesson's server and creating it again under the same name: the
// move that shows which ways of connecting survive it.
import { createContainer } from '../containers';
import type { ContainerSpec, LessonContext } from './lesson';

export async function recreate(
  ctx: LessonContext,
  spec: ContainerSpec,
): Promise<{ oldIp: string; newIp: string }> {
  const network = spec.network ?? 'bridge';
  const ipOf = async () =>
    (await ctx.docker.getContainer(spec.name!).inspect()).NetworkSettings.Networks[network]
      ?.IPAddress ?? '';
  const oldIp = await ipOf();
  await ctx.docker.getContainer(spec.name!).remove({ force: true });
  // A container started in between takes the freed address, as happens on a busy engine; it
  // only stands in while the new server is made, then goes (no unexplained pane is left).
  const standIn = `${spec.name}-placeholder`;
  await createContainer(ctx.docker, { ...spec, image: ctx.image, labId: ctx.labId, name: standIn });
  try {
    await createContainer(ctx.docker, { ...spec, image: ctx.image, labId: ctx.labId });
  } finally {
    await ctx.docker
      .getContainer(standIn)
      .remove({ force: true })
      .catch(() => undefined);
  }
  return { oldIp, newIp: await ipOf() };
}

/** Whether the container under this name is another one than Set up made, and its id. */
export async function wasRecreated(
  ctx: LessonContext,
  name: string,
): Promise<{ recreated: boolean; id: string }> {
  const id = await ctx.docker
    .getContainer(name)
    .inspect()
    .then((i) => i.Id)
    .catch(() => '');
  return { recreated: id !== '' && id !== ctx.setUp.get(name), id };
}
