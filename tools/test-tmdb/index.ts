export { startLoopbackTmdb, type LoopbackTmdb, type LoopbackTmdbOptions, type TmdbCastFixture, type TmdbFilmFixture } from './loopback-tmdb';
export { DIL_SE } from './dil-se-fixture';
