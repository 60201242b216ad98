/** As in Anki: when nothing else is due, learning cards due within this window are shown early. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;
