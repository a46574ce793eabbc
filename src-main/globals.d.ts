// Constants the build (scripts/build.mjs) defines.
declare const TETHER_VERSION: string;
