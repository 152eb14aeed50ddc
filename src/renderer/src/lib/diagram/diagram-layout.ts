// Where the diagram's nodes go, so a room can read it: the host at the top left, then each
// network as a bus as wide as the picture, with the containers that live on it wrapped into
// rows below it (as many columns as fit the view at a readable size), network after network
// down the page. The picture grows downwards, never narrower than readable: the view scrolls.
// Positions are kept: a node that has a place (laid out before, or dragged there) keeps it;
// a new one takes its slot in the rows, moved down until it overlaps nothing.

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  id: string;
  width: number;
  height: number;
}

/** One network and the containers drawn below it (bus null: containers on no bridge network). */
export interface Group {
  bus: string | null;
  members: string[];
  /** With several engines, each host heads its own networks: drawn above this group. */
  host?: string;
  /** With several engines side by side: the band (of `bandColumns` columns) this group is in. */
  band?: number;
}

/** Hosts side by side: how many columns each host's band has, and how many bands in a row. */
export interface Bands {
  bandColumns: number;
  perRow: number;
}

export interface RowsPlan {
  host: string | null;
  groups: Group[];
  columns: number;
  /** Hosts side by side (wrapping after `perRow`); groups without a band go below them all. */
  bands?: Bands;
}

export const CONTAINER_WIDTH = 230;
/** Between columns: the lanes where a network's line drops to its containers. */
export const COLUMN_GAP = 44;
/** Left of the buses: the host's line down to every network. */
export const TRUNK = 40;
/** Where the first column starts, right of the buses' left end. */
const INSET = 30;
/** Below a row: room for the lines (and labels) that run under containers. */
export const ROW_GAP = 150;
const BUS_GAP = 46;
const HOST_GAP = 40;
/** Between hosts side by side: the bands' own trunks and lanes already keep them apart. */
const BAND_GAP = 24;

/** How many columns fit `width` (in diagram units). */
export function columnsFor(width: number): number {
  return Math.max(
    1,
    Math.floor((width - TRUNK - INSET + COLUMN_GAP) / (CONTAINER_WIDTH + COLUMN_GAP)),
  );
}

/** Every bus spans the whole picture, so a line to any column starts on it. */
export function busWidth(columns: number): number {
  return INSET + columns * (CONTAINER_WIDTH + COLUMN_GAP) - COLUMN_GAP;
}

/** Where band `band` starts, when hosts stand side by side (a row of `perRow`, then the next). */
export const bandX = (band: number, { bandColumns, perRow }: Bands) =>
  (band % perRow) * (TRUNK + busWidth(bandColumns) + BAND_GAP);

/** A bus under every band of a row: an overlay spanning the hosts. */
export const bandsBusWidth = ({ bandColumns, perRow }: Bands) =>
  bandX(perRow - 1, { bandColumns, perRow }) + busWidth(bandColumns);

/** The slot of every node in a fresh layout. */
export function rowsLayout(boxes: ReadonlyMap<string, Box>, plan: RowsPlan): Map<string, Point> {
  const at = new Map<string, Point>();
  // One running height per band (hosts side by side); a row of bands starts below the rows
  // before it, and groups with no band go below them all.
  const ys = new Map<number, number>();
  const below = (band: number) => {
    const row = Math.floor(band / plan.bands!.perRow);
    const above = [...ys].filter(([b]) => Math.floor(b / plan.bands!.perRow) < row);
    return Math.max(0, ...above.map(([, end]) => end + HOST_GAP));
  };
  let y = 0;
  if (plan.host && boxes.has(plan.host)) {
    at.set(plan.host, { x: 0, y });
    y += boxes.get(plan.host)!.height + HOST_GAP;
  }
  for (const group of plan.groups) {
    const bands = group.band !== undefined ? plan.bands : undefined;
    const columns = bands ? bands.bandColumns : plan.columns;
    const x0 = bands ? bandX(group.band!, bands) : 0;
    if (bands) y = ys.get(group.band!) ?? below(group.band!);
    else if (ys.size) y = Math.max(y, ...ys.values());
    if (group.host && boxes.has(group.host)) {
      at.set(group.host, { x: x0, y });
      y += boxes.get(group.host)!.height + HOST_GAP;
    }
    if (group.bus && boxes.has(group.bus)) {
      at.set(group.bus, { x: x0 + TRUNK, y });
      y += boxes.get(group.bus)!.height + BUS_GAP;
    }
    const members = group.members.filter((id) => boxes.has(id));
    for (let start = 0; start < members.length; start += columns) {
      const row = members.slice(start, start + columns);
      row.forEach((id, col) =>
        at.set(id, { x: x0 + TRUNK + INSET + col * (CONTAINER_WIDTH + COLUMN_GAP), y }),
      );
      y += Math.max(...row.map((id) => boxes.get(id)!.height)) + ROW_GAP;
    }
    if (!members.length) y += BUS_GAP;
    if (bands) ys.set(group.band!, y);
  }
  return at;
}

const overlaps = (a: Point & Box, b: Point & Box): boolean =>
  a.x < b.x + b.width + COLUMN_GAP / 2 &&
  b.x < a.x + a.width + COLUMN_GAP / 2 &&
  a.y < b.y + b.height + BUS_GAP / 2 &&
  b.y < a.y + a.height + BUS_GAP / 2;

/** Positions for every box: the previous ones kept, new ones in their slots or below. */
export function placeNodes(
  boxes: readonly Box[],
  plan: RowsPlan,
  previous: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const placed = new Map<string, Point>();
  for (const b of boxes) {
    const p = previous.get(b.id);
    if (p) placed.set(b.id, p);
  }
  if (placed.size === boxes.length) return placed;
  const slots = rowsLayout(byId, plan);
  const occupied: (Point & Box)[] = boxes.flatMap((b) => {
    const p = placed.get(b.id);
    return p ? [{ ...b, ...p }] : [];
  });
  for (const b of boxes) {
    if (placed.has(b.id)) continue;
    const spot = { ...b, ...(slots.get(b.id) ?? { x: 0, y: 0 }) };
    for (let blocker = occupied.find((o) => overlaps(spot, o)); blocker;) {
      spot.y = blocker.y + blocker.height + BUS_GAP;
      blocker = occupied.find((o) => overlaps(spot, o));
    }
    occupied.push(spot);
    placed.set(b.id, { x: spot.x, y: spot.y });
  }
  return placed;
}
