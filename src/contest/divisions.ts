import type { Track } from './schema/tracks.ts';

/**
 * A division is the pool in which entries compete for quotas and awards: a track's group, a track's
 * category, or the track itself when it has neither. Its id is `track` or `track/sub`.
 */
export interface Division {
  id: string;
  name: string;
  nameEn?: string;
  trackId: string;
  groupId?: string;
  categoryId?: string;
}

export const divisionsOf = (tracks: readonly Track[]): Division[] =>
  tracks.flatMap((track): Division[] => {
    if (track.groups.length > 0) {
      return track.groups.map((group) => ({
        id: `${track.id}/${group.id}`,
        name: `${track.name}（${group.name}）`,
        nameEn: joinEnglish(track.nameEn, group.nameEn),
        trackId: track.id,
        groupId: group.id,
      }));
    }
    if (track.categories.length > 0) {
      return track.categories.map((category) => ({
        id: `${track.id}/${category.id}`,
        name: `${track.name}（${category.name}）`,
        nameEn: joinEnglish(track.nameEn, category.nameEn),
        trackId: track.id,
        categoryId: category.id,
      }));
    }
    return [{ id: track.id, name: track.name, nameEn: track.nameEn, trackId: track.id }];
  });

const joinEnglish = (track?: string, sub?: string) => (track && sub ? `${track} (${sub})` : (sub ?? track));

export const divisionIdOf = (trackId: string, subId?: string | null) => (subId ? `${trackId}/${subId}` : trackId);
