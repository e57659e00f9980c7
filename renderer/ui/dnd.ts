/** The console's drag payloads: a camera (tree, map, unplaced list) or a mosaic tile. */
export const DND_CAMERA = 'application/x-vigie-camera';
export const DND_TILE = 'application/x-vigie-tile';
